// Every identity of domain.md §3.1 (within a table) and §3.2 (between tables), as data.
//
// Reading a declaration:
//   left / right   lists of terms summed on each side; `T02[合计].本年收入合计` is one cell
//                  (table[row key].column key); a trailing `?` marks an addend that may be absent
//                  from a template; a code as row key (`T06[2010101].合计`) counts 0 when the row
//                  is not printed; sumRows(…) is Σ over filtered rows; aux(…) an input of 补充信息.
//   each           repeat for every row (`$row`), every code (`$code`) or every value of a list.
//   compare        'eq' (default) or 'le' (left ≤ right).
//   tolerance      'copy' (two copies of one number: 0) or 'sum' (rounded addends: tol(n), §3.6).
//   severity       强制 → 'error', 提示 → 'warning'.
// A province's variant is an edit of this list.
import { PERSONNEL_CLASSES, T01_INCOME_ITEMS, T01_INCOME_TO_T02, T04_FUNDS } from '../tables';
import type { TableId } from '../model';
import { SAN_GONG_ECONOMIC_RULES } from './sangong-economic';
import type { AuxValue, Level, Quantifier, RowFilter, RowSum, Rule } from './types';

// ---- small constructors ---------------------------------------------------------------

const sumRows = (table: TableId, where: RowFilter, col: string, label: string): RowSum => ({ sumOf: table, where, col, label });
const aux = (name: AuxValue['aux']): AuxValue => ({ aux: name });
const everyRow = (table: TableId | TableId[], where?: RowFilter): Quantifier => ({ rowsOf: table, where });
const everyCode = (tables: TableId[], level: Level): Quantifier => ({ codesOf: tables, level });
const every = (variable: string, values: readonly string[]): Quantifier => ({ var: variable, in: values });

/** The 支 类 rows of T01/T04: 支 rows with a 3-digit 功能分类 code. */
const EXPENSE_CLASSES: RowFilter = { prefix: '支:', level: 1 };

const [GENERAL, FUND, STATE_CAPITAL] = T04_FUNDS; // 一般公共预算 / 政府性基金预算 / 国有资本经营预算 财政拨款

// ---- §3.1 within-table identities -----------------------------------------------------

const T01_RULES: Rule[] = [
  {
    id: 'T01-1',
    severity: 'error',
    tolerance: 'sum',
    description: '收入支出决算总表：本年收入合计 = 各项收入之和',
    left: ['T01[收:本年收入合计].金额'],
    right: T01_INCOME_ITEMS.map((item) => `T01[收:${item}].金额?`),
  },
  {
    id: 'T01-2',
    severity: 'error',
    tolerance: 'sum',
    description: '收入支出决算总表：本年支出合计 = 各功能分类类级支出之和',
    left: ['T01[支:本年支出合计].金额'],
    right: [sumRows('T01', EXPENSE_CLASSES, '金额', '各类支出')],
  },
  {
    id: 'T01-3',
    severity: 'error',
    tolerance: 'sum',
    description: '收入支出决算总表：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
    left: ['T01[收:总计].金额'],
    right: ['T01[收:本年收入合计].金额', 'T01[收:使用非财政拨款结余].金额?', 'T01[收:年初结转和结余].金额'],
  },
  {
    id: 'T01-4',
    severity: 'error',
    tolerance: 'sum',
    description: '收入支出决算总表：支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
    left: ['T01[支:总计].金额'],
    right: ['T01[支:本年支出合计].金额', 'T01[支:结余分配].金额?', 'T01[支:年末结转和结余].金额'],
  },
  {
    id: 'T01-5',
    severity: 'error',
    tolerance: 'copy',
    description: '收入支出决算总表：收入总计 = 支出总计',
    left: ['T01[收:总计].金额'],
    right: ['T01[支:总计].金额'],
  },
  ...['收:使用非财政拨款结余', '支:结余分配'].map((row): Rule => ({
    id: 'T01-6',
    severity: 'warning',
    tolerance: 'copy',
    description: '收入支出决算总表：使用非财政拨款结余、结余分配仅事业单位可能非零',
    note: '仅执行事业单位会计制度的单位才有此项，行政单位应为0，请确认',
    left: [`T01[${row}].金额`],
    right: [],
  })),
];

