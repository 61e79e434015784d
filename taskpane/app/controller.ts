// The task pane's view of the action runner (src/app): the runner does every action over the
// WorkbookHost and keeps the state; the React components read it from here.
export { countFindings, groupFindings, uncheckedView, verdict } from '../../src/app/view';
export type { Counts, FindingGroup, TableInfo } from '../../src/app/view';
export { ACTION_LABELS, keepsFormulas, Runner, UNDO_NAMES } from '../../src/app/runner';
export type { ActionId, FillOptions, FillPreview, PaneState, PriorWorkbook, Status, View, ViewKind } from '../../src/app/runner';
