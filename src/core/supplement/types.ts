import type { CellRef, Finding } from '../finding';
import type { Amount } from '../model';
import type { SupplementColumn } from './rows';

export interface SupplementText {
  text: string;
  cell: CellRef;
}

/** One row of the 补充信息 sheet. Blank cells are absent (unknown), never zero. */
export interface SupplementRow {
  /** Canonical label (see SUPPLEMENT_ROWS), or the 项目 text of a per-科目 row. */
  label: string;
  /** 科目编码 of a per-科目 row (功能分类 code, e.g. "2010101"). */
  code?: string;
  /** The cell holding the 项目 label (or the code). */
  labelCell: CellRef;
  /** Numbers: 万元 for amount rows (rounded half-up to 2 decimals, raw kept), whole numbers for counts/years. */
  本年数?: Amount;
  上年数?: Amount;
  预算数?: Amount;
  /** The 本年数 cell as text (单位名称; also set for numeric rows). */
  text?: SupplementText;
  原因说明?: SupplementText;
  /** 主要用途 of a per-科目 row (an optional column). */
  主要用途?: SupplementText;
  /** Where each column's cell of this row is, blank or not — what a NEED finding points at. */
  cells: Partial<Record<SupplementColumn, CellRef>>;
}

export interface Supplement {
  sheet: string;
  /** Canonical label → row. */
  rows: Record<string, SupplementRow>;
  /** 科目编码 → per-科目 row (budgets and reasons of 五（三）). */
  budgets: Record<string, SupplementRow>;
  /** READ findings (bad numbers, unknown or duplicate rows, missing header). */
  findings: Finding[];
  /** The row of a label (canonical, or any spelling the sheet accepts). */
  get(label: string): SupplementRow | undefined;
  /** The per-科目 row of a code. */
  byCode(code: string): SupplementRow | undefined;
}
