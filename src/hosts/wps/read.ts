// Reading a WPS workbook: the sheet list and the journal every operation starts from, a sheet's
// used range (bounded by its last value cell), and the values and formulas of given cells.
import type { Grid } from '../../core/grid';
import type { Bounds, CellContent, Journal } from '../../core/plan';
import { JOURNAL_SHEET, rangeText } from '../../core/plan';
import { columnATexts } from '../cells';
import { HostError } from '../host';
import { findSheet, parseJournalOrEmpty } from '../journal-state';
import { isMarkerName } from '../markers';
import type { DefinedName } from '../markers';
import type { RowCol } from './address';
import { parseAddressList } from './address';
import type { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from './api';
import { xlByColumns, xlByRows, xlFormulas, xlPart, xlPrevious, xlSheetVisible } from './api';
import { NO_WORKBOOK } from './errors';
import { addressText } from './merges';
import { as2D, placeValues, toCellContent } from './values';

export interface SheetEntry {
  name: string;
  visible: boolean;
  ws: WpsWorksheet;
}

/** What every operation starts from: the workbook, its sheets, the journal. */
export interface Context {
  wb: WpsWorkbook;
  sheets: SheetEntry[];
  journal: Journal;
  /** Rows of the journal sheet's column A that hold text (to clear the rest on rewrite). */
  journalRows: number;
}

export function isVisible(v: unknown): boolean {
  return v === xlSheetVisible || v === true;
}

export function activeWorkbook(app: WpsApplication): WpsWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new HostError(NO_WORKBOOK, undefined, 'noWorkbook');
  return wb;
}

/** The sheet list (Count, then Item, Name, Visible of each) and, unless told not to, the journal. */
export function readContext(app: WpsApplication, withJournal = true): Context {
  const wb = activeWorkbook(app);
  const list = wb.Sheets;
  const n = list.Count;
  const sheets: SheetEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = list.Item(i);
    sheets.push({ name: String(ws.Name), visible: isVisible(ws.Visible), ws });
  }
  const journalSheet = withJournal ? findSheet(sheets, JOURNAL_SHEET) : undefined;
  let texts: string[] = [];
  if (journalSheet) texts = columnATexts(readUsed(journalSheet.ws, journalSheet.name).cells);
  return { wb, sheets, journal: parseJournalOrEmpty(texts), journalRows: texts.length };
}

/**
 * A sheet's values: UsedRange, bounded by the last cell holding a value, read in one Value2.
 * UsedRange also covers cells that are only formatted (a template formatted down to row 65536),
 * so the last row and column with content come from two backward Find("*") searches (the Excel
 * object model's way: Range.Find with SearchDirection xlPrevious, et-jsapi-declare
 * lib.et.d.ts:1490); a sheet with no value at all reads nothing more.
 */
export function readUsed(ws: WpsWorksheet, name: string): { range: WpsRange; bounds: Bounds; cells: Grid['cells'] } {
  const used = ws.UsedRange;
  const [whole] = parseAddressList(addressText(used));
  const lastRow = lastWith(used, xlByRows);
  const lastCol = lastRow ? lastWith(used, xlByColumns) : undefined;
  if (!whole || !lastRow || !lastCol) return { range: used, bounds: whole ?? { top: 0, left: 0, bottom: 0, right: 0 }, cells: [] };
  const bounds = {
    top: whole.top,
    left: whole.left,
    bottom: Math.min(whole.bottom, lastRow.top),
    right: Math.min(whole.right, lastCol.left),
  };
  const range = bounds.bottom === whole.bottom && bounds.right === whole.right ? used : ws.Range(rangeText(bounds));
  const values = as2D(
    range.Value2,
    bounds.bottom - bounds.top + 1,
    bounds.right - bounds.left + 1,
    `工作表“${name}”的 ${rangeText(bounds)}`,
  );
  return { range, bounds, cells: placeValues(values, bounds.top, bounds.left) };
}

/** The last cell with content in search order (rows: its row is the last row; columns: the last column). */
function lastWith(used: WpsRange, order: number): Bounds | undefined {
  const hit = used.Find('*', undefined, xlFormulas, xlPart, order, xlPrevious, false, false, false);
  if (!hit) return undefined;
  return parseAddressList(addressText(hit))[0];
}

/** Values (with formulas) of the cells: one Formula and one Value2 of their bounding box. */
export function readContents(ws: WpsWorksheet, name: string, cells: RowCol[]): [RowCol, CellContent][] {
  const box = {
    top: Math.min(...cells.map((c) => c.row)),
    left: Math.min(...cells.map((c) => c.col)),
    bottom: Math.max(...cells.map((c) => c.row)),
    right: Math.max(...cells.map((c) => c.col)),
  };
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const range = ws.Range(rangeText(box));
  const where = `工作表“${name}”的 ${rangeText(box)}`;
  const formulas = as2D(range.Formula, rows, cols, where);
  const values = as2D(range.Value2, rows, cols, where);
  return cells.map((rc) => [
    rc,
    toCellContent(formulas[rc.row - box.top]?.[rc.col - box.left], values[rc.row - box.top]?.[rc.col - box.left]),
  ]);
}

/**
 * The workbook's defined names (Workbook.Names, lib.et.d.ts:6376: Count, Item(i), Name), with
 * what juesuan's created-sheet markers refer to (RefersTo); other names' references are not read.
 */
export function readNames(wb: WpsWorkbook): DefinedName[] {
  const list = wb.Names;
  const n = list.Count;
  const out: DefinedName[] = [];
  for (let i = 1; i <= n; i++) {
    const item = list.Item(i);
    const name = String(item.Name);
    out.push({ name, reference: isMarkerName(name) ? String(item.RefersTo) : '' });
  }
  return out;
}
