// A fake of the part of the WPS 表格 JSAPI the WPS host uses (src/hosts/wps/api.ts), over a plain
// in-memory workbook. It behaves like the documented object model where the host relies on it:
// Value2 / Formula of a multi-cell range are rows of values (a scalar for one cell), typed text
// is coerced like typed input unless the cells are text-formatted (@) or the text starts with an
// apostrophe, a property read on a union range answers null when its cells differ, colours are
// BGR integers, Sheets.Add activates the new sheet, deleting a sheet with DisplayAlerts on would
// ask the user, Find with a search format jumps between merged areas.
//
// Rules of the real object model the host relies on, each enforced here:
//   - UsedRange covers formatted-only cells too (a template formatted down to row 65536): the
//     Excel object model's UsedRange, which et-jsapi-declare types as a plain Range
//     (lib.et.d.ts:4718); the host must bound it by the last value cell;
//   - Find("*", …, SearchOrder, SearchDirection xlPrevious) gives the last cell with content
//     (lib.et.d.ts:1490, XlSearchDirection xlPrevious = 2 at 17440, xlByColumns = 2 at 17444);
//   - Worksheet.Delete() refuses a very hidden sheet (the Excel object model WPS follows; the same
//     rule as Office.js Worksheet.delete, @types/office-js index.d.ts:37511 — not verified in WPS);
//   - Value2 of a multi-cell range is rows × columns of values, of one cell a scalar
//     (lib.et.d.ts:1706 types it only as string | Array<any>); `value2Shape` lets a test hand the
//     host another shape, as an odd build might;
//   - Workbook.Names (lib.et.d.ts:6376): Add(Name, RefersTo) follows the Excel object model
//     (Names.Add, learn.microsoft.com/office/vba/api/excel.names.add): a name obeys Excel's syntax
//     rules (a letter, _ or \ first, then letters, digits, _ and .; not a cell reference such as
//     A1 or R1C1, nor C or R; at most 255 characters); an existing name (in any case) is redefined,
//     not duplicated; RefersTo starting with "=" is a reference, whose sheet must exist (else
//     error 1004), without "=" a text constant; Item(i) from 1, Item(name) in any case, an
//     unknown one throws; deleting a sheet leaves its names, RefersTo "=#REF!$A$1", until deleted.
//     Not verified in WPS;
//   - Worksheet.PageSetup (lib.et.d.ts:4784) as in the Excel object model (PageSetup.Zoom,
//     FitToPagesWide/Tall, learn.microsoft.com/office/vba/api/excel.pagesetup.zoom): Zoom is 10–400
//     or False, and only with Zoom = False do FitToPagesWide / FitToPagesTall scale the sheet
//     (`scaling()` says what applies); Orientation is xlPortrait 1 / xlLandscape 2; margins are
//     points ≥ 0; PrintTitleRows takes whole rows ("$2:$2") or "" for none;
//     HPageBreaks.Add(Before) (lib.et.d.ts:6466) takes a Range of the same sheet (a string is an
//     error) and breaks above it, never above row 1; ResetAllPageBreaks removes the manual breaks.
//
// Every property read or write and every method call on an API object is counted (`calls`, and
// by member in `byMember`): that is what a round trip into WPS is. No Node API: the e2e test runs
// this in the browser as window.Application.

import type { WpsApplication } from '../../../src/hosts/wps/api';

// ---- addresses ------------------------------------------------------------------------------

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

