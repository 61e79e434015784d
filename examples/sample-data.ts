// Datasets for the demo, the tests and the benchmark.
//
// A department is described once as a small ledger (each 功能分类 项 with its spending by fund and
// kind, the 经济分类 breakdown of the 一般公共预算 money, carry-overs, 三公, 补充信息); every one of the
// 14 tables is derived from it with exact decimal sums, so all identities of domain.md §3.1/§3.2
// hold by construction. sampleDataset() then applies exactly two deliberate 0.01万元 rounding
// differences (see ROUNDING DIFFERENCES below); largeDataset(n) applies none.
import Decimal from 'decimal.js';
import type { TableId } from '../src/core/model';
import { FUNCTION_CLASSES, PERSONNEL_CLASSES, T04_FUNDS } from '../src/core/tables';
import {
  columnKeys,
  expectedRows,
  SAN_GONG_KEYS,
  type ClassifiedId,
  type ClassifiedTable,
  type CodeRow,
  type Dataset,
  type GroupedRow,
  type SanGongTable,
  type SupplementRow,
  type T01Table,
  type T04Table,
  type T08Table,
  type T09Table,
  type Tables,
  type Wan,
} from './dataset';

// ---- ledger -------------------------------------------------------------------------------

/** Spending of one fund on one 项 (万元 strings); income defaults to the spending. */
interface Spend {
  basic?: string;
  project?: string;
  /** 本年收入 of this fund booked to this 项, when it differs from the spending. */
  income?: string;
}

/** 政府性基金 money on one 项, with its 年初/年末 结转和结余 (income = spending + 年末 − 年初). */
interface FundSpend {
  basic?: string;
  project?: string;
  start?: string;
  end?: string;
}

interface FunctionItem {
  /** 7-digit 功能分类 项 code. */
  code: string;
  general?: Spend;
  fund?: FundSpend;
  /** 非财政拨款 money (其他收入), only in T01/T02/T03. */
  other?: Spend;
}

/** One 经济分类 款 of 一般公共预算 basic / project spending and 政府性基金 project spending. */
interface EconomicItem {
  code: string;
  basic?: string;
  project?: string;
  fundProject?: string;
}

interface Ledger {
  unitName: string;
  year: number;
  /** Names of the 功能分类 款/项 and 经济分类 类/款 codes used (类 names of 功能分类 come from the catalog). */
  names: Record<string, string>;
  items: FunctionItem[];
  economic: EconomicItem[];
  /** 年初财政拨款结转和结余 of 一般公共预算 money (the 基金 part comes from the items). */
  generalStart: string;
  /** 年初结转和结余 of 非财政拨款 money. */
  otherStart: string;
  sanGong: SanGongTable;
  supplement: (tables: Tables) => SupplementRow[];
  notes?: Dataset['notes'];
  /** Deliberate published-rounding differences (0.01万元), applied after the exact derivation. */
  rounding?: Rounding;
}

interface Rounding {
  /** A 类 row of T03 printed `delta` off the sum of its 款 in the given columns (the 合计 row follows it). */
  t03Class?: { code: string; columns: string[]; delta: string };
  /** T08 prints a 基本支出合计 row = 人员经费合计 + 公用经费合计 + delta. */
  t08BasicTotal?: { delta: string };
}

// ---- exact arithmetic helpers ---------------------------------------------------------------

const dec = (s: string | undefined): Decimal => new Decimal(s ?? 0);
const wan = (d: Decimal): Wan => d.toFixed(2);
const sumOf = (xs: Decimal[]): Decimal => xs.reduce((a, b) => a.add(b), new Decimal(0));
const ZERO = new Decimal(0);

type Values = Record<string, Decimal>;

function toWanValues(values: Values): Record<string, Wan> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, wan(v)]));
}

function zeroValues(columns: string[]): Values {
  return Object.fromEntries(columns.map((c) => [c, ZERO]));
}

function addInto(target: Values, add: Values): void {
  for (const [k, v] of Object.entries(add)) target[k] = (target[k] ?? ZERO).add(v);
}

// ---- classified tables: roll leaves up to 类/款 (and the 合计) ------------------------------

interface Leaf {
  code: string;
  values: Values;
}

/** Prefix lengths of the levels above a leaf: 功能分类 项 (7) → [3, 5]; 经济分类 款 (5) → [3]. */
function parentLengths(code: string): number[] {
  return code.length === 7 ? [3, 5] : code.length === 5 ? [3] : [];
}

function rollUp(leaves: Leaf[], columns: string[], nameOf: (code: string) => string): ClassifiedTable {
  const sums = new Map<string, Values>();
  const total = zeroValues(columns);
  for (const leaf of leaves) {
    for (const code of [...parentLengths(leaf.code).map((n) => leaf.code.slice(0, n)), leaf.code]) {
      if (!sums.has(code)) sums.set(code, zeroValues(columns));
      addInto(sums.get(code)!, leaf.values);
    }
    addInto(total, leaf.values);
  }
  const rows: CodeRow[] = [...sums.entries()]
    .filter(([, values]) => Object.values(values).some((v) => !v.isZero()))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, values]) => ({ code, name: nameOf(code), values: toWanValues(values) }));
  return { total: toWanValues(total), rows };
}

export function emptyClassified(id: ClassifiedId): ClassifiedTable {
  return { total: toWanValues(zeroValues(columnKeys(id))), rows: [] };
}

// ---- the derivation ------------------------------------------------------------------------

