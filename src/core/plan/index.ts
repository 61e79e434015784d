// Write plans (what an action writes), the journal (what it overwrote) and the plans that
// revert it. Pure data: every host applies a WritePlan in one batch and stores the journal in
// the workbook's very hidden `_juesuan_journal` sheet.
export type {
  Json,
  MarkerAction,
  Scalar,
  CellContent,
  WrittenTexts,
  Marker,
  PlanOp,
  OpKind,
  WritePlan,
  PageSetup,
  PageOpKind,
} from './types';
export { MARKER_ACTIONS, emptyPlan } from './types';
export type { CellPart, CellTarget, PlanTargets } from './targets';
export { planTargets, cellKey } from './targets';
export type { CellBefore, ColumnBefore, RowBefore, PageBefore, JournalEntry, Journal } from './journal';
export { emptyJournal, isNoChange, appendEntry, popEntry, lastWritten, undoPlan, clearHighlightsPlan, withoutHighlights } from './journal';
export {
  JOURNAL_SHEET,
  JOURNAL_FORMAT,
  JOURNAL_VERSION,
  JOURNAL_CHUNK_CHARS,
  JournalFormatError,
  serializeJournal,
  parseJournal,
  journalChunks,
  journalFromChunks,
} from './storage';
export { highlightPlan, SEVERITY_FILL, noteLine } from './highlight';
export type { NarrativeSheetOptions } from './narrative';
export {
  narrativeSheetPlan,
  findNarrativeGrid,
  headingLevel,
  textUnits,
  wrappedLines,
  rowHeightFor,
  NARRATIVE_TITLE,
  NARRATIVE_COLUMN_WIDTH,
  narrativeTitle,
  keepWithNextBreaks,
  BODY_INDENT,
  NARRATIVE_STYLES,
  NARRATIVE_PAGE,
} from './narrative';
export { supplementSheetPlan, SUPPLEMENT_HEADER } from './supplement';
export { parseRange, rangeAddresses, rangeText, columnName, compareAddresses } from './range';
export type { Bounds } from './range';
export {
  CREATED_SHEET_MARKER_PREFIX,
  MAX_JOURNAL_CELLS,
  JournalRejectedError,
  createdSheetMarkerName,
  createdSheetMarkerReference,
  markedSheets,
  nextCreatedSheetMarkerName,
  journalEntryProblem,
  assertJournalEntriesUsable,
  entriesForUndo,
  entriesForClear,
} from './validate';
export { PlanRefusedError } from './refused';
