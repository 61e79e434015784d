// A small fake of the part of the Excel JavaScript API the Excel host uses, strict where it
// matters: every read is queued and only readable after context.sync() (reading earlier throws,
// like Office.js's PropertyNotLoaded), every write is queued and applied at sync, one failing
// command aborts the rest of the batch with an Office-style error code. It counts syncs.
//
// Cells hold what Excel would: typed text is coerced like typed input ("123" → 123, "=…" → a
// formula) unless the cell's number format is text (@) or the text starts with an apostrophe.
//
// Rules of the real API the host relies on, each enforced here (typings: @types/office-js
// index.d.ts, by line):
//   - Worksheet.delete on a VeryHidden sheet fails with InvalidOperation (37511; office-js #365);
//   - a sheet whose protection.protected is true (38164) refuses writes: AccessDenied; a protected
//     workbook structure (WorkbookProtection, 36816) refuses adding and deleting sheets;
//   - getRanges is ExcelApi 1.9 (37631) but RangeAreas.select is 1.18 (39970);
//   - a hidden sheet cannot be activated nor its cells selected (activate and select act on the
//     Excel UI, 37457; the UI shows no hidden sheet): InvalidOperation;
//   - getMergedAreasOrNullObject fails on a range with more than 512 merged areas (39143);
//   - Excel on the web refuses a request or a response over 5 MB ("Resource limits and
//     performance optimization for Office Add-ins"): RequestPayloadSizeLimitExceeded, measured
//     here as 100 bytes per queued command, 400 more per write (its object paths) plus the
//     UTF-8 size of what it carries;
//   - a cell with a threaded comment (Worksheet.comments, ExcelApi 1.10, 37268) takes no note:
//     notes.add fails with InvalidOperation ("The difference between threaded comments and notes");
//   - text typed with an apostrophe ("'=x") reads back through formulas as "=x" (office-js #6687);
//   - workbook.names (NamedItemCollection, 40955): add is ExcelApi 1.4 (40971), NamedItem.formula
//     1.7 (41089), delete 1.4; a name follows Excel's syntax rules (support.microsoft.com "Names
//     in formulas": a letter, _ or \ first, then letters, digits, _ and .; no spaces; not a cell
//     reference such as A1 or R1C1, nor C or R; at most 255 characters) else InvalidArgument; an
//     existing name, in any case, is ItemAlreadyExists (assumed: the docs name no code); the
//     referenced sheet must exist; deleting a sheet leaves its names, their formula turned to
//     =#REF!$A$1 (what Excel's Name Manager shows), until deleted;
//   - Worksheet.pageLayout and horizontalPageBreaks are ExcelApi 1.9 (37317, 37289); zoom.scale is
//     10–400 and exclusive with fit to pages ("This value can be null if fit to page tall or wide
//     is specified", PageLayoutZoomOptions, 54580); fit-to-pages counts are whole numbers ≥ 0 (0:
//     automatic, as fitToHeight="0" in the file); margins are points ≥ 0; setPrintTitleRows takes
//     whole rows ("The range must span the entire row to be valid", 54546); add(range) breaks
//     above the range's top-left cell (55101), not above row 1.
import * as ExcelJS from 'exceljs';
import { address, parseAddress } from '../../../src/core/grid';
import type { ExcelRuntime } from '../../../src/hosts/excel/host';

// ---- the workbook model ---------------------------------------------------------------------

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  error?: string;
  numberFormat?: string;
  fill?: string; // "#RRGGBB" solid; absent = no fill
  bold?: boolean;
  wrap?: boolean;
  vertical?: 'Top' | 'Center' | 'Bottom';
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What Worksheet.pageLayout and horizontalPageBreaks hold (only what the host sets). */
export interface FakePage {
  orientation?: 'Portrait' | 'Landscape';
  paperSize?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: { top?: number; bottom?: number; left?: number; right?: number };
  /** "$2:$2"; undefined: none. */
  printTitleRows?: string;
  /** Manual breaks: each row (1-based) starts a page. */
  rowBreaks: number[];
}

/** A workbook-scoped defined name. */
export interface FakeName {
  name: string;
  /** "=补充信息!$A$1"; "=#REF!$A$1" once its sheet is gone. */
  formula: string;
  comment?: string;
}

export class FakeSheet {
  page: FakePage = { margins: {}, rowBreaks: [] };
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  cells = new Map<string, FakeCell>();
  notes = new Map<string, string>();
  merges: Bounds[] = [];
  columnWidths = new Map<string, number>(); // points
  rowHeights = new Map<number, number>(); // points, by 0-based row
  standardWidth = 8.43;
  /** WorksheetProtection.protected. */
  protected = false;
  /** Threaded comments (Worksheet.comments) by cell address. */
  threaded = new Map<string, string>();
  constructor(public name: string) {}

  cell(addr: string): FakeCell {
    const a = addr.replace(/\$/g, '').toUpperCase();
    let c = this.cells.get(a);
    if (!c) {
      c = {};
      this.cells.set(a, c);
    }
    return c;
  }

  peek(addr: string): FakeCell | undefined {
    return this.cells.get(addr.replace(/\$/g, '').toUpperCase());
  }

