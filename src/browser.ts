// What the browser pages get: the engine and the file host (the fast reader; exceljs for
// writing), nothing that needs Node.
export { checkWorkbook } from './core/engine';
export { loadWorkbook, readGrids, saveWorkbook, UnreadableWorkbookError } from './hosts/file';