export function colLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function addr(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

function parseCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  if (!m) throw new WpsError(`无效的单元格地址 ${a}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** One area of a Range() address: "B3", "A1:C9", "3:5" (rows), "A:C" (columns). */
function parseArea(text: string): Bounds {
  const t = text.trim();
  let m = /^\$?(\d+):\$?(\d+)$/.exec(t);
  if (m) return { top: Math.min(+m[1], +m[2]) - 1, bottom: Math.max(+m[1], +m[2]) - 1, left: 0, right: MAX_COL };
  m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(t);
  if (m) {
    const a = colIndex(m[1]);
    const b = colIndex(m[2]);
    return { top: 0, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const parts = t.split(':');
  if (parts.length > 2) throw new WpsError(`无效的区域 ${text}`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function areaText(b: Bounds, absolute: boolean): string {
  const d = absolute ? '$' : '';
  if (b.left === 0 && b.right === MAX_COL) return `${d}${b.top + 1}:${d}${b.bottom + 1}`;
  if (b.top === 0 && b.bottom === MAX_ROW) return `${d}${colLetters(b.left)}:${d}${colLetters(b.right)}`;
  const a = `${d}${colLetters(b.left)}${d}${b.top + 1}`;
  if (b.top === b.bottom && b.left === b.right) return a;
  return `${a}:${d}${colLetters(b.right)}${d}${b.bottom + 1}`;
}

const size = (b: Bounds) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
const within = (b: Bounds, r: number, c: number) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
const overlap = (a: Bounds, b: Bounds): Bounds | undefined => {
  const o = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return o.top <= o.bottom && o.left <= o.right ? o : undefined;
};

// ---- constants (the host's, repeated so the fake stands on its own) --------------------------

const xlNone = -4142;
const xlSolid = 1;
const xlBottom = -4107;
const WHITE = 0xffffff;

const ERRORS: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

export class WpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WpsError';
  }
}

// ---- the workbook model ---------------------------------------------------------------------

export type Scalar = string | number | boolean;

export interface FakeCell {
  value?: Scalar;
  /** "=SUM(A1:A3)"; `value` is its cached result. */
  formula?: string;
  error?: string;
  numberFormat?: string;
  /** Solid fill, BGR. */
  fill?: number;
  bold?: boolean;
  wrap?: boolean;
  /** XlVAlign code; absent = bottom. */
  vertical?: number;
}

/** What Worksheet.PageSetup and HPageBreaks hold. */
export interface FakePage {
  orientation: number;
  paperSize: number;
  zoom: number | false;
  fitWide: number | false;
  fitTall: number | false;
  margins: { top: number; bottom: number; left: number; right: number };
  printTitleRows: string;
  /** Manual breaks: each row (1-based) starts a page. */
  rowBreaks: number[];
}

/** A workbook-level defined name. */
export interface FakeName {
  name: string;
  /** "='补充信息'!$A$1"; "=#REF!$A$1" once its sheet is gone. */
  refersTo: string;
}

/** WPS's defaults for a new sheet (A4 portrait, 100 %, the Normal margins in points). */
export function defaultPage(): FakePage {
  return {
    orientation: 1,
    paperSize: 9,
    zoom: 100,
    fitWide: 1,
    fitTall: 1,
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4 },
    printTitleRows: '',
    rowBreaks: [],
  };
}

export class FakeSheet {
  page: FakePage = defaultPage();
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  visible = -1;
  cells = new Map<string, FakeCell>();
  comments = new Map<string, string>();
  merges: Bounds[] = [];
  /** Custom column widths (characters) by 0-based column. */
  widths = new Map<number, number>();
  /** Custom row heights (points) by 0-based row. */
  heights = new Map<number, number>();
  standardWidth = 8.38;
  standardHeight = 13.5;
  protect = false;
  constructor(public name: string) {}

  cell(a: string): FakeCell {
    const k = a.replace(/\$/g, '').toUpperCase();
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = {}));
    return c;
  }

  peek(a: string): FakeCell | undefined {
    return this.cells.get(a.replace(/\$/g, '').toUpperCase());
  }

  set(a: string, value: Scalar | null): this {
    const c = this.cell(a);
    delete c.formula;
    delete c.error;
    if (value === null) delete c.value;
    else c.value = value;
    return this;
  }

  mergeAt(r: number, c: number): Bounds | undefined {
    return this.merges.find((m) => within(m, r, c));
  }
}

export interface Call {
  member: string;
}

export class FakeBook {
  name = '决算.xlsx';
  sheets: FakeSheet[] = [];
  protectStructure = false;
  active?: string;
  selection?: { sheet: string; address: string };
  /** Property reads and writes and method calls on API objects: the round trips. */
  calls = 0;
  byMember = new Map<string, number>();
  /** Times a sheet was deleted with DisplayAlerts on (WPS would have asked the user). */
  alertsShown = 0;
  /** Find honours Application.FindFormat (false: a WPS that ignores the search format). */
  findFormatHonoured = true;
  /** The JSAPI has no AddComment (to test the 审核结果 fallback). */
  noComments = false;
  /** Value2 reads of multi-cell ranges answer this instead (a test of the host's shape check). */
  value2Shape?: (rows: unknown[][]) => unknown;
  /** Make the n-th call (1-based, counted from now) of `member` throw, like WPS failing half way. */
  failAt?: { member: string; n: number };
  /** Workbook-level defined names. */
  names: FakeName[] = [];

  add(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  get(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  count(member: string): void {
    this.calls++;
    this.byMember.set(member, (this.byMember.get(member) ?? 0) + 1);
    if (this.failAt && this.failAt.member === member && --this.failAt.n === 0) {
      this.failAt = undefined;
      throw new WpsError('fake: WPS failed here');
    }
  }

  /** Calls by member since `since` (a copy of byMember taken earlier). */
  static diff(now: Map<string, number>, since: Map<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of now) if (v - (since.get(k) ?? 0) > 0) out[k] = v - (since.get(k) ?? 0);
    return out;
  }

  // ---- plain data (the e2e test hands the workbook to the page this way) ----

  toJSON(): unknown {
    return {
      name: this.name,
      active: this.active,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visible: s.visible,
        cells: [...s.cells],
        comments: [...s.comments],
        merges: s.merges,
        widths: [...s.widths],
        heights: [...s.heights],
        page: s.page,
      })),
      names: this.names,
    };
  }

  static fromJSON(data: unknown): FakeBook {
    const d = data as {
      name: string;
      active?: string;
      sheets: {
        name: string;
        visible: number;
        cells: [string, FakeCell][];
        comments: [string, string][];
        merges: Bounds[];
        widths: [number, number][];
        heights: [number, number][];
        page?: FakePage;
      }[];
      names?: FakeName[];
    };
    const book = new FakeBook();
    book.name = d.name;
    for (const s of d.sheets) {
      const sheet = book.add(s.name);
      sheet.visible = s.visible;
      sheet.cells = new Map(s.cells.map(([a, c]) => [a, { ...c }]));
      sheet.comments = new Map(s.comments);
      sheet.merges = s.merges.map((m) => ({ ...m }));
      sheet.widths = new Map(s.widths);
      sheet.heights = new Map(s.heights);
      if (s.page) sheet.page = { ...s.page, margins: { ...s.page.margins }, rowBreaks: [...s.page.rowBreaks] };
    }
    book.names = (d.names ?? []).map((n) => ({ ...n }));
    book.active = d.active ?? book.sheets[0]?.name;
    return book;
  }
}

// ---- counting -------------------------------------------------------------------------------

/** Wraps an API object so every member access (capitalised names) counts as one call. */
function counted<T extends object>(book: FakeBook, type: string, target: T): T {
  return new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t);
      if (typeof prop !== 'string' || !/^[A-Z]/.test(prop)) return v;
      if (typeof v === 'function') {
        return (...args: unknown[]) => {
          book.count(`${type}.${prop}()`);
          return (v as (...a: unknown[]) => unknown).apply(t, args);
        };
      }
      book.count(`${type}.${prop}`);
      return v;
    },
    set(t, prop, value) {
      if (typeof prop === 'string' && /^[A-Z]/.test(prop)) book.count(`${type}.${prop}=`);
      return Reflect.set(t, prop, value, t);
    },
  });
}

// ---- typed input ----------------------------------------------------------------------------

function coerce(text: string): Partial<FakeCell> {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const t = text.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(t) || /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (ERRORS[t.toUpperCase()] !== undefined) return { error: t.toUpperCase() };
  return { value: text };
}

/** A formula's value, for the few the tests write ("=1+1", "=A1"): else 0. */
function evaluate(sheet: FakeSheet, formula: string): Scalar {
  const body = formula.slice(1).trim();
  if (/^[\d.+\-*/() ]+$/.test(body)) {
    try {
      return Number(Function(`"use strict"; return (${body});`)());
    } catch {
      return 0;
    }
  }
  const ref = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(body);
  if (ref) return sheet.peek(`${ref[1]}${ref[2]}`)?.value ?? 0;
  return 0;
}

// ---- API objects ----------------------------------------------------------------------------

export class FakeApplication {
  ScreenUpdating = true;
  DisplayAlerts = true;
  ribbonUI?: unknown;
  readonly taskPanes: { ID: number; url: string; title?: string; Visible: boolean }[] = [];
  private storage = new Map<string, unknown>();
  private findFormat = { mergeCells: false as boolean | null };

  constructor(public book: FakeBook | null) {}

  /** The proxy the host talks to (typed as the JSAPI subset the host uses). */
  api(): WpsApplication {
    return (this.book ? counted(this.book, 'Application', this) : this) as unknown as WpsApplication;
  }

  get ActiveWorkbook(): WorkbookApi | null {
    return this.book ? counted(this.book, 'Workbook', new WorkbookApi(this.book, this)) : null;
  }

  get ActiveSheet(): WorksheetApi | null {
    if (!this.book?.active) return null;
    const s = this.book.find(this.book.active);
    return s ? worksheet(this.book, this, s) : null;
  }

  get FindFormat(): unknown {
    const f = this.findFormat;
    const fmt = {
      Clear() {
        f.mergeCells = false;
      },
      get MergeCells() {
        return f.mergeCells;
      },
      set MergeCells(v: boolean | null) {
        f.mergeCells = v;
      },
    };
    return this.book ? counted(this.book, 'CellFormat', fmt) : fmt;
  }

  /** Whether Find should look for merged cells (the host set the search format). */
  get searchMerged(): boolean {
    return this.findFormat.mergeCells === true;
  }

  get PluginStorage(): { getItem(k: string): unknown; setItem(k: string, v: unknown): void } {
    const s = this.storage;
    return {
      getItem: (k: string) => (s.has(k) ? s.get(k) : null),
      setItem: (k: string, v: unknown) => void s.set(k, v),
    };
  }

  CreateTaskPane(url: string, title?: string) {
    const pane = { ID: this.taskPanes.length + 1, url, title, Visible: false };
    this.taskPanes.push(pane);
    return pane;
  }

  GetTaskPane(id: number | string) {
    return this.taskPanes.find((p) => String(p.ID) === String(id)) ?? null;
  }
}

class WorkbookApi {
  constructor(
    private book: FakeBook,
    private app: FakeApplication,
  ) {}
  get Name() {
    return this.book.name;
  }
  get ProtectStructure() {
    return this.book.protectStructure;
  }
  get Sheets() {
    return counted(this.book, 'Sheets', new SheetsApi(this.book, this.app));
  }
  get Names() {
    return counted(this.book, 'Names', new NamesApi(this.book));
  }
}

// ---- defined names ----------------------------------------------------------------------------

/** Excel's syntax rules for a name ("Names in formulas", support.microsoft.com). */
function validName(name: string): boolean {
  if (name.length < 1 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff]*$/.test(name)) return false;
  if (/^[CR]$/i.test(name)) return false;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && colIndex(a1[1]) <= MAX_COL && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROW + 1) return false;
  if (/^R\d*C\d*$/i.test(name)) return false;
  return true;
}

/** The sheet "='A b'!$A$1" / "=Sheet1!$A$1" refers to. */
export function sheetOfReference(refersTo: string): string | undefined {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!#]+))!/.exec(refersTo);
  return m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : undefined;
}

class NamesApi {
  constructor(private book: FakeBook) {}
  get Count() {
    return this.book.names.length;
  }
  private name(n: FakeName) {
    const book = this.book;
    return counted(book, 'Name', {
      get Name() {
        return n.name;
      },
      get RefersTo() {
        return n.refersTo;
      },
      Delete() {
        const i = book.names.indexOf(n);
        if (i < 0) throw new WpsError('名称已被删除');
        book.names.splice(i, 1);
      },
    });
  }
  Item(index: number | string) {
    const n =
      typeof index === 'number'
        ? this.book.names[index - 1]
        : this.book.names.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
    if (!n) throw new WpsError(`下标越界：${String(index)}`);
    return this.name(n);
  }
  Add(name: string, refersTo: string) {
    if (typeof name !== 'string' || !validName(name)) throw new WpsError(`名称无效：${String(name)}`);
    let ref = String(refersTo);
    if (ref.startsWith('=')) {
      const sheet = sheetOfReference(ref);
      if (!sheet || !this.book.find(sheet)) throw new WpsError(`引用无效：${ref}`);
    } else ref = `="${ref.replace(/"/g, '""')}"`; // a text constant
    const existing = this.book.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (existing) existing.refersTo = ref;
    else this.book.names.push({ name, refersTo: ref });
    return this.Item(name);
  }
}

