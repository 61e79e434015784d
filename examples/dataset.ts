// One department's 14 附表 (+ 补充信息) as plain data: amounts in 万元 as exact decimal strings,
// keyed the way src/core/model.ts keys the model (row keys, canonical column keys of
// src/core/tables.ts). The sample/benchmark datasets (sample-data.ts) and the workbook writer
// (build-workbook.ts) both stand on this shape.
import type { NarrativeSettings } from '../src/core/narrative';
import type { TableId } from '../src/core/model';
import {
  FUNCTION_CLASSES,
  T01_EXPENSE_SUMMARY,
  T01_INCOME_ITEMS,
  T01_INCOME_SUMMARY,
  T04_EXPENSE_SUMMARY,
  T04_FUNDS,
  TABLES,
} from '../src/core/tables';

/** An amount in 万元, exact, two decimals: "1166.96", "0.00". */
export type Wan = string;

/** A 功能分类 (3/5/7 digits) or 经济分类 (3/5 digits) row of a classified table. */
export interface CodeRow {
  code: string;
  name: string;
  /** Canonical column key → amount; every column of the table is present ("0.00" for none). */
  values: Record<string, Wan>;
}

/** T02 T03 T05 T06 T07 T11 T13 T14: the 合计 row plus code rows in code order (类, its 款, their 项). */
export interface ClassifiedTable {
  total: Record<string, Wan>;
  rows: CodeRow[];
}

/** T01 收入支出决算总表: rows by canonical label (no ordinal). */
export interface T01Table {
  /** T01_INCOME_ITEMS and T01_INCOME_SUMMARY labels → 金额. */
  income: Record<string, Wan>;
  /** FUNCTION_CLASSES names (only the classes with money) and T01_EXPENSE_SUMMARY labels → 金额. */
  expense: Record<string, Wan>;
}

/** T04 财政拨款收入支出决算总表. */
export interface T04Table {
  /**
   * T04_FUNDS (the three 财政拨款 income rows), 本年收入合计, 年初财政拨款结转和结余, its sub-rows
   * "年初财政拨款结转和结余.<fund>", 总计 → 金额.
   */
  income: Record<string, Wan>;
  /** FUNCTION_CLASSES names (classes with money) and T04_EXPENSE_SUMMARY labels → {合计, <fund>…}. */
  expense: Record<string, Record<string, Wan>>;
}

export type EconomicGroup = '人员经费' | '公用经费';

/** A 经济分类 类/款 row of T08/T09 (one 决算数 each). */
export interface GroupedRow {
  code: string;
  name: string;
  /** T08 only: the heading the row is printed under (301/303 → 人员经费, the rest → 公用经费). */
  group?: EconomicGroup;
  value: Wan;
}

export interface T08Table {
  rows: GroupedRow[];
  totals: { 人员经费合计: Wan; 公用经费合计: Wan; 基本支出合计?: Wan };
}

export interface T09Table {
  rows: GroupedRow[];
  totals: { 合计: Wan };
}

export const SAN_GONG_KEYS = [
  '合计',
  '因公出国（境）费',
  '公务用车购置及运行费',
  '公务用车购置费',
  '公务用车运行费',
  '公务接待费',
] as const;
export type SanGongKey = (typeof SAN_GONG_KEYS)[number];
/** T10/T12: 预算数 and 决算数 rows × the six columns (公务用车购置及运行费 is the 小计). */
export type SanGongTable = Record<'预算数' | '决算数', Record<SanGongKey, Wan>>;

export interface Tables {
  T01: T01Table;
  T02: ClassifiedTable;
  T03: ClassifiedTable;
  T04: T04Table;
  T05: ClassifiedTable;
  T06: ClassifiedTable;
  T07: ClassifiedTable;
  T08: T08Table;
  T09: T09Table;
  T10: SanGongTable;
  T11: ClassifiedTable;
  T12: SanGongTable;
  T13: ClassifiedTable;
  T14: ClassifiedTable;
}

/** One row of the 补充信息 sheet (interfaces.md §2). Blank = unknown. */
export interface SupplementRow {
  项目: string;
  科目编码?: string;
  /** 万元 amounts as "186.40", counts as "3", text (单位名称) as is. */
  本年数?: string;
  上年数?: string;
  预算数?: string;
  原因说明?: string;
}

export interface Dataset {
  unitName: string;
  year: number;
  tables: Tables;
  /** Extra note lines printed under a table after the template's 注 line (e.g. the 空表说明). */
  notes?: Partial<Record<TableId, string[]>>;
  supplement: SupplementRow[];
  /** Narrative settings remembered in the workbook (written as the task pane does), e.g. a seed's style. */
  settings?: Partial<NarrativeSettings>;
}