  /** Sets a value the way a test wants it stored (no coercion). */
  set(addr: string, value: string | number | boolean | null): this {
    const c = this.cell(addr);
    delete c.formula;
    delete c.error;
    if (value === null) delete c.value;
    else c.value = value;
    return this;
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  syncs = 0;
  batches = 0;
  /** Commands executed per sync (for tests that want to look). */
  commandsPerSync: number[] = [];
  runOptions: unknown[] = [];
  active?: string;
  selection?: { sheet: string; address: string };
  /** Cells one sync may read (like Excel on the web's ~5 MB response limit); unset: no limit. */
  maxCellsPerSync?: number;
  /** Bytes one request may carry (Excel on the web: 5 MB); set undefined for desktop Excel. */
  maxRequestBytes: number | undefined = 5_000_000;
  /** Estimated size of each sync's request. */
  requestBytes: number[] = [];
  /** A cell the user is editing: writes to it fail (InvalidOperationInCellEditMode) unless the batch waits (delayForCellEdit, 1.11). */
  editing?: { sheet: string; address: string };
  /** WorkbookProtection.protected (the structure). */
  protectStructure = false;
  /** Workbook-scoped defined names. */
  names: FakeName[] = [];

  add(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
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
}

export class OfficeError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'RichApi.Error';
  }
}

// ---- requirement sets -----------------------------------------------------------------------

function versionAtMost(version: string, max: string): boolean {
  const [a, b] = version.split('.').map(Number);
  const [c, d] = max.split('.').map(Number);
  return a < c || (a === c && b <= d);
}

/** A runtime over `wb` that supports ExcelApi up to `maxVersion`. */
export function fakeRuntime(wb: FakeWorkbook, maxVersion = '1.20'): ExcelRuntime & { wb: FakeWorkbook } {
  return {
    wb,
    isSetSupported: (v: string) => versionAtMost(v, maxVersion),
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> {
      wb.batches++;
      wb.runOptions.push(options);
      const ctx = new FakeContext(wb, maxVersion);
      return batch(ctx as unknown as Excel.RequestContext);
    },
  };
}

// ---- proxies --------------------------------------------------------------------------------

type Command = () => void;

class FakeContext {
  queue: Command[] = [];
  bytes = 0;
  cellsRead = 0;
  workbook: {
    worksheets: WorksheetCollection;
    protection: { load(p?: string): { protected: boolean } };
    readonly names: NamedItemCollection;
  };
  constructor(
    public wb: FakeWorkbook,
    public maxVersion: string,
  ) {
    const ctx = this;
    this.workbook = {
      worksheets: new WorksheetCollection(this),
      get protection() {
        ctx.need('1.7', 'workbook.protection');
        const loaded = new Loaded<boolean>();
        const out: { load(): typeof out; readonly protected: boolean } = {
          load() {
            ctx.push(() => loaded.set(ctx.wb.protectStructure));
            return out;
          },
          get protected() {
            return loaded.get('workbook.protection.protected');
          },
        };
        return out;
      },
      get names() {
        return new NamedItemCollection(ctx);
      },
    };
  }

  /** Queues a command; `payload` is what it carries (for the request size). */
  push(cmd: Command, payload?: unknown): void {
    this.queue.push(cmd);
    this.bytes += 100 + (payload === undefined ? 0 : new TextEncoder().encode(JSON.stringify(payload)).length);
  }

  /** Adds what a command carries to the request size. */
  carry(payload: unknown): void {
    this.bytes += 400 + new TextEncoder().encode(JSON.stringify(payload)).length; // the write's object paths, its data
  }

  /** Writes to a protected sheet are refused (WorksheetProtection.protected, index.d.ts:38164). */
  writable(sheet: FakeSheet): void {
    if (sheet.protected) throw new OfficeError('AccessDenied', `sheet ${sheet.name} is protected`);
  }

  need(version: string, what: string): void {
    if (!versionAtMost(version, this.maxVersion)) throw new OfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }

