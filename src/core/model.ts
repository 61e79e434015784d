// The typed model the reader builds and every check reads: Decimal amounts in 万元 keyed by
// (table, row key, column key), each remembering the cell it came from.
import type { Decimal, Unit } from './money';
import type { CellRef, Finding } from './finding';

export type TableId = 'T01' | 'T02' | 'T03' | 'T04' | 'T05' | 'T06' | 'T07' | 'T08' | 'T09' | 'T10' | 'T11' | 'T12' | 'T13' | 'T14';

export interface Amount {
  /**
   * The published value in 万元, exact: the cell rounded half-up to the 2 decimals its table
   * prints in its own unit, then converted (12345.67元 → 1.234567万元; 12.3456万元 → 12.35).
   */
  value: Decimal;
  /** The cell's unrounded value in 万元, only when it held more digits than the table prints. */
  raw?: Decimal;
  cell: CellRef;
  /**
   * True when the source cell was empty (nothing, or only spaces): the value is then 0 as the
   * table prints it, but the cell is free for juesuan to fill. A typed 0 or a dash is not blank.
   */
  blank?: boolean;
  /**
   * The value in millionths of 万元 (0.01元), an exact integer, when the reader had it at hand
   * (money.millionths(value) otherwise).
   */
  readonly units?: number;
}

/**
 * Row keys (see src/core/tables.ts for the canonical labels):
 * - classification tables: "合计" for the total row, else the full code ("201", "20101", "2010101", "30101");
 * - T01/T04: "收:<label>" / "支:<label>", e.g. "收:本年收入合计", "支:一般公共服务支出",
 *   T04 sub-rows "收:年初财政拨款结转和结余.一般公共预算财政拨款";
 * - T08/T09: economic codes plus "人员经费合计", "公用经费合计", "基本支出合计", "合计";
 * - T10/T12: "预算数" and "决算数".
 */
export interface TableRow {
  key: string;
  label: string;
  /** Classification code when the row has one (功能分类 2xx or 经济分类 3xx). */
  code?: string;
  /** 1 = 类, 2 = 款, 3 = 项 (from the code length). */
  level?: 1 | 2 | 3;
  /** T08: which group the row was printed under. */
  group?: '人员经费' | '公用经费';
  /** Column key → amount. Blank / dash cells are present with value 0. */
  cells: Record<string, Amount>;
  /** 0-based sheet row the row was read from (set by the reader; writers use it to place cells). */
  rowIndex?: number;
}

export interface Table {
  id: TableId;
  /** Canonical title, e.g. 收入支出决算总表. */
  title: string;
  sheet: string;
  unit: Unit;
  /** Canonical column keys found in the sheet, in sheet order. */
  columns: string[];
  rows: TableRow[];
  /** Text lines printed under or beside the data (注：…, 空表说明 “本表为空表”). */
  notes: string[];
  /**
   * 0-based sheet column of each column key, set by the reader for the classified tables and
   * T01/T04 (there: the 支 side's amount columns, where a 类 row may have to be added).
   * Absent where one key has several columns (T08/T09 groups, T10/T12 blocks).
   */
  columnIndex?: Record<string, number>;
  /** T01/T04: 0-based sheet column of the 支 side's 项目 labels. */
  expenseLabelColumn?: number;
  /** Columns holding amounts whose header named no column key (each also a READ warning). */
  unreadColumns?: UnreadColumn[];
  /** Amount cells that held text or an error value (each also a READ finding); absent from rows. */
  unreadCells?: CellRef[];
}

/** A column of a recognised table the reader could not key: its header as printed and its cell. */
export interface UnreadColumn {
  /** The header texts top to bottom joined with “/”; '' for a blank header. */
  header: string;
  cell: CellRef;
}

export interface Model {
  tables: Partial<Record<TableId, Table>>;
  /** Tables recognised by their title whose header or amounts could not be read (a READ warning each). */
  unreadTables?: { id: TableId; cell: CellRef }[];
  /** READ / missing-table findings produced while reading. */
  findings: Finding[];
}

export function findRow(table: Table | undefined, key: string): TableRow | undefined {
  return table?.rows.find((r) => r.key === key);
}

export function getAmount(table: Table | undefined, rowKey: string, col: string): Amount | undefined {
  return findRow(table, rowKey)?.cells[col];
}
