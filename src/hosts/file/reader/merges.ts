// A merge reference as the sheet states it. No Node API, no exceljs: both readers use it.
import type { MergeRange } from '../../../core/grid';
import { parseAddress } from '../../../core/grid';

/** "A1:F2" (or "$A$1:$F$2", or a single "B3") → 0-based inclusive. */
export function parseMergeRef(ref: string): MergeRange | undefined {
  const parts = ref.replace(/\$/g, '').split(':');
  try {
    const a = parseAddress(parts[0]);
    const b = parts.length > 1 ? parseAddress(parts[1]) : a;
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    };
  } catch {
    return undefined;
  }
}
