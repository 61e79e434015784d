// The bounds every read of a workbook keeps to (the fast reader and the exceljs load alike), and
// what a sheet read only in part looks like.
import type { LargeSheetBound } from './prescan';

/** A sheet that was read only up to its first rows (see ReadLimits.largeSheet). */
export interface PartialSheet {
  sheet: string;
  /** Rows kept: the sheet's rows numbered 1…10. */
  keptRows: number;
  /** The sheet has at least this many rows. */
  rowsSeen: number;
}

export interface ReadLimits {
  /** Largest file accepted, in bytes. Default 50 MB. */
  maxBytes?: number;
  /** Largest total uncompressed size of the zip's parts. Default 500 MB. */
  maxUncompressedBytes?: number;
  /**
   * Most cells (<c> elements) in the sheets that are loaded. Default 500,000 (a 部门决算 workbook
   * has a few tens of thousands; exceljs needs roughly 0.5 KB per cell).
   */
  maxCells?: number;
  /**
   * A sheet with more rows or cells than this whose first 10 rows hold no title juesuan reads
   * (附表, 补充信息, 部门决算情况说明, 计分表 / 绩效目标完成情况表) is read only up to row 10 and listed in
   * `partialSheets`. Default { rows: 5000, cells: 100000 }. `false` reads every sheet in full
   * (needed when the workbook will be saved back).
   */
  largeSheet?: LargeSheetBound | false;
  /**
   * Most bytes, uncompressed, that are parsed (all parts but the sheets cut short by
   * `largeSheet`). Default 100 MB; exceljs needs several times that in memory.
   */
  maxLoadedBytes?: number;
  /**
   * Most cells a sheet may span (rows × columns from A1 to its farthest cell), default 1,000,000:
   * the engine looks at every position of that span. Past it, a sheet whose first 10 rows hold
   * no title juesuan reads is read only up to row 10 (listed in `partialSheets`); any other sheet
   * is refused with a sentence naming it and its farthest cell. (Fast reader only.)
   */
  maxSheetSpan?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
export const DEFAULT_MAX_CELLS = 500_000;
export const DEFAULT_MAX_LOADED_BYTES = 100 * 1024 * 1024;
export const DEFAULT_LARGE_SHEET: LargeSheetBound = { rows: 5000, cells: 100_000 };
export const DEFAULT_MAX_SHEET_SPAN = 1_000_000;
