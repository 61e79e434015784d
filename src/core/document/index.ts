// The disclosure document (封面 … 附表) as data, and the charts of its 情况说明.
export type { DocModel, DocPart, Block, ChartSpec, DocTable, MergedCell, PartId } from './types';
export { buildDocument } from './build';
export type { BuiltDocument, BuildOptions } from './build';
export { computeCharts } from './charts';
export type { ChartResult } from './charts';
export { SICHUAN_LAYOUT } from './layout-sichuan';
export type { DocumentLayout, ChartPlacement } from './layout-sichuan';
export { docTables, TABLE_ORDER } from './tables';
export { noticeModel, remedyFor, sidesOf, REMEDY } from './notice';
export type { NoticeInput } from './notice';