  async sync(): Promise<void> {
    this.wb.syncs++;
    const queue = this.queue;
    const bytes = this.bytes;
    this.queue = [];
    this.bytes = 0;
    this.wb.commandsPerSync.push(queue.length);
    this.wb.requestBytes.push(bytes);
    const max = this.wb.maxRequestBytes;
    if (max !== undefined && bytes > max) throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes`);
    this.cellsRead = 0;
    for (const cmd of queue) cmd(); // throws out of sync, like Office.js, at the first failure
  }
}

/** A value that exists only after the sync that loaded it. */
class Loaded<T> {
  private has = false;
  private v?: T;
  set(v: T) {
    this.v = v;
    this.has = true;
  }
  get(name: string): T {
    if (!this.has) throw new OfficeError('PropertyNotLoaded', `${name} is not loaded; call load() and sync() first`);
    return this.v as T;
  }
}

function props(spec: string | string[] | undefined): string[] {
  if (spec === undefined) return [];
  const list = Array.isArray(spec) ? spec : spec.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

class WorksheetCollection {
  private loadedItems = new Loaded<Worksheet[]>();
  constructor(private ctx: FakeContext) {}

  get items(): Worksheet[] {
    return this.loadedItems.get('worksheets.items');
  }

  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const items = this.ctx.wb.sheets.map((s) => {
        const ws = new Worksheet(this.ctx, () => s);
        for (const p of wanted) {
          if (p === 'items/name') ws._name.set(s.name);
          if (p === 'items/visibility') ws._visibility.set(s.visibility);
        }
        return ws;
      });
      this.loadedItems.set(items);
    });
    return this;
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.wb.find(name);
      if (!s) throw new OfficeError('ItemNotFound', `sheet ${name}`);
      return s;
    });
  }

  add(name: string): Worksheet {
    let created: FakeSheet | undefined;
    this.ctx.push(() => {
      if (this.ctx.wb.protectStructure) throw new OfficeError('AccessDenied', 'the workbook structure is protected');
      if (this.ctx.wb.find(name)) throw new OfficeError('ItemAlreadyExists', `sheet ${name}`);
      created = this.ctx.wb.add(name);
    });
    return new Worksheet(this.ctx, () => {
      if (!created) throw new OfficeError('ItemNotFound', `sheet ${name} not yet added`);
      return created;
    });
  }
}

class Worksheet {
  _name = new Loaded<string>();
  _visibility = new Loaded<string>();
  private _standardWidth = new Loaded<number>();
  constructor(
    private ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {}

  get name() {
    return this._name.get('worksheet.name');
  }
  get visibility() {
    return this._visibility.get('worksheet.visibility');
  }
  set visibility(v: string) {
    this.ctx.push(() => {
      this.resolve().visibility = v as FakeSheet['visibility'];
    });
  }
  get standardWidth() {
    return this._standardWidth.get('worksheet.standardWidth');
  }

  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const s = this.resolve();
      for (const p of wanted) {
        if (p === 'name') this._name.set(s.name);
        else if (p === 'visibility') this._visibility.set(s.visibility);
        else if (p === 'standardWidth') {
          this.ctx.need('1.7', 'standardWidth');
          this._standardWidth.set(s.standardWidth);
        } else throw new OfficeError('InvalidArgument', `unknown worksheet property ${p}`);
      }
    });
    return this;
  }

  get notes(): NoteCollection {
    this.ctx.need('1.18', 'notes');
    return new NoteCollection(this.ctx, this.resolve);
  }

  getRange(addr: string): Range {
    return new Range(this.ctx, () => ({ sheet: this.resolve(), bounds: parseBounds(addr) }));
  }

  getRanges(addrs: string): { select(): void } {
    this.ctx.need('1.9', 'getRanges');
    const parts = addrs.split(',').map((a) => a.trim());
    return {
      select: () => {
        this.ctx.need('1.18', 'RangeAreas.select');
        this.ctx.push(() => {
          const s = this.resolve();
          if (s.visibility !== 'Visible') throw new OfficeError('InvalidOperation', `sheet ${s.name} is hidden`);
          parts.forEach(parseBounds);
          this.ctx.wb.selection = { sheet: s.name, address: parts.join(',') };
        });
      },
    };
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.ctx, () => {
      const s = this.resolve();
      return { sheet: s, bounds: usedBounds(s, valuesOnly === true) };
    });
  }

  activate(): void {
    this.ctx.push(() => {
      const s = this.resolve();
      if (s.visibility !== 'Visible') throw new OfficeError('InvalidOperation', `sheet ${s.name} is hidden`);
      this.ctx.wb.active = s.name;
    });
  }

  get protection(): { load(p?: string): { protected: boolean } } {
    this.ctx.need('1.2', 'protection');
    const ctx = this.ctx;
    const resolve = this.resolve;
    const loaded = new Loaded<boolean>();
    const out: { load(): typeof out; readonly protected: boolean } = {
      load() {
        ctx.push(() => loaded.set(resolve().protected));
        return out;
      },
      get protected() {
        return loaded.get('protection.protected');
      },
    };
    return out;
  }

  get comments(): ThreadedComments {
    this.ctx.need('1.10', 'comments');
    return new ThreadedComments(this.ctx, this.resolve);
  }

  delete(): void {
    this.ctx.push(() => {
      const s = this.resolve();
      const wb = this.ctx.wb;
      if (s.visibility === 'VeryHidden') throw new OfficeError('InvalidOperation', 'a very hidden sheet cannot be deleted');
      if (wb.protectStructure) throw new OfficeError('AccessDenied', 'the workbook structure is protected');
      if (wb.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new OfficeError('InvalidOperation', 'cannot delete the last visible sheet');
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      for (const n of wb.names) if (sheetOfFormula(n.formula)?.toLowerCase() === s.name.toLowerCase()) n.formula = '=#REF!$A$1';
    });
  }

  get pageLayout(): PageLayout {
    this.ctx.need('1.9', 'pageLayout');
    return new PageLayout(this.ctx, this.resolve);
  }

  get horizontalPageBreaks(): PageBreaks {
    this.ctx.need('1.9', 'horizontalPageBreaks');
    return new PageBreaks(this.ctx, this.resolve);
  }
}

// ---- defined names ----------------------------------------------------------------------------

/** "Names in formulas" (support.microsoft.com): Excel's syntax rules for a name. */
function validName(name: string): boolean {
  if (name.length < 1 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u0080-\uffff][A-Za-z0-9_.\u0080-\uffff]*$/.test(name)) return false;
  if (/^[CR]$/i.test(name)) return false;
  if (/^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(name) && parseAddress(name.replace(/\$/g, '').toUpperCase()).col < 16384) return false; // A1
  if (/^R[0-9]*C[0-9]*$/i.test(name)) return false; // R1C1
  return true;
}

const quoteSheet = (name: string) => (/[^A-Za-z0-9_\u4e00-\u9fff]/.test(name) ? `'${name.replace(/'/g, "''")}'` : name);

