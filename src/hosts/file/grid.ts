// exceljs worksheet → Grid (see src/core/grid.ts): cached formula results, merged non-anchor
// cells as null, merges listed 0-based inclusive.

import * as ExcelJS from 'exceljs';
import { CellValue, Grid, MergeRange } from '../../core/grid';
import { dateToIso } from './date';
import { parseMergeRef } from './reader/merges';

export { dateToIso, parseMergeRef };

function richTextToString(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  let s = '';
  for (const run of runs) {
    if (run && typeof run === 'object' && typeof (run as { text?: unknown }).text === 'string') {
      s += (run as { text: string }).text;
    }
  }
  return s;
}

/** One exceljs cell value (as `cell.value` returns it) → a Grid value. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return null;
  }
  if (v instanceof Date) return dateToIso(v);
  const o = v as Record<string, unknown>;
  // Formula (plain, shared, array): the cached result; none cached → null.
  if ('formula' in o || 'sharedFormula' in o || 'shareType' in o) {
    const result = o.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date) && !('error' in result)) return null;
    return toCellValue(result);
  }
  if (typeof o.error === 'string') return { error: o.error };
  if ('richText' in o) return richTextToString(o.richText);
  if ('hyperlink' in o || 'text' in o) {
    const text = o.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) {
      return richTextToString((text as { richText: unknown }).richText);
    }
    return text === undefined || text === null ? null : toCellValue(text);
  }
  return null;
}

function rangeFromBounds(r: unknown): MergeRange | undefined {
  if (!r || typeof r !== 'object') return undefined;
  const o = r as { top?: unknown; left?: unknown; bottom?: unknown; right?: unknown };
  const { top, left, bottom, right } = o;
  if (typeof top !== 'number' || typeof left !== 'number' || typeof bottom !== 'number' || typeof right !== 'number') {
    return undefined;
  }
  return { top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 };
}

/** The sheet's merged ranges, sorted by top then left. */
export function worksheetMerges(ws: ExcelJS.Worksheet): MergeRange[] {
  const out: MergeRange[] = [];
  // `_merges` (master address → Range) is exceljs-internal but cheap; `model.merges` builds
  // the whole sheet model, so it is only the fallback.
  const internal = (ws as unknown as { _merges?: Record<string, unknown> })._merges;
  if (internal && typeof internal === 'object') {
    for (const r of Object.values(internal)) {
      const m = rangeFromBounds(r);
      if (m) out.push(m);
    }
  } else {
    for (const ref of ws.model.merges ?? []) {
      const m = parseMergeRef(String(ref));
      if (m) out.push(m);
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** One worksheet's used range as a Grid (absolute 0-based coordinates, rows from A1). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Non-anchor cells of a merge: exceljs reports the anchor's value there; the Grid wants
      // null. (A bare <c r=".."/> with no style also loads as a Merge cell with no master.)
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = toCellValue(cell.value);
      if (v === null) return;
      while (out.length < colNumber - 1) out.push(null);
      out[colNumber - 1] = v;
    });
    if (out.length > 0) {
      while (cells.length < rowNumber - 1) cells.push([]);
      cells[rowNumber - 1] = out;
    }
  });
  const grid: Grid = { sheet: ws.name, cells, merges: worksheetMerges(ws) };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = ws.state;
  return grid;
}
