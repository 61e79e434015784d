// One worksheet part (sheetN.xml) → Grid, as src/hosts/file/grid.ts makes it from exceljs:
// shared and inline strings, numbers, booleans, errors, cached formula results, date-formatted
// numbers as ISO text, merged non-anchor cells left out and merges listed. Differences, on
// purpose: a formula with no cached result is an UNCALCULATED error value (exceljs: blank), a
// number that is not one (<v>12abc</v>) stays text, and nothing is sized from a declared range:
// rows and merges are kept only as far as the cells the sheet really holds.

import type { CellValue, Grid, MergeRange } from '../../../core/grid';
import { address, UNCALCULATED } from '../../../core/grid';
import { dateToIso, excelToDate } from '../date';
import { parseMergeRef } from './merges';
import { runsText, XmlScanner } from './xml';

/** Excel's own bounds: a cell past them is not a sheet Excel could have written. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface SheetStyles {
  strings: string[];
  /** dateStyles[s]: the cell style s formats numbers as dates. */
  dateStyles: boolean[];
  date1904: boolean;
}

export interface ParsedSheet {
  grid: Grid;
  /** <c> elements met (empty ones included): what the cell limit counts. */
  cellTags: number;
}

/** A cell or row past Excel's bounds (or unreadable): `where` names it (“单元格 A99999999”). */
export class CellOutOfRangeError extends Error {
  constructor(readonly where: string) {
    super(`${where} outside the sheet`);
  }
}

/** "AB12" → 0-based [row, col], or undefined if it is not an address. */
function parseRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > MAX_COLS) return [0, col - 1];
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
    if (row > MAX_ROWS) return [row - 1, col - 1];
  }
  return [row - 1, col - 1];
}

function numberOrText(v: string, style: number, styles: SheetStyles): CellValue {
  const t = v.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return v; // not a number Excel wrote: the engine says so
  if (styles.dateStyles[style]) return dateToIso(excelToDate(n, styles.date1904));
  return n;
}

interface RawCell {
  row: number;
  col: number;
  value: CellValue;
}

/** A cell's formula as the sheet states it: the text, or the shared formula it takes part in. */
interface CellFormula {
  text: string;
  sharedIndex?: string;
}

/**
 * `formulas`, if given, receives address → formula text (without "=") of every formula cell;
 * a cell of a shared formula gets the text stated on the formula's first cell, not translated.
 */
export function parseSheet(xml: string, sheet: string, styles: SheetStyles, formulas?: Map<string, string>): ParsedSheet {
  const x = new XmlScanner(xml);
  const shared = new Map<string, string>();
  const cells: RawCell[] = [];
  const merges: MergeRange[] = [];
  let cellTags = 0;
  let row = -1;
  let col = -1;
  let inData = false;
  while (x.next()) {
    const name = x.name;
    if (!inData) {
      if (name === 'sheetData' && x.kind === 'open') inData = true;
      else if (name === 'mergeCell' && x.kind !== 'close') {
        const m = parseMergeRef(x.attr('ref') ?? '');
        if (m) merges.push(m);
      }
      continue;
    }
    if (name === 'row') {
      if (x.kind === 'close') continue;
      const r = x.attr('r');
      const n = r === undefined ? row + 1 : Number(r) - 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw new CellOutOfRangeError(`第 ${r} 行`);
      row = n;
      col = -1;
      continue;
    }
    if (name === 'sheetData') {
      if (x.kind === 'close') inData = false;
      continue;
    }
    if (name !== 'c' || x.kind === 'close') continue;
    cellTags++;
    const ref = x.attr('r');
    if (ref !== undefined) {
      const at = parseRef(ref);
      if (!at || at[0] >= MAX_ROWS || at[1] >= MAX_COLS) throw new CellOutOfRangeError(`单元格 ${ref}`);
      row = at[0];
      col = at[1];
    } else {
      col++;
      if (row < 0) row = 0;
      if (col >= MAX_COLS) throw new CellOutOfRangeError(`第 ${row + 1} 行第 ${col + 1} 列`);
    }
    if (x.kind === 'empty') continue;
    const found: { formula?: CellFormula } = {};
    const value = cellValue(x, x.attr('t'), Number(x.attr('s') ?? 0), styles, found);
    if (value !== null) cells.push({ row, col, value });
    if (formulas && found.formula) {
      const { text, sharedIndex } = found.formula;
      if (sharedIndex !== undefined && text !== '') shared.set(sharedIndex, text);
      const stated = text !== '' ? text : sharedIndex !== undefined ? shared.get(sharedIndex) : undefined;
      if (stated) formulas.set(address(row, col), stated);
    }
  }
  return { grid: buildGrid(sheet, cells, merges), cellTags };
}

