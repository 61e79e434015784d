// What the file host needs once it writes: exceljs's workbook and the package writer.
export { applyPlan, clearHighlights, markedSheetsOf, readJournal, sheetNames, undoLast } from './apply';
export { worksheetToGrid } from './grid';
export { loadWorkbook, saveWorkbook } from './load';
