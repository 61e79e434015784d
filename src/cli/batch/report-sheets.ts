// The sheet names of the report `batch -o` writes, apart from the writer so that a batch without
// -o never loads exceljs.
export const SUMMARY_SHEET = '汇总';
export const FINDINGS_SHEET = '问题明细';
