// A Grid is what every host hands the engine: one sheet's used range as plain values.
// Hosts resolve formulas to their cached results and give merged non-anchor cells as null,
// listing the merges separately so the reader can spread header text across them.

export interface CellError {
  error: string; // e.g. "#REF!"
  /**
   * A formula cell the file holds no calculated result for (written by a program that does not
   * calculate and never opened in Excel or WPS since): `error` is UNCALCULATED, never 0 or blank.
   */
  uncalculated?: true;
  /** The formula of an uncalculated cell, without "=", when the file states it. */
  formula?: string;
}

export const UNCALCULATED = '#未计算';

export function isUncalculated(v: unknown): v is CellError & { uncalculated: true } {
  return isCellError(v) && v.uncalculated === true;
}

export type CellValue = string | number | boolean | null | CellError;

/** 0-based, inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** Set for a sheet the user does not see (absent = visible). */
  hidden?: 'hidden' | 'veryHidden';
  /** cells[row][col], 0-based; rows may be ragged or missing (undefined = blank). */
  cells: CellValue[][];
  merges: MergeRange[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.cells[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function rowCount(grid: Grid): number {
  return grid.cells.length;
}

// Grids are not changed once a host hands them over, so the width is worked out once per grid
// (callers ask for it inside row loops).
const widths = new WeakMap<Grid, { rows: number; width: number }>();

export function colCount(grid: Grid): number {
  const known = widths.get(grid);
  if (known && known.rows === grid.cells.length) return known.width;
  let width = 0;
  for (const r of grid.cells) if (r && r.length > width) width = r.length;
  widths.set(grid, { rows: grid.cells.length, width });
  return width;
}

// Every amount read names its cell: the letters of each column are worked out once.
const lettersOf: string[] = [];

/** 0-based column index → letters (0 → "A", 26 → "AA"). */
export function columnLetters(col: number): string {
  return (lettersOf[col] ??= lettersFor(col));
}

function lettersFor(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) → "A1" address. */
export function address(row: number, col: number): string {
  if (row >= REMEMBERED_ROWS || col >= REMEMBERED_COLS) return `${columnLetters(col)}${row + 1}`;
  const column = (addresses[col] ??= []);
  return (column[row] ??= `${columnLetters(col)}${row + 1}`);
}

// Every amount read names its cell, in every workbook of a batch: the addresses of the first
// rows and columns are made once (at most 2000 × 64 strings).
const REMEMBERED_ROWS = 2000;
const REMEMBERED_COLS = 64;
const addresses: string[][] = [];

/** "B12" → 0-based {row, col}. */
export function parseAddress(addr: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr.toUpperCase());
  if (!m) throw new Error(`bad address ${addr}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Text of a cell for matching labels: trimmed, inner whitespace removed. Numbers as their string. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return compactText(v);
  if (isCellError(v)) return v.error;
  return String(v);
}

/** A text cell's text for matching: cellText of a string. */
export function compactText(v: string): string {
  return SPACE.test(v) ? v.replace(SPACES, '') : v;
}

const SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]+/g;