// ---- printing ---------------------------------------------------------------------------------

/** What scales the printed sheet: a zoom percentage, or fit to pages (only with Zoom = False). */
export function scaling(page: FakePage): { zoom: number } | { wide: number | false; tall: number | false } {
  return page.zoom === false ? { wide: page.fitWide, tall: page.fitTall } : { zoom: page.zoom };
}

function pageSetup(book: FakeBook, live: () => FakeSheet) {
  const page = () => {
    const s = live();
    if (s.protect) throw new WpsError('工作表受保护');
    return s.page;
  };
  const pages = (v: unknown, what: string): number | false => {
    if (v === false) return false;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 32767) return v;
    throw new WpsError(`${what} 无效：${String(v)}`);
  };
  const setup = {
    get Orientation() {
      return live().page.orientation;
    },
    set Orientation(v: number) {
      if (v !== 1 && v !== 2) throw new WpsError(`纸张方向无效：${String(v)}`);
      page().orientation = v;
    },
    get PaperSize() {
      return live().page.paperSize;
    },
    set PaperSize(v: number) {
      if (!Number.isInteger(v) || v < 1) throw new WpsError(`纸张大小无效：${String(v)}`);
      page().paperSize = v;
    },
    get Zoom() {
      return live().page.zoom;
    },
    set Zoom(v: number | boolean) {
      if (v === false) page().zoom = false;
      else if (typeof v === 'number' && Number.isInteger(v) && v >= 10 && v <= 400) page().zoom = v;
      else throw new WpsError(`缩放比例无效：${String(v)}`);
    },
    get FitToPagesWide() {
      return live().page.fitWide;
    },
    set FitToPagesWide(v: number | boolean) {
      page().fitWide = pages(v, 'FitToPagesWide');
    },
    get FitToPagesTall() {
      return live().page.fitTall;
    },
    set FitToPagesTall(v: number | boolean) {
      page().fitTall = pages(v, 'FitToPagesTall');
    },
    get PrintTitleRows() {
      return live().page.printTitleRows;
    },
    set PrintTitleRows(v: string) {
      if (v === '') {
        page().printTitleRows = '';
        return;
      }
      const b = typeof v === 'string' ? parseArea(v) : undefined;
      if (!b || b.left !== 0 || b.right !== MAX_COL) throw new WpsError(`顶端标题行无效：${String(v)}`);
      page().printTitleRows = `$${b.top + 1}:$${b.bottom + 1}`;
    },
  };
  // TopMargin, BottomMargin, LeftMargin, RightMargin: points ≥ 0
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    Object.defineProperty(setup, `${side[0].toUpperCase()}${side.slice(1)}Margin`, {
      get: () => live().page.margins[side],
      set: (v: number) => {
        if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new WpsError(`页边距无效：${String(v)}`);
        page().margins[side] = v;
      },
      enumerable: true,
    });
  }
  return counted(book, 'PageSetup', setup);
}

