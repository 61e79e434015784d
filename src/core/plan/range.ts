// A1-style ranges as plans use them: "B3" or "A1:C9" (no sheet, no $).
import { address, columnLetters, parseAddress } from '../grid';
import { PlanRefusedError } from './refused';

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C9" (or "C9:A1", or "B3", "$B$3") → 0-based inclusive bounds. Throws on anything else. */
export function parseRange(range: string): Bounds {
  const parts = range.replace(/\$/g, '').split(':');
  if (parts.length > 2) throw new Error(`bad range ${range}`);
  const a = parseAddress(parts[0]);
  const b = parts.length === 2 ? parseAddress(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Most cells rangeAddresses lists: plans format a few columns of a few hundred rows. */
export const MAX_RANGE_CELLS = 100_000;

/** Every cell address of a range, row by row. Throws for a range of more than MAX_RANGE_CELLS cells. */
export function rangeAddresses(range: string): string[] {
  const b = parseRange(range);
  const count = (b.bottom - b.top + 1) * (b.right - b.left + 1);
  if (count > MAX_RANGE_CELLS) throw new PlanRefusedError(`区域 ${range} 有 ${count} 个单元格，超过一次可写入的上限 ${MAX_RANGE_CELLS}。`);
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(address(r, c));
  return out;
}

/** 0-based bounds → "A1:C9" ("B3" for one cell). */
export function rangeText(b: Bounds): string {
  const from = address(b.top, b.left);
  const to = address(b.bottom, b.right);
  return from === to ? from : `${from}:${to}`;
}

/** "A".."XFD" → the letters normalised (upper case); throws on anything else. */
export function columnName(column: string): string {
  const c = column.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(c)) throw new Error(`bad column ${column}`);
  return columnLetters(parseAddress(`${c}1`).col);
}

/** Sort key for addresses: row-major, so "B2" < "A10". */
export function compareAddresses(a: string, b: string): number {
  const pa = parseAddress(a);
  const pb = parseAddress(b);
  return pa.row - pb.row || pa.col - pb.col;
}
