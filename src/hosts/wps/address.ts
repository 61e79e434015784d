// Addresses for the WPS host: sets of cells packed into rectangles, rectangles into union
// addresses ("A1:C3,E5,G7:G9") for one Range() call each, kept under the length a Range()
// address may have, and the addresses WPS hands back parsed into bounds.
import { address, columnLetters } from '../../core/grid';
import type { Bounds } from '../../core/plan';
import { parseRange, rangeText } from '../../core/plan';

/**
 * The longest address string passed to Worksheet.Range() (Excel's limit for a reference text is
 * 255 characters; WPS follows it). Longer unions are split into several calls.
 */
export const MAX_ADDRESS_CHARS = 255;

export interface RowCol {
  row: number;
  col: number;
}

/**
 * The cells as few rectangles as a row-by-row sweep finds: runs of adjacent cells in a row,
 * then runs with the same columns on consecutive rows merged. Deterministic, row-major order.
 */
export function rectangles(cells: Iterable<RowCol>): Bounds[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = []));
    cols.push(col);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, Bounds>(); // "left:right" → rectangle still growing downwards
  const done: Bounds[] = [];
  let lastRow = -2;
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Bounds>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const grow = row === lastRow + 1 ? open.get(key) : undefined;
      if (grow) {
        grow.bottom = row;
        open.delete(key);
        next.set(key, grow);
      } else next.set(key, { top: row, left, bottom: row, right });
    }
    for (const b of open.values()) done.push(b);
    open.clear();
    for (const [k, b] of next) open.set(k, b);
    lastRow = row;
  }
  for (const b of open.values()) done.push(b);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Splits address parts into groups whose comma-joined text fits `max` characters. */
export function chunkAddresses(parts: string[], max = MAX_ADDRESS_CHARS): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const p of parts) {
    const add = cur.length === 0 ? p.length : p.length + 1;
    if (cur.length > 0 && len + add > max) {
      out.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(p);
    len += cur.length === 1 ? p.length : p.length + 1;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Union addresses ("A1:B2,D4") covering exactly `cells`, each short enough for one Range(). */
export function unionAddresses(cells: Iterable<RowCol>, max = MAX_ADDRESS_CHARS): string[] {
  return chunkAddresses(rectangles(cells).map(rangeText), max).map((c) => c.join(','));
}

/** "3:3" / "3:5" for whole rows (1-based), unions of contiguous runs, chunked. */
export function rowUnions(rows: number[], max = MAX_ADDRESS_CHARS): string[] {
  const runs = runsOf(rows).map(([a, b]) => `${a}:${b}`);
  return chunkAddresses(runs, max).map((c) => c.join(','));
}

/** "A:A" / "A:C" for whole columns (0-based indexes), unions of contiguous runs, chunked. */
export function columnUnions(cols: number[], max = MAX_ADDRESS_CHARS): string[] {
  const runs = runsOf(cols).map(([a, b]) => `${columnLetters(a)}:${columnLetters(b)}`);
  return chunkAddresses(runs, max).map((c) => c.join(','));
}

/** Sorted distinct values → runs of consecutive ones, [first, last]. */
export function runsOf(values: number[]): [number, number][] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const v of sorted) {
    const last = runs[runs.length - 1];
    if (last && v === last[1] + 1) last[1] = v;
    else runs.push([v, v]);
  }
  return runs;
}

/**
 * An address WPS gives back — "$A$1:$C$3", "A1", "$A$1:$B$2,$D$4", with or without a sheet
 * prefix ("'表 1'!$A$1") — as 0-based bounds, one per area. Whole rows/columns are not expected
 * here (only cell areas are read back).
 */
export function parseAddressList(text: string): Bounds[] {
  const out: Bounds[] = [];
  const re = /(?:(?:'(?:[^']|'')*'|[^',!]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(parseRange(m[1]));
  return out;
}

/** Every cell of the bounds, row-major. */
export function cellsOf(b: Bounds): RowCol[] {
  const out: RowCol[] = [];
  for (let row = b.top; row <= b.bottom; row++) for (let col = b.left; col <= b.right; col++) out.push({ row, col });
  return out;
}

export function addressOf(rc: RowCol): string {
  return address(rc.row, rc.col);
}