class SheetsApi {
  constructor(
    private book: FakeBook,
    private app: FakeApplication,
  ) {}
  get Count() {
    return this.book.sheets.length;
  }
  Item(index: number | string): WorksheetApi {
    const s = typeof index === 'number' ? this.book.sheets[index - 1] : this.book.find(index);
    if (!s) throw new WpsError(`下标越界：${String(index)}`);
    return worksheet(this.book, this.app, s);
  }
  Add(before?: WorksheetApi, after?: WorksheetApi): WorksheetApi {
    if (this.book.protectStructure) throw new WpsError('工作簿结构受保护');
    let n = this.book.sheets.length + 1;
    while (this.book.find(`Sheet${n}`)) n++;
    const s = new FakeSheet(`Sheet${n}`);
    const anchor = (after ?? before)?.sheetModel;
    let at = anchor ? this.book.sheets.indexOf(anchor) + (after ? 1 : 0) : this.book.sheets.findIndex((x) => x.name === this.book.active);
    if (at < 0) at = this.book.sheets.length;
    this.book.sheets.splice(at, 0, s);
    this.book.active = s.name;
    return worksheet(this.book, this.app, s);
  }
}

function worksheet(book: FakeBook, app: FakeApplication, s: FakeSheet): WorksheetApi {
  return counted(book, 'Worksheet', new WorksheetApi(book, app, s));
}

