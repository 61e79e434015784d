// Apply a WritePlan to an exceljs workbook, journaling what was there before in the very
// hidden `_juesuan_journal` sheet, so undo and clear-highlights work after save and reopen.
// No Node API: this runs in the browser bundle too.
//
// exceljs pitfalls handled here:
// - cells loaded from a file SHARE style objects: every change assigns the cell a fresh style
//   object (and fresh fill / font / alignment objects), never mutates the one it has;
// - there is no public way to remove a note: see removeNote;
// - a value written to a merged non-anchor cell lands in the anchor: plans may not do that.

import * as ExcelJS from 'exceljs';
import { parseAddress } from '../../core/grid';
import { HostError } from '../host';
import { readPage, writePage } from './page';
import {
  JOURNAL_SHEET,
  JournalFormatError,
  appendEntry,
  assertJournalEntriesUsable,
  clearHighlightsPlan,
  createdSheetMarkerReference,
  entriesForClear,
  entriesForUndo,
  markedSheets,
  nextCreatedSheetMarkerName,
  emptyJournal,
  isNoChange,
  journalChunks,
  journalFromChunks,
  planTargets,
  popEntry,
  rangeAddresses,
  undoPlan,
  withoutHighlights,
} from '../../core/plan';
import type {
  CellBefore,
  CellContent,
  CellPart,
  ColumnBefore,
  Journal,
  RowBefore,
  PageBefore,
  JournalEntry,
  Json,
  PlanOp,
  WritePlan,
} from '../../core/plan';

import { recordOps } from './package/touched';

type Cell = ExcelJS.Cell;
type Worksheet = ExcelJS.Worksheet;

/** exceljs's font for cells without one; bolding such a cell keeps it, only bold. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { size: 11, color: { theme: 1 } as ExcelJS.Color, name: 'Calibri', family: 2, scheme: 'minor' };

// ---- JSON round trip of exceljs values (Dates inside values, styles and notes) -------------

function toJson(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = toJson(x);
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v as Json;
}

function fromJson(j: Json): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(fromJson);
  const keys = Object.keys(j);
  if (keys.length === 1 && keys[0] === '$date' && typeof j.$date === 'string') return new Date(j.$date);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(j)) out[k] = fromJson(x);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// ---- sheets ----------------------------------------------------------------------------------

/** By name; Excel sheet names are case-insensitive. */
function findSheet(workbook: ExcelJS.Workbook, name: string): Worksheet | undefined {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name === name) ?? workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

function userSheets(workbook: ExcelJS.Workbook): Worksheet[] {
  return workbook.worksheets.filter((ws) => ws.name !== JOURNAL_SHEET);
}

/** Keep the workbook view's active tab on the same sheet (or a visible neighbour) after a removal. */
function removeSheet(workbook: ExcelJS.Workbook, ws: Worksheet): void {
  const view = workbook.views?.[0] as (ExcelJS.WorkbookView & { firstSheet?: number }) | undefined;
  const before = workbook.worksheets;
  const active = view?.activeTab !== undefined ? before[view.activeTab] : undefined;
  const at = before.indexOf(ws);
  workbook.removeWorksheet(ws.id);
  if (!view) return;
  const after = workbook.worksheets;
  let target = active && active !== ws ? after.indexOf(active) : -1;
  if (target < 0 || after[target].state !== 'visible') {
    const visible = after.map((s, i) => (s.state === 'visible' ? i : -1)).filter((i) => i >= 0);
    target = visible.filter((i) => i < at).pop() ?? visible[0] ?? 0;
  }
  view.activeTab = target;
  if (view.firstSheet !== undefined && view.firstSheet >= after.length) view.firstSheet = 0;
}

// ---- juesuan's marker on the sheets it creates (see core/plan/validate) ----------------------

function definedNameList(workbook: ExcelJS.Workbook): { name: string; reference: string }[] {
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  return model.flatMap((n) => n.ranges.map((reference) => ({ name: n.name, reference })));
}

/** The sheets that carry juesuan's created-sheet marker. */
export function markedSheetsOf(workbook: ExcelJS.Workbook): string[] {
  return markedSheets(definedNameList(workbook));
}

/** The workbook's sheet names (a journal may list a created sheet that is gone: nothing to delete). */
export function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((ws) => ws.name);
}

function markCreated(workbook: ExcelJS.Workbook, sheet: string): void {
  const name = nextCreatedSheetMarkerName(definedNameList(workbook).map((n) => n.name));
  workbook.definedNames.add(createdSheetMarkerReference(sheet), name);
}

