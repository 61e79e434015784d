// What the browser pages get: the engine and the file host (exceljs), nothing that needs Node.
export { checkWorkbook } from './core/engine';
export { loadWorkbook, saveWorkbook, UnreadableWorkbookError } from './hosts/file';