interface ItemFlows {
  code: string;
  generalBasic: Decimal;
  generalProject: Decimal;
  generalIncome: Decimal;
  fundBasic: Decimal;
  fundProject: Decimal;
  fundStart: Decimal;
  fundEnd: Decimal;
  fundIncome: Decimal;
  otherBasic: Decimal;
  otherProject: Decimal;
  otherIncome: Decimal;
}

function flowsOf(item: FunctionItem): ItemFlows {
  const generalBasic = dec(item.general?.basic);
  const generalProject = dec(item.general?.project);
  const fundBasic = dec(item.fund?.basic);
  const fundProject = dec(item.fund?.project);
  const fundStart = dec(item.fund?.start);
  const fundEnd = dec(item.fund?.end);
  const otherBasic = dec(item.other?.basic);
  const otherProject = dec(item.other?.project);
  return {
    code: item.code,
    generalBasic,
    generalProject,
    generalIncome: item.general?.income !== undefined ? dec(item.general.income) : generalBasic.add(generalProject),
    fundBasic,
    fundProject,
    fundStart,
    fundEnd,
    fundIncome: fundBasic.add(fundProject).add(fundEnd).sub(fundStart),
    otherBasic,
    otherProject,
    otherIncome: item.other?.income !== undefined ? dec(item.other.income) : otherBasic.add(otherProject),
  };
}

function functionalName(ledger: Ledger): (code: string) => string {
  return (code) => {
    const name = code.length === 3 ? FUNCTION_CLASSES[code] : ledger.names[code];
    if (!name) throw new Error(`no name for 功能分类 ${code}`);
    return name;
  };
}

function economicName(ledger: Ledger): (code: string) => string {
  return (code) => {
    const name = ledger.names[code];
    if (!name) throw new Error(`no name for 经济分类 ${code}`);
    return name;
  };
}

const isPersonnel = (code: string): boolean => PERSONNEL_CLASSES.includes(code.slice(0, 3));

function buildT02(flows: ItemFlows[], nameOf: (c: string) => string): ClassifiedTable {
  const columns = columnKeys('T02');
  return rollUp(
    flows.map((f) => {
      const v = zeroValues(columns);
      v.财政拨款收入 = f.generalIncome.add(f.fundIncome);
      v.其他收入 = f.otherIncome;
      v.本年收入合计 = v.财政拨款收入.add(v.其他收入);
      return { code: f.code, values: v };
    }),
    columns,
    nameOf,
  );
}

function buildT03(flows: ItemFlows[], nameOf: (c: string) => string): ClassifiedTable {
  const columns = columnKeys('T03');
  return rollUp(
    flows.map((f) => {
      const v = zeroValues(columns);
      v.基本支出 = f.generalBasic.add(f.fundBasic).add(f.otherBasic);
      v.项目支出 = f.generalProject.add(f.fundProject).add(f.otherProject);
      v.本年支出合计 = v.基本支出.add(v.项目支出);
      return { code: f.code, values: v };
    }),
    columns,
    nameOf,
  );
}

function buildT06(flows: ItemFlows[], nameOf: (c: string) => string): ClassifiedTable {
  return rollUp(
    flows.map((f) => ({
      code: f.code,
      values: { 合计: f.generalBasic.add(f.generalProject), 基本支出: f.generalBasic, 项目支出: f.generalProject },
    })),
    columnKeys('T06'),
    nameOf,
  );
}

function buildT11(flows: ItemFlows[], nameOf: (c: string) => string): ClassifiedTable {
  return rollUp(
    flows.map((f) => ({
      code: f.code,
      values: {
        年初结转和结余: f.fundStart,
        本年收入: f.fundIncome,
        本年支出: f.fundBasic.add(f.fundProject),
        基本支出: f.fundBasic,
        项目支出: f.fundProject,
        年末结转和结余: f.fundEnd,
      },
    })),
    columnKeys('T11'),
    nameOf,
  );
}

/** T05 (all 财政拨款) or T07 (一般公共预算 only): 经济分类 款 × 合计/基本/人员/公用/项目. */
function buildEconomicDetail(id: 'T05' | 'T07', items: EconomicItem[], nameOf: (c: string) => string): ClassifiedTable {
  const withFund = id === 'T05';
  return rollUp(
    items.map((item) => {
      const basic = dec(item.basic);
      const project = dec(item.project).add(withFund ? dec(item.fundProject) : ZERO);
      return {
        code: item.code,
        values: {
          合计: basic.add(project),
          基本支出: basic,
          人员经费: isPersonnel(item.code) ? basic : ZERO,
          公用经费: isPersonnel(item.code) ? ZERO : basic,
          项目支出: project,
        },
      };
    }),
    columnKeys(id),
    nameOf,
  );
}

/** 类 rows with their 款 rows for T08/T09, from one amount per 经济分类 款. */
function groupedRows(amounts: Array<{ code: string; value: Decimal }>, nameOf: (c: string) => string, grouped: boolean): GroupedRow[] {
  const table = rollUp(
    amounts.filter((a) => !a.value.isZero()).map((a) => ({ code: a.code, values: { 金额: a.value } })),
    ['金额'],
    nameOf,
  );
  return table.rows.map((r) => ({
    code: r.code,
    name: r.name,
    ...(grouped ? { group: isPersonnel(r.code) ? ('人员经费' as const) : ('公用经费' as const) } : {}),
    value: r.values.金额,
  }));
}