export class WorksheetApi {
  constructor(
    private book: FakeBook,
    private app: FakeApplication,
    readonly sheetModel: FakeSheet,
  ) {}
  private live(): FakeSheet {
    if (!this.book.sheets.includes(this.sheetModel)) throw new WpsError('工作表已被删除');
    return this.sheetModel;
  }
  get Name() {
    return this.live().name;
  }
  set Name(v: string) {
    const s = this.live();
    if (this.book.sheets.some((x) => x !== s && x.name.toLowerCase() === String(v).toLowerCase())) throw new WpsError('工作表名称已存在');
    if (this.book.active === s.name) this.book.active = v;
    s.name = v;
  }
  get Visible() {
    return this.live().visible;
  }
  set Visible(v: number | boolean) {
    const s = this.live();
    const next = v === true ? -1 : v === false ? 0 : Number(v);
    if (next !== -1 && this.book.sheets.filter((x) => x.visible === -1 && x !== s).length === 0)
      throw new WpsError('至少要有一张可见的工作表');
    s.visible = next;
    if (next !== -1 && this.book.active === s.name) this.book.active = this.book.sheets.find((x) => x.visible === -1)?.name;
  }
  get ProtectContents() {
    return this.live().protect;
  }
  get UsedRange() {
    const s = this.live();
    let b: Bounds | undefined;
    const grow = (r: number, c: number) => {
      if (!b) b = { top: r, left: c, bottom: r, right: c };
      else b = { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) };
    };
    for (const [a, c] of s.cells) {
      if (Object.values(c).every((v) => v === undefined)) continue;
      const p = parseCell(a);
      grow(p.row, p.col);
    }
    for (const m of s.merges) {
      grow(m.top, m.left);
      grow(m.bottom, m.right);
    }
    return range(this.book, this.app, s, [b ?? { top: 0, left: 0, bottom: 0, right: 0 }]);
  }
  get Comments() {
    const s = this.live();
    const book = this.book;
    const app = this.app;
    return counted(book, 'Comments', {
      get Count() {
        return s.comments.size;
      },
      Item(i: number) {
        const a = [...s.comments.keys()][i - 1];
        if (!a) throw new WpsError('下标越界');
        return comment(book, app, s, a);
      },
    });
  }
  Range(address: string): RangeApi {
    const s = this.live();
    if (typeof address !== 'string' || address.length > 255) throw new WpsError('区域地址无效或过长');
    return range(this.book, this.app, s, address.split(',').map(parseArea));
  }
  get PageSetup() {
    this.live();
    return pageSetup(this.book, () => this.live());
  }
  get HPageBreaks() {
    const s = this.live();
    return counted(this.book, 'HPageBreaks', {
      get Count() {
        return s.page.rowBreaks.length;
      },
      Add(before: unknown) {
        if (!(before instanceof RangeApi) || before.sheet !== s) throw new WpsError('Before 必须是本工作表的单元格区域');
        if (s.protect) throw new WpsError('工作表受保护');
        const row = Math.min(...before.areas.map((b) => b.top)) + 1;
        if (row === 1) throw new WpsError('不能在第 1 行之上分页');
        if (!s.page.rowBreaks.includes(row)) s.page.rowBreaks = [...s.page.rowBreaks, row].sort((a, b) => a - b);
        return {};
      },
    });
  }
  ResetAllPageBreaks(): void {
    const s = this.live();
    if (s.protect) throw new WpsError('工作表受保护');
    s.page.rowBreaks = [];
  }
  Activate(): void {
    const s = this.live();
    if (s.visible !== -1) throw new WpsError('不能激活隐藏的工作表');
    this.book.active = s.name;
  }
  Delete(): void {
    const s = this.live();
    if (s.visible === 2) throw new WpsError('不能删除深度隐藏的工作表');
    if (this.book.protectStructure) throw new WpsError('工作簿结构受保护');
    if (s.visible === -1 && this.book.sheets.filter((x) => x.visible === -1).length === 1) throw new WpsError('不能删除唯一可见的工作表');
    if (this.app.DisplayAlerts) this.book.alertsShown++;
    const i = this.book.sheets.indexOf(s);
    this.book.sheets.splice(i, 1);
    for (const n of this.book.names) if (sheetOfReference(n.refersTo)?.toLowerCase() === s.name.toLowerCase()) n.refersTo = '=#REF!$A$1';
    if (this.book.active === s.name) {
      const visible = this.book.sheets.filter((x) => x.visible === -1);
      this.book.active = (visible.filter((x) => this.book.sheets.indexOf(x) < i).pop() ?? visible[0])?.name;
    }
  }
}

