// Writes a Dataset as a workbook that looks like a real 部门决算 export: each 附表 on its own sheet
// with the title block (title, 公开NN表, 部门/金额单位), multi-level headers, 栏次 row, data rows and
// notes (domain.md §1.3, §2), plus the 补充信息 sheet (interfaces.md §2). Layout options change how
// the same figures are written (unit, sheet names/order, title offset, split codes, merges,
// numbers as text, formulas, MoF 9-table profile, T10/T08 variants) — never the figures.
//
// Each table is first rendered to a plain Plan (header tree + rows of cells); one writer turns a
// Plan into a worksheet. Money is Decimal throughout: a 万元 string × 1/100/10000, written as
// Number(x.toFixed(2)).
import { SETTINGS_SHEET, serializeSettings } from '../src/hosts/host';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { TableId } from '../src/core/model';
import {
  FUNCTION_CLASSES,
  PERSONNEL_CLASSES,
  PROFILES,
  T01_EXPENSE_SUMMARY,
  T01_INCOME_ITEMS,
  T01_INCOME_SUMMARY,
  T04_FUNDS,
  TABLES,
} from '../src/core/tables';
import {
  FIXED_EXPENSE_CLASS_CODES,
  SAN_GONG_KEYS,
  T04_EXPENSE_COLUMNS,
  type ClassifiedId,
  type ClassifiedTable,
  type Dataset,
  type GroupedRow,
  type SanGongTable,
  type SupplementRow,
  type Wan,
} from './dataset';

// ---- layout --------------------------------------------------------------------------------

export type AmountUnit = '万元' | '元' | '百元';

export interface Layout {
  /** Unit printed in the title block; amounts are the 万元 figures × 1 / 10000 / 100, exactly. */
  unit: AmountUnit;
  /** 'default' 表1…表14 + 补充信息; 'renamed' sheet = table title; 'shuffled' random order named Sheet1…. */
  sheetNames: 'default' | 'renamed' | 'shuffled';
  /** Row of the title: 1, or 2/3 with blank / extra rows above it. */
  titleRow: 1 | 2 | 3;
  /** Code in 类|款|项 sub-columns ("201" | "01" | "01") instead of one 科目编码 column. */
  splitCodes: boolean;
  /** Multi-level headers as merged cells (true) or with the text repeated in every spanned cell. */
  mergedHeaders: boolean;
  /** Amounts as text like "1,234.56". */
  numericText: boolean;
  /** Totals as SUM formulas with the cached result (only where the printed total equals the sum). */
  formulas: boolean;
  /** Sichuan 14 tables, or the MoF 9-table set (T01 T02 T03 T04 T06 T08 T10 T11 T14, 公开01–09表). */
  profile: 'sichuan14' | 'mof9';
  /** T10/T12: 预算数 block then 决算数 block, or 预算/决算 interleaved per item. */
  t10: 'grouped' | 'interleaved';
  /** T08 (and T09) side-by-side 科目编码|科目名称|决算数 groups. */
  t08Groups: 2 | 3;
  /** Add the 补充信息 sheet. */
  supplement: boolean;
}

export const DEFAULT_LAYOUT: Layout = {
  unit: '万元',
  sheetNames: 'default',
  titleRow: 1,
  splitCodes: false,
  mergedHeaders: true,
  numericText: false,
  formulas: false,
  profile: 'sichuan14',
  t10: 'grouped',
  t08Groups: 3,
  supplement: true,
};

const UNIT_FACTOR: Record<AmountUnit, number> = { 万元: 1, 百元: 100, 元: 10000 };

/** Where things landed: per table, the sheet and the address of every amount cell by model key. */
export interface SheetIndex {
  sheet: string;
  titleCell: string;
  /** Row key → column key → address (keys as in dataset.expectedRows; 补充信息: 项目 or 科目编码 → column). */
  cells: Record<string, Record<string, string>>;
}
export type WorkbookIndex = Partial<Record<TableId | '补充信息', SheetIndex>>;

// ---- plans ---------------------------------------------------------------------------------

interface HeaderNode {
  text: string;
  /** Column width (characters) of a leaf. */
  width?: number;
  /** Leaf id used by the renderer to find the column (a column key, or "预算数|合计" …). */
  key?: string;
  children?: HeaderNode[];
}

/** A reference to another amount cell of the same plan: [row index in plan.rows, column index]. */
type Ref = [number, number];

type PlanCell =
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; code?: boolean }
  | { kind: 'amount'; value: Wan; key?: [string, string]; sum?: Ref[]; keepZero?: boolean }
  | null;

interface PlanRow {
  cells: PlanCell[];
  /** Column ranges [from, to] merged in this row. */
  merges?: Array<[number, number]>;
  bold?: boolean;
}

interface Plan {
  id: TableId;
  title: string;
  label: string;
  header: HeaderNode[];
  /** 栏次 row: one entry per column (null = blank); the first text spans the columns up to the next entry. */
  lanci?: Array<string | null>;
  rows: PlanRow[];
  notes: string[];
}

const text = (t: string, align?: 'left' | 'center' | 'right'): PlanCell => ({ kind: 'text', text: t, align });
const amount = (value: Wan | undefined, key?: [string, string], sum?: Ref[], keepZero = false): PlanCell => ({
  kind: 'amount',
  value: value ?? '0.00',
  key,
  sum,
  keepZero,
});

function leaves(nodes: HeaderNode[]): HeaderNode[] {
  return nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
}

function depth(nodes: HeaderNode[]): number {
  return Math.max(...nodes.map((n) => (n.children ? 1 + depth(n.children) : 1)));
}