function buildT08(items: EconomicItem[], nameOf: (c: string) => string, rounding?: Rounding): T08Table {
  const rows = groupedRows(
    items.map((i) => ({ code: i.code, value: dec(i.basic) })),
    nameOf,
    true,
  );
  const classTotal = (personnel: boolean) =>
    sumOf(rows.filter((r) => r.code.length === 3 && isPersonnel(r.code) === personnel).map((r) => dec(r.value)));
  const personnel = classTotal(true);
  const publicUse = classTotal(false);
  const totals: T08Table['totals'] = { 人员经费合计: wan(personnel), 公用经费合计: wan(publicUse) };
  if (rounding?.t08BasicTotal) totals.基本支出合计 = wan(personnel.add(publicUse).add(dec(rounding.t08BasicTotal.delta)));
  return { rows, totals };
}

function buildT09(items: EconomicItem[], nameOf: (c: string) => string): T09Table {
  const rows = groupedRows(
    items.map((i) => ({ code: i.code, value: dec(i.project) })),
    nameOf,
    false,
  );
  return { rows, totals: { 合计: wan(sumOf(rows.filter((r) => r.code.length === 3).map((r) => dec(r.value)))) } };
}

/** Shift a 类 row of a classified table and its 合计 row by delta in the given columns. */
function offsetClassRow(table: ClassifiedTable, code: string, columns: string[], delta: Decimal): void {
  const row = table.rows.find((r) => r.code === code);
  if (!row || code.length !== 3) throw new Error(`no 类 row ${code}`);
  for (const col of columns) {
    row.values[col] = wan(dec(row.values[col]).add(delta));
    table.total[col] = wan(dec(table.total[col]).add(delta));
  }
}

interface Balances {
  generalStart: Decimal;
  generalEnd: Decimal;
  fundStart: Decimal;
  fundEnd: Decimal;
  otherStart: Decimal;
}

function buildT04(t06: ClassifiedTable, t11: ClassifiedTable, flows: ItemFlows[], b: Balances): T04Table {
  const [GENERAL, FUND, STATE] = T04_FUNDS;
  const generalIncome = sumOf(flows.map((f) => f.generalIncome));
  const fundIncome = sumOf(flows.map((f) => f.fundIncome));
  const start = b.generalStart.add(b.fundStart);
  const income: Record<string, Wan> = {
    [GENERAL]: wan(generalIncome),
    [FUND]: wan(fundIncome),
    [STATE]: wan(ZERO),
    本年收入合计: wan(generalIncome.add(fundIncome)),
    年初财政拨款结转和结余: wan(start),
    [`年初财政拨款结转和结余.${GENERAL}`]: wan(b.generalStart),
    [`年初财政拨款结转和结余.${FUND}`]: wan(b.fundStart),
    [`年初财政拨款结转和结余.${STATE}`]: wan(ZERO),
    总计: wan(generalIncome.add(fundIncome).add(start)),
  };
  const line = (general: Decimal, fund: Decimal): Record<string, Wan> => ({
    合计: wan(general.add(fund)),
    [GENERAL]: wan(general),
    [FUND]: wan(fund),
    [STATE]: wan(ZERO),
  });
  const classValue = (t: ClassifiedTable, code: string, col: string) => dec(t.rows.find((r) => r.code === code)?.values[col]);
  const classCodes = [...new Set([...t06.rows, ...t11.rows].filter((r) => r.code.length === 3).map((r) => r.code))].sort();
  const expense: Record<string, Record<string, Wan>> = {};
  for (const code of classCodes) expense[FUNCTION_CLASSES[code]] = line(classValue(t06, code, '合计'), classValue(t11, code, '本年支出'));
  const spentGeneral = dec(t06.total.合计);
  const spentFund = dec(t11.total.本年支出);
  expense.本年支出合计 = line(spentGeneral, spentFund);
  expense.年末财政拨款结转和结余 = line(b.generalEnd, b.fundEnd);
  expense.总计 = line(spentGeneral.add(b.generalEnd), spentFund.add(b.fundEnd));
  return { income, expense };
}

/**
 * T01 from T02/T03/T04 as printed: income items from T04 and T02, expense classes from T03, and
 * 年末结转和结余 = 总计 − 本年支出合计 − 结余分配 (so the two 总计 agree even when a printed T03 total
 * carries a rounding difference).
 */
function buildT01(t02: ClassifiedTable, t03: ClassifiedTable, t04: T04Table, otherStart: Decimal): T01Table {
  const [GENERAL, FUND, STATE] = T04_FUNDS;
  const income: Record<string, Wan> = {
    一般公共预算财政拨款收入: t04.income[GENERAL],
    政府性基金预算财政拨款收入: t04.income[FUND],
    国有资本经营预算财政拨款收入: t04.income[STATE],
    上级补助收入: t02.total.上级补助收入,
    事业收入: t02.total.事业收入,
    经营收入: t02.total.经营收入,
    附属单位上缴收入: t02.total.附属单位上缴收入,
    其他收入: t02.total.其他收入,
  };
  const incomeTotal = sumOf(Object.values(income).map(dec));
  const start = dec(t04.income.年初财政拨款结转和结余).add(otherStart);
  const grand = incomeTotal.add(start);
  Object.assign(income, { 本年收入合计: wan(incomeTotal), 使用非财政拨款结余: wan(ZERO), 年初结转和结余: wan(start), 总计: wan(grand) });

  const expense: Record<string, Wan> = {};
  for (const row of t03.rows.filter((r) => r.code.length === 3)) expense[FUNCTION_CLASSES[row.code]] = row.values.本年支出合计;
  const spent = dec(t03.total.本年支出合计);
  Object.assign(expense, { 本年支出合计: wan(spent), 结余分配: wan(ZERO), 年末结转和结余: wan(grand.sub(spent)), 总计: wan(grand) });
  return { income, expense };
}

