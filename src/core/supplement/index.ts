// The 补充信息 sheet: prior-year values, budgets, reasons and counts the 14 附表 do not hold.
export type { Supplement, SupplementRow, SupplementText } from './types';
export type { SupplementColumn, SupplementRowDef, SupplementValueKind, NumericColumn } from './rows';
export { SUPPLEMENT_ROWS, SUPPLEMENT_HEADERS, SUPPLEMENT_LABEL_ALIASES, supplementRowDef, labelWithUnit } from './rows';
export { findSupplementGrid, readSupplement, matchSupplementLabel, SUPPLEMENT_TITLE } from './read';
export { parseNumber, parseYear } from './parse';
