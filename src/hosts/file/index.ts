// The file host: .xlsx bytes ↔ exceljs workbook + Grids. Browser-safe (no fs); the Node-only
// helpers that read from disk are in ./node.
export { loadWorkbook, saveWorkbook, toUint8Array, DEFAULT_MAX_BYTES, DEFAULT_MAX_UNCOMPRESSED_BYTES } from './load';
export type { LoadedWorkbook, LoadOptions } from './load';
export { UnreadableWorkbookError, isUnreadableWorkbookError } from './errors';
export type { UnreadableReason } from './errors';
export { worksheetToGrid, toCellValue } from './grid';
export { applyPlan, undoLast, clearHighlights, readJournal, writeJournal } from './apply';