/** The sheet a "=Sheet!$A$1" / "='A b'!$A$1" formula refers to. */
function sheetOfFormula(formula: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula);
  return m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : undefined;
}

class NamedItemCollection {
  private loadedItems = new Loaded<{ name: string; formula: string }[]>();
  constructor(private ctx: FakeContext) {}

  get items() {
    return this.loadedItems.get('names.items');
  }

  load(spec?: string): this {
    const wanted = props(spec);
    if (wanted.includes('items/formula')) this.ctx.need('1.7', 'NamedItem.formula');
    this.ctx.push(() => {
      this.loadedItems.set(
        this.ctx.wb.names.map((n) => {
          const item: Record<string, string> = {};
          for (const p of wanted) {
            if (p === 'items/name') item.name = n.name;
            else if (p === 'items/formula') item.formula = n.formula;
            else throw new OfficeError('InvalidArgument', `unknown name property ${p}`);
          }
          return new Proxy(item, {
            get: (t, k) => {
              if (typeof k === 'string' && !(k in t)) throw new OfficeError('PropertyNotLoaded', `name.${k} is not loaded`);
              return Reflect.get(t, k);
            },
          }) as unknown as { name: string; formula: string };
        }),
      );
    });
    return this;
  }

  add(name: string, reference: Range | string, comment?: string): void {
    this.ctx.need('1.4', 'names.add');
    this.ctx.push(() => {
      const wb = this.ctx.wb;
      if (!validName(name)) throw new OfficeError('InvalidArgument', `${name} is not a valid name`);
      if (wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `name ${name}`);
      let formula: string;
      if (typeof reference === 'string') {
        const sheet = sheetOfFormula(reference);
        if (!sheet || !wb.find(sheet)) throw new OfficeError('InvalidArgument', `${reference} refers to no sheet of the workbook`);
        formula = reference.startsWith('=') ? reference : `=${reference}`;
      } else {
        const { sheet, bounds } = reference.resolve();
        if (!wb.sheets.includes(sheet)) throw new OfficeError('ItemNotFound', `sheet ${sheet.name}`);
        formula = `=${quoteSheet(sheet.name)}!${boundsText(bounds).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      }
      wb.names.push({ name, formula, ...(comment !== undefined ? { comment } : {}) });
    });
  }

  getItem(name: string): { delete(): void } {
    return {
      delete: () => {
        this.ctx.need('1.4', 'NamedItem.delete');
        this.ctx.push(() => {
          const wb = this.ctx.wb;
          const i = wb.names.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
          if (i < 0) throw new OfficeError('ItemNotFound', `name ${name}`);
          wb.names.splice(i, 1);
        });
      },
    };
  }
}

// ---- printing ---------------------------------------------------------------------------------

class PageLayout {
  constructor(
    private ctx: FakeContext,
    private resolve: () => FakeSheet,
  ) {}
  private set(fn: (page: FakePage) => void): void {
    this.ctx.push(() => {
      const s = this.resolve();
      this.ctx.writable(s);
      fn(s.page);
    });
  }
  set orientation(v: string) {
    this.set((p) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw new OfficeError('InvalidArgument', `orientation ${v}`);
      p.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.set((p) => {
      if (!['A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'Legal'].includes(v)) throw new OfficeError('InvalidArgument', `paperSize ${v}`);
      p.paperSize = v;
    });
  }
  set zoom(z: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.set((p) => {
      const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
      if (z.scale !== undefined && fit) throw new OfficeError('InvalidArgument', 'zoom: a scale and fit to pages are exclusive');
      if (z.scale !== undefined && !(Number.isInteger(z.scale) && z.scale >= 10 && z.scale <= 400))
        throw new OfficeError('InvalidArgument', `zoom.scale ${z.scale}`);
      for (const n of [z.horizontalFitToPages, z.verticalFitToPages]) {
        if (n !== undefined && !(Number.isInteger(n) && n >= 0)) throw new OfficeError('InvalidArgument', `fit to ${n} pages`);
      }
      p.zoom = { ...z };
    });
  }
  private margin(side: 'top' | 'bottom' | 'left' | 'right', points: number): void {
    this.set((p) => {
      if (!(Number.isFinite(points) && points >= 0)) throw new OfficeError('InvalidArgument', `${side}Margin ${points}`);
      p.margins[side] = points;
    });
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  setPrintTitleRows(rows: string): void {
    this.set((p) => {
      const b = parseBounds(rows);
      if (b.left !== 0 || b.right !== 16383) throw new OfficeError('InvalidArgument', `print title rows ${rows} must be whole rows`);
      p.printTitleRows = `$${b.top + 1}:$${b.bottom + 1}`;
    });
  }
}

class PageBreaks {
  constructor(
    private ctx: FakeContext,
    private resolve: () => FakeSheet,
  ) {}
  removePageBreaks(): void {
    this.ctx.push(() => {
      const s = this.resolve();
      this.ctx.writable(s);
      s.page.rowBreaks = [];
    });
  }
  add(at: string): void {
    this.ctx.push(() => {
      const s = this.resolve();
      this.ctx.writable(s);
      const b = parseBounds(at);
      if (b.top === 0) throw new OfficeError('InvalidArgument', 'no page break above row 1');
      if (!s.page.rowBreaks.includes(b.top + 1)) s.page.rowBreaks = [...s.page.rowBreaks, b.top + 1].sort((x, y) => x - y);
    });
  }
}

interface Target {
  sheet: FakeSheet;
  bounds: Bounds;
}

function parseBounds(addr: string): Bounds {
  const a = addr.replace(/\$/g, '').toUpperCase();
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: 16383 };
  const col = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (col) {
    const l = parseAddress(`${col[1]}1`).col;
    const r = parseAddress(`${col[2]}1`).col;
    return { top: 0, left: l, bottom: 1048575, right: r };
  }
  const parts = a.split(':');
  if (parts.length > 2 || !/^[A-Z]+\d+$/.test(parts[0]) || (parts[1] !== undefined && !/^[A-Z]+\d+$/.test(parts[1]))) {
    throw new OfficeError('InvalidArgument', `bad address ${addr}`);
  }
  const p = parseAddress(parts[0]);
  const q = parts[1] ? parseAddress(parts[1]) : p;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function usedBounds(s: FakeSheet, valuesOnly: boolean): Bounds {
  let b: Bounds | undefined;
  const grow = (r: number, c: number) => {
    if (!b) b = { top: r, left: c, bottom: r, right: c };
    else {
      b.top = Math.min(b.top, r);
      b.left = Math.min(b.left, c);
      b.bottom = Math.max(b.bottom, r);
      b.right = Math.max(b.right, c);
    }
  };
  for (const [a, cell] of s.cells) {
    const hasValue = cell.value !== undefined || cell.formula !== undefined || cell.error !== undefined;
    const hasFormat = cell.fill !== undefined || cell.bold !== undefined || cell.wrap !== undefined || cell.numberFormat !== undefined;
    if (hasValue || (!valuesOnly && hasFormat)) {
      const { row, col } = parseAddress(a);
      grow(row, col);
    }
  }
  if (!valuesOnly) {
    for (const m of s.merges) {
      grow(m.top, m.left);
      grow(m.bottom, m.right);
    }
  }
  return b ?? { top: 0, left: 0, bottom: 0, right: 0 };
}

function eachCell(b: Bounds, fn: (addr: string, r: number, c: number) => void): void {
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  if (rows * cols > 200000) throw new OfficeError('ResponsePayloadSizeLimitExceeded', 'range too large');
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(address(b.top + r, b.left + c), r, c);
}

function eachCellIncludes(b: Bounds, addr: string): boolean {
  const { row, col } = parseAddress(addr);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

function coerce(text: string): { value?: string | number | boolean; formula?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=')) return { formula: text };
  const t = text.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(t) || /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  return { value: text };
}

class Range {
  private loaded = new Map<string, Loaded<unknown>>();
  private _format?: RangeFormat;
  constructor(
    private ctx: FakeContext,
    readonly resolve: () => Target,
  ) {}

  private lv(name: string): Loaded<unknown> {
    let l = this.loaded.get(name);
    if (!l) {
      l = new Loaded();
      this.loaded.set(name, l);
    }
    return l;
  }

  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      const cells = (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
      this.ctx.cellsRead += cells * wanted.filter((p) => ['values', 'valueTypes', 'formulas'].includes(p)).length;
      const max = this.ctx.wb.maxCellsPerSync;
      if (max !== undefined && this.ctx.cellsRead > max) throw new OfficeError('ResponsePayloadSizeLimitExceeded');
      for (const p of wanted) this.lv(p).set(readProp(sheet, bounds, p));
    });
    return this;
  }

  get values() {
    return this.lv('values').get('range.values') as unknown[][];
  }
  get valueTypes() {
    return this.lv('valueTypes').get('range.valueTypes') as string[][];
  }
  get formulas() {
    return this.lv('formulas').get('range.formulas') as unknown[][];
  }
  get rowIndex() {
    return this.lv('rowIndex').get('range.rowIndex') as number;
  }
  get columnIndex() {
    return this.lv('columnIndex').get('range.columnIndex') as number;
  }
  get address() {
    return this.lv('address').get('range.address') as string;
  }

  set values(v: unknown[][]) {
    this.ctx.carry(v);
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      const e = this.ctx.wb.editing;
      if (e && e.sheet === sheet.name && !versionAtMost('1.11', this.ctx.maxVersion) && eachCellIncludes(bounds, e.address)) {
        throw new OfficeError('InvalidOperationInCellEditMode', `${e.address} is being edited`);
      }
      eachCell(bounds, (a, r, c) => {
        const x = v[r]?.[c];
        if (x === undefined) throw new OfficeError('InvalidArgument', 'values do not match the range');
        const cell = sheet.cell(a);
        delete cell.formula;
        delete cell.error;
        delete cell.value;
        if (x === '' || x === null) return;
        if (typeof x === 'string') {
          if (cell.numberFormat === '@') cell.value = x;
          else Object.assign(cell, coerce(x));
        } else cell.value = x as number | boolean;
      });
    });
  }

  set formulas(v: unknown[][]) {
    this.ctx.carry(v);
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      eachCell(bounds, (a, r, c) => {
        const x = v[r]?.[c];
        const cell = sheet.cell(a);
        delete cell.value;
        delete cell.error;
        delete cell.formula;
        if (typeof x === 'string' && x.startsWith('=')) cell.formula = x;
        else if (x !== '' && x !== null && x !== undefined) Object.assign(cell, typeof x === 'string' ? coerce(x) : { value: x });
      });
    });
  }

  set numberFormat(v: unknown[][]) {
    this.ctx.carry(v);
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      eachCell(bounds, (a, r, c) => {
        sheet.cell(a).numberFormat = String(v[r]?.[c] ?? 'General');
      });
    });
  }

  get format(): RangeFormat {
    if (!this._format) this._format = new RangeFormat(this.ctx, this.resolve);
    return this._format;
  }

  select(): void {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      if (sheet.visibility !== 'Visible') throw new OfficeError('InvalidOperation', `sheet ${sheet.name} is hidden`);
      this.ctx.wb.selection = { sheet: sheet.name, address: boundsText(bounds) };
    });
  }

  clear(applyTo?: string): void {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      eachCell(bounds, (a) => {
        const c = sheet.peek(a);
        if (!c) return;
        delete c.value;
        delete c.formula;
        delete c.error;
        if (applyTo !== 'Contents') sheet.cells.delete(a);
      });
    });
  }

  getIntersection(other: Range): Range {
    return new Range(this.ctx, () => {
      const a = this.resolve();
      const b = other.resolve().bounds;
      const o = {
        top: Math.max(a.bounds.top, b.top),
        left: Math.max(a.bounds.left, b.left),
        bottom: Math.min(a.bounds.bottom, b.bottom),
        right: Math.min(a.bounds.right, b.right),
      };
      if (o.top > o.bottom || o.left > o.right) throw new OfficeError('InvalidArgument', 'no intersection');
      return { sheet: a.sheet, bounds: o };
    });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    this.ctx.need('1.13', 'getMergedAreasOrNullObject');
    return new RangeAreas(this.ctx, () => {
      const { sheet, bounds } = this.resolve();
      const inside = sheet.merges.filter(
        (m) => m.top <= bounds.bottom && m.bottom >= bounds.top && m.left <= bounds.right && m.right >= bounds.left,
      );
      if (inside.length > 512) throw new OfficeError('GeneralException', 'more than 512 merged areas');
      if (inside.length === 0) return null;
      const q = /[^A-Za-z0-9_\u4e00-\u9fff]/.test(sheet.name) ? `'${sheet.name.replace(/'/g, "''")}'` : sheet.name;
      return inside.map((m) => `${q}!${boundsText(m)}`).join(', ');
    });
  }
}

