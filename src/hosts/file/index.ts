// The file host: .xlsx bytes → Grids (./reader, the fast reader) and ↔ an exceljs workbook (for
// writing). Browser-safe (no fs); the Node-only helpers that read from disk are in ./node.
export {
  loadWorkbook,
  saveWorkbook,
  partialSheetsOf,
  toUint8Array,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_LOADED_BYTES,
  DEFAULT_LARGE_SHEET,
} from './load';
export type { LoadedWorkbook, LoadOptions, PartialSheet } from './load';
export { readGrids } from './reader';
export type { ReadGrids } from './reader';
export type { ReadLimits } from './limits';
export type { LargeSheetBound } from './prescan';
export { UnreadableWorkbookError, isUnreadableWorkbookError } from './errors';
export type { UnreadableReason } from './errors';
export { worksheetToGrid, toCellValue } from './grid';
export { applyPlan, undoLast, clearHighlights, readJournal, writeJournal, markedSheetsOf } from './apply';