function checkEconomicCoversFunctional(flows: ItemFlows[], economic: EconomicItem[]): void {
  const pairs: Array<[string, Decimal, Decimal]> = [
    ['一般公共预算基本支出', sumOf(flows.map((f) => f.generalBasic)), sumOf(economic.map((e) => dec(e.basic)))],
    ['一般公共预算项目支出', sumOf(flows.map((f) => f.generalProject)), sumOf(economic.map((e) => dec(e.project)))],
    ['政府性基金项目支出', sumOf(flows.map((f) => f.fundProject)), sumOf(economic.map((e) => dec(e.fundProject)))],
  ];
  for (const [what, functional, byEconomic] of pairs) {
    if (!functional.eq(byEconomic)) throw new Error(`${what}: 功能分类 ${wan(functional)} ≠ 经济分类 ${wan(byEconomic)}`);
  }
  if (flows.some((f) => !f.fundBasic.isZero())) throw new Error('政府性基金基本支出 is not modelled in the 经济分类 tables');
}

function deriveDataset(ledger: Ledger): Dataset {
  const flows = ledger.items.map(flowsOf);
  checkEconomicCoversFunctional(flows, ledger.economic);
  const fnName = functionalName(ledger);
  const ecName = economicName(ledger);

  const t02 = buildT02(flows, fnName);
  const t03 = buildT03(flows, fnName);
  const t06 = buildT06(flows, fnName);
  const t11 = buildT11(flows, fnName);
  const balances: Balances = {
    generalStart: dec(ledger.generalStart),
    generalEnd: dec(ledger.generalStart)
      .add(sumOf(flows.map((f) => f.generalIncome)))
      .sub(dec(t06.total.合计)),
    fundStart: sumOf(flows.map((f) => f.fundStart)),
    fundEnd: sumOf(flows.map((f) => f.fundEnd)),
    otherStart: dec(ledger.otherStart),
  };
  if (balances.generalEnd.isNegative()) throw new Error('一般公共预算 年末结转和结余 would be negative');

  const r = ledger.rounding;
  if (r?.t03Class) offsetClassRow(t03, r.t03Class.code, r.t03Class.columns, dec(r.t03Class.delta));

  const t04 = buildT04(t06, t11, flows, balances);
  const t01 = buildT01(t02, t03, t04, balances.otherStart);
  const tables: Tables = {
    T01: t01,
    T02: t02,
    T03: t03,
    T04: t04,
    T05: buildEconomicDetail('T05', ledger.economic, ecName),
    T06: t06,
    T07: buildEconomicDetail('T07', ledger.economic, ecName),
    T08: buildT08(ledger.economic, ecName, r),
    T09: buildT09(ledger.economic, ecName),
    T10: ledger.sanGong,
    T11: t11,
    T12: zeroSanGong(),
    T13: emptyClassified('T13'),
    T14: emptyClassified('T14'),
  };
  return withEmptyNotes({
    unitName: ledger.unitName,
    year: ledger.year,
    tables,
    notes: ledger.notes,
    supplement: ledger.supplement(tables),
  });
}

export function zeroSanGong(): SanGongTable {
  const zero = Object.fromEntries(SAN_GONG_KEYS.map((k) => [k, '0.00'])) as SanGongTable['预算数'];
  return { 预算数: { ...zero }, 决算数: { ...zero } };
}

/** 三公 row from its four leaves; 小计 and 合计 are computed. */
export function sanGongRow(abroad: string, carBuy: string, carRun: string, reception: string): SanGongTable['预算数'] {
  const car = dec(carBuy).add(dec(carRun));
  return {
    合计: wan(dec(abroad).add(car).add(dec(reception))),
    '因公出国（境）费': wan(dec(abroad)),
    公务用车购置及运行费: wan(car),
    公务用车购置费: wan(dec(carBuy)),
    公务用车运行费: wan(dec(carRun)),
    公务接待费: wan(dec(reception)),
  };
}

// ---- names ----------------------------------------------------------------------------------

/** 部门预算支出经济分类 类/款 names (the codes the datasets use). */
const ECONOMIC_NAMES: Record<string, string> = {
  '301': '工资福利支出',
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30114': '医疗费',
  '30199': '其他工资福利支出',
  '302': '商品和服务支出',
  '30201': '办公费',
  '30202': '印刷费',
  '30203': '咨询费',
  '30205': '水费',
  '30206': '电费',
  '30207': '邮电费',
  '30209': '物业管理费',
  '30211': '差旅费',
  '30212': '因公出国（境）费用',
  '30213': '维修（护）费',
  '30214': '租赁费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30226': '劳务费',
  '30227': '委托业务费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
  '30239': '其他交通费用',
  '30299': '其他商品和服务支出',
  '303': '对个人和家庭的补助',
  '30302': '退休费',
  '30304': '抚恤金',
  '30305': '生活补助',
  '30307': '医疗费补助',
  '30309': '奖励金',
  '310': '资本性支出',
  '31002': '办公设备购置',
  '31003': '专用设备购置',
  '31005': '基础设施建设',
  '31007': '信息网络及软件购置更新',
  '31013': '公务用车购置',
};

const SAMPLE_FUNCTION_NAMES: Record<string, string> = {
  '20103': '政府办公厅（室）及相关机构事务',
  '2010301': '行政运行',
  '2010302': '一般行政管理事务',
  '2010303': '机关服务',
  '2010350': '事业运行',
  '2010399': '其他政府办公厅（室）及相关机构事务支出',
  '20199': '其他一般公共服务支出',
  '2019999': '其他一般公共服务支出',
  '20805': '行政事业单位养老支出',
  '2080501': '行政单位离退休',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2080506': '机关事业单位职业年金缴费支出',
  '20808': '抚恤',
  '2080801': '死亡抚恤',
  '21011': '行政事业单位医疗',
  '2101101': '行政单位医疗',
  '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助',
  '21213': '城市基础设施配套费安排的支出',
  '2121301': '城市公共设施',
  '22102': '住房改革支出',
  '2210201': '住房公积金',
};