const T02_T03_RULES: Rule[] = [
  {
    id: 'T02-1',
    severity: 'error',
    tolerance: 'sum',
    description: '收入决算表每行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入',
    each: everyRow('T02'),
    left: ['T02[$row].本年收入合计'],
    right: ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'].map((c) => `T02[$row].${c}?`),
  },
  { id: 'T02-2', severity: 'error', description: '收入决算表每列：合计 = Σ类，类 = Σ款，款 = Σ项', hierarchy: 'T02', columns: 'all' },
  {
    id: 'T03-1',
    severity: 'error',
    tolerance: 'sum',
    description: '支出决算表每行：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出',
    each: everyRow('T03'),
    left: ['T03[$row].本年支出合计'],
    right: ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].map((c) => `T03[$row].${c}?`),
  },
  { id: 'T03-2', severity: 'error', description: '支出决算表每列：合计 = Σ类，类 = Σ款，款 = Σ项', hierarchy: 'T03', columns: 'all' },
];

const T04_RULES: Rule[] = [
  {
    id: 'T04-1',
    severity: 'error',
    tolerance: 'sum',
    description: '财政拨款收入支出决算总表：本年收入合计 = 三项财政拨款收入之和',
    left: ['T04[收:本年收入合计].金额'],
    right: T04_FUNDS.map((f) => `T04[收:${f}].金额?`),
  },
  {
    id: 'T04-2',
    severity: 'error',
    tolerance: 'sum',
    description: '财政拨款收入支出决算总表：年初财政拨款结转和结余 = 其三项分列之和',
    left: ['T04[收:年初财政拨款结转和结余].金额'],
    right: T04_FUNDS.map((f) => `T04[收:年初财政拨款结转和结余.${f}].金额?`),
  },
  {
    id: 'T04-3',
    severity: 'error',
    tolerance: 'sum',
    description: '财政拨款收入支出决算总表：收入总计 = 本年收入合计 + 年初财政拨款结转和结余',
    left: ['T04[收:总计].金额'],
    right: ['T04[收:本年收入合计].金额', 'T04[收:年初财政拨款结转和结余].金额'],
  },
  {
    id: 'T04-4',
    severity: 'error',
    tolerance: 'sum',
    description: '财政拨款收入支出决算总表每个支出行：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款',
    each: everyRow('T04', { prefix: '支:' }),
    left: ['T04[$row].合计'],
    right: T04_FUNDS.map((f) => `T04[$row].${f}?`),
  },
  {
    id: 'T04-5',
    severity: 'error',
    tolerance: 'sum',
    description: '财政拨款收入支出决算总表每列：本年支出合计 = 各功能分类类级支出之和',
    each: every('$col', ['合计', ...T04_FUNDS]),
    left: ['T04[支:本年支出合计].$col'],
    right: [sumRows('T04', EXPENSE_CLASSES, '$col', '各类支出')],
  },
  {
    // every column, as T04-5: the 总计 row of each fund column is that column's 本年支出合计 +
    // 年末 (seed000: 一般公共预算 1850.52 = 1843.18 + 7.34), so 填表 can fill it by fund
    id: 'T04-6',
    severity: 'error',
    tolerance: 'sum',
    description: '财政拨款收入支出决算总表每列：支出总计 = 本年支出合计 + 年末财政拨款结转和结余',
    each: every('$col', ['合计', ...T04_FUNDS]),
    left: ['T04[支:总计].$col'],
    right: ['T04[支:本年支出合计].$col', 'T04[支:年末财政拨款结转和结余].$col'],
  },
  {
    id: 'T04-7',
    severity: 'error',
    tolerance: 'copy',
    description: '财政拨款收入支出决算总表：收入总计 = 支出总计',
    left: ['T04[收:总计].金额'],
    right: ['T04[支:总计].合计'],
  },
  {
    id: 'T04-8',
    severity: 'warning',
    tolerance: 'sum',
    description: '财政拨款收入支出决算总表各资金：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余',
    note: '结转调整、归集调入调出等不在公开表中反映时可能不平，请核实',
    each: every('$fund', T04_FUNDS),
    left: ['T04[收:$fund].金额', 'T04[收:年初财政拨款结转和结余.$fund].金额'],
    right: ['T04[支:本年支出合计].$fund', 'T04[支:年末财政拨款结转和结余].$fund'],
  },
];