// ---- template texts ------------------------------------------------------------------------

const TEMPLATE_NOTES: Record<TableId, string> = {
  T01: '注：本表反映部门本年度的总收支和年末结转结余情况。',
  T02: '注：本表反映部门本年度取得的各项收入情况。',
  T03: '注：本表反映部门本年度各项支出情况。',
  T04: '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
  T05: '注：本表反映部门本年度财政拨款支出的经济分类明细情况。',
  T06: '注：本表反映部门本年度一般公共预算财政拨款实际支出情况。',
  T07: '注：本表反映部门本年度一般公共预算财政拨款支出的经济分类明细情况。',
  T08: '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
  T09: '注：本表反映部门本年度一般公共预算财政拨款项目支出明细情况。',
  T10: '注：“三公”经费预算数为全年预算数，反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。',
  T11: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
  T12: '注：本表反映部门本年度政府性基金预算财政拨款“三公”经费支出情况。',
  T13: '注：本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况。',
  T14: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
};

const ORDINAL_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 26 → 二十六. */
export function chineseNumber(n: number): string {
  if (n < 10) return ORDINAL_DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : ORDINAL_DIGITS[tens]}十${ORDINAL_DIGITS[n % 10]}`;
}

const ordinal = (n: number, label: string) => `${chineseNumber(n)}、${label}`;

// ---- T01 / T04: two-sided fixed rows --------------------------------------------------------

interface SideRow {
  label?: string;
  key?: string;
  values?: Record<string, Wan>;
  sum?: string[];
  indent?: boolean;
  bold?: boolean;
}

/**
 * Lays the two sides next to each other: items top-aligned, summary rows on the same physical
 * rows, 行次 numbered down the left side then on down the right side.
 */
function twoSidedRows(
  left: SideRow[],
  leftSummary: SideRow[],
  right: SideRow[],
  rightSummary: SideRow[],
  leftCols: string[],
  rightCols: string[],
): PlanRow[] {
  const n = Math.max(left.length, right.length);
  const pad = (xs: SideRow[]) => [...xs, ...Array.from({ length: n - xs.length }, () => ({}) as SideRow)];
  const l = [...pad(left), ...leftSummary];
  const r = [...pad(right), ...rightSummary];
  const rowsTotal = Math.max(l.length, r.length);
  const rowOfKey = new Map<string, number>();
  l.forEach((s, i) => s.key && rowOfKey.set(s.key, i));
  r.forEach((s, i) => s.key && rowOfKey.set(s.key, i));
  const rightStart = 2 + leftCols.length; // 项目 | 行次 | amounts of the left side
  const side = (s: SideRow | undefined, lineNo: number, cols: string[], offset: number): PlanCell[] => {
    if (!s) return [null, null, ...cols.map(() => null)];
    const label = s.label === undefined ? null : text(s.indent ? `    ${s.label}` : s.label);
    const cells: PlanCell[] = [label, text(String(lineNo), 'center')];
    cols.forEach((c, j) => {
      const sum = s.sum?.map((k) => [rowOfKey.get(k)!, offset + 2 + j] as Ref);
      cells.push(s.key ? amount(s.values?.[c], [s.key, c], sum) : null);
    });
    return cells;
  };
  return Array.from({ length: rowsTotal }, (_, i) => {
    const cells = [...side(l[i], i + 1, leftCols, 0), ...side(r[i], rowsTotal + i + 1, rightCols, rightStart)];
    return { cells, bold: Boolean(l[i]?.bold || r[i]?.bold) };
  });
}

function t01Plan(data: Dataset, label: string): Plan {
  const t = data.tables.T01;
  const one = (v: Wan | undefined) => ({ 金额: v ?? '0.00' });
  const income: SideRow[] = T01_INCOME_ITEMS.map((item, i) => ({
    label: ordinal(i + 1, item),
    key: `收:${item}`,
    values: one(t.income[item]),
  }));
  const expense: SideRow[] = FIXED_EXPENSE_CLASS_CODES.map((code, i) => {
    const name = FUNCTION_CLASSES[code];
    return { label: ordinal(i + 1, name), key: `支:${name}`, values: one(t.expense[name]) };
  });
  const [incomeTotal, useBalance, start, grandIn] = T01_INCOME_SUMMARY;
  const [expenseTotal, distribution, end, grandOut] = T01_EXPENSE_SUMMARY;
  const summary = (labels: readonly string[], side: '收' | '支', values: Record<string, Wan>, sums: Record<string, string[]>): SideRow[] =>
    labels.map((s) => ({ label: s, key: `${side}:${s}`, values: one(values[s]), sum: sums[s], bold: s.includes('合计') || s === '总计' }));
  const incomeSummary = summary(T01_INCOME_SUMMARY, '收', t.income, {
    [incomeTotal]: income.map((r) => r.key!),
    [grandIn]: [incomeTotal, useBalance, start].map((s) => `收:${s}`),
  });
  const expenseSummary = summary(T01_EXPENSE_SUMMARY, '支', t.expense, {
    [expenseTotal]: expense.map((r) => r.key!),
    [grandOut]: [expenseTotal, distribution, end].map((s) => `支:${s}`),
  });
  const side = (title: string, amountHeader: HeaderNode[]): HeaderNode => ({
    text: title,
    children: [{ text: '项目', width: 34 }, { text: '行次', width: 6 }, ...amountHeader],
  });
  return {
    id: 'T01',
    title: TABLES.T01.title,
    label,
    header: [side('收入', [{ text: '金额', width: 16, key: '金额' }]), side('支出', [{ text: '金额', width: 16, key: '金额' }])],
    lanci: ['栏次', null, '1', '栏次', null, '2'],
    rows: twoSidedRows(income, incomeSummary, expense, expenseSummary, ['金额'], ['金额']),
    notes: [],
  };
}

function t04Plan(data: Dataset, label: string): Plan {
  const t = data.tables.T04;
  const [GENERAL, FUND, STATE] = T04_FUNDS;
  const income: SideRow[] = T04_FUNDS.map((f, i) => ({ label: ordinal(i + 1, f), key: `收:${f}`, values: { 金额: t.income[f] } }));
  const startKey = '收:年初财政拨款结转和结余';
  const incomeSummary: SideRow[] = [
    { label: '本年收入合计', key: '收:本年收入合计', values: { 金额: t.income.本年收入合计 }, sum: income.map((r) => r.key!), bold: true },
    {
      label: '年初财政拨款结转和结余',
      key: startKey,
      values: { 金额: t.income.年初财政拨款结转和结余 },
      sum: T04_FUNDS.map((f) => `${startKey}.${f}`),
    },
    ...T04_FUNDS.map((f) => ({
      label: f,
      key: `${startKey}.${f}`,
      values: { 金额: t.income[`年初财政拨款结转和结余.${f}`] },
      indent: true,
    })),
    { label: '总计', key: '收:总计', values: { 金额: t.income.总计 }, sum: ['收:本年收入合计', startKey], bold: true },
  ];
  const expense: SideRow[] = FIXED_EXPENSE_CLASS_CODES.map((code, i) => {
    const name = FUNCTION_CLASSES[code];
    return { label: ordinal(i + 1, name), key: `支:${name}`, values: t.expense[name] };
  });
  const expenseSummary: SideRow[] = [
    { label: '本年支出合计', key: '支:本年支出合计', values: t.expense.本年支出合计, sum: expense.map((r) => r.key!), bold: true },
    { label: '年末财政拨款结转和结余', key: '支:年末财政拨款结转和结余', values: t.expense.年末财政拨款结转和结余 },
    {},
    {},
    {},
    { label: '总计', key: '支:总计', values: t.expense.总计, sum: ['支:本年支出合计', '支:年末财政拨款结转和结余'], bold: true },
  ];
  const rows = twoSidedRows(income, incomeSummary, expense, expenseSummary, ['金额'], [...T04_EXPENSE_COLUMNS]);
  addRowSums(rows, [5, [6, 7, 8]]);
  return {
    id: 'T04',
    title: TABLES.T04.title,
    label,
    header: [
      {
        text: '收入',
        children: [
          { text: '项目', width: 30 },
          { text: '行次', width: 6 },
          { text: '金额', width: 15, key: '金额' },
        ],
      },
      {
        text: '支出',
        children: [
          { text: '项目', width: 30 },
          { text: '行次', width: 6 },
          { text: '合计', width: 15, key: '合计' },
          { text: GENERAL, width: 15, key: GENERAL },
          { text: FUND, width: 15, key: FUND },
          { text: STATE, width: 15, key: STATE },
        ],
      },
    ],
    lanci: ['栏次', null, '1', '栏次', null, '2', '3', '4', '5'],
    rows,
    notes: [],
  };
}

/** Give amount cells without a vertical sum a row sum: total column ← part columns. */
function addRowSums(rows: PlanRow[], ...sums: Array<[number, number[]]>): void {
  rows.forEach((row, r) => {
    for (const [total, parts] of sums) {
      const cell = row.cells[total];
      if (cell?.kind === 'amount' && !cell.sum) cell.sum = parts.map((c) => [r, c] as Ref);
    }
  });
}

// ---- classified tables (T02 T03 T05 T06 T07 T11 T13 T14) ------------------------------------

interface ClassifiedSpec {
  codeLabel: string;
  economic: boolean;
  amounts: HeaderNode[];
  /** Row identities for formulas: [total key, part keys]. */
  rowSums: Array<[string, string[]]>;
}

const leaf = (text: string, key = text, width = 14): HeaderNode => ({ text, key, width });

const CLASSIFIED_SPECS: Record<ClassifiedId, ClassifiedSpec> = {
  T02: {
    codeLabel: '功能分类科目编码',
    economic: false,
    amounts: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'].map((k) => leaf(k)),
    rowSums: [['本年收入合计', ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']]],
  },
  T03: {
    codeLabel: '功能分类科目编码',
    economic: false,
    amounts: ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].map((k) => leaf(k)),
    rowSums: [['本年支出合计', ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']]],
  },
  T05: economicDetailSpec(),
  T06: {
    codeLabel: '功能分类科目编码',
    economic: false,
    amounts: [{ text: '本年支出', children: [leaf('小计', '合计'), leaf('基本支出'), leaf('项目支出')] }],
    rowSums: [['合计', ['基本支出', '项目支出']]],
  },
  T07: economicDetailSpec(),
  T11: fundSpec(),
  T13: fundSpec(),
  T14: {
    codeLabel: '科目编码',
    economic: false,
    amounts: [{ text: '本年支出', children: [leaf('合计'), leaf('基本支出'), leaf('项目支出')] }],
    rowSums: [['合计', ['基本支出', '项目支出']]],
  },
};

function economicDetailSpec(): ClassifiedSpec {
  return {
    codeLabel: '科目编码',
    economic: true,
    amounts: [
      leaf('合计'),
      { text: '基本支出', children: [leaf('小计', '基本支出'), leaf('人员经费'), leaf('公用经费')] },
      leaf('项目支出'),
    ],
    rowSums: [
      ['合计', ['基本支出', '项目支出']],
      ['基本支出', ['人员经费', '公用经费']],
    ],
  };
}

function fundSpec(): ClassifiedSpec {
  return {
    codeLabel: '科目编码',
    economic: false,
    amounts: [
      leaf('年初结转和结余'),
      leaf('本年收入'),
      { text: '本年支出', children: [leaf('小计', '本年支出'), leaf('基本支出'), leaf('项目支出')] },
      leaf('年末结转和结余'),
    ],
    rowSums: [['本年支出', ['基本支出', '项目支出']]],
  };
}

/** Code header: one column, or 类|款(|项) sub-columns. */
function codeHeader(spec: ClassifiedSpec, split: boolean): HeaderNode {
  if (!split) return { text: spec.codeLabel, width: spec.economic ? 10 : 12 };
  const parts = spec.economic ? ['类', '款'] : ['类', '款', '项'];
  return { text: spec.codeLabel, children: parts.map((p) => ({ text: p, width: 5 })) };
}

/** "2010301" → ["201", "01", "01"]; "20103" → ["201", "01", ""]; economic "30101" → ["301", "01"]. */
export function splitCode(code: string, economic: boolean): string[] {
  const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
  return economic ? parts.slice(0, 2) : parts;
}

function parentCode(code: string): string | undefined {
  return code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : undefined;
}

function classifiedPlan(id: ClassifiedId, table: ClassifiedTable, label: string, layout: Layout): Plan {
  const spec = CLASSIFIED_SPECS[id];
  const codeCols = layout.splitCodes ? (spec.economic ? 2 : 3) : 1;
  const header: HeaderNode[] = [
    { text: '项目', children: [codeHeader(spec, layout.splitCodes), { text: '科目名称', width: 34 }] },
    ...spec.amounts,
  ];
  const keys = leaves(spec.amounts).map((l) => l.key!);
  const first = codeCols + 1;
  const rowOf = new Map<string, number>([['合计', 0]]);
  table.rows.forEach((r, i) => rowOf.set(r.code, i + 1));
  const childrenOf = (code: string | undefined): number[] =>
    table.rows.filter((r) => (code === undefined ? r.code.length === 3 : parentCode(r.code) === code)).map((r) => rowOf.get(r.code)!);
  const amountCells = (rowKey: string, values: Record<string, Wan>, children: number[]): PlanCell[] =>
    keys.map((k, j) => amount(values[k], [rowKey, k], children.length ? children.map((c) => [c, first + j] as Ref) : undefined));
  const codeCells = (code: string): PlanCell[] =>
    (layout.splitCodes ? splitCode(code, spec.economic) : [code]).map((c) => (c ? { kind: 'text', text: c, code: true } : null));

  const rows: PlanRow[] = [
    {
      cells: [...Array(codeCols).fill(null), text('合计', 'center'), ...amountCells('合计', table.total, childrenOf(undefined))],
      bold: true,
    },
    ...table.rows.map((r) => ({ cells: [...codeCells(r.code), text(r.name), ...amountCells(r.code, r.values, childrenOf(r.code))] })),
  ];
  addRowSums(
    rows,
    ...spec.rowSums.map(([total, parts]) => [first + keys.indexOf(total), parts.map((p) => first + keys.indexOf(p))] as [number, number[]]),
  );
  return {
    id,
    title: TABLES[id].title,
    label,
    header,
    lanci: ['栏次', ...Array(codeCols).fill(null), ...keys.map((_, i) => String(i + 1))],
    rows,
    notes: [],
  };
}

// ---- T08 / T09: side-by-side 科目编码|科目名称|决算数 groups ----------------------------------

interface EconomicGroupDef {
  heading: '人员经费' | '公用经费' | '';
  rows: GroupedRow[];
}

/** Split 类 blocks into groups: 人员 (301/303), 302, the rest — the last two merged when only 2 groups. */
function economicGroups(rows: GroupedRow[], count: 2 | 3, headed: boolean): EconomicGroupDef[] {
  const of = (pred: (cls: string) => boolean) => rows.filter((r) => pred(r.code.slice(0, 3)));
  const personnel = of((c) => PERSONNEL_CLASSES.includes(c));
  const goods = of((c) => c === '302');
  const rest = of((c) => !PERSONNEL_CLASSES.includes(c) && c !== '302');
  const groups: EconomicGroupDef[] =
    count === 3
      ? [
          { heading: '人员经费', rows: personnel },
          { heading: '公用经费', rows: goods },
          { heading: '公用经费', rows: rest },
        ]
      : [
          { heading: '人员经费', rows: personnel },
          { heading: '公用经费', rows: [...goods, ...rest] },
        ];
  // T08 always shows the 人员经费 and 公用经费 groups; T09 drops empty ones.
  return headed ? groups : groups.filter((g) => g.rows.length > 0).map((g) => ({ ...g, heading: '' }));
}

const groupLeaves = (): HeaderNode[] => [
  { text: '科目编码', width: 10 },
  { text: '科目名称', width: 26 },
  { text: '决算数', width: 14, key: '金额' },
];

function groupedPlan(id: 'T08' | 'T09', data: Dataset, label: string, layout: Layout): Plan {
  const table = data.tables[id];
  const headed = id === 'T08';
  const groups = economicGroups(table.rows, layout.t08Groups, headed);
  if (groups.length === 0) groups.push({ heading: '', rows: [] });
  const header: HeaderNode[] = headed
    ? [
        { text: '人员经费', children: groupLeaves() },
        { text: '公用经费', children: groups.slice(1).flatMap(groupLeaves) },
      ]
    : groups.flatMap(groupLeaves);
  const ncol = groups.length * 3;
  const height = Math.max(0, ...groups.map((g) => g.rows.length));
  const rows: PlanRow[] = Array.from({ length: height }, () => ({ cells: Array(ncol).fill(null) }));
  const where = new Map<string, Ref>();
  groups.forEach((g, gi) => g.rows.forEach((r, ri) => where.set(r.code, [ri, gi * 3 + 2])));
  groups.forEach((g, gi) =>
    g.rows.forEach((r, ri) => {
      const kids = g.rows.filter((k) => parentCode(k.code) === r.code).map((k) => where.get(k.code)!);
      rows[ri].cells[gi * 3] = { kind: 'text', text: r.code, code: true };
      rows[ri].cells[gi * 3 + 1] = text(r.name);
      rows[ri].cells[gi * 3 + 2] = amount(r.value, [r.code, '金额'], kids.length ? kids : undefined);
    }),
  );
  const classRefs = (pred: (r: GroupedRow) => boolean) =>
    table.rows.filter((r) => r.code.length === 3 && pred(r)).map((r) => where.get(r.code)!);
  const totalRow = (labelText: string, key: string, value: Wan, sum: Ref[], from: number, to: number, at: number): PlanRow => {
    const cells: PlanCell[] = Array(ncol).fill(null);
    cells[from] = text(labelText, 'center');
    cells[at] = amount(value, [key, '金额'], sum, true);
    return { cells, merges: [[from, to]], bold: true };
  };
  if (id === 'T08') {
    const t = data.tables.T08.totals;
    const isPersonnel = (r: GroupedRow) => PERSONNEL_CLASSES.includes(r.code);
    const totalsAt = rows.length;
    const personnelRow = totalRow('人员经费合计', '人员经费合计', t.人员经费合计, classRefs(isPersonnel), 0, 1, 2);
    const publicRow = totalRow(
      '公用经费合计',
      '公用经费合计',
      t.公用经费合计,
      classRefs((r) => !isPersonnel(r)),
      3,
      ncol - 2,
      ncol - 1,
    );
    rows.push({
      cells: personnelRow.cells.map((c, i) => c ?? publicRow.cells[i]),
      merges: [
        [0, 1],
        [3, ncol - 2],
      ],
      bold: true,
    });
    if (t.基本支出合计 !== undefined) {
      rows.push(
        totalRow(
          '基本支出合计',
          '基本支出合计',
          t.基本支出合计,
          [
            [totalsAt, 2],
            [totalsAt, ncol - 1],
          ],
          0,
          ncol - 2,
          ncol - 1,
        ),
      );
    }
  } else {
    rows.push(
      totalRow(
        '合计',
        '合计',
        data.tables.T09.totals.合计,
        classRefs(() => true),
        0,
        ncol - 2,
        ncol - 1,
      ),
    );
  }
  return { id, title: TABLES[id].title, label, header, rows, notes: [] };
}

// ---- T10 / T12: 三公 ------------------------------------------------------------------------

function sanGongHeader(mode: Layout['t10']): HeaderNode[] {
  const item = (blk: string, key: string, text = key): HeaderNode => ({ text, key: `${blk}|${key}`, width: 12 });
  if (mode === 'grouped') {
    const block = (blk: string): HeaderNode => ({
      text: blk,
      children: [
        item(blk, '合计'),
        item(blk, '因公出国（境）费'),
        {
          text: '公务用车购置及运行费',
          children: [item(blk, '公务用车购置及运行费', '小计'), item(blk, '公务用车购置费'), item(blk, '公务用车运行费')],
        },
        item(blk, '公务接待费'),
      ],
    });
    return [block('预算数'), block('决算数')];
  }
  const pair = (key: string): HeaderNode[] => ['预算数', '决算数'].map((blk) => item(blk, key, blk));
  return [
    { text: '合计', children: pair('合计') },
    { text: '因公出国（境）费', children: pair('因公出国（境）费') },
    {
      text: '公务用车购置及运行费',
      children: [
        { text: '小计', children: pair('公务用车购置及运行费') },
        { text: '公务用车购置费', children: pair('公务用车购置费') },
        { text: '公务用车运行费', children: pair('公务用车运行费') },
      ],
    },
    { text: '公务接待费', children: pair('公务接待费') },
  ];
}

function sanGongPlan(id: 'T10' | 'T12', table: SanGongTable, label: string, layout: Layout): Plan {
  const header = sanGongHeader(layout.t10);
  const keys = leaves(header).map((l) => l.key!);
  const col = (blk: string, key: string) => keys.indexOf(`${blk}|${key}`);
  const sums: Record<string, string[]> = {
    合计: ['因公出国（境）费', '公务用车购置及运行费', '公务接待费'],
    公务用车购置及运行费: ['公务用车购置费', '公务用车运行费'],
  };
  const cells: PlanCell[] = keys.map((k) => {
    const [blk, key] = k.split('|') as ['预算数' | '决算数', (typeof SAN_GONG_KEYS)[number]];
    const sum = sums[key]?.map((p) => [0, col(blk, p)] as Ref);
    return amount(table[blk][key], [blk, key], sum, true);
  });
  return { id, title: TABLES[id].title, label, header, lanci: keys.map((_, i) => String(i + 1)), rows: [{ cells }], notes: [] };
}

// ---- plans for a profile ---------------------------------------------------------------------

function planFor(id: TableId, data: Dataset, label: string, layout: Layout): Plan {
  const plan = ((): Plan => {
    switch (id) {
      case 'T01':
        return t01Plan(data, label);
      case 'T04':
        return t04Plan(data, label);
      case 'T08':
      case 'T09':
        return groupedPlan(id, data, label, layout);
      case 'T10':
      case 'T12':
        return sanGongPlan(id, data.tables[id], label, layout);
      default:
        return classifiedPlan(id, data.tables[id], label, layout);
    }
  })();
  plan.notes = [TEMPLATE_NOTES[id], ...(data.notes?.[id] ?? [])];
  return plan;
}

// ---- writing a plan --------------------------------------------------------------------------

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const AMOUNT_FORMAT = '#,##0.00';

/** Fresh style objects every time: exceljs shares a style object between cells it is assigned to. */
const styles = {
  title: (): Partial<ExcelJS.Style> => ({
    font: { name: FONT, size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  }),
  plain: (align: 'left' | 'right' = 'left'): Partial<ExcelJS.Style> => ({
    font: { name: FONT, size: 10 },
    alignment: { horizontal: align, vertical: 'middle' },
  }),
  header: (): Partial<ExcelJS.Style> => ({
    font: { name: FONT, size: 10, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: { ...THIN },
  }),
  cell: (align: 'left' | 'center' | 'right', bold: boolean, numFmt?: string): Partial<ExcelJS.Style> => ({
    font: { name: FONT, size: 10, bold },
    alignment: { horizontal: align, vertical: 'middle', wrapText: align === 'left', ...(align === 'center' ? {} : { indent: 1 }) },
    border: { ...THIN },
    ...(numFmt ? { numFmt } : {}),
  }),
  note: (): Partial<ExcelJS.Style> => ({
    font: { name: FONT, size: 9 },
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
  }),
};

interface WriteContext {
  layout: Layout;
  unitName: string;
}

/** Styles every cell of a range, then merges it (exceljs copies the master's style to the range). */
function mergeStyled(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  style: () => Partial<ExcelJS.Style>,
  value?: ExcelJS.CellValue,
): void {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).style = style();
  if (value !== undefined) ws.getCell(top, left).value = value;
  if (top !== bottom || left !== right) ws.mergeCells(top, left, bottom, right);
}

/** Blank or extra rows above the title (titleRow 2 or 3). */
function writePreface(ws: ExcelJS.Worksheet, ctx: WriteContext, year: number): void {
  if (ctx.layout.titleRow === 3) {
    ws.getCell(1, 1).value = `${year}年度部门决算公开表`;
    ws.getCell(1, 1).style = styles.plain();
  }
}

function writeTitleBlock(ws: ExcelJS.Worksheet, plan: Plan, ncol: number, top: number, ctx: WriteContext): void {
  mergeStyled(ws, top, 1, top, ncol, styles.title, plan.title);
  ws.getRow(top).height = 30;
  const labelCell = ws.getCell(top + 1, ncol);
  labelCell.value = plan.label;
  labelCell.style = styles.plain('right');
  const split = Math.max(1, ncol - 2);
  mergeStyled(ws, top + 2, 1, top + 2, split, () => styles.plain('left'), `部门：${ctx.unitName}`);
  mergeStyled(ws, top + 2, split + 1, top + 2, ncol, () => styles.plain('right'), `金额单位：${ctx.layout.unit}`);
}

/** Writes the header tree from row `top`; returns the number of header rows. */
function writeHeader(ws: ExcelJS.Worksheet, header: HeaderNode[], top: number, merged: boolean): number {
  const rowsUsed = depth(header);
  const heights = Array<number>(rowsUsed).fill(22);
  const place = (nodes: HeaderNode[], level: number, col: number): void => {
    for (const node of nodes) {
      const width = node.children ? leaves(node.children).length : 1;
      const bottom = node.children ? top + level : top + rowsUsed - 1;
      const right = col + width - 1;
      let chars = 0;
      for (let c = col; c <= right; c++) chars += ws.getColumn(c).width ?? 9;
      const lines = Math.ceil(textWidth(node.text) / Math.max(1, chars - 2));
      if (bottom === top + level) heights[level] = Math.max(heights[level], 15 * lines);
      if (merged) mergeStyled(ws, top + level, col, bottom, right, styles.header, node.text);
      else
        for (let r = top + level; r <= bottom; r++)
          for (let c = col; c <= right; c++) {
            ws.getCell(r, c).value = node.text;
            ws.getCell(r, c).style = styles.header();
          }
      if (node.children) place(node.children, level + 1, col);
      col += width;
    }
  };
  place(header, 0, 1);
  heights.forEach((h, i) => (ws.getRow(top + i).height = h));
  return rowsUsed;
}

function writeLanci(ws: ExcelJS.Worksheet, lanci: Array<string | null>, row: number, merged: boolean): void {
  let c = 0;
  while (c < lanci.length) {
    let end = c;
    while (end + 1 < lanci.length && lanci[end + 1] === null) end++;
    const value = lanci[c] ?? '';
    if (merged && end > c) mergeStyled(ws, row, c + 1, row, end + 1, styles.header, value);
    else
      for (let k = c; k <= end; k++) {
        ws.getCell(row, k + 1).value = k === c ? value : null;
        ws.getCell(row, k + 1).style = styles.header();
      }
    c = end + 1;
  }
}

const inUnit = (value: Wan, unit: AmountUnit): Decimal => new Decimal(value).mul(UNIT_FACTOR[unit]);

/** "1234567.8" → "1,234,567.80". */
export function formatThousands(value: Decimal): string {
  const [int, frac] = value.toFixed(2).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** SUM(D8:D10,D14) from cell references, grouping runs of adjacent cells. */
function sumFormula(refs: Array<{ row: number; col: number }>): string {
  const sorted = [...refs].sort((a, b) => a.col - b.col || a.row - b.row);
  const byRow = sorted.every((r) => r.row === sorted[0].row);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    const next = (a: { row: number; col: number }, b: { row: number; col: number }) =>
      byRow ? b.col === a.col + 1 && b.row === a.row : b.col === a.col && b.row === a.row + 1;
    while (j + 1 < sorted.length && next(sorted[j], sorted[j + 1])) j++;
    const from = addr(sorted[i].row, sorted[i].col);
    parts.push(i === j ? from : `${from}:${addr(sorted[j].row, sorted[j].col)}`);
    i = j + 1;
  }
  return `SUM(${parts.join(',')})`;
}

function addr(row: number, col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

function amountValue(
  plan: Plan,
  cell: Extract<PlanCell, { kind: 'amount' }>,
  at: (ref: Ref) => { row: number; col: number },
  layout: Layout,
): ExcelJS.CellValue {
  const v = inUnit(cell.value, layout.unit);
  if (v.isZero() && !cell.keepZero) return null;
  const number = Number(v.toFixed(2));
  // exceljs drops a cached result of 0 (it writes no <v>), so zero totals stay plain numbers.
  if (layout.formulas && cell.sum?.length && !v.isZero()) {
    const parts = cell.sum.map(([r, c]) => {
      const target = plan.rows[r].cells[c];
      return target?.kind === 'amount' ? inUnit(target.value, layout.unit) : new Decimal(0);
    });
    const exact = parts.reduce((a, b) => a.add(b), new Decimal(0));
    if (exact.eq(v)) return { formula: sumFormula(cell.sum.map(at)), result: number } as ExcelJS.CellFormulaValue;
  }
  return layout.numericText ? formatThousands(v) : number;
}

function writeRows(ws: ExcelJS.Worksheet, plan: Plan, top: number, ncol: number, layout: Layout, index: SheetIndex): void {
  const at = ([r, c]: Ref) => ({ row: top + r, col: c + 1 });
  plan.rows.forEach((row, r) => {
    const excelRow = top + r;
    const merged = new Set<number>();
    for (const [from, to] of row.merges ?? []) for (let c = from + 1; c <= to; c++) merged.add(c);
    for (let c = 0; c < ncol; c++) {
      const cell = row.cells[c] ?? null;
      const target = ws.getCell(excelRow, c + 1);
      if (cell?.kind === 'amount') {
        target.value = amountValue(plan, cell, at, layout);
        target.style = styles.cell('right', Boolean(row.bold), layout.numericText ? undefined : AMOUNT_FORMAT);
        if (cell.key) (index.cells[cell.key[0]] ??= {})[cell.key[1]] = target.address;
      } else if (cell?.kind === 'text') {
        target.value = cell.text;
        target.style = styles.cell(cell.align ?? 'left', Boolean(row.bold), cell.code ? '@' : undefined);
      } else if (!merged.has(c)) {
        target.style = styles.cell('left', Boolean(row.bold));
      }
    }
    for (const [from, to] of row.merges ?? []) {
      for (let c = from + 1; c <= to; c++) ws.getCell(excelRow, c + 1).style = ws.getCell(excelRow, from + 1).style;
      ws.mergeCells(excelRow, from + 1, excelRow, to + 1);
    }
    ws.getRow(excelRow).height = 18;
  });
}

function writeNotes(ws: ExcelJS.Worksheet, notes: string[], top: number, ncol: number): void {
  let width = 0;
  for (let c = 1; c <= ncol; c++) width += ws.getColumn(c).width ?? 9;
  notes.forEach((note, i) => {
    mergeStyled(ws, top + i, 1, top + i, ncol, styles.note, note);
    ws.getRow(top + i).height = 14 * Math.max(1, Math.ceil((textWidth(note) * 0.95) / width));
  });
}

/** A4 landscape, one page wide; short sheets on one page. */
function setupPage(ws: ExcelJS.Worksheet, lastRow: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: lastRow <= 60 ? 1 : 0,
    horizontalCentered: true,
  };
}

/** Display width of a text in column-width units (CJK characters count double). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function writePlan(ws: ExcelJS.Worksheet, plan: Plan, ctx: WriteContext, year: number): SheetIndex {
  const cols = leaves(plan.header);
  const ncol = cols.length;
  const factorWidth = ctx.layout.unit === '元' ? 3 : 0;
  cols.forEach((l, i) => (ws.getColumn(i + 1).width = (l.width ?? 12) + (l.key ? factorWidth : 0)));
  writePreface(ws, ctx, year);
  const top = ctx.layout.titleRow;
  const index: SheetIndex = { sheet: ws.name, titleCell: addr(top, 1), cells: {} };
  writeTitleBlock(ws, plan, ncol, top, ctx);
  let row = top + 3;
  row += writeHeader(ws, plan.header, row, ctx.layout.mergedHeaders);
  if (plan.lanci) writeLanci(ws, plan.lanci, row++, ctx.layout.mergedHeaders);
  writeRows(ws, plan, row, ncol, ctx.layout, index);
  writeNotes(ws, plan.notes, row + plan.rows.length, ncol);
  setupPage(ws, row + plan.rows.length + plan.notes.length);
  return index;
}

// ---- 补充信息 ---------------------------------------------------------------------------------

const SUPPLEMENT_COLUMNS: Array<[keyof SupplementRow, number]> = [
  ['项目', 34],
  ['科目编码', 12],
  ['本年数', 14],
  ['上年数', 14],
  ['预算数', 14],
  ['原因说明', 70],
];

function supplementValue(value: string | undefined): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === undefined || value === '') return { value: null };
  if (/^-?\d+(\.\d+)?$/.test(value)) return { value: Number(value), numFmt: value.includes('.') ? AMOUNT_FORMAT : '0' };
  return { value };
}

function writeSupplement(ws: ExcelJS.Worksheet, data: Dataset, ctx: WriteContext): SheetIndex {
  SUPPLEMENT_COLUMNS.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  writePreface(ws, ctx, data.year);
  const top = ctx.layout.titleRow;
  const ncol = SUPPLEMENT_COLUMNS.length;
  const index: SheetIndex = { sheet: ws.name, titleCell: addr(top, 1), cells: {} };
  mergeStyled(ws, top, 1, top, ncol, styles.title, '补充信息');
  ws.getRow(top).height = 30;
  mergeStyled(ws, top + 1, 1, top + 1, 3, () => styles.plain('left'), `单位：${data.unitName}`);
  mergeStyled(ws, top + 1, 4, top + 1, ncol, () => styles.plain('right'), '金额单位：万元（数量为个、辆、台、批次、人次）');
  SUPPLEMENT_COLUMNS.forEach(([name], i) => {
    const cell = ws.getCell(top + 2, i + 1);
    cell.value = name;
    cell.style = styles.header();
  });
  data.supplement.forEach((item, r) => {
    const rowNo = top + 3 + r;
    const key = item.科目编码 ?? item.项目;
    SUPPLEMENT_COLUMNS.forEach(([name], i) => {
      const cell = ws.getCell(rowNo, i + 1);
      const isText = name === '项目' || name === '科目编码' || name === '原因说明';
      const { value, numFmt } = isText
        ? { value: item[name] ?? null, numFmt: name === '科目编码' ? '@' : undefined }
        : supplementValue(item[name]);
      cell.value = value;
      cell.style = styles.cell(isText ? 'left' : 'right', false, numFmt);
      (index.cells[key] ??= {})[name] = cell.address;
    });
    const lines = Math.max(...SUPPLEMENT_COLUMNS.map(([name, width]) => Math.ceil(textWidth(item[name] ?? '') / (width - 2))), 1);
    ws.getRow(rowNo).height = 16 * lines;
  });
  setupPage(ws, top + 3 + data.supplement.length);
  return index;
}

// ---- the workbook --------------------------------------------------------------------------

type SheetKind = TableId | '补充信息';

function tableLabel(position: number): string {
  return `公开${String(position).padStart(2, '0')}表`;
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '').slice(0, 31);
}

/** Deterministic Fisher–Yates with a small LCG, so shuffled workbooks are reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function sheetOrder(kinds: SheetKind[], layout: Layout): Array<{ kind: SheetKind; name: string }> {
  if (layout.sheetNames === 'shuffled') {
    const order = shuffled(kinds, 7);
    const numbers = shuffled(
      order.map((_, i) => i + 1),
      11,
    );
    return order.map((kind, i) => ({ kind, name: `Sheet${numbers[i]}` }));
  }
  return kinds.map((kind, i) => {
    if (kind === '补充信息') return { kind, name: layout.sheetNames === 'renamed' ? '补充资料' : '补充信息' };
    return { kind, name: layout.sheetNames === 'renamed' ? safeSheetName(TABLES[kind].title) : `表${i + 1}` };
  });
}

export function resolveLayout(layout: Partial<Layout> = {}): Layout {
  return { ...DEFAULT_LAYOUT, ...layout };
}

/** The workbook and where every amount was written. */
export function buildIndexedWorkbook(
  data: Dataset,
  layoutOptions: Partial<Layout> = {},
): { workbook: ExcelJS.Workbook; index: WorkbookIndex } {
  const layout = resolveLayout(layoutOptions);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'juesuan examples';
  workbook.created = new Date(Date.UTC(data.year + 1, 4, 31));
  workbook.modified = workbook.created;
  workbook.title = `${data.unitName}${data.year}年度部门决算`;
  const tables = PROFILES[layout.profile].tables;
  const kinds: SheetKind[] = [...tables, ...(layout.supplement ? (['补充信息'] as const) : [])];
  const ctx: WriteContext = { layout, unitName: data.unitName };
  const index: WorkbookIndex = {};
  for (const { kind, name } of sheetOrder(kinds, layout)) {
    const ws = workbook.addWorksheet(name);
    if (kind === '补充信息') index[kind] = writeSupplement(ws, data, ctx);
    else index[kind] = writePlan(ws, planFor(kind, data, tableLabel(tables.indexOf(kind) + 1), layout), ctx, data.year);
  }
  if (data.settings) writeSettings(workbook, data.settings);
  return { workbook, index };
}

/** The narrative settings as the task pane remembers them: a very hidden sheet, ASCII JSON in A1. */
function writeSettings(workbook: ExcelJS.Workbook, settings: NonNullable<Dataset['settings']>): void {
  const ws = workbook.addWorksheet(SETTINGS_SHEET);
  ws.getCell('A1').value = serializeSettings(settings);
  ws.state = 'veryHidden';
}

export function buildWorkbook(data: Dataset, layout: Partial<Layout> = {}): ExcelJS.Workbook {
  return buildIndexedWorkbook(data, layout).workbook;
}

export async function buildWorkbookBuffer(data: Dataset, layout: Partial<Layout> = {}): Promise<Buffer> {
  const out = await buildWorkbook(data, layout).xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
