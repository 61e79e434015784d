// 填表: what the derivation of the 附表's derivable cells produces (see ./index).
import type { CellRef, Finding } from '../finding';
import type { Grid } from '../grid';
import type { Model, TableId } from '../model';
import type { Decimal, Unit } from '../money';
import type { Journal, WritePlan } from '../plan';
import type { Rule } from '../rules';

/** Values (default: what gets published) or live formulas referencing the source cells. */
export type FillMode = 'values' | 'formulas';

/** What the preview (command line and pane) says of an item with `roundedSum`. */
export const ROUNDED_SUM_NOTE = '由取整后的数相加，可能与导出软件打印的数相差0.01';

/** One cell juesuan will fill. */
export interface FillItem {
  sheet: string;
  address: string;
  /** 万元, exact: what the cell will read as once written (`written` in `unit`, converted). */
  value: Decimal;
  /** The number written, in the table's own unit, 2 decimals. */
  written: Decimal;
  unit: Unit;
  /**
   * A1 formula (no leading “=”) over the source cells, in the cell's unit, whose result is
   * `written`. Absent when a source has no cell (a row not printed, a prior-year workbook).
   */
  formula?: string;
  /** The cells the value comes from (cells of `sourceFile` when that is set). */
  sources: CellRef[];
  /** The prior-year workbook the sources are in (上年数 only). */
  sourceFile?: string;
  /**
   * Id of the identity that determines the cell (domain.md: T01-1 … X17); 'PY' for an 上年数
   * from last year's workbook (§3.4); 'BLANK' for a cell juesuan filled before whose sources
   * are now all empty (it is cleared).
   */
  rule: string;
  /** What the cell is, e.g. 收入支出决算总表“本年收入合计”, 补充信息“收支总计”·上年数. */
  label: string;
  /** Where the value comes from, in words: 收入决算表“合计·本年收入合计”. */
  from: string;
  /**
   * Summed from two or more figures each rounded to 0.01, directly or through a copy of such a
   * sum (not a printed figure, its copy or balance): the export software, summing unrounded
   * figures, may print a value 0.01 off (ROUNDED_SUM_NOTE).
   */
  roundedSum?: boolean;
  /** The value in the cell now, when juesuan filled it before (absent: the cell is blank). */
  previous?: Decimal;
  table: TableId | '补充信息';
}

/** A 类 row juesuan adds to the 支 side of T01/T04 (the label; its amounts are FillItems). */
export interface NewRow {
  table: 'T01' | 'T04';
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /** 功能分类 类 code, e.g. "212". */
  code: string;
  /** What is written in the 项目 cell: the 类 name, e.g. 城乡社区支出. */
  label: string;
  labelCell: CellRef;
}

export interface DeriveOptions {
  /** The workbook's journal: cells juesuan filled before may be filled again. */
  journal?: Journal;
  /** Default 'values'. */
  mode?: FillMode;
  /**
   * The formula a cell holds, if any (hosts that can tell). A blank-looking cell holding a
   * formula without a cached result is never written; in formulas mode a cell juesuan filled
   * before is rewritten when its formula is not the one it would get now.
   */
  formulaAt?: (sheet: string, address: string) => string | undefined;
  /** Last year's workbook: fills the 上年数 column of 补充信息. */
  prior?: { grids: Grid[]; file?: string };
  /** Another identity list (a province's variant); defaults to RULES — the checks' list. */
  rules?: readonly Rule[];
  profile?: string;
}

export interface DeriveResult {
  mode: FillMode;
  /** Every cell to fill, table by table, row by row. */
  items: FillItem[];
  /** 类 rows to add to T01/T04 (their amounts are in `items`). */
  rows: NewRow[];
  /**
   * Typed cells disagreeing with their derivation (rule id of the identity, both values), rows
   * that have no room, typed 上年数 differing from last year's workbook (NEED).
   */
  findings: Finding[];
  /** The model as read (before filling). */
  model: Model;
  /**
   * When 上年数 must be filled but the workbook has no 补充信息 sheet: the plan creating it
   * (its ops come first in the fill plan; the 上年数 items address the new sheet).
   */
  supplementSheet?: WritePlan;
}
