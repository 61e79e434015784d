/// <reference types="office-js" />
// Merged areas of a sheet read apart from the rest. Range.getMergedAreasOrNullObject "will fail
// to return the result" when the range holds more than 512 merged areas (@types/office-js
// index.d.ts:39143, ExcelApi 1.13), and one failing command fails its whole batch. So when the
// one-batch read fails, the host reads values without merges and asks each sheet for its merged
// areas on its own; a sheet that still fails is asked in halves (rows) until each part answers.
// This costs round trips per sheet and per halving, but only for such a workbook.
import type { MergeRange } from '../../core/grid';
import { parseAreasAddress } from './values';

/** How many batches one sheet may spend on its merges before they are given up. */
const MAX_BATCHES = 64;

export type RunBatch = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface Rows {
  top: number;
  bottom: number;
}

/** The merged areas of sheet `sheet` (0-based rows `rows` of its used range, all columns). */
export async function mergesApart(run: RunBatch, sheet: string, rows: Rows): Promise<MergeRange[]> {
  return unique(await inParts(run, sheet, rows, true, { left: MAX_BATCHES }));
}

async function inParts(run: RunBatch, sheet: string, rows: Rows, whole: boolean, budget: { left: number }): Promise<MergeRange[]> {
  if (budget.left-- <= 0) return [];
  try {
    return await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const used = ws.getUsedRange(false);
      const part = whole ? used : used.getIntersection(ws.getRange(`${rows.top + 1}:${rows.bottom + 1}`));
      const merged = part.getMergedAreasOrNullObject();
      merged.load('address');
      await context.sync();
      return merged.isNullObject ? [] : parseAreasAddress(merged.address);
    });
  } catch {
    if (rows.top >= rows.bottom) return [];
    const middle = Math.floor((rows.top + rows.bottom) / 2);
    const upper = await inParts(run, sheet, { top: rows.top, bottom: middle }, false, budget);
    const lower = await inParts(run, sheet, { top: middle + 1, bottom: rows.bottom }, false, budget);
    return [...upper, ...lower];
  }
}

/** Merged areas crossing a halving line come back from both halves: once each. */
function unique(areas: MergeRange[]): MergeRange[] {
  const seen = new Map<string, MergeRange>();
  for (const a of areas) seen.set(`${a.top},${a.left},${a.bottom},${a.right}`, a);
  return [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}