/** 合计 = 基本支出 + 项目支出; 基本支出 = 人员经费 + 公用经费 — when the table has these columns. */
function economicDetailSplits(id: string, table: TableId): Rule[] {
  return [
    {
      id,
      severity: 'error',
      tolerance: 'sum',
      description: `${table}每行：合计 = 基本支出 + 项目支出`,
      each: everyRow(table),
      left: [`${table}[$row].合计`],
      right: [`${table}[$row].基本支出`, `${table}[$row].项目支出`],
    },
    {
      id,
      severity: 'error',
      tolerance: 'sum',
      description: `${table}每行：基本支出 = 人员经费 + 公用经费`,
      each: everyRow(table),
      left: [`${table}[$row].基本支出`],
      right: [`${table}[$row].人员经费`, `${table}[$row].公用经费`],
    },
  ];
}

const ECONOMIC_DETAIL_RULES: Rule[] = [
  { id: 'T05-1', severity: 'error', description: '财政拨款支出决算明细表每列：合计 = Σ类，类 = Σ款', hierarchy: 'T05', columns: 'all' },
  ...economicDetailSplits('T05-2', 'T05'),
  {
    id: 'T07-1',
    severity: 'error',
    description: '一般公共预算财政拨款支出决算明细表每列：合计 = Σ类，类 = Σ款',
    hierarchy: 'T07',
    columns: 'all',
  },
  ...economicDetailSplits('T07-2', 'T07'),
  {
    id: 'T09-1',
    severity: 'error',
    description: '一般公共预算财政拨款项目支出决算表：合计 = Σ类，类 = Σ款',
    hierarchy: 'T09',
    columns: 'all',
  },
];

const T06_RULES: Rule[] = [
  {
    id: 'T06-1',
    severity: 'error',
    tolerance: 'sum',
    description: '一般公共预算财政拨款支出决算表每行：合计 = 基本支出 + 项目支出',
    each: everyRow('T06'),
    left: ['T06[$row].合计'],
    right: ['T06[$row].基本支出', 'T06[$row].项目支出'],
  },
  {
    id: 'T06-2',
    severity: 'error',
    description: '一般公共预算财政拨款支出决算表每列：合计 = Σ类，类 = Σ款，款 = Σ项',
    hierarchy: 'T06',
    columns: 'all',
  },
];

const T08_RULES: Rule[] = [
  { id: 'T08-1', severity: 'error', description: '一般公共预算财政拨款基本支出决算表：类 = Σ款', hierarchy: 'T08', columns: 'all' },
  {
    id: 'T08-2',
    severity: 'error',
    tolerance: 'sum',
    description: '一般公共预算财政拨款基本支出决算表：人员经费合计 = 301 + 303',
    left: ['T08[人员经费合计].金额'],
    right: [sumRows('T08', { level: 1, codes: PERSONNEL_CLASSES }, '金额', '人员经费类科目（301、303）')],
  },
  {
    id: 'T08-3',
    severity: 'error',
    tolerance: 'sum',
    description: '一般公共预算财政拨款基本支出决算表：公用经费合计 = 302 + 307 + 310 + 399（已列示者）',
    left: ['T08[公用经费合计].金额'],
    right: [sumRows('T08', { level: 1, notCodes: PERSONNEL_CLASSES }, '金额', '公用经费类科目（302、307、310、399）')],
  },
  {
    id: 'T08-4',
    severity: 'error',
    tolerance: 'sum',
    description: '一般公共预算财政拨款基本支出决算表：基本支出合计 = 人员经费合计 + 公用经费合计（列示时）',
    ifPrinted: true,
    left: ['T08[基本支出合计].金额'],
    right: ['T08[人员经费合计].金额', 'T08[公用经费合计].金额'],
  },
];