// ---- the sample department ------------------------------------------------------------------

export const SAMPLE_UNIT = '青川市示范局';
export const SAMPLE_YEAR = 2024;

/** What a table would show, for its 空表说明 “本部门本年度无…，故本表为空表。”. */
const EMPTY_SUBJECT: Record<TableId, string> = {
  T01: '收入、支出',
  T02: '收入',
  T03: '支出',
  T04: '财政拨款收入、支出',
  T05: '财政拨款支出',
  T06: '一般公共预算财政拨款支出',
  T07: '一般公共预算财政拨款支出',
  T08: '一般公共预算财政拨款基本支出',
  T09: '一般公共预算财政拨款项目支出',
  T10: '一般公共预算财政拨款“三公”经费支出',
  T11: '政府性基金预算财政拨款收入、支出',
  T12: '政府性基金预算财政拨款“三公”经费支出',
  T13: '国有资本经营预算财政拨款收入、支出',
  T14: '国有资本经营预算财政拨款收入、支出',
};

export function emptyTableNote(id: TableId): string {
  return `本部门本年度无${EMPTY_SUBJECT[id]}，故本表为空表。`;
}

/** 空表说明 of the tables the sample department leaves empty. */
export const EMPTY_TABLE_NOTES = {
  T12: emptyTableNote('T12'),
  T13: emptyTableNote('T13'),
  T14: emptyTableNote('T14'),
} as const;

/** Adds the 空表说明 to every table whose amounts are all zero (unless it has one). */
export function withEmptyNotes(data: Dataset): Dataset {
  const notes: NonNullable<Dataset['notes']> = { ...data.notes };
  for (const [id, rows] of Object.entries(expectedRows(data)) as Array<[TableId, Record<string, Record<string, Wan>>]>) {
    const empty = Object.values(rows).every((r) => Object.values(r).every((v) => new Decimal(v).isZero()));
    if (empty && !(notes[id] ?? []).some((n) => n.includes('本表为空表'))) notes[id] = [...(notes[id] ?? []), emptyTableNote(id)];
  }
  return { ...data, notes };
}

/*
 * ROUNDING DIFFERENCES — the only departures from exact identities in sampleDataset().
 * Both imitate seed000 (资阳市人大常委会 2023: 一般公共服务 1570.82 vs Σ款 1570.83; 基本支出 1499.61 vs
 * 人员经费 1100.03 + 公用经费 399.59 = 1499.62): published 万元 values are rounded one by one from 元.
 * They are placed where the 0.01 does not spread into other identities:
 *
 *  1. T03 支出决算表, 类 201 一般公共服务支出: printed 1514.53 in 本年支出合计 and 1144.79 in 基本支出,
 *     0.01 below the sums of its 款 20103 + 20199 (1489.88 + 24.66 = 1514.54; 1144.80 + 0 = 1144.80).
 *     The 合计 row adds the printed 类 rows and T01 copies T03, so the only identities that see it are
 *     T03-2 for row 201 in those two columns (≤ 2 addends, tolerance 0.01) — two findings, one cause
 *     (a row's 本年支出合计 = 基本支出 + 项目支出 forces the 0.01 into a second column). T01's
 *     年末结转和结余 is T01 总计 − 本年支出合计 (it absorbs the 0.01, as a real 元-level total would).
 *     Not placed in T06 (as in the seed) on purpose: T06's totals are tied with tolerance 0 to
 *     T07 (X09) and T04 (X08), so a T06 类 difference would surface again in X10/X12/T05/T07.
 *  2. T08 一般公共预算财政拨款基本支出决算表 prints 基本支出合计 1435.39 while 人员经费合计 1234.88 +
 *     公用经费合计 200.52 = 1435.40 (T08-4, n = 2, tolerance 0.01). Everywhere else 基本支出 is the
 *     exact 1435.40 (T06 合计 row, T07/T05 合计 rows), so X10 = T08.人员经费合计 + T08.公用经费合计 holds.
 *
 * No other identity of domain.md §3.1/§3.2 is off (test/examples/sample-data.test.ts checks all).
 */
const SAMPLE_ROUNDING: Rounding = {
  t03Class: { code: '201', columns: ['本年支出合计', '基本支出'], delta: '-0.01' },
  t08BasicTotal: { delta: '-0.01' },
};

const SAMPLE_ITEMS: FunctionItem[] = [
  { code: '2010301', general: { basic: '1046.78' } },
  // 15.20 of last year's carry-over was spent here: income is below spending.
  { code: '2010302', general: { project: '236.35', income: '221.15' }, other: { project: '9.15', income: '0' } },
  { code: '2010303', general: { project: '42.18' } },
  // The 事业单位's own income (其他收入) is booked to 事业运行.
  { code: '2010350', general: { basic: '63.72' }, other: { basic: '34.30', income: '56.84' } },
  // 3.48 received late in the year is carried forward: income above spending.
  { code: '2010399', general: { project: '57.40', income: '60.88' } },
  { code: '2019999', general: { project: '24.66' } },
  { code: '2080501', general: { basic: '29.73' } },
  { code: '2080505', general: { basic: '108.52' } },
  { code: '2080506', general: { basic: '17.26' } },
  { code: '2080801', general: { basic: '12.80' } },
  { code: '2101101', general: { basic: '52.14' } },
  { code: '2101102', general: { basic: '3.07' } },
  { code: '2101103', general: { basic: '12.45' } },
  { code: '2121301', fund: { project: '28.60', end: '2.40' } },
  { code: '2210201', general: { basic: '88.93' } },
];