function unmarkCreated(workbook: ExcelJS.Workbook, sheet: string): void {
  for (const n of definedNameList(workbook)) {
    const [named] = markedSheets([n]);
    if (named !== undefined && named.toLowerCase() === sheet.toLowerCase()) workbook.definedNames.remove(n.reference, n.name);
  }
}

// ---- reading what a cell holds -------------------------------------------------------------

function readValue(cell: Cell): CellContent {
  if (cell.type === ExcelJS.ValueType.Merge) {
    const master = cell.master;
    return master && master !== cell ? { raw: { merged: master.address } } : null;
  }
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return { raw: toJson(v) };
}

function argbToHex(argb: unknown): string | null {
  return typeof argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

function solidColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return argbToHex(fill.fgColor?.argb);
}

function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: unknown }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => (typeof t.text === 'string' ? t.text : '')).join('') : null;
}

function readPart(cell: Cell, part: CellPart): Partial<CellBefore> {
  const style = cell.style ?? {};
  switch (part) {
    case 'value':
      return { value: readValue(cell) };
    case 'fill':
      return { fill: { color: solidColor(style.fill), raw: toJson(style.fill) } };
    case 'note':
      return { note: { text: noteText(cell.note), raw: toJson(cell.note) } };
    case 'font':
      return { font: { bold: style.font?.bold === true, raw: toJson(style.font) } };
    case 'alignment': {
      const vertical = style.alignment?.vertical;
      const v = vertical === 'top' || vertical === 'bottom' ? vertical : vertical === 'middle' ? 'center' : undefined;
      return { alignment: { wrap: style.alignment?.wrapText === true, ...(v ? { vertical: v } : {}), raw: toJson(style.alignment) } };
    }
  }
}

function readColumnWidth(ws: Worksheet, column: string): number | null {
  const w = ws.getColumn(column).width;
  return typeof w === 'number' ? w : null;
}

function readRowHeight(ws: Worksheet, row: number): number | null {
  const h = ws.findRow(row)?.height;
  return typeof h === 'number' ? h : null;
}

// ---- writing ---------------------------------------------------------------------------------

type StyleKey = 'fill' | 'font' | 'alignment';

/** A fresh style object for the cell (styles of loaded cells are shared between cells). */
function setStyle(cell: Cell, key: StyleKey, value: unknown): void {
  const next: Record<string, unknown> = { ...(cell.style ?? {}) };
  if (value === undefined || value === null) delete next[key];
  else next[key] = value;
  cell.style = next as Partial<ExcelJS.Style>;
}

function toExcelValue(content: CellContent): ExcelJS.CellValue {
  if (content === null || typeof content !== 'object') return content;
  if ('raw' in content) return fromJson(content.raw) as ExcelJS.CellValue;
  return { formula: content.formula.replace(/^=/, ''), result: content.result ?? undefined } as ExcelJS.CellFormulaValue;
}

/**
 * Before the first cell of a shared formula is overwritten, the other cells of the group get
 * their own formula (translated from it): exceljs cannot write clones without their master.
 */
function unshareClones(cell: Cell): void {
  const v = cell.value as { shareType?: unknown; ref?: unknown } | null;
  if (!v || typeof v !== 'object' || v.shareType !== 'shared' || typeof v.ref !== 'string') return;
  for (const address of rangeAddresses(v.ref)) {
    const clone = cell.worksheet.getCell(address);
    const cv = clone.value as { sharedFormula?: unknown; result?: unknown } | null;
    if (clone === cell || !cv || typeof cv !== 'object' || cv.sharedFormula !== cell.address) continue;
    clone.value = { formula: clone.formula, result: cv.result } as ExcelJS.CellFormulaValue;
  }
}

function writeValue(cell: Cell, content: CellContent): void {
  if (content !== null && typeof content === 'object' && 'raw' in content) {
    const raw = content.raw as { merged?: unknown } | null;
    if (raw && typeof raw === 'object' && 'merged' in raw) return; // part of a merge: its anchor holds the value
  }
  if (cell.type === ExcelJS.ValueType.Merge && (!cell.master || cell.master === cell)) {
    // a stray merge placeholder with no anchor (bare <c/> in the file): make it a plain cell
    const style = cell.style;
    cell.unmerge();
    cell.style = style;
  }
  unshareClones(cell);
  cell.value = toExcelValue(content);
}

function removeNote(cell: Cell): void {
  // exceljs keeps the note in `_comment`, and copies it onto the value's model object whenever
  // the cell's model is read (every save, and on load): clear both, or the note comes back.
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  c._comment = undefined;
  if (c._value?.model) delete c._value.model.comment;
}