function boundsText(b: Bounds): string {
  const a = address(b.top, b.left);
  const z = address(b.bottom, b.right);
  return a === z ? a : `${a}:${z}`;
}

function readProp(sheet: FakeSheet, b: Bounds, p: string): unknown {
  const grid = (fn: (cell: FakeCell | undefined, addr: string) => unknown) => {
    const out: unknown[][] = [];
    eachCell(b, (a, r, c) => {
      (out[r] ??= [])[c] = fn(sheet.peek(a), a);
    });
    return out;
  };
  switch (p) {
    case 'values':
      return grid((c) => c?.error ?? c?.value ?? (c?.formula !== undefined ? 0 : ''));
    case 'valueTypes':
      return grid((c) =>
        c?.error !== undefined
          ? 'Error'
          : c?.value === undefined
            ? c?.formula !== undefined
              ? 'Double'
              : 'Empty'
            : typeof c.value === 'string'
              ? 'String'
              : typeof c.value === 'boolean'
                ? 'Boolean'
                : 'Double',
      );
    case 'formulas':
      return grid((c) => c?.formula ?? c?.error ?? c?.value ?? '');
    case 'rowIndex':
      return b.top;
    case 'columnIndex':
      return b.left;
    case 'address':
      return `${sheet.name}!${boundsText(b)}`;
    default:
      throw new OfficeError('InvalidArgument', `unknown range property ${p}`);
  }
}