/** T10-1, T10-2 for one “三公” table, every block (预算数, 决算数). */
function sanGongSums(id1: string, id2: string, table: TableId): Rule[] {
  return [
    {
      id: id1,
      severity: 'error',
      tolerance: 'sum',
      description: '“三公”经费：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费',
      each: everyRow(table),
      left: [`${table}[$row].合计`],
      right: [`${table}[$row].因公出国（境）费`, `${table}[$row].公务用车购置及运行费`, `${table}[$row].公务接待费`],
    },
    {
      id: id2,
      severity: 'error',
      tolerance: 'sum',
      description: '“三公”经费：公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费',
      each: everyRow(table),
      left: [`${table}[$row].公务用车购置及运行费`],
      right: [`${table}[$row].公务用车购置费`, `${table}[$row].公务用车运行费`],
    },
  ];
}

const SAN_GONG_ITEMS = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费'];

const T10_T12_RULES: Rule[] = [
  ...sanGongSums('T10-1', 'T10-2', 'T10'),
  {
    id: 'T10-3',
    severity: 'warning',
    tolerance: 'copy',
    compare: 'le',
    description: '“三公”经费：决算数 ≤ 预算数（超预算须在说明中写明原因）',
    note: '决算数超过预算数，请在情况说明中说明原因',
    each: every('$col', SAN_GONG_ITEMS),
    left: ['T10[决算数].$col'],
    right: ['T10[预算数].$col'],
  },
  ...sanGongSums('T12-1', 'T12-1', 'T12'),
];

/** T11 / T13: 本年支出 = 基本 + 项目 per row, hierarchy, and the carry-over balance per row. */
function fundIncomeExpenseRules(id1: string, id2: string, table: TableId): Rule[] {
  return [
    {
      id: id1,
      severity: 'error',
      tolerance: 'sum',
      description: '每行：本年支出小计 = 基本支出 + 项目支出',
      each: everyRow(table),
      left: [`${table}[$row].本年支出`],
      right: [`${table}[$row].基本支出`, `${table}[$row].项目支出`],
    },
    { id: id1, severity: 'error', description: '每列：合计 = Σ类，类 = Σ款，款 = Σ项', hierarchy: table, columns: 'all' },
    {
      id: id2,
      severity: 'warning',
      tolerance: 'sum',
      description: '每行：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余',
      each: everyRow(table),
      left: [`${table}[$row].年初结转和结余`, `${table}[$row].本年收入`],
      right: [`${table}[$row].本年支出`, `${table}[$row].年末结转和结余`],
    },
  ];
}

const T11_T14_RULES: Rule[] = [
  ...fundIncomeExpenseRules('T11-1', 'T11-2', 'T11'),
  ...fundIncomeExpenseRules('T13-1', 'T13-2', 'T13'),
  {
    id: 'T14-1',
    severity: 'error',
    tolerance: 'sum',
    description: '国有资本经营预算财政拨款支出决算表每行：合计 = 基本支出 + 项目支出',
    each: everyRow('T14'),
    left: ['T14[$row].合计'],
    right: ['T14[$row].基本支出', 'T14[$row].项目支出'],
  },
  {
    id: 'T14-1',
    severity: 'error',
    description: '国有资本经营预算财政拨款支出决算表每列：合计 = Σ类，类 = Σ款，款 = Σ项',
    hierarchy: 'T14',
    columns: 'all',
  },
];

const ALL_TABLE_RULES: Rule[] = [
  { id: 'ALL-1', severity: 'warning', description: '决算金额不应为负数', check: 'nonNegative' },
  { id: 'ALL-2', severity: 'error', description: '全部为0的表须附空表说明', check: 'emptyTableNote' },
];

// ---- §3.2 between-table identities ----------------------------------------------------