function writeNote(cell: Cell, op: Extract<PlanOp, { kind: 'note' }>): void {
  const note = op.raw !== undefined ? fromJson(op.raw) : op.text;
  if (note === null || note === undefined) removeNote(cell);
  else cell.note = note as ExcelJS.Comment | string;
}

function writeFill(cell: Cell, op: Extract<PlanOp, { kind: 'fill' }>): void {
  if (op.raw !== undefined) return setStyle(cell, 'fill', fromJson(op.raw));
  if (op.color === null) return setStyle(cell, 'fill', undefined);
  const argb = `FF${op.color.replace(/^#/, '').toUpperCase()}`;
  setStyle(cell, 'fill', { type: 'pattern', pattern: 'solid', fgColor: { argb } });
}

function writeFormat(cell: Cell, op: Extract<PlanOp, { kind: 'format' }>): void {
  const style = cell.style ?? {};
  if (op.raw?.font !== undefined) setStyle(cell, 'font', fromJson(op.raw.font));
  else {
    const font: Partial<ExcelJS.Font> = { ...(style.font ?? DEFAULT_FONT) };
    if (op.bold !== undefined && op.bold !== (style.font?.bold === true)) font.bold = op.bold;
    if (op.size !== undefined) font.size = op.size;
    if (op.fontName !== undefined) font.name = op.fontName;
    if (!same(font, style.font ?? DEFAULT_FONT)) setStyle(cell, 'font', font);
  }
  if (op.raw?.alignment !== undefined) setStyle(cell, 'alignment', fromJson(op.raw.alignment));
  else {
    const alignment: Partial<ExcelJS.Alignment> = { ...(style.alignment ?? {}) };
    if (op.wrap !== undefined && op.wrap !== (alignment.wrapText === true)) alignment.wrapText = op.wrap;
    const vertical = op.vertical === 'center' ? 'middle' : op.vertical;
    if (vertical !== undefined && vertical !== (alignment.vertical ?? 'bottom')) alignment.vertical = vertical;
    if (op.horizontal !== undefined && op.horizontal !== (alignment.horizontal ?? 'left')) alignment.horizontal = op.horizontal;
    if (!same(alignment, style.alignment ?? {})) setStyle(cell, 'alignment', alignment);
  }
}

function writeColumnWidth(ws: Worksheet, column: string, width: number | null): void {
  (ws.getColumn(column) as { width?: number }).width = width ?? undefined;
}

function writeRowHeight(ws: Worksheet, row: number, height: number | null): void {
  if (height === null && !ws.findRow(row)) return;
  (ws.getRow(row) as { height?: number }).height = height ?? undefined;
}

// ---- checking a plan before touching anything ---------------------------------------------

function sheetOf(op: PlanOp): string {
  return op.sheet;
}

/** Excel's rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
function validSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/**
 * Throws (before any change) if the plan cannot be applied as a whole: a value or format on a
 * sheet that is not there, a sheet to create that exists, a value into a merged non-anchor
 * cell. Fills and notes on missing sheets are dropped (a finding may name a sheet since
 * removed); so is everything on missing sheets in revert plans. Returns the ops to run.
 */
function checkPlan(workbook: ExcelJS.Workbook, plan: WritePlan): PlanOp[] {
  const present = new Set(workbook.worksheets.map((ws) => ws.name.toLowerCase()));
  const revert = plan.marker.revert === true;
  const ops: PlanOp[] = [];
  for (const op of plan.ops) {
    const name = sheetOf(op);
    const key = name.toLowerCase();
    if (name === JOURNAL_SHEET) throw new HostError(`计划不能修改日志工作表“${JOURNAL_SHEET}”。`);
    if (op.kind === 'createSheet') {
      if (present.has(key)) throw new HostError(`无法新建工作表“${name}”：同名工作表已存在。`);
      if (!validSheetName(name)) throw new HostError(`无法新建工作表“${name}”：名称不能为空、超过31个字符或含有 : \\ / ? * [ ]。`);
      present.add(key);
    } else if (op.kind === 'deleteSheet') {
      if (!present.has(key)) continue;
      present.delete(key);
    } else if (!present.has(key)) {
      if (revert || op.kind === 'fill' || op.kind === 'note') continue;
      throw new HostError(`找不到工作表“${name}”。`);
    }
    if (op.kind === 'value' && !revert) {
      const ws = findSheet(workbook, name);
      const { row, col } = parseAddress(op.address.replace(/\$/g, ''));
      const cell = ws?.findCell(row + 1, col + 1);
      if (cell && cell.type === ExcelJS.ValueType.Merge && cell.master && cell.master !== cell) {
        throw new HostError(`工作表“${name}”的 ${op.address} 是合并单元格的一部分，无法写入，请先取消合并。`);
      }
    }
    ops.push(op);
  }
  return ops;
}

