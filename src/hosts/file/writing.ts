// What the file host needs once it writes: exceljs's workbook and the package writer. Loaded by
// ./fileHost at the first write only (a separate chunk in the page), so reading — check, narrate,
// the page's first 检查 — never loads exceljs.
export { applyPlan, clearHighlights, markedSheetsOf, readJournal, undoLast } from './apply';
export { worksheetToGrid } from './grid';
export { loadWorkbook, saveWorkbook } from './load';