class RangeAreas {
  private _address = new Loaded<string>();
  private _null = new Loaded<boolean>();
  constructor(
    private ctx: FakeContext,
    private resolve: () => string | null,
  ) {}
  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const a = this.resolve();
      this._null.set(a === null);
      if (a !== null && wanted.includes('address')) this._address.set(a);
    });
    return this;
  }
  get isNullObject() {
    return this._null.get('isNullObject');
  }
  get address() {
    return this._address.get('rangeAreas.address');
  }
}

/** Excel's default row height (points) of a row nobody sized. */
const STANDARD_HEIGHT = 15;

class RangeFormat {
  private _wrap = new Loaded<boolean>();
  private _width = new Loaded<number>();
  private _height = new Loaded<number>();
  private _standardHeight = new Loaded<boolean>();
  private _vertical = new Loaded<string>();
  readonly fill: RangeFill;
  readonly font: RangeFont;
  constructor(
    private ctx: FakeContext,
    private resolve: () => Target,
  ) {
    this.fill = new RangeFill(ctx, resolve);
    this.font = new RangeFont(ctx, resolve);
  }
  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      for (const p of wanted) {
        if (p === 'wrapText') this._wrap.set(sheet.peek(address(bounds.top, bounds.left))?.wrap === true);
        else if (p === 'verticalAlignment') this._vertical.set(sheet.peek(address(bounds.top, bounds.left))?.vertical ?? 'Bottom');
        else if (p === 'rowHeight') {
          this.ctx.need('1.2', 'rowHeight');
          this._height.set(sheet.rowHeights.get(bounds.top) ?? STANDARD_HEIGHT);
        } else if (p === 'useStandardHeight') {
          this.ctx.need('1.7', 'useStandardHeight');
          this._standardHeight.set(!sheet.rowHeights.has(bounds.top));
        } else if (p === 'columnWidth') {
          this.ctx.need('1.2', 'columnWidth');
          const col = address(0, bounds.left).replace(/\d+$/, '');
          this._width.set(sheet.columnWidths.get(col) ?? Math.round((sheet.standardWidth * 7 + 5) * 0.75 * 100) / 100);
        } else throw new OfficeError('InvalidArgument', `unknown format property ${p}`);
      }
    });
    return this;
  }
  get wrapText() {
    return this._wrap.get('format.wrapText');
  }
  set wrapText(v: boolean) {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      eachCell(bounds, (a) => {
        sheet.cell(a).wrap = v;
      });
    });
  }
  get verticalAlignment() {
    return this._vertical.get('format.verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      if (!['Top', 'Center', 'Bottom'].includes(v)) throw new OfficeError('InvalidArgument', `verticalAlignment ${v}`);
      eachCell(bounds, (a) => {
        if (v === 'Bottom') delete sheet.cell(a).vertical;
        else sheet.cell(a).vertical = v as FakeCell['vertical'];
      });
    });
  }
  get rowHeight() {
    return this._height.get('format.rowHeight');
  }
  set rowHeight(points: number) {
    this.ctx.need('1.2', 'rowHeight');
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      for (let r = bounds.top; r <= bounds.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get useStandardHeight() {
    return this._standardHeight.get('format.useStandardHeight');
  }
  set useStandardHeight(v: boolean) {
    this.ctx.need('1.7', 'useStandardHeight');
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      if (v) for (let r = bounds.top; r <= bounds.bottom; r++) sheet.rowHeights.delete(r);
    });
  }
  get columnWidth() {
    return this._width.get('format.columnWidth');
  }
  set columnWidth(points: number) {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      for (let c = bounds.left; c <= bounds.right; c++) sheet.columnWidths.set(address(0, c).replace(/\d+$/, ''), points);
    });
  }
}