export type ClassifiedId = 'T02' | 'T03' | 'T05' | 'T06' | 'T07' | 'T11' | 'T13' | 'T14';
export const CLASSIFIED_IDS: ClassifiedId[] = ['T02', 'T03', 'T05', 'T06', 'T07', 'T11', 'T13', 'T14'];

/** Column keys of a classified table, in print order (from the catalog). */
export function columnKeys(id: ClassifiedId): string[] {
  return TABLES[id].columns.map((c) => c.key);
}

/** T04 expense columns in print order. */
export const T04_EXPENSE_COLUMNS = ['合计', ...T04_FUNDS] as const;

/**
 * The 功能分类 类 rows printed on the 支出 side of T01 and T04, in order (a fixed list as in a
 * year's template; classes the department has no money in are printed blank).
 */
export const FIXED_EXPENSE_CLASS_CODES: string[] = Object.keys(FUNCTION_CLASSES).filter(
  (code) => !['209', '227', '230', '234'].includes(code),
);

/** T04 收 side row keys in print order (sub-rows of 年初 as "年初财政拨款结转和结余.<fund>"). */
export const T04_INCOME_KEYS: string[] = [
  ...T04_FUNDS,
  '本年收入合计',
  '年初财政拨款结转和结余',
  ...T04_FUNDS.map((f) => `年初财政拨款结转和结余.${f}`),
  '总计',
];

const ZERO: Wan = '0.00';

/**
 * Every amount the workbook prints, keyed exactly as the model: table → row key → column key →
 * 万元 string. Rows printed blank (T01/T04 classes without money) are included with "0.00".
 * Reader tests can compare a model with this directly.
 */
export function expectedRows(data: Dataset): Record<TableId, Record<string, Record<string, Wan>>> {
  const t = data.tables;
  return {
    T01: t01Rows(t.T01),
    T02: classifiedRows(t.T02),
    T03: classifiedRows(t.T03),
    T04: t04Rows(t.T04),
    T05: classifiedRows(t.T05),
    T06: classifiedRows(t.T06),
    T07: classifiedRows(t.T07),
    T08: groupedRows(t.T08.rows, t.T08.totals),
    T09: groupedRows(t.T09.rows, t.T09.totals),
    T10: { ...t.T10 },
    T11: classifiedRows(t.T11),
    T12: { ...t.T12 },
    T13: classifiedRows(t.T13),
    T14: classifiedRows(t.T14),
  };
}

function classifiedRows(table: ClassifiedTable): Record<string, Record<string, Wan>> {
  const out: Record<string, Record<string, Wan>> = { 合计: { ...table.total } };
  for (const row of table.rows) out[row.code] = { ...row.values };
  return out;
}

function t01Rows(t: T01Table): Record<string, Record<string, Wan>> {
  const out: Record<string, Record<string, Wan>> = {};
  for (const label of [...T01_INCOME_ITEMS, ...T01_INCOME_SUMMARY]) out[`收:${label}`] = { 金额: t.income[label] ?? ZERO };
  for (const code of FIXED_EXPENSE_CLASS_CODES) {
    const label = FUNCTION_CLASSES[code];
    out[`支:${label}`] = { 金额: t.expense[label] ?? ZERO };
  }
  for (const label of T01_EXPENSE_SUMMARY) out[`支:${label}`] = { 金额: t.expense[label] ?? ZERO };
  return out;
}

function t04Rows(t: T04Table): Record<string, Record<string, Wan>> {
  const out: Record<string, Record<string, Wan>> = {};
  for (const key of T04_INCOME_KEYS) out[`收:${key}`] = { 金额: t.income[key] ?? ZERO };
  const labels = [...FIXED_EXPENSE_CLASS_CODES.map((c) => FUNCTION_CLASSES[c]), ...T04_EXPENSE_SUMMARY];
  for (const label of labels) {
    const values = t.expense[label] ?? {};
    out[`支:${label}`] = Object.fromEntries(T04_EXPENSE_COLUMNS.map((c) => [c, values[c] ?? ZERO]));
  }
  return out;
}

function groupedRows(rows: GroupedRow[], totals: Record<string, Wan | undefined>): Record<string, Record<string, Wan>> {
  const out: Record<string, Record<string, Wan>> = {};
  for (const row of rows) out[row.code] = { 金额: row.value };
  for (const [key, value] of Object.entries(totals)) if (value !== undefined) out[key] = { 金额: value };
  return out;
}