const INCOME_EXPENSE_LINKS: Rule[] = [
  {
    id: 'X01',
    severity: 'error',
    tolerance: 'copy',
    description: '收入支出决算总表本年收入合计 = 收入决算表合计',
    left: ['T01[收:本年收入合计].金额'],
    right: ['T02[合计].本年收入合计'],
  },
  {
    id: 'X02',
    severity: 'error',
    tolerance: 'sum',
    description: '收入支出决算总表三项财政拨款收入之和 = 收入决算表财政拨款收入合计',
    left: T04_FUNDS.map((f) => `T01[收:${f}收入].金额?`),
    right: ['T02[合计].财政拨款收入'],
  },
  ...Object.entries(T01_INCOME_TO_T02).map(([row, col]): Rule => ({
    id: 'X03',
    severity: 'error',
    tolerance: 'copy',
    description: `收入支出决算总表${row} = 收入决算表合计行${col}`,
    left: [`T01[收:${row}].金额`],
    right: [`T02[合计].${col}`],
  })),
  {
    id: 'X04',
    severity: 'error',
    tolerance: 'copy',
    description: '收入支出决算总表本年支出合计 = 支出决算表合计',
    left: ['T01[支:本年支出合计].金额'],
    right: ['T03[合计].本年支出合计'],
  },
  {
    id: 'X05',
    severity: 'error',
    tolerance: 'copy',
    description: '每个功能分类类：收入支出决算总表该类支出 = 支出决算表该类本年支出合计',
    each: everyCode(['T01', 'T03'], 1),
    left: ['T01[$code].金额'],
    right: ['T03[$code].本年支出合计'],
  },
];

const APPROPRIATION_LINKS: Rule[] = [
  {
    id: 'X06',
    severity: 'error',
    tolerance: 'copy',
    description: '财政拨款收入支出决算总表各项财政拨款收入 = 收入支出决算总表同项收入',
    each: every('$fund', T04_FUNDS),
    left: ['T04[收:$fund].金额'],
    right: ['T01[收:$fund收入].金额'],
  },
  {
    id: 'X07',
    severity: 'error',
    tolerance: 'copy',
    description: '财政拨款收入支出决算总表本年收入合计 = 收入决算表财政拨款收入合计',
    left: ['T04[收:本年收入合计].金额'],
    right: ['T02[合计].财政拨款收入'],
  },
  {
    id: 'X08',
    severity: 'error',
    tolerance: 'copy',
    description: '财政拨款收入支出决算总表一般公共预算本年支出合计 = 一般公共预算财政拨款支出决算表合计',
    left: [`T04[支:本年支出合计].${GENERAL}`],
    right: ['T06[合计].合计'],
  },
  {
    id: 'X08',
    severity: 'error',
    tolerance: 'copy',
    description: '每个功能分类类：财政拨款收入支出决算总表一般公共预算支出 = 一般公共预算财政拨款支出决算表该类合计',
    each: everyCode(['T04', 'T06'], 1),
    left: [`T04[$code].${GENERAL}`],
    right: ['T06[$code].合计'],
  },
];

