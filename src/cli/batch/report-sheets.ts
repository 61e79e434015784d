// The sheet names of the report `batch -o` writes, apart from the writer so that a batch without
// -o never loads exceljs.
export const SUMMARY_SHEET = '汇总';
export const FINDINGS_SHEET = '问题明细';
/** Only when a text was too long for its cell: the full text, in pieces of one cell each. */
export const FULL_TEXT_SHEET = '全文';
/** The 取整差额 notes: information, nothing to correct. */
export const ROUNDING_SHEET = '取整差额';