class RangeFill {
  private _color = new Loaded<string>();
  private _pattern = new Loaded<string>();
  constructor(
    private ctx: FakeContext,
    private resolve: () => Target,
  ) {}
  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      const fill = sheet.peek(address(bounds.top, bounds.left))?.fill;
      for (const p of wanted) {
        if (p === 'color') this._color.set(fill ?? '#FFFFFF');
        else if (p === 'pattern') {
          this.ctx.need('1.9', 'fill.pattern');
          this._pattern.set(fill ? 'Solid' : 'None');
        } else throw new OfficeError('InvalidArgument', `unknown fill property ${p}`);
      }
    });
    return this;
  }
  get color() {
    return this._color.get('fill.color');
  }
  set color(v: string) {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      eachCell(bounds, (a) => {
        sheet.cell(a).fill = v.toUpperCase();
      });
    });
  }
  get pattern() {
    return this._pattern.get('fill.pattern');
  }
  clear(): void {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      eachCell(bounds, (a) => {
        const c = sheet.peek(a);
        if (c) delete c.fill;
      });
    });
  }
}

class RangeFont {
  private _bold = new Loaded<boolean>();
  constructor(
    private ctx: FakeContext,
    private resolve: () => Target,
  ) {}
  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      for (const p of wanted) {
        if (p === 'bold') this._bold.set(sheet.peek(address(bounds.top, bounds.left))?.bold === true);
        else throw new OfficeError('InvalidArgument', `unknown font property ${p}`);
      }
    });
    return this;
  }
  get bold() {
    return this._bold.get('font.bold');
  }
  set bold(v: boolean) {
    this.ctx.push(() => {
      const { sheet, bounds } = this.resolve();
      this.ctx.writable(sheet);
      eachCell(bounds, (a) => {
        sheet.cell(a).bold = v;
      });
    });
  }
}

class NoteCollection {
  constructor(
    private ctx: FakeContext,
    private sheet: () => FakeSheet,
  ) {}
  private key(addr: string): string {
    const a = addr.replace(/\$/g, '').toUpperCase();
    if (!/^[A-Z]+\d+$/.test(a)) throw new OfficeError('InvalidCellAddress', addr);
    return a;
  }
  getItemOrNullObject(addr: string): Note {
    return new Note(this.ctx, () => ({ sheet: this.sheet(), key: this.key(addr), must: false }));
  }
  getItem(addr: string): Note {
    return new Note(this.ctx, () => ({ sheet: this.sheet(), key: this.key(addr), must: true }));
  }
  add(addr: string, content: string): Note {
    this.ctx.carry(content);
    this.ctx.push(() => {
      const s = this.sheet();
      this.ctx.writable(s);
      const k = this.key(addr);
      if (s.notes.has(k)) throw new OfficeError('InvalidArgument', `cell ${k} already has a note`);
      if (s.threaded.has(k)) throw new OfficeError('InvalidOperation', `cell ${k} has a threaded comment`);
      s.notes.set(k, String(content));
    });
    return this.getItem(addr);
  }
}