const GENERAL_BUDGET_LINKS: Rule[] = [
  {
    id: 'X09',
    severity: 'error',
    tolerance: 'copy',
    description: '一般公共预算财政拨款支出决算表合计 = 一般公共预算财政拨款支出决算明细表合计',
    left: ['T06[合计].合计'],
    right: ['T07[合计].合计'],
  },
  {
    id: 'X10',
    severity: 'error',
    tolerance: 'sum',
    description: '一般公共预算财政拨款支出决算表基本支出 = 基本支出决算表人员经费合计 + 公用经费合计',
    left: ['T06[合计].基本支出'],
    right: ['T08[人员经费合计].金额', 'T08[公用经费合计].金额'],
  },
  {
    id: 'X11',
    severity: 'error',
    tolerance: 'copy',
    description: '一般公共预算财政拨款支出决算表项目支出 = 项目支出决算表合计',
    left: ['T06[合计].项目支出'],
    right: ['T09[合计].金额'],
  },
  {
    id: 'X12',
    severity: 'error',
    tolerance: 'sum',
    description: '一般公共预算财政拨款支出决算表合计 = 基本支出决算表合计 + 项目支出决算表合计',
    left: ['T06[合计].合计'],
    right: ['T08[人员经费合计].金额', 'T08[公用经费合计].金额', 'T09[合计].金额'],
  },
  {
    id: 'X13',
    severity: 'error',
    tolerance: 'sum',
    description: '一般公共预算财政拨款支出决算明细表基本支出 = 基本支出决算表人员经费合计 + 公用经费合计',
    left: ['T07[合计].基本支出'],
    right: ['T08[人员经费合计].金额', 'T08[公用经费合计].金额'],
  },
  ...(
    [
      ['人员经费', 'T08[人员经费合计].金额'],
      ['公用经费', 'T08[公用经费合计].金额'],
      ['项目支出', 'T09[合计].金额'],
    ] as const
  ).map(([col, other]): Rule => ({
    id: 'X13',
    severity: 'error',
    tolerance: 'copy',
    description: `一般公共预算财政拨款支出决算明细表${col} = ${other.startsWith('T09') ? '项目支出决算表合计' : `基本支出决算表${col}合计`}`,
    left: [`T07[合计].${col}`],
    right: [other],
  })),
  {
    id: 'X13',
    severity: 'error',
    tolerance: 'copy',
    description: '每个经济分类款：一般公共预算财政拨款支出决算明细表基本支出 = 基本支出决算表该款',
    each: everyCode(['T07', 'T08'], 2),
    left: ['T07[$code].基本支出'],
    right: ['T08[$code].金额'],
  },
  {
    // The second half of X14 (T05's 一般公共预算 part = T07 合计) needs a fund split that the
    // T05 layout in the catalog does not have; only the total is checked.
    id: 'X14',
    severity: 'error',
    tolerance: 'copy',
    description: '财政拨款支出决算明细表合计 = 财政拨款收入支出决算总表本年支出合计',
    left: ['T05[合计].合计'],
    right: ['T04[支:本年支出合计].合计'],
  },
];

/** X15 / X16: T04's 政府性基金 or 国有资本经营 columns = T11 or T13. */
function fundTableLinks(id: string, fund: string, table: TableId): Rule[] {
  const link = (description: string, left: string, right: string): Rule => ({
    id,
    severity: 'error',
    tolerance: 'copy',
    description,
    left: [left],
    right: [right],
  });
  const rules: Rule[] = [
    link('本年收入', `T04[收:${fund}].金额`, `${table}[合计].本年收入`),
    link('本年支出', `T04[支:本年支出合计].${fund}`, `${table}[合计].本年支出`),
    link('年初结转和结余', `T04[收:年初财政拨款结转和结余.${fund}].金额`, `${table}[合计].年初结转和结余`),
    link('年末结转和结余', `T04[支:年末财政拨款结转和结余].${fund}`, `${table}[合计].年末结转和结余`),
    {
      id,
      severity: 'error',
      tolerance: 'copy',
      description: '每个功能分类类的本年支出',
      each: everyCode(['T04', table], 1),
      left: [`T04[$code].${fund}`],
      right: [`${table}[$code].本年支出`],
    },
  ];
  return rules.map((rule) => ({ ...rule, description: `财政拨款收入支出决算总表${fund}与${table}：${rule.description}一致` }));
}

const FUND_LINKS: Rule[] = [
  ...fundTableLinks('X15', FUND, 'T11'),
  ...fundTableLinks('X16', STATE_CAPITAL, 'T13'),
  ...(
    [
      ['本年支出', '合计'],
      ['基本支出', '基本支出'],
      ['项目支出', '项目支出'],
    ] as const
  ).map(([t13, t14]): Rule => ({
    id: 'X17',
    severity: 'error',
    tolerance: 'copy',
    description: `国有资本经营预算：收入支出决算表${t13} = 支出决算表${t14}（每行，含合计）`,
    each: everyRow(['T13', 'T14']),
    left: [`T13[$row].${t13}`],
    right: [`T14[$row].${t14}`],
  })),
];