function runOps(workbook: ExcelJS.Workbook, ops: PlanOp[]): void {
  for (const op of ops) {
    if (op.kind === 'createSheet') {
      workbook.addWorksheet(op.sheet);
      markCreated(workbook, op.sheet);
      continue;
    }
    const ws = findSheet(workbook, op.sheet);
    if (!ws) continue;
    switch (op.kind) {
      case 'deleteSheet':
        unmarkCreated(workbook, ws.name);
        removeSheet(workbook, ws);
        break;
      case 'value':
        writeValue(ws.getCell(op.address), op.value);
        break;
      case 'fill':
        writeFill(ws.getCell(op.address), op);
        break;
      case 'note':
        writeNote(ws.getCell(op.address), op);
        break;
      case 'format':
        for (const a of rangeAddresses(op.range)) writeFormat(ws.getCell(a), op);
        break;
      case 'columnWidth':
        writeColumnWidth(ws, op.column, op.width);
        break;
      case 'rowHeight':
        writeRowHeight(ws, op.row, op.height);
        break;
      case 'pageSetup':
      case 'printTitles':
      case 'rowBreaks':
        writePage(ws, op);
        break;
    }
  }
}

// ---- the journal sheet ---------------------------------------------------------------------

/**
 * The workbook's journal; empty when there is none. A journal this code cannot read (edited by
 * hand, a newer version) counts as empty too, and the next applied plan replaces it.
 */
export function readJournal(workbook: ExcelJS.Workbook): Journal {
  const ws = findSheet(workbook, JOURNAL_SHEET);
  if (!ws) return emptyJournal();
  const chunks: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v === 'string') chunks.push(v);
  }
  try {
    return journalFromChunks(chunks);
  } catch (e) {
    if (e instanceof JournalFormatError) return emptyJournal();
    throw e;
  }
}

/** Stores the journal (very hidden, last sheet); an empty journal removes the sheet. */
export function writeJournal(workbook: ExcelJS.Workbook, journal: Journal): void {
  let ws = findSheet(workbook, JOURNAL_SHEET);
  const chunks = journalChunks(journal);
  if (chunks.length === 0) {
    if (ws) removeSheet(workbook, ws);
    return;
  }
  if (!ws) ws = workbook.addWorksheet(JOURNAL_SHEET);
  ws.state = 'veryHidden';
  const sheet = ws;
  const rows = Math.max(sheet.rowCount, chunks.length);
  for (let r = 1; r <= rows; r++) sheet.getCell(r, 1).value = r <= chunks.length ? chunks[r - 1] : null;
  // keep it the last sheet, after any sheet a plan appended
  const order = (s: Worksheet) => (s as unknown as { orderNo: number }).orderNo;
  const last = userSheets(workbook).reduce((m, s) => Math.max(m, order(s)), 0);
  if (order(sheet) <= last) (sheet as unknown as { orderNo: number }).orderNo = last + 1;
}

// ---- applying --------------------------------------------------------------------------------

function snapshot(workbook: ExcelJS.Workbook, cells: { sheet: string; address: string; parts: CellPart[] }[]): CellBefore[] {
  const out: CellBefore[] = [];
  for (const t of cells) {
    const ws = findSheet(workbook, t.sheet);
    if (!ws) continue;
    const cell = ws.getCell(t.address);
    let before: CellBefore = { sheet: ws.name, address: t.address };
    for (const part of t.parts) before = { ...before, ...readPart(cell, part) };
    out.push(before);
  }
  return out;
}

function columnSnapshot(workbook: ExcelJS.Workbook, columns: { sheet: string; column: string }[]): ColumnBefore[] {
  const out: ColumnBefore[] = [];
  for (const c of columns) {
    const ws = findSheet(workbook, c.sheet);
    if (ws) out.push({ sheet: ws.name, column: c.column, width: readColumnWidth(ws, c.column) });
  }
  return out;
}

function rowSnapshot(workbook: ExcelJS.Workbook, rows: { sheet: string; row: number }[]): RowBefore[] {
  const out: RowBefore[] = [];
  for (const r of rows) {
    const ws = findSheet(workbook, r.sheet);
    if (ws) out.push({ sheet: ws.name, row: r.row, height: readRowHeight(ws, r.row) });
  }
  return out;
}