/**
 * 经济分类 of the 一般公共预算 money (basic: 人员经费 301/303 and 公用经费 302/310; project) and of
 * the 政府性基金 project. The social-security 款 equal their 功能分类 项 (X23): 30108 = 2080505,
 * 30109 = 2080506, 30110 = 2101101 + 2101102, 30111 = 2101103, 30113 = 2210201; 30302 + 30305 +
 * 30307 = 2080501, 30304 = 2080801. The 三公 款 equal T10 (X20): 30217, 30231, 31013.
 */
const SAMPLE_ECONOMIC: EconomicItem[] = [
  { code: '30101', basic: '318.54' },
  { code: '30102', basic: '206.38' },
  { code: '30103', basic: '112.65' },
  { code: '30107', basic: '238.72' },
  { code: '30108', basic: '108.52' },
  { code: '30109', basic: '17.26' },
  { code: '30110', basic: '55.21' },
  { code: '30111', basic: '12.45' },
  { code: '30112', basic: '4.83' },
  { code: '30113', basic: '88.93' },
  { code: '30114', basic: '3.16' },
  { code: '30199', basic: '25.40' },
  { code: '30201', basic: '18.62', project: '6.30' },
  { code: '30202', basic: '4.35', project: '12.46' },
  { code: '30205', basic: '1.28' },
  { code: '30206', basic: '9.74' },
  { code: '30207', basic: '5.16' },
  { code: '30209', basic: '26.40' },
  { code: '30211', basic: '14.87', project: '9.85' },
  { code: '30213', basic: '6.93', project: '22.40' },
  { code: '30215', basic: '3.12', project: '8.28' },
  { code: '30216', basic: '4.58', project: '7.75' },
  { code: '30217', basic: '3.86' },
  { code: '30226', basic: '12.45', project: '36.90' },
  { code: '30227', project: '148.52' },
  { code: '30228', basic: '16.34' },
  { code: '30229', basic: '11.20' },
  { code: '30231', basic: '8.75' },
  { code: '30239', basic: '38.64' },
  { code: '30299', basic: '9.27', project: '32.73' },
  { code: '30302', basic: '21.35' },
  { code: '30304', basic: '12.80' },
  { code: '30305', basic: '6.42' },
  { code: '30307', basic: '1.96' },
  { code: '30309', basic: '0.30' },
  { code: '31002', basic: '4.96', project: '11.60' },
  { code: '31005', fundProject: '28.60' },
  { code: '31007', project: '45.30' },
  { code: '31013', project: '18.50' },
];

/** 调整预算数 and reason per T06 项 where the 决算 differs from the budget (others: budget = 决算). */
const SAMPLE_BUDGETS: Record<string, { budget: string; reason: string }> = {
  '2010301': { budget: '1052.30', reason: '年末部分公用经费（水电费、物业管理费）结算票据未到，结转下年度支付' },
  '2010302': { budget: '248.00', reason: '部分专项工作经费按进度结转下年度继续使用' },
  '2010350': { budget: '70.00', reason: '下属事业单位年中1名人员调出，人员经费相应减少' },
};