const SUBSET_LINKS: Rule[] = [
  ...(
    [
      ['合计', '本年支出合计'],
      ['基本支出', '基本支出'],
      ['项目支出', '项目支出'],
    ] as const
  ).map(([t06, t03]): Rule => ({
    id: 'X18',
    severity: 'warning',
    tolerance: 'copy',
    compare: 'le',
    description: `一般公共预算财政拨款支出${t06} ≤ 支出决算表${t03}（每个科目）`,
    each: everyRow('T06'),
    left: [`T06[$row].${t06}`],
    right: [`T03[$row].${t03}`],
  })),
  {
    id: 'X19',
    severity: 'warning',
    tolerance: 'copy',
    compare: 'le',
    description: '年初财政拨款结转和结余 ≤ 年初结转和结余',
    left: ['T04[收:年初财政拨款结转和结余].金额'],
    right: ['T01[收:年初结转和结余].金额'],
  },
  {
    id: 'X19',
    severity: 'warning',
    tolerance: 'copy',
    compare: 'le',
    description: '年末财政拨款结转和结余 ≤ 年末结转和结余',
    left: ['T04[支:年末财政拨款结转和结余].合计'],
    right: ['T01[支:年末结转和结余].金额'],
  },
];

/** X20: “三公” items ≈ the 经济分类 款 of T07 (scopes can differ, so 提示). */
const SAN_GONG_TO_ECONOMIC: Array<[string, string]> = [
  ['公务接待费', '30217'],
  ['因公出国（境）费', '30212'],
  ['公务用车运行费', '30231'],
  ['公务用车购置费', '31013'],
];

/** X23: 功能分类 项 of T06 ≈ 经济分类 款 of T07. */
const FUNCTION_TO_ECONOMIC: Array<[string[], string]> = [
  [['2210201'], '30113'], // 住房公积金
  [['2080505'], '30108'], // 机关事业单位基本养老保险缴费
  [['2080506'], '30109'], // 职业年金缴费
  [['2101101', '2101102'], '30110'], // 行政/事业单位医疗 → 职工基本医疗保险缴费
  [['2101103'], '30111'], // 公务员医疗补助
];

const ADVISORY_LINKS: Rule[] = [
  ...SAN_GONG_TO_ECONOMIC.map(([item, code]): Rule => ({
    id: 'X20',
    severity: 'warning',
    tolerance: 'copy',
    description: `“三公”经费决算数${item} ≈ 一般公共预算财政拨款支出决算明细表${code}`,
    note: '两表口径可能不同，请核实',
    left: [`T10[决算数].${item}`],
    right: [`T07[${code}].合计`],
  })),
  // X21 (narrative “三公” total = T10 + T12 决算数合计) compares narrative text with the tables:
  // it belongs to textcheck, not to these table identities.
  {
    id: 'X22',
    severity: 'warning',
    tolerance: 'copy',
    compare: 'le',
    description: '机关运行经费 ≤ 基本支出决算表公用经费合计',
    left: [aux('机关运行经费')],
    right: ['T08[公用经费合计].金额'],
  },
  ...FUNCTION_TO_ECONOMIC.map(([functional, economic]): Rule => ({
    id: 'X23',
    severity: 'warning',
    tolerance: functional.length > 1 ? 'sum' : 'copy',
    description: `功能分类${functional.join('+')} ≈ 经济分类${economic}`,
    note: '功能分类与经济分类口径应一致，请核实',
    left: functional.map((code) => `T06[${code}].合计`),
    right: [`T07[${economic}].合计`],
  })),
];

export const RULES: readonly Rule[] = [
  ...T01_RULES,
  ...T02_T03_RULES,
  ...T04_RULES,
  ...ECONOMIC_DETAIL_RULES,
  ...T06_RULES,
  ...T08_RULES,
  ...T10_T12_RULES,
  ...T11_T14_RULES,
  ...ALL_TABLE_RULES,
  ...INCOME_EXPENSE_LINKS,
  ...APPROPRIATION_LINKS,
  ...GENERAL_BUDGET_LINKS,
  ...FUND_LINKS,
  ...SUBSET_LINKS,
  ...ADVISORY_LINKS,
  ...SAN_GONG_ECONOMIC_RULES,
];