class Note {
  private _content = new Loaded<string>();
  private _null = new Loaded<boolean>();
  constructor(
    private ctx: FakeContext,
    private resolve: () => { sheet: FakeSheet; key: string; must: boolean },
  ) {}
  private target() {
    const t = this.resolve();
    if (t.must && !t.sheet.notes.has(t.key)) throw new OfficeError('ItemNotFound', `note ${t.key}`);
    return t;
  }
  load(spec?: string): this {
    const wanted = props(spec);
    this.ctx.push(() => {
      const t = this.target();
      const has = t.sheet.notes.has(t.key);
      this._null.set(!has);
      if (has && wanted.includes('content')) this._content.set(t.sheet.notes.get(t.key)!);
    });
    return this;
  }
  get isNullObject() {
    return this._null.get('isNullObject');
  }
  get content() {
    return this._content.get('note.content');
  }
  set content(v: string) {
    this.ctx.carry(v);
    this.ctx.push(() => {
      const t = this.target();
      this.ctx.writable(t.sheet);
      t.sheet.notes.set(t.key, v);
    });
  }
  delete(): void {
    this.ctx.push(() => {
      const t = this.target();
      t.sheet.notes.delete(t.key);
    });
  }
}

/** Worksheet.comments: threaded comments (ExcelApi 1.10); only what the host uses. */
class ThreadedComments {
  private loadedItems = new Loaded<{ getLocation(): { load(p?: string): { address: string } } }[]>();
  constructor(
    private ctx: FakeContext,
    private sheet: () => FakeSheet,
  ) {}
  load(spec?: string): this {
    void spec;
    this.ctx.push(() => {
      const s = this.sheet();
      const ctx = this.ctx;
      this.loadedItems.set(
        [...s.threaded.keys()].map((a) => ({
          getLocation() {
            const loaded = new Loaded<string>();
            const out: { load(): typeof out; readonly address: string } = {
              load() {
                ctx.push(() => loaded.set(`${s.name}!${a}`));
                return out;
              },
              get address() {
                return loaded.get('comment location address');
              },
            };
            return out;
          },
        })),
      );
    });
    return this;
  }
  get items() {
    return this.loadedItems.get('comments.items');
  }
}

// ---- to and from .xlsx (exceljs) --------------------------------------------------------------

function argbToHex(argb: unknown): string | undefined {
  return typeof argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

/** The workbook an .xlsx holds, as the fake's model (values, formulas' cached results, fills, notes, merges). */
export async function fakeFromXlsx(bytes: Uint8Array | Buffer): Promise<FakeWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const wb = new FakeWorkbook();
  for (const ws of book.worksheets) {
    const s = wb.add(ws.name);
    s.visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const c: FakeCell = {};
        const v = cell.value as unknown;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') c.value = v;
        else if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if ('formula' in o || 'sharedFormula' in o) {
            c.formula = `=${String(o.formula ?? o.sharedFormula)}`;
            if (typeof o.result === 'number' || typeof o.result === 'string' || typeof o.result === 'boolean') c.value = o.result;
          } else if (typeof o.error === 'string') c.error = o.error;
          else if (Array.isArray(o.richText)) c.value = (o.richText as { text: string }[]).map((r) => r.text).join('');
        }
        const fill = cell.style?.fill;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid') c.fill = argbToHex(fill.fgColor?.argb);
        if (cell.style?.font?.bold) c.bold = true;
        if (cell.style?.alignment?.wrapText) c.wrap = true;
        if (Object.keys(c).some((k) => (c as Record<string, unknown>)[k] !== undefined)) s.cells.set(cell.address, c);
        const note = cell.note as unknown;
        if (typeof note === 'string') s.notes.set(cell.address, note);
        else if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown }).texts)) {
          s.notes.set(cell.address, (note as { texts: { text: string }[] }).texts.map((t) => t.text).join(''));
        }
      });
    });
    const merges =
      (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
    for (const m of Object.values(merges)) s.merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  for (const n of book.definedNames.model as { name: string; ranges: string[] }[]) {
    for (const range of n.ranges) wb.names.push({ name: n.name, formula: `=${range}` });
  }
  return wb;
}

/** The fake's workbook saved as .xlsx (what Excel would save): values, fills, bold, wrap, notes, visibility. */
export async function fakeToXlsx(wb: FakeWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    ws.state = s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible';
    for (const [a, c] of s.cells) {
      const cell = ws.getCell(a);
      if (c.formula) cell.value = { formula: c.formula.slice(1), result: c.value as number } as ExcelJS.CellFormulaValue;
      else if (c.error) cell.value = { error: c.error } as ExcelJS.CellErrorValue;
      else if (c.value !== undefined) cell.value = c.value;
      const style: Partial<ExcelJS.Style> = {};
      if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.slice(1)}` } };
      if (c.bold) style.font = { bold: true };
      if (c.wrap) style.alignment = { wrapText: true };
      if (c.numberFormat) style.numFmt = c.numberFormat;
      if (Object.keys(style).length > 0) cell.style = style;
    }
    for (const [a, text] of s.notes) ws.getCell(a).note = text;
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  for (const n of wb.names) {
    const sheet = sheetOfFormula(n.formula);
    if (sheet && wb.find(sheet))
      book.definedNames.add(`'${sheet.replace(/'/g, "''")}'!${n.formula.slice(n.formula.indexOf('!') + 1)}`, n.name);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
