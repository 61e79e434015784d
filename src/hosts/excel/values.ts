// Conversions between what Office.js hands back / takes and the engine's plain data: used-range
// values → Grid cells, Range.formulas/values → cell contents, column widths in characters ↔
// points, merged-area addresses → MergeRange. What Excel shares with WPS is in ../cells.
import type { CellValue, MergeRange } from '../../core/grid';
import type { CellContent } from '../../core/plan';
import { parseRange } from '../../core/plan/range';
import { placeCells, readContent } from '../cells';

/** One cell of Range.values with its Range.valueTypes entry → a Grid value. */
export function toGridValue(value: unknown, type?: string): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

/** A used range's values (with their valueTypes) placed at their absolute position. */
export function placeValues(values: unknown[][], valueTypes: string[][] | undefined, rowIndex: number, columnIndex: number): CellValue[][] {
  return placeCells(values, rowIndex, columnIndex, (v, r, c) => toGridValue(v, valueTypes?.[r]?.[c]));
}

/**
 * "表1!A1:F1, 表1!A2:A3" or "'My sheet'!$A$1:$B$2" (RangeAreas.address) → 0-based merges.
 * Sheet names may be quoted and contain commas; only the part after each "!" is used.
 */
export function parseAreasAddress(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /(?:'(?:[^']|'')*'|[^',!]+)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) {
    try {
      const b = parseRange(m[1]);
      if (b.top !== b.bottom || b.left !== b.right) out.push(b);
    } catch {
      // not an address: skip
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** A cell as read through Range.formulas/values/valueTypes → what the journal records. */
export function toCellContent(formula: unknown, value: unknown, type?: string): CellContent {
  return readContent(formula, value, toGridValue(value, type));
}

// Column widths: plans speak characters of the Normal style (as Excel's UI and exceljs do);
// Office.js speaks points. Calibri 11 at 96 dpi: a character is 7 px plus 5 px of padding.
const PX_PER_CHAR = 7;
const PADDING_PX = 5;

export function charsToPoints(chars: number): number {
  return Math.round((chars * PX_PER_CHAR + PADDING_PX) * 0.75 * 100) / 100;
}

export function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - PADDING_PX) / PX_PER_CHAR) * 100) / 100);
}

/** "#ffc7ce" / "FFC7CE" / "#FFC7CE" → "#FFC7CE"; anything else → null. */
export function normaliseColor(color: unknown): string | null {
  if (typeof color !== 'string') return null;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `#${m[1].toUpperCase()}` : null;
}