function sampleSupplement(t: Tables): SupplementRow[] {
  const t06Items = t.T06.rows.filter((r) => r.code.length === 7);
  const budgetOf = (code: string, actual: Wan): string => SAMPLE_BUDGETS[code]?.budget ?? actual;
  const generalBudget = wan(sumOf(t06Items.map((r) => dec(budgetOf(r.code, r.values.合计)))));
  const reasonTotal = '一是上年实施的办公业务系统升级改造项目已完成，本年项目支出减少；二是严格落实过紧日子要求，压减一般性支出';
  return [
    { 项目: '决算年度', 本年数: String(SAMPLE_YEAR) },
    { 项目: '单位名称', 本年数: SAMPLE_UNIT },
    { 项目: '收支总计', 上年数: '1958.37', 原因说明: reasonTotal },
    { 项目: '财政拨款收支总计', 上年数: '1902.64', 原因说明: reasonTotal },
    { 项目: '一般公共预算财政拨款支出', 上年数: '1856.91', 预算数: generalBudget, 原因说明: reasonTotal },
    ...t06Items.map((r) => ({
      项目: r.name,
      科目编码: r.code,
      预算数: budgetOf(r.code, r.values.合计),
      ...(SAMPLE_BUDGETS[r.code] ? { 原因说明: SAMPLE_BUDGETS[r.code].reason } : {}),
    })),
    { 项目: '“三公”经费', 上年数: '28.40', 原因说明: '按规定更新购置1辆达到报废年限的公务用车，公务用车购置费增加' },
    { 项目: '因公出国（境）费', 上年数: '0.00', 原因说明: '本年度未安排因公出国（境）团组' },
    { 项目: '公务用车购置及运行维护费', 上年数: '24.90', 原因说明: '按规定更新购置1辆达到报废年限的公务用车' },
    { 项目: '公务接待费', 上年数: '3.50', 原因说明: '上级部门来我局调研指导工作的批次增加' },
    { 项目: '因公出国（境）团组数', 本年数: '0' },
    { 项目: '因公出国（境）人数', 本年数: '0' },
    { 项目: '公务用车购置数', 本年数: '1' },
    { 项目: '轿车购置数', 本年数: '0' },
    { 项目: '越野车购置数', 本年数: '0' },
    { 项目: '载客汽车购置数', 本年数: '1' },
    { 项目: '其他车型购置数', 本年数: '0' },
    { 项目: '轿车购置金额', 本年数: '0.00' },
    { 项目: '越野车购置金额', 本年数: '0.00' },
    { 项目: '载客汽车购置金额', 本年数: t.T10.决算数.公务用车购置费 },
    { 项目: '其他车型购置金额', 本年数: '0.00' },
    { 项目: '公务用车保有量', 本年数: '4' },
    { 项目: '轿车保有量', 本年数: '1' },
    { 项目: '越野车保有量', 本年数: '1' },
    { 项目: '载客汽车保有量', 本年数: '2' },
    { 项目: '其他车型保有量', 本年数: '0' },
    { 项目: '国内公务接待费', 本年数: t.T10.决算数.公务接待费 },
    { 项目: '外事接待费', 本年数: '0.00' },
    { 项目: '国内公务接待批次', 本年数: '26' },
    { 项目: '国内公务接待人次', 本年数: '198' },
    { 项目: '外事接待批次', 本年数: '0' },
    { 项目: '外事接待人数', 本年数: '0' },
    // 机关运行经费 = 公用经费 of the 机关 (the 事业单位's share of 公用经费 is excluded), X22.
    { 项目: '机关运行经费', 本年数: '186.43', 上年数: '195.62', 原因说明: '厉行节约，压减办公费、差旅费、会议费等一般性支出' },
    { 项目: '政府采购支出总额', 本年数: '209.48' },
    { 项目: '政府采购货物支出', 本年数: '82.36' },
    { 项目: '政府采购工程支出', 本年数: '28.60' },
    { 项目: '政府采购服务支出', 本年数: '98.52' },
    { 项目: '授予中小企业合同金额', 本年数: '168.30' },
    { 项目: '授予小微企业合同金额', 本年数: '121.75' },
    { 项目: '车辆总数', 本年数: '4' },
    { 项目: '主要领导干部用车', 本年数: '0' },
    { 项目: '机要通信用车', 本年数: '1' },
    { 项目: '应急保障用车', 本年数: '1' },
    { 项目: '执法执勤用车', 本年数: '0' },
    { 项目: '特种专业技术用车', 本年数: '0' },
    { 项目: '其他用车', 本年数: '2' },
    { 项目: '单价50万元以上通用设备', 本年数: '0' },
    { 项目: '单价100万元以上专用设备', 本年数: '0' },
    { 项目: '事前绩效评估项目数', 本年数: '1' },
    { 项目: '绩效目标项目数', 本年数: '5' },
    { 项目: '绩效监控项目数', 本年数: '5' },
    { 项目: '绩效自评项目数', 本年数: '5' },
    { 项目: '绩效公开项目数', 本年数: '3' },
  ];
}

const SAMPLE_LEDGER: Ledger = {
  unitName: SAMPLE_UNIT,
  year: SAMPLE_YEAR,
  names: { ...ECONOMIC_NAMES, ...SAMPLE_FUNCTION_NAMES },
  items: SAMPLE_ITEMS,
  economic: SAMPLE_ECONOMIC,
  generalStart: '15.20',
  otherStart: '6.75',
  sanGong: {
    预算数: sanGongRow('2.00', '20.00', '10.00', '4.50'),
    决算数: sanGongRow('0.00', '18.50', '8.75', '3.86'),
  },
  supplement: sampleSupplement,
  notes: { T12: [EMPTY_TABLE_NOTES.T12], T13: [EMPTY_TABLE_NOTES.T13], T14: [EMPTY_TABLE_NOTES.T14] },
  rounding: SAMPLE_ROUNDING,
};

/** The fictional 青川市示范局 2024年度 with all 14 tables (T12–T14 empty) and a full 补充信息. */
/** A fresh copy each call: tests mutate it. */
export function sampleDataset(): Dataset {
  return structuredClone(deriveDataset(SAMPLE_LEDGER));
}

// ---- the large department (benchmark) ----------------------------------------------------------

/** Deterministic PRNG (mulberry32) so the benchmark workbook is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random amount in [min, max) 万元 with two decimals, built from integer 分 (no float money). */
function amountBetween(rand: () => number, min: number, max: number): string {
  const cents = min * 100 + Math.floor(rand() * (max - min) * 100);
  return new Decimal(cents).div(100).toFixed(2);
}

const LARGE_CLASSES = ['201', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '221'];
const LARGE_ITEM_NAMES = ['行政运行', '一般行政管理事务', '机关服务', '专项业务', '信息化建设', '事业运行', '其他支出'];
const LARGE_KUAN_NAMES = ['综合管理事务', '专项业务事务', '行业管理事务', '公共服务事务', '监督检查事务', '发展规划事务'];
const PERSONNEL_WEIGHTS: Array<[string, number]> = [
  ['30101', 30],
  ['30102', 18],
  ['30103', 8],
  ['30107', 20],
  ['30108', 10],
  ['30109', 2],
  ['30110', 5],
  ['30112', 1],
  ['30113', 8],
  ['30199', 2],
  ['30302', 3],
  ['30305', 1],
];
const PUBLIC_WEIGHTS: Array<[string, number]> = [
  ['30201', 10],
  ['30202', 3],
  ['30205', 1],
  ['30206', 5],
  ['30207', 3],
  ['30209', 12],
  ['30211', 8],
  ['30213', 5],
  ['30215', 2],
  ['30216', 3],
  ['30217', 2],
  ['30228', 8],
  ['30229', 6],
  ['30231', 5],
  ['30239', 20],
  ['30299', 6],
  ['31002', 3],
];
const PROJECT_WEIGHTS: Array<[string, number]> = [
  ['30201', 4],
  ['30202', 6],
  ['30203', 5],
  ['30211', 6],
  ['30213', 10],
  ['30214', 3],
  ['30215', 4],
  ['30216', 5],
  ['30226', 15],
  ['30227', 30],
  ['30299', 8],
  ['31002', 5],
  ['31003', 8],
  ['31007', 12],
];

