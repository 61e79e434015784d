// Which Excel JavaScript API features this Excel has, decided once at start from
// Office.context.requirements.isSetSupported('ExcelApi', x.y).
//
// The manifest asks for ExcelApi 1.7, the lowest set the read/write path needs:
//   1.1  values, valueTypes, formulas, numberFormat, fills, fonts, wrapText, sheets add/delete,
//        visibility (VeryHidden), activate/select
//   1.2  getUsedRange(valuesOnly), column widths (format.columnWidth)
//   1.4  getItemOrNullObject, getUsedRangeOrNullObject
//   1.7  Worksheet.standardWidth (the default column width a restored column goes back to)
// Everything newer is optional and switched on here:
//   1.9  fill.pattern (tells "no fill" from a white fill); Worksheet.pageLayout and
//        horizontalPageBreaks (print layout of the sheets juesuan creates; without: left as Excel makes it)
//   1.10 Worksheet.comments (threaded comments: a cell with one takes no note)
//   1.11 Excel.run({ delayForCellEdit }) (wait for the user to leave cell edit instead of failing)
//   1.13 getMergedAreasOrNullObject (merged header cells; without it the reader sees no merges)
//   1.18 notes (finding messages in cell notes; without it they go to a 审核结果 sheet);
//        RangeAreas.select (select both sides at once: getRanges is 1.9, but selecting the areas
//        it gives is 1.18 — @types/office-js index.d.ts:39965–39970)
//   1.20 Excel.run({ mergeUndoGroup }) (one Ctrl+Z undoes a whole juesuan action)
export const MINIMUM_EXCEL_API = '1.7';

export interface ExcelFeatures {
  fillPattern: boolean;
  pageLayout: boolean;
  multiSelect: boolean;
  threadedComments: boolean;
  delayForCellEdit: boolean;
  merges: boolean;
  notes: boolean;
  mergeUndoGroup: boolean;
}

export const FEATURE_SETS: Record<keyof ExcelFeatures, string> = {
  fillPattern: '1.9',
  pageLayout: '1.9',
  multiSelect: '1.18',
  threadedComments: '1.10',
  delayForCellEdit: '1.11',
  merges: '1.13',
  notes: '1.18',
  mergeUndoGroup: '1.20',
};

export function detectFeatures(isSetSupported: (version: string) => boolean): ExcelFeatures {
  const has = (v: string) => {
    try {
      return isSetSupported(v) === true;
    } catch {
      return false;
    }
  };
  return {
    fillPattern: has(FEATURE_SETS.fillPattern),
    pageLayout: has(FEATURE_SETS.pageLayout),
    multiSelect: has(FEATURE_SETS.multiSelect),
    threadedComments: has(FEATURE_SETS.threadedComments),
    delayForCellEdit: has(FEATURE_SETS.delayForCellEdit),
    merges: has(FEATURE_SETS.merges),
    notes: has(FEATURE_SETS.notes),
    mergeUndoGroup: has(FEATURE_SETS.mergeUndoGroup),
  };
}