function comment(book: FakeBook, app: FakeApplication, s: FakeSheet, a: string) {
  return counted(book, 'Comment', {
    Text() {
      return s.comments.get(a) ?? '';
    },
    get Parent() {
      return range(book, app, s, [parseArea(a)]);
    },
    Delete() {
      s.comments.delete(a);
    },
  });
}

function range(book: FakeBook, app: FakeApplication, s: FakeSheet, areas: Bounds[]): RangeApi {
  return counted(book, 'Range', new RangeApi(book, app, s, areas));
}

/** A uniform answer over the cells, or null when they differ. */
function uniform<T>(values: Iterable<T>): T | null {
  let first = true;
  let out: T | null = null;
  for (const v of values) {
    if (first) {
      out = v;
      first = false;
    } else if (JSON.stringify(v) !== JSON.stringify(out)) return null;
  }
  return out;
}

export class RangeApi {
  constructor(
    private book: FakeBook,
    private app: FakeApplication,
    readonly sheet: FakeSheet,
    readonly areas: Bounds[],
  ) {}

  private *cellAddresses(): Generator<string> {
    for (const b of this.areas) {
      if (size(b) > 5_000_000) throw new WpsError('fake: too many cells to visit');
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) yield addr(r, c);
    }
  }

  private single(): Bounds {
    if (this.areas.length !== 1) throw new WpsError('此操作不能用于多重选定区域');
    return this.areas[0];
  }

  private writable(): void {
    if (this.sheet.protect) throw new WpsError('工作表受保护，不能修改');
    if (!this.book.sheets.includes(this.sheet)) throw new WpsError('工作表已被删除');
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    return this.areas.map((b) => areaText(b, rowAbsolute !== false || columnAbsolute !== false)).join(',');
  }

  // -- values --

  private read(fn: (c: FakeCell | undefined, r: number, col: number) => unknown): unknown {
    const b = this.single();
    const rows: unknown[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: unknown[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(fn(this.sheet.peek(addr(r, c)), r, c));
      rows.push(row);
    }
    return size(b) === 1 ? rows[0][0] : rows;
  }

  get Value2(): unknown {
    const v = this.read((c) => (c?.error ? ERRORS[c.error] : c?.value));
    return Array.isArray(v) && this.book.value2Shape ? this.book.value2Shape(v) : v;
  }
  set Value2(v: unknown) {
    this.write(v, false);
  }
  get Formula(): unknown {
    return this.read((c) => {
      if (!c) return '';
      if (c.formula) return c.formula;
      if (c.error) return c.error;
      if (c.value === undefined) return '';
      return typeof c.value === 'boolean' ? (c.value ? 'TRUE' : 'FALSE') : String(c.value);
    });
  }
  set Formula(v: unknown) {
    this.write(v, true);
  }

  private write(v: unknown, _formula: boolean): void {
    this.writable();
    const b = this.single();
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (Array.isArray(v) && (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))) {
      throw new WpsError(`fake: ${rows}×${cols} range written with an array of another shape`);
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const x = Array.isArray(v) ? (v[r] as unknown[])[c] : v;
        const row = b.top + r;
        const col = b.left + c;
        const m = this.sheet.mergeAt(row, col);
        if (m && (m.top !== row || m.left !== col)) {
          if (x === '' || x === null || x === undefined) continue;
          throw new WpsError('不能更改合并单元格的某一部分');
        }
        const cell = this.sheet.cell(addr(row, col));
        delete cell.value;
        delete cell.formula;
        delete cell.error;
        if (x === '' || x === null || x === undefined) continue;
        if (typeof x === 'number' || typeof x === 'boolean') cell.value = x;
        else if (typeof x === 'string') {
          if (cell.numberFormat === '@') cell.value = x;
          else Object.assign(cell, coerce(x));
          if (cell.formula) cell.value = evaluate(this.sheet, cell.formula);
        } else throw new WpsError('fake: unsupported value');
      }
    }
  }

  get NumberFormat(): unknown {
    return uniform([...this.cellAddresses()].map((a) => this.sheet.peek(a)?.numberFormat ?? 'General'));
  }
  set NumberFormat(v: unknown) {
    this.writable();
    for (const a of this.cellAddresses()) {
      if (v === 'General') delete this.sheet.cell(a).numberFormat;
      else this.sheet.cell(a).numberFormat = String(v);
    }
  }

  ClearContents(): void {
    this.writable();
    for (const a of this.cellAddresses()) {
      const c = this.sheet.peek(a);
      if (!c) continue;
      delete c.value;
      delete c.formula;
      delete c.error;
    }
  }

  // -- formats --

  get Interior() {
    const self = this;
    return counted(this.book, 'Interior', {
      get Color(): number | null {
        return uniform([...self.cellAddresses()].map((a) => self.sheet.peek(a)?.fill ?? WHITE));
      },
      set Color(v: number | null) {
        self.writable();
        for (const a of self.cellAddresses()) self.sheet.cell(a).fill = Number(v);
      },
      get Pattern(): number | null {
        return uniform([...self.cellAddresses()].map((a) => (self.sheet.peek(a)?.fill !== undefined ? xlSolid : xlNone)));
      },
      set Pattern(v: number | null) {
        self.writable();
        if (v !== xlNone) throw new WpsError('fake: only xlNone may be set as a pattern');
        for (const a of self.cellAddresses()) {
          const c = self.sheet.peek(a);
          if (c) delete c.fill;
        }
      },
    });
  }

  get Font() {
    const self = this;
    return counted(this.book, 'Font', {
      get Bold(): boolean | null {
        return uniform([...self.cellAddresses()].map((a) => self.sheet.peek(a)?.bold === true));
      },
      set Bold(v: boolean | null) {
        self.writable();
        for (const a of self.cellAddresses()) {
          if (v) self.sheet.cell(a).bold = true;
          else {
            const c = self.sheet.peek(a);
            if (c) delete c.bold;
          }
        }
      },
    });
  }

  get WrapText(): unknown {
    return uniform([...this.cellAddresses()].map((a) => this.sheet.peek(a)?.wrap === true));
  }
  set WrapText(v: unknown) {
    this.writable();
    for (const a of this.cellAddresses()) {
      if (v === true) this.sheet.cell(a).wrap = true;
      else {
        const c = this.sheet.peek(a);
        if (c) delete c.wrap;
      }
    }
  }

  get VerticalAlignment(): unknown {
    return uniform([...this.cellAddresses()].map((a) => this.sheet.peek(a)?.vertical ?? xlBottom));
  }
  set VerticalAlignment(v: unknown) {
    this.writable();
    for (const a of this.cellAddresses()) {
      if (v === xlBottom) {
        const c = this.sheet.peek(a);
        if (c) delete c.vertical;
      } else this.sheet.cell(a).vertical = Number(v);
    }
  }

  // -- rows and columns --

  private columns(): number[] {
    const out = new Set<number>();
    for (const b of this.areas) for (let c = b.left; c <= Math.min(b.right, MAX_COL); c++) out.add(c);
    return [...out];
  }

  private rowsOf(): number[] {
    const out = new Set<number>();
    for (const b of this.areas) {
      if (b.bottom - b.top > 100000) throw new WpsError('fake: too many rows');
      for (let r = b.top; r <= b.bottom; r++) out.add(r);
    }
    return [...out];
  }

  get ColumnWidth(): unknown {
    return uniform(this.columns().map((c) => this.sheet.widths.get(c) ?? this.sheet.standardWidth));
  }
  set ColumnWidth(v: unknown) {
    this.writable();
    for (const c of this.columns()) this.sheet.widths.set(c, Number(v));
  }
  get UseStandardWidth(): unknown {
    return uniform(this.columns().map((c) => !this.sheet.widths.has(c)));
  }
  set UseStandardWidth(v: unknown) {
    this.writable();
    if (v === true) for (const c of this.columns()) this.sheet.widths.delete(c);
  }
  get RowHeight(): unknown {
    return uniform(this.rowsOf().map((r) => this.sheet.heights.get(r) ?? this.sheet.standardHeight));
  }
  set RowHeight(v: unknown) {
    this.writable();
    for (const r of this.rowsOf()) this.sheet.heights.set(r, Number(v));
  }
  get UseStandardHeight(): unknown {
    return uniform(this.rowsOf().map((r) => !this.sheet.heights.has(r)));
  }
  set UseStandardHeight(v: unknown) {
    this.writable();
    if (v === true) for (const r of this.rowsOf()) this.sheet.heights.delete(r);
  }

  // -- merges --

  get MergeCells(): unknown {
    let merged = 0;
    let total = 0;
    for (const b of this.areas) {
      total += size(b);
      for (const m of this.sheet.merges) {
        const o = overlap(b, m);
        if (o) merged += size(o);
      }
    }
    return merged === 0 ? false : merged === total ? true : null;
  }

  get MergeArea(): RangeApi {
    const b = this.single();
    const m = this.sheet.mergeAt(b.top, b.left);
    return range(this.book, this.app, this.sheet, [m ? { ...m } : { top: b.top, left: b.left, bottom: b.top, right: b.left }]);
  }

  /**
   * Find(What, After, LookIn, LookAt, SearchOrder, SearchDirection, MatchCase, MatchByte,
   * SearchFormat): only the search the host makes — every cell (What "") with the search format
   * "merged", by rows, forward, starting after `after` (or after the first cell), wrapping round.
   * Finds the first cell of each merged area.
   */
  Find(what?: string, after?: RangeApi, ...rest: unknown[]): RangeApi | null {
    const searchFormat = rest[6] === true;
    const b = this.single();
    if (what === '*' && !searchFormat) return this.findLast(b, rest[2] === 2, rest[3] === 2);
    const start = after ? after.single() : { top: b.top, left: b.left };
    const honoured = searchFormat && this.app.searchMerged && this.book.findFormatHonoured;
    const hits: [number, number][] = [];
    if (honoured) {
      for (const m of this.sheet.merges) if (within(b, m.top, m.left)) hits.push([m.top, m.left]);
    } else if (what === '' || what === undefined) {
      // A WPS that ignores the search format finds the next cell with something in it.
      for (const [a, c] of this.sheet.cells) {
        if (c.value === undefined && !c.formula) continue;
        const p = parseCell(a);
        if (within(b, p.row, p.col)) hits.push([p.row, p.col]);
      }
    } else throw new WpsError('fake: only Find("") is supported');
    if (hits.length === 0) return null;
    hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const next = hits.find(([r, c]) => r > start.top || (r === start.top && c > start.left)) ?? hits[0];
    return range(this.book, this.app, this.sheet, [{ top: next[0], left: next[1], bottom: next[0], right: next[1] }]);
  }

  /** Find("*") backwards (xlPrevious) from the top-left: the last cell with content by rows or by columns. */
  private findLast(b: Bounds, byColumns: boolean, previous: boolean): RangeApi | null {
    if (!previous) throw new WpsError('fake: only Find("*") backwards is supported');
    let best: { row: number; col: number } | undefined;
    for (const [a, c] of this.sheet.cells) {
      if (c.value === undefined && !c.formula && !c.error) continue;
      const p = parseCell(a);
      if (!within(b, p.row, p.col)) continue;
      const later =
        !best ||
        (byColumns
          ? p.col > best.col || (p.col === best.col && p.row > best.row)
          : p.row > best.row || (p.row === best.row && p.col > best.col));
      if (later) best = p;
    }
    return best ? range(this.book, this.app, this.sheet, [{ top: best.row, left: best.col, bottom: best.row, right: best.col }]) : null;
  }

  // -- comments --

  get Comment(): unknown {
    const b = this.single();
    const a = addr(b.top, b.left);
    return this.sheet.comments.has(a) ? comment(this.book, this.app, this.sheet, a) : null;
  }

  get AddComment(): ((text?: string) => unknown) | undefined {
    if (this.book.noComments) return undefined;
    return (text?: string) => {
      this.writable();
      const b = this.single();
      if (size(b) !== 1) throw new WpsError('AddComment 只能用于单个单元格');
      const a = addr(b.top, b.left);
      if (this.sheet.comments.has(a)) throw new WpsError('该单元格已有批注');
      this.sheet.comments.set(a, String(text ?? ''));
      return comment(this.book, this.app, this.sheet, a);
    };
  }

  ClearComments(): void {
    this.writable();
    for (const a of [...this.sheet.comments.keys()]) {
      const p = parseCell(a);
      if (this.areas.some((b) => within(b, p.row, p.col))) this.sheet.comments.delete(a);
    }
  }

  // -- selection --

  Select(): void {
    if (this.book.active !== this.sheet.name) throw new WpsError('Range 类的 Select 方法无效（工作表未激活）');
    this.book.selection = { sheet: this.sheet.name, address: this.Address(false, false) };
  }
}