function pageSnapshot(workbook: ExcelJS.Workbook, sheets: string[]): PageBefore[] {
  const out: PageBefore[] = [];
  for (const name of sheets) {
    const ws = findSheet(workbook, name);
    if (ws) out.push({ sheet: ws.name, raw: readPage(ws) });
  }
  return out;
}

/** Keeps, of each cell, only the parts that changed; drops cells where nothing did. */
function changedParts(before: CellBefore[], after: CellBefore[]): CellBefore[] {
  const out: CellBefore[] = [];
  before.forEach((b, i) => {
    const a = after[i];
    const kept: CellBefore = { sheet: b.sheet, address: b.address };
    let any = false;
    for (const key of ['value', 'fill', 'note', 'font', 'alignment'] as const) {
      if (key in b && !same(b[key], a?.[key])) {
        (kept as unknown as Record<string, unknown>)[key] = b[key];
        any = true;
      }
    }
    if (any) out.push(kept);
  });
  return out;
}

/** Runs a plan and returns what it changed, without journaling it. */
function runPlan(workbook: ExcelJS.Workbook, plan: WritePlan): JournalEntry {
  const ops = checkPlan(workbook, plan);
  const targets = planTargets({ marker: plan.marker, ops });
  const cellsBefore = snapshot(workbook, targets.cells);
  const columnsBefore = columnSnapshot(workbook, targets.columns);
  const rowsBefore = rowSnapshot(workbook, targets.rows);
  const pagesBefore = pageSnapshot(workbook, targets.pages);
  runOps(workbook, ops);
  recordOps(workbook, ops);
  const cellsAfter = snapshot(workbook, targets.cells);
  const columnsAfter = columnSnapshot(workbook, targets.columns);
  const rowsAfter = rowSnapshot(workbook, targets.rows);
  const entry: JournalEntry = {
    action: plan.marker.action,
    createdSheets: targets.createdSheets,
    cells: changedParts(cellsBefore, cellsAfter),
    columns: columnsBefore.filter((c, i) => c.width !== columnsAfter[i]?.width),
    rows: rowsBefore.filter((r, i) => r.height !== rowsAfter[i]?.height),
  };
  const pagesAfter = pageSnapshot(workbook, targets.pages);
  const pages = pagesBefore.filter((p, i) => !same(p.raw, pagesAfter[i]?.raw));
  if (pages.length > 0) entry.pages = pages;
  if (plan.marker.written) entry.written = plan.marker.written;
  return entry;
}

/**
 * Applies `plan` in one batch and returns what it changed (the cells' parts as they were, the
 * sheets it created). The entry is added to the workbook's journal unless the plan changed
 * nothing (rerunning an action is then a no-op, and undo still undoes the real change) or it
 * is itself a revert plan. Throws, before changing anything, if the plan cannot be applied.
 */
export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): JournalEntry {
  const journal = readJournal(workbook);
  const entry = runPlan(workbook, plan);
  if (!plan.marker.revert && !isNoChange(entry)) writeJournal(workbook, appendEntry(journal, entry));
  return entry;
}

/**
 * Undoes the last journaled action; returns its entry, or undefined when there is nothing to undo.
 * Throws JournalRejectedError, changing nothing, when that entry was tampered with.
 */
export function undoLast(workbook: ExcelJS.Workbook): JournalEntry | undefined {
  const whole = readJournal(workbook);
  assertJournalEntriesUsable(entriesForUndo(whole), markedSheetsOf(workbook), '撤销', sheetNames(workbook));
  const { journal, entry } = popEntry(whole);
  if (!entry) return undefined;
  runPlan(workbook, undoPlan(entry));
  writeJournal(workbook, journal);
  return entry;
}

/**
 * Removes every highlight: highlighted cells get back the fill and note they had before, and
 * the highlight actions leave the journal (other actions stay undoable). Returns how many
 * cells were restored. Throws JournalRejectedError, changing nothing, when a highlight entry was
 * tampered with.
 */
export function clearHighlights(workbook: ExcelJS.Workbook): number {
  const journal = readJournal(workbook);
  assertJournalEntriesUsable(entriesForClear(journal), markedSheetsOf(workbook), '清除标记', sheetNames(workbook));
  const plan = clearHighlightsPlan(journal);
  const changed = runPlan(workbook, plan);
  writeJournal(workbook, withoutHighlights(journal));
  return changed.cells.length;
}