/** Split an amount over weighted codes in whole 分; the last code takes the remainder. */
function splitByWeights(total: Decimal, weights: Array<[string, number]>): Array<[string, string]> {
  const weightSum = weights.reduce((a, [, w]) => a + w, 0);
  const cents = total.mul(100);
  let used = new Decimal(0);
  return weights.map(([code, w], i) => {
    const part = i === weights.length - 1 ? cents.sub(used) : cents.mul(w).div(weightSum).floor();
    used = used.add(part);
    return [code, part.div(100).toFixed(2)];
  });
}

function largeEconomic(flows: ItemFlows[]): EconomicItem[] {
  const basic = sumOf(flows.map((f) => f.generalBasic));
  const personnel = basic.mul(80).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const byCode = new Map<string, EconomicItem>();
  const put = (code: string, field: 'basic' | 'project' | 'fundProject', value: string) => {
    const item = byCode.get(code) ?? { code };
    item[field] = wan(dec(item[field]).add(dec(value)));
    byCode.set(code, item);
  };
  for (const [code, v] of splitByWeights(personnel, PERSONNEL_WEIGHTS)) put(code, 'basic', v);
  for (const [code, v] of splitByWeights(basic.sub(personnel), PUBLIC_WEIGHTS)) put(code, 'basic', v);
  for (const [code, v] of splitByWeights(sumOf(flows.map((f) => f.generalProject)), PROJECT_WEIGHTS)) put(code, 'project', v);
  put('31005', 'fundProject', wan(sumOf(flows.map((f) => f.fundProject))));
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

function largeItems(n: number, rand: () => number, names: Record<string, string>): FunctionItem[] {
  const perKuan = LARGE_ITEM_NAMES.length;
  const kuanCount = Math.max(1, Math.ceil(n / perKuan));
  const items: FunctionItem[] = [];
  for (let k = 0; k < kuanCount; k++) {
    const cls = LARGE_CLASSES[k % LARGE_CLASSES.length];
    const kuanNo = Math.floor(k / LARGE_CLASSES.length) + 1;
    if (kuanNo > 99) throw new Error('largeDataset: too many 款 per 类');
    const kuan = `${cls}${String(kuanNo).padStart(2, '0')}`;
    names[kuan] = `${LARGE_KUAN_NAMES[(kuanNo - 1) % LARGE_KUAN_NAMES.length]}${kuanNo > LARGE_KUAN_NAMES.length ? kuanNo : ''}`;
    for (let x = 0; x < perKuan && items.length < n; x++) {
      // 项 11…16 and 99: clear of the 项 codes that domain.md X23 pairs with 经济分类 款 (2080505 …).
      const code = `${kuan}${x === perKuan - 1 ? '99' : String(x + 11)}`;
      names[code] = LARGE_ITEM_NAMES[x];
      items.push(largeItem(code, x, cls, rand));
    }
  }
  return items;
}

function largeItem(code: string, x: number, cls: string, rand: () => number): FunctionItem {
  if (cls === '212' && x % 2 === 1) return { code, fund: { project: amountBetween(rand, 5, 120) } };
  const basicKind = x === 0 || x === 5;
  const item: FunctionItem = {
    code,
    general: basicKind ? { basic: amountBetween(rand, 20, 600) } : { project: amountBetween(rand, 1, 250) },
  };
  if (x === 5) item.other = { basic: amountBetween(rand, 1, 40) };
  return item;
}

/**
 * A big, fully consistent department for the benchmark: n 功能分类 项 rows (spread over 12 类, six
 * 项 per 款), with all tables derived as for the sample and no rounding difference.
 */
export function largeDataset(n = 400): Dataset {
  const rand = prng(20240531 + n);
  const names: Record<string, string> = { ...ECONOMIC_NAMES };
  const items = largeItems(n, rand, names);
  const flows = items.map(flowsOf);
  const economic = largeEconomic(flows);
  const ec = new Map(economic.map((e) => [e.code, e]));
  const actual = (code: string, field: 'basic' | 'project') => dec(ec.get(code)?.[field]);
  const carRun = actual('30231', 'basic');
  const reception = actual('30217', 'basic');
  const ledger: Ledger = {
    unitName: '青川市综合示范服务中心',
    year: SAMPLE_YEAR,
    names,
    items,
    economic,
    generalStart: '0.00',
    otherStart: '0.00',
    sanGong: {
      预算数: sanGongRow('0.00', '0.00', wan(carRun.mul(11).div(10).toDecimalPlaces(2)), wan(reception.mul(11).div(10).toDecimalPlaces(2))),
      决算数: sanGongRow('0.00', '0.00', wan(carRun), wan(reception)),
    },
    supplement: (t) => [
      { 项目: '决算年度', 本年数: String(SAMPLE_YEAR) },
      { 项目: '单位名称', 本年数: '青川市综合示范服务中心' },
      ...t.T06.rows.filter((r) => r.code.length === 7).map((r) => ({ 项目: r.name, 科目编码: r.code, 预算数: r.values.合计 })),
    ],
  };
  return deriveDataset(ledger);
}