/** The value of the <c> element the scanner stands in (it leaves the scanner after </c>). */
function cellValue(
  x: XmlScanner,
  type: string | undefined,
  style: number,
  styles: SheetStyles,
  found: { formula?: CellFormula },
): CellValue {
  let v: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  while (x.next()) {
    const name = x.name;
    if (name === 'c' && x.kind === 'close') break;
    if (x.kind !== 'open' && !(name === 'f' && x.kind === 'empty')) continue;
    if (name === 'v') v = x.content();
    else if (name === 'f') {
      const sharedIndex = x.attr('t') === 'shared' ? x.attr('si') : undefined;
      formula = x.kind === 'open' ? x.content() : '';
      found.formula = sharedIndex === undefined ? { text: formula } : { text: formula, sharedIndex };
    } else if (name === 'is') inline = runsText(x, 'is');
  }
  if (type === 'inlineStr') return inline ?? (v === undefined ? null : v);
  if (v === undefined) {
    if (formula === undefined) return null;
    return formula === '' ? { error: UNCALCULATED, uncalculated: true } : { error: UNCALCULATED, uncalculated: true, formula };
  }
  switch (type) {
    case 's': {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 ? (styles.strings[i] ?? null) : null;
    }
    case 'str':
      return v;
    case 'b':
      return v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return { error: v.trim() };
    case 'd': {
      const d = new Date(v.trim());
      return Number.isFinite(d.getTime()) ? dateToIso(d) : v;
    }
    default:
      return numberOrText(v, style, styles);
  }
}

/**
 * Cells → rows of values. Merged non-anchor cells are left out (exceljs loads them as merge
 * placeholders); merges are clamped to the rows and columns that hold values. Gaps are padded
 * with null / [] as exceljs does only while the padding stays small next to what the sheet
 * holds, so a lone cell at XFD or at row 1,000,000 costs one slot, not a million.
 */
function buildGrid(sheet: string, raw: RawCell[], merges: MergeRange[]): Grid {
  const kept = merges.length > 0 ? withoutMergedCells(raw, merges) : raw;
  const rows: CellValue[][] = [];
  const perRow = new Map<number, number>();
  for (const { row, col, value } of kept) {
    const r = rows[row] ?? (rows[row] = []);
    r[col] = value;
    perRow.set(row, (perRow.get(row) ?? 0) + 1);
  }
  let width = 0;
  for (const [r, n] of perRow) {
    const cells = rows[r];
    if (cells.length > width) width = cells.length;
    if (cells.length <= 4 * n + 256) for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
  }
  if (rows.length <= 4 * perRow.size + 4096) for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  const height = rows.length;
  const clamped: MergeRange[] = [];
  for (const m of merges) {
    if (m.top >= height || m.left >= width) continue;
    clamped.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, height - 1), right: Math.min(m.right, width - 1) });
  }
  clamped.sort((a, b) => a.top - b.top || a.left - b.left);
  return { sheet, cells: rows, merges: clamped };
}

/** The cells that are not inside a merge (anchors kept), in one sweep over rows. */
function withoutMergedCells(raw: RawCell[], merges: MergeRange[]): RawCell[] {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  const cells = [...raw].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: RawCell[] = [];
  let next = 0;
  /** Merges covering the current row, sorted by left (merges do not overlap). */
  let active: MergeRange[] = [];
  let currentRow = -1;
  for (const cell of cells) {
    if (cell.row !== currentRow) {
      currentRow = cell.row;
      active = active.filter((m) => m.bottom >= currentRow);
      let added = false;
      while (next < byTop.length && byTop[next].top <= currentRow) {
        const m = byTop[next++];
        if (m.bottom >= currentRow) {
          active.push(m);
          added = true;
        }
      }
      if (added) active.sort((a, b) => a.left - b.left);
    }
    const m = coveringMerge(active, cell.col);
    if (!m || (m.top === cell.row && m.left === cell.col)) out.push(cell);
  }
  return out;
}

function coveringMerge(active: MergeRange[], col: number): MergeRange | undefined {
  let lo = 0;
  let hi = active.length - 1;
  let found: MergeRange | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (active[mid].left <= col) {
      found = active[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && col <= found.right ? found : undefined;
}
