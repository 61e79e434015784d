// The two real seeds as Datasets: every figure their 第二部分 publishes, in all 14 附表 and the
// 补充信息, so that tests can build the very workbook a department would have published and run
// the checks, the narrative and 填表 on it (test/examples/seed-workbooks.test.ts,
// test/integration/seeds.test.ts).
//
//   seed000Dataset()  资阳市人大常委会 2023年度 (shared/seeds/000_541a3aa2ed15f5eb.txt), style A
//   seed002Dataset()  安岳县人大常委会办公室 2021年度 (shared/seeds/002_95da2d5c2c5b6114.txt), style B
//
// The figures are those of the narrative tests' Model fixtures (test/core/narrative/seed000.ts,
// seed002.ts), which transcribe the seeds. The seeds do not reproduce the tables, so the parts of
// a table their text does not state are completed here — each completion is marked COMPLETED
// below and chosen so that it adds no inconsistency of its own. Where the seed's own published
// numbers do not add up (0.01万元 rounding: published 万元 values are rounded one by one from 元),
// the published numbers are kept and the difference is marked ROUNDING; where a published number
// is a plain misprint, the arithmetic is followed and the spot is marked CORRECTED.
//
// Every published figure is checked when the dataset is built (`published`): a change here that
// moves one throws.
import { SEED_STYLE_A, SEED_STYLE_B } from '../src/core/narrative';
import Decimal from 'decimal.js';
import { FUNCTION_CLASSES, PERSONNEL_CLASSES, T04_FUNDS } from '../src/core/tables';
import {
  columnKeys,
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
import { emptyClassified, sanGongRow, withEmptyNotes, zeroSanGong } from './sample-data';

// ---- exact arithmetic ------------------------------------------------------------------------

const dec = (s: string | Decimal | undefined): Decimal => (s instanceof Decimal ? s : new Decimal(s ?? 0));
const wan = (d: Decimal | string): Wan => dec(d).toFixed(2);
const sumOf = (xs: Array<Decimal | string | undefined>): Decimal => xs.reduce<Decimal>((a, b) => a.add(dec(b)), new Decimal(0));
const HUNDREDTH = new Decimal('0.01');

/** Throws unless the dataset holds the seed's published figure. */
function published(what: string, actual: Wan | undefined, figure: string): void {
  if (!dec(actual).eq(dec(figure))) throw new Error(`${what}: dataset ${actual ?? '(none)'} ≠ published ${figure}`);
}

// ---- classified tables from their leaves -----------------------------------------------------

type Values = Record<string, Decimal>;

interface Leaf {
  /** 7-digit 功能分类 项 or 5-digit 经济分类 款. */
  code: string;
  values: Record<string, Decimal | string>;
}

/**
 * Published values of a 类/款 row (or the 合计 row) that differ from the exact sum of the rows
 * under it: row code → column → value. Only 0.01万元 rounding differences are allowed here.
 */
type Printed = Record<string, Record<string, string>>;

function parents(code: string): string[] {
  return code.length === 7 ? [code.slice(0, 3), code.slice(0, 5)] : code.length === 5 ? [code.slice(0, 3)] : [];
}

/**
 * 类/款 rows as exact sums of the leaves; then the `printed` values replace the sums (each within
 * 0.01 of its sum); the 合计 row adds the 类 rows as printed (unless printed itself).
 */
function rollUp(columns: string[], leaves: Leaf[], nameOf: (code: string) => string, printed: Printed = {}): ClassifiedTable {
  const sums = new Map<string, Values>();
  const add = (code: string, values: Leaf['values']) => {
    const row = sums.get(code) ?? Object.fromEntries(columns.map((c) => [c, new Decimal(0)]));
    for (const c of columns) row[c] = row[c].add(dec(values[c]));
    sums.set(code, row);
  };
  for (const leaf of leaves) {
    for (const c of Object.keys(leaf.values)) if (!columns.includes(c)) throw new Error(`${leaf.code}: no column ${c}`);
    for (const code of [...parents(leaf.code), leaf.code]) add(code, leaf.values);
  }
  const applyPrinted = (code: string, row: Values) => {
    for (const [col, value] of Object.entries(printed[code] ?? {})) {
      if (dec(value).sub(row[col]).abs().gt(HUNDREDTH))
        throw new Error(`${code}.${col}: printed ${value} is not a rounding of ${wan(row[col])}`);
      row[col] = dec(value);
    }
  };
  for (const [code, row] of sums) applyPrinted(code, row);
  for (const code of Object.keys(printed)) if (code !== '合计' && !sums.has(code)) throw new Error(`no row ${code}`);
  const total: Values = Object.fromEntries(
    columns.map((c) => [c, sumOf([...sums].filter(([code]) => code.length === 3).map(([, r]) => r[c]))]),
  );
  applyPrinted('合计', total);
  const rows: CodeRow[] = [...sums]
    .filter(([, r]) => Object.values(r).some((v) => !v.isZero()))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, r]) => ({ code, name: nameOf(code), values: Object.fromEntries(columns.map((c) => [c, wan(r[c])])) }));
  return { total: Object.fromEntries(columns.map((c) => [c, wan(total[c])])), rows };
}

/** A 功能分类 项 of the department: its money by source (万元 strings; absent = 0). */
interface Item {
  code: string;
  /** 一般公共预算财政拨款 spending (T06). */
  basic?: string;
  project?: string;
  /** 一般公共预算财政拨款 income booked to the 项 (T02); default basic + project. */
  income?: string;
  /** 政府性基金预算财政拨款 (T11). */
  fund?: { start?: string; income?: string; basic?: string; project?: string; end?: string };
  /** 非财政拨款 (其他收入) spending and income (T02, T03 only). */
  otherBasic?: string;
  otherProject?: string;
  otherIncome?: string;
}

const generalIncome = (i: Item): Decimal => (i.income !== undefined ? dec(i.income) : dec(i.basic).add(dec(i.project)));

function t02Leaves(items: Item[]): Leaf[] {
  return items.map((i) => {
    const fiscal = generalIncome(i).add(dec(i.fund?.income));
    const other = dec(i.otherIncome);
    return { code: i.code, values: { 本年收入合计: fiscal.add(other), 财政拨款收入: fiscal, 其他收入: other } };
  });
}

function t03Leaves(items: Item[]): Leaf[] {
  return items.map((i) => {
    const basic = sumOf([i.basic, i.fund?.basic, i.otherBasic]);
    const project = sumOf([i.project, i.fund?.project, i.otherProject]);
    return { code: i.code, values: { 本年支出合计: basic.add(project), 基本支出: basic, 项目支出: project } };
  });
}

function t06Leaves(items: Item[]): Leaf[] {
  return items
    .filter((i) => i.basic !== undefined || i.project !== undefined)
    .map((i) => ({ code: i.code, values: { 合计: sumOf([i.basic, i.project]), 基本支出: dec(i.basic), 项目支出: dec(i.project) } }));
}

function t11Leaves(items: Item[]): Leaf[] {
  return items
    .filter((i) => i.fund)
    .map(({ code, fund = {} }) => {
      const spent = sumOf([fund.basic, fund.project]);
      const end = sumOf([fund.start, fund.income]).sub(spent);
      if (!end.eq(dec(fund.end))) throw new Error(`${code}: 基金 年初 + 收入 − 支出 = ${wan(end)} ≠ 年末 ${fund.end ?? 0}`);
      return {
        code,
        values: {
          年初结转和结余: dec(fund.start),
          本年收入: dec(fund.income),
          本年支出: spent,
          基本支出: dec(fund.basic),
          项目支出: dec(fund.project),
          年末结转和结余: end,
        },
      };
    });
}

/** One 经济分类 款 of 一般公共预算 money: basic (T08) and project (T09); fundProject: 政府性基金 project (T05 only). */
interface EconomicItem {
  code: string;
  basic?: string;
  project?: string;
  fundProject?: string;
}

const isPersonnel = (code: string): boolean => PERSONNEL_CLASSES.includes(code.slice(0, 3));

/** T05 (withFund) or T07: 经济分类 款 × 合计/基本支出/人员经费/公用经费/项目支出. */
function economicDetail(items: EconomicItem[], withFund: boolean, nameOf: (c: string) => string, printed?: Printed): ClassifiedTable {
  const leaves = items.map((i) => {
    const basic = dec(i.basic);
    const project = dec(i.project).add(withFund ? dec(i.fundProject) : 0);
    return {
      code: i.code,
      values: {
        合计: basic.add(project),
        基本支出: basic,
        人员经费: isPersonnel(i.code) ? basic : new Decimal(0),
        公用经费: isPersonnel(i.code) ? new Decimal(0) : basic,
        项目支出: project,
      },
    };
  });
  return rollUp(
    columnKeys(withFund ? 'T05' : 'T07'),
    leaves.filter((l) => !l.values.合计.isZero()),
    nameOf,
    printed,
  );
}

/** T08/T09 类 and 款 rows from one amount per 款 (类 rows: exact sums unless printed). */
function groupedRows(
  amounts: Array<{ code: string; value?: string }>,
  nameOf: (c: string) => string,
  grouped: boolean,
  printed?: Printed,
): GroupedRow[] {
  const table = rollUp(
    ['金额'],
    amounts.filter((a) => !dec(a.value).isZero()).map((a) => ({ code: a.code, values: { 金额: dec(a.value) } })),
    nameOf,
    printed,
  );
  return table.rows.map((r) => ({
    code: r.code,
    name: r.name,
    ...(grouped ? { group: isPersonnel(r.code) ? ('人员经费' as const) : ('公用经费' as const) } : {}),
    value: r.values.金额,
  }));
}

function buildT08(items: EconomicItem[], nameOf: (c: string) => string, totals: T08Table['totals'], printed?: Printed): T08Table {
  return {
    rows: groupedRows(
      items.map((i) => ({ code: i.code, value: i.basic })),
      nameOf,
      true,
      printed,
    ),
    totals,
  };
}

function buildT09(items: EconomicItem[], nameOf: (c: string) => string): T09Table {
  const rows = groupedRows(
    items.map((i) => ({ code: i.code, value: i.project })),
    nameOf,
    false,
  );
  return { rows, totals: { 合计: wan(sumOf(rows.filter((r) => r.code.length === 3).map((r) => r.value))) } };
}

// ---- T01 / T04 from the classified tables and the carry-overs ---------------------------------

interface Balances {
  /** 年初/年末 结转和结余 of 一般公共预算 money (T04). */
  generalStart: string;
  generalEnd: string;
  /** 年初 结转和结余 of 非财政拨款 money (T01 年初 − T04 年初). */
  otherStart: string;
}

const classValue = (t: ClassifiedTable, code: string, col: string): Decimal => dec(t.rows.find((r) => r.code === code)?.values[col]);

function buildT04(t02: ClassifiedTable, t06: ClassifiedTable, t11: ClassifiedTable, b: Balances): T04Table {
  const [GENERAL, FUND, STATE] = T04_FUNDS;
  const fundIncome = dec(t11.total.本年收入);
  const general = dec(t02.total.财政拨款收入).sub(fundIncome);
  const start = { [GENERAL]: dec(b.generalStart), [FUND]: dec(t11.total.年初结转和结余), [STATE]: new Decimal(0) };
  const startTotal = sumOf(Object.values(start));
  const income: Record<string, Wan> = {
    [GENERAL]: wan(general),
    [FUND]: wan(fundIncome),
    [STATE]: '0.00',
    本年收入合计: wan(general.add(fundIncome)),
    年初财政拨款结转和结余: wan(startTotal),
    ...Object.fromEntries(T04_FUNDS.map((f) => [`年初财政拨款结转和结余.${f}`, wan(start[f])])),
    总计: wan(general.add(fundIncome).add(startTotal)),
  };
  const line = (g: Decimal, f: Decimal): Record<string, Wan> => ({
    合计: wan(g.add(f)),
    [GENERAL]: wan(g),
    [FUND]: wan(f),
    [STATE]: '0.00',
  });
  const classes = [...new Set([...t06.rows, ...t11.rows].filter((r) => r.code.length === 3).map((r) => r.code))].sort();
  const expense: Record<string, Record<string, Wan>> = {};
  for (const code of classes) expense[FUNCTION_CLASSES[code]] = line(classValue(t06, code, '合计'), classValue(t11, code, '本年支出'));
  const spentGeneral = dec(t06.total.合计);
  const spentFund = dec(t11.total.本年支出);
  expense.本年支出合计 = line(spentGeneral, spentFund);
  expense.年末财政拨款结转和结余 = line(dec(b.generalEnd), dec(t11.total.年末结转和结余));
  expense.总计 = line(spentGeneral.add(dec(b.generalEnd)), spentFund.add(dec(t11.total.年末结转和结余)));
  return { income, expense };
}

function buildT01(t02: ClassifiedTable, t03: ClassifiedTable, t04: T04Table, b: Balances): T01Table {
  const [GENERAL, FUND, STATE] = T04_FUNDS;
  const income: Record<string, Wan> = {
    一般公共预算财政拨款收入: t04.income[GENERAL],
    政府性基金预算财政拨款收入: t04.income[FUND],
    国有资本经营预算财政拨款收入: t04.income[STATE],
    上级补助收入: '0.00',
    事业收入: '0.00',
    经营收入: '0.00',
    附属单位上缴收入: '0.00',
    其他收入: t02.total.其他收入,
  };
  const incomeTotal = sumOf(Object.values(income));
  const start = dec(t04.income.年初财政拨款结转和结余).add(dec(b.otherStart));
  const grand = incomeTotal.add(start);
  Object.assign(income, { 本年收入合计: wan(incomeTotal), 使用非财政拨款结余: '0.00', 年初结转和结余: wan(start), 总计: wan(grand) });
  const expense: Record<string, Wan> = {};
  for (const row of t03.rows.filter((r) => r.code.length === 3)) expense[FUNCTION_CLASSES[row.code]] = row.values.本年支出合计;
  const spent = dec(t03.total.本年支出合计);
  Object.assign(expense, { 本年支出合计: wan(spent), 结余分配: '0.00', 年末结转和结余: wan(grand.sub(spent)), 总计: wan(grand) });
  return { income, expense };
}

// 三公 rows, empty tables and their 空表说明: as the sample builds them (sample-data.ts).

// ---- names -------------------------------------------------------------------------------------

/** 功能分类 款/项 names (类 names come from the catalog) and 经济分类 类/款 names used by the seeds. */
const NAMES: Record<string, string> = {
  '20101': '人大事务',
  '2010101': '行政运行',
  '2010102': '一般行政管理事务',
  '2010104': '人大会议',
  '2010105': '人大立法',
  '2010106': '人大监督',
  '2010108': '代表工作',
  '2010150': '事业运行',
  '2010199': '其他人大事务支出',
  '20805': '行政事业单位养老支出',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2080506': '机关事业单位职业年金缴费支出',
  '2080599': '其他行政事业单位养老支出',
  '21011': '行政事业单位医疗',
  '2101101': '行政单位医疗',
  '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助',
  '21208': '国有土地使用权出让收入安排的支出',
  '2120899': '其他国有土地使用权出让收入安排的支出',
  '22102': '住房改革支出',
  '2210201': '住房公积金',
  '301': '工资福利支出',
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30106': '伙食补助费',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30114': '医疗费',
  '302': '商品和服务支出',
  '30201': '办公费',
  '30202': '印刷费',
  '30203': '咨询费',
  '30204': '手续费',
  '30205': '水费',
  '30206': '电费',
  '30207': '邮电费',
  '30211': '差旅费',
  '30213': '维修（护）费',
  '30214': '租赁费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30226': '劳务费',
  '30227': '委托业务费',
  '30228': '工会经费',
  '30229': '福利费',
  // seed002 writes “其他交通费”; the 经济分类 款 (and so the table) is 其他交通费用
  '30239': '其他交通费用',
  '30299': '其他商品和服务支出',
  '303': '对个人和家庭的补助',
  '30304': '抚恤金',
  '30305': '生活补助',
  '30307': '医疗费补助',
  '30308': '助学金',
  '30309': '奖励金',
  '30399': '其他对个人和家庭的补助',
  '310': '资本性支出',
  '31002': '办公设备购置',
};

function nameOf(code: string): string {
  const name = code.length === 3 && code.startsWith('2') ? FUNCTION_CLASSES[code] : NAMES[code];
  if (!name) throw new Error(`no name for ${code}`);
  return name;
}

interface SeedLedger {
  unitName: string;
  year: number;
  items: Item[];
  economic: EconomicItem[];
  balances: Balances;
  printed?: Partial<Record<'T02' | 'T03' | 'T05' | 'T06' | 'T07' | 'T08', Printed>>;
  t08Totals: T08Table['totals'];
  sanGong: SanGongTable;
  supplement: SupplementRow[];
}

function deriveSeed(l: SeedLedger): Dataset {
  const p = l.printed ?? {};
  const t02 = rollUp(columnKeys('T02'), t02Leaves(l.items), nameOf, p.T02);
  const t03 = rollUp(columnKeys('T03'), t03Leaves(l.items), nameOf, p.T03);
  const t06 = rollUp(columnKeys('T06'), t06Leaves(l.items), nameOf, p.T06);
  const fundLeaves = t11Leaves(l.items);
  const t11 = fundLeaves.length ? rollUp(columnKeys('T11'), fundLeaves, nameOf) : emptyClassified('T11');
  const t04 = buildT04(t02, t06, t11, l.balances);
  const tables: Tables = {
    T01: buildT01(t02, t03, t04, l.balances),
    T02: t02,
    T03: t03,
    T04: t04,
    T05: economicDetail(l.economic, true, nameOf, p.T05),
    T06: t06,
    T07: economicDetail(l.economic, false, nameOf, p.T07),
    T08: buildT08(l.economic, nameOf, l.t08Totals, p.T08),
    T09: buildT09(l.economic, nameOf),
    T10: l.sanGong,
    T11: t11,
    T12: zeroSanGong(),
    T13: emptyClassified('T13'),
    T14: emptyClassified('T14'),
  };
  return withEmptyNotes({ unitName: l.unitName, year: l.year, tables, supplement: l.supplement });
}

/** The seed's figures as the narrative and its tables print them: each is checked. */
function checkPublished(seed: string, data: Dataset, figures: Array<[string, (t: Tables) => Wan | undefined, string]>): Dataset {
  for (const [what, get, figure] of figures) published(`${seed} ${what}`, get(data.tables), figure);
  return data;
}

const rowValue = (t: ClassifiedTable, code: string, col: string): Wan | undefined =>
  code === '合计' ? t.total[col] : t.rows.find((r) => r.code === code)?.values[col];
const t08Value = (t: T08Table, code: string): Wan | undefined => t.rows.find((r) => r.code === code)?.value;

// =================================================================================================
// seed000: 资阳市人大常委会 2023年度
// =================================================================================================
//
// Published (第二部分), as test/core/narrative/seed000.ts has it: T01's 一般公共预算财政拨款收入
// 1838.56, 其他收入 37.38, 本年收入合计 1875.94, 总计 1915.96 and 本年支出合计 1883.7 (一, 二, 三) —
// hence 年初结转和结余 40.02 and 年末结转和结余 32.26; T03's 基本支出 1516.29 / 项目支出 367.41 (三);
// T04's 总计 1850.52 (四) with 本年收入 1838.56 and 本年支出 1843.18 — hence 年初 11.96 and 年末 7.34;
// T06's 类 (五（二）) and 项 (五（三）) 合计 and its 基本支出 1499.61 (六) — hence 项目支出 343.57 and,
// with 社会保障/卫生健康/住房保障 all 基本支出, 一般公共服务's 1227.25 / 343.57; every 款 of T08 with
// both totals (六); T10's 决算数 (七) and, through 完成预算115.5%, its 预算数.
//
// COMPLETED
//  - T06 基本/项目 by 项: 行政运行 and 事业运行 are 基本支出, the other 人大事务 项 项目支出 — except
//    4.34 of 基本支出 in 其他人大事务支出: 人大事务's published 基本支出 1227.25 is 4.33 more than
//    行政运行 + 事业运行 (1222.92), and 4.34 makes the 项 add up to T06's published 基本支出 1499.61
//    and 项目支出 343.57 (see ROUNDING 1). The 养老/医疗/住房 项 are 基本支出.
//  - T03: T06 plus the 非财政拨款 spending (本年支出合计 − 一般公共预算 = 40.52: 基本 16.68 on 行政运行,
//    项目 23.84 on 代表工作 — the seed's 名词解释 says 其他收入 is mainly the 省人大's 代表履职补贴
//    and 工作经费).
//  - T02: each 项's 财政拨款收入 = its T06 spending, except 行政运行 +7.34 (the 年末 carry-over the
//    五（三） reason describes) and 一般行政管理事务 −11.96 (the 年初 carry-over spent there); 其他收入
//    37.38 on 行政运行 16.68 and 代表工作 20.70 (3.14 of the 非财政拨款 年初 balance was spent).
//  - T09 (项目支出 by 经济分类, 343.57) and so T07/T05's 项目支出: a plausible split, only
//    302 商品和服务支出 款 (no 公务接待/出国/公务用车 money: T10 has none beyond T08's 30217).
//  - T08 类 rows (301/302/303) and T07/T05's 类 rows: the exact sums of their 款.
//  - T11–T14: empty (八 and 九: 0万元), with the 空表说明.
//
// ROUNDING (the seed's own numbers; every difference is within the tolerance of domain.md §3.6)
//  1. 五（二） prints 一般公共服务 1570.82 and 社会保障和就业 121.83, but their 项 in 五（三） add up to
//     1570.83 and 121.82 (the total, 1843.18, is the same either way). T06 prints the published 类
//     rows, and its 款 rows 20101 / 20805 with them (合计 and 基本支出: 1570.82 / 1227.25 against
//     Σ项 1570.83 / 1227.26; 121.83 against 121.82); T03 and T02, which hold the same money in those
//     rows, print them the same way (T03 1611.34 / 1243.93 and 121.83; T02 财政拨款收入 1566.20 and
//     121.83), so that T03 ≥ T06 row by row (X18) and the 合计 rows add the printed 类 rows.
//  2. T08's 款 add up to 人员经费 1100.04 and 公用经费 399.58, while 六 prints 人员经费 1100.03 and
//     公用经费 399.59 (T08-2, T08-3); their sum 1499.62 is T06's 基本支出 1499.61 + 0.01 (X10).
//     T07/T05 print the published totals in their 合计 row (1843.18 / 1499.61 / 1100.03 / 399.59 /
//     343.57) over 类 rows that add up to 1843.19 / 1499.62 / 1100.04 / 399.58 / 343.57.
//  3. 职业年金缴费 30109 is 15.95 in 六 but 机关事业单位职业年金缴费支出 2080506 is 15.94 in 五（三）
//     (X23, a 提示) — the same 0.01 as 社会保障和就业's in 1.
// And not rounding: T10's 公务接待费 决算数 4.17 exceeds its 预算数 3.61 (T10-3, a 提示; 七 explains it).

const SEED000_ITEMS: Item[] = [
  { code: '2010101', basic: '1166.96', income: '1174.30', otherBasic: '16.68', otherIncome: '16.68' },
  { code: '2010102', project: '28.45', income: '16.49' },
  { code: '2010104', project: '142.20' },
  { code: '2010105', project: '33.13' },
  { code: '2010106', project: '28.90' },
  { code: '2010108', project: '53.44', otherProject: '23.84', otherIncome: '20.70' },
  { code: '2010150', basic: '55.96' },
  { code: '2010199', basic: '4.34', project: '57.45' },
  { code: '2080505', basic: '100.29' },
  { code: '2080506', basic: '15.94' },
  { code: '2080599', basic: '5.59' },
  { code: '2101101', basic: '50.79' },
  { code: '2101102', basic: '2.83' },
  { code: '2101103', basic: '11.64' },
  { code: '2210201', basic: '85.27' },
];

const SEED000_ECONOMIC: EconomicItem[] = [
  { code: '30101', basic: '244.89' },
  { code: '30102', basic: '145.43' },
  { code: '30103', basic: '304.37' },
  { code: '30107', basic: '7.87' },
  { code: '30108', basic: '100.29' },
  { code: '30109', basic: '15.95' },
  { code: '30110', basic: '53.62' },
  { code: '30111', basic: '11.64' },
  { code: '30112', basic: '1.04' },
  { code: '30113', basic: '85.27' },
  { code: '30114', basic: '4.75' },
  { code: '30201', basic: '11.22' },
  { code: '30202', basic: '5.33', project: '12.60' },
  { code: '30203', basic: '0.96' },
  { code: '30204', basic: '0.08' },
  { code: '30205', basic: '0.76' },
  // 30206 电费: 0 (六 does not list it)
  { code: '30207', basic: '6.88' },
  { code: '30211', basic: '23.62', project: '35.20' },
  { code: '30213', basic: '0.70' },
  { code: '30214', basic: '1.16' },
  { code: '30215', basic: '4.92', project: '96.80' },
  { code: '30216', basic: '5.61', project: '18.40' },
  { code: '30217', basic: '4.17' },
  { code: '30226', basic: '35.88', project: '42.37' },
  { code: '30227', basic: '4.34', project: '58.60' },
  { code: '30228', basic: '22.81' },
  { code: '30229', basic: '18.21' },
  { code: '30239', basic: '117.10' },
  { code: '30299', basic: '135.83', project: '79.60' },
  { code: '30305', basic: '122.54' },
  { code: '30307', basic: '2.30' },
  { code: '30309', basic: '0.08' },
];

const SEED000_REASON_TOTAL = '一是压缩了项目经费收支；二是下属事业单位宣传培训中心撤并，人员分流经费对应划转。';
const SEED000_AS_BUDGETED = '严格按预算执行';
const SEED000_RECEPTION_REASON = '疫情解除后，公务接待批次和人员大幅增加，挤占了机关公用经费';

/** 调整预算数 per 项 (五（三）): the 决算 except 行政运行 (99.9%) and 事业运行 (91.1%). */
const SEED000_BUDGETS: Array<[string, string, string, string]> = [
  ['行政运行', '2010101', '1168.00', '2023年12月底机关事务局转入其他交通费用，未来得及支付，结转下年度对口安排使用'],
  ['一般行政管理事务', '2010102', '28.45', SEED000_AS_BUDGETED],
  ['人大会议', '2010104', '142.20', SEED000_AS_BUDGETED],
  ['人大立法', '2010105', '33.13', SEED000_AS_BUDGETED],
  ['人大监督', '2010106', '28.90', SEED000_AS_BUDGETED],
  ['代表工作', '2010108', '53.44', SEED000_AS_BUDGETED],
  ['事业运行', '2010150', '61.43', '机构撤并人员分流，预算经费划入相关单位。'],
  ['其他人大事务支出', '2010199', '61.79', SEED000_AS_BUDGETED],
  ['机关事业单位基本养老保险缴费支出', '2080505', '100.29', SEED000_AS_BUDGETED],
  ['机关事业单位职业年金缴费支出', '2080506', '15.94', SEED000_AS_BUDGETED],
  ['其他行政事业单位养老支出', '2080599', '5.59', SEED000_AS_BUDGETED],
  ['行政单位医疗', '2101101', '50.79', SEED000_AS_BUDGETED],
  ['事业单位医疗', '2101102', '2.83', SEED000_AS_BUDGETED],
  ['公务员医疗补助', '2101103', '11.64', SEED000_AS_BUDGETED],
  ['住房公积金', '2210201', '85.27', SEED000_AS_BUDGETED],
];

const zeroRows = (labels: string[]): SupplementRow[] => labels.map((项目) => ({ 项目, 本年数: '0' }));

/** The 补充信息 the seed's text states (rows and labels as test/core/narrative/seed000.ts has them). */
const SEED000_SUPPLEMENT: SupplementRow[] = [
  { 项目: '决算年度', 本年数: '2023' },
  { 项目: '单位名称', 本年数: '市人大常委会机关' },
  // 上年数 from the seed's chart data: 1981.19, 1940.12, 1928.16
  { 项目: '收支总计', 上年数: '1981.19', 原因说明: SEED000_REASON_TOTAL },
  { 项目: '财政拨款收支总计', 上年数: '1940.12', 原因说明: SEED000_REASON_TOTAL },
  { 项目: '一般公共预算财政拨款支出', 上年数: '1928.16', 预算数: '1849.69', 原因说明: SEED000_REASON_TOTAL },
  ...SEED000_BUDGETS.map(([项目, 科目编码, 预算数, 原因说明]) => ({ 项目, 科目编码, 预算数, 原因说明 })),
  { 项目: '“三公”经费', 上年数: '0.70', 原因说明: SEED000_RECEPTION_REASON },
  { 项目: '因公出国（境）费', 上年数: '0.00' },
  { 项目: '公务用车购置及运行维护费', 上年数: '23.10', 原因说明: '所有公务车辆划转市国资委，本年度不再产生公车运行维护费' },
  { 项目: '公务接待费', 上年数: '0.70', 原因说明: SEED000_RECEPTION_REASON },
  ...zeroRows([
    '因公出国（境）团组数',
    '因公出国（境）人数',
    '公务用车购置数',
    '轿车购置数',
    '越野车购置数',
    '载客汽车购置数',
    '其他车型购置数',
    '轿车购置金额',
    '越野车购置金额',
    '载客汽车购置金额',
    '其他车型购置金额',
    '公务用车保有量',
    '轿车保有量',
    '越野车保有量',
    '载客汽车保有量',
    '其他车型保有量',
  ]),
  { 项目: '国内公务接待费', 本年数: '4.17', 原因说明: '主要用于公务接待活动开支的餐费' },
  { 项目: '外事接待费', 本年数: '0' },
  {
    项目: '国内公务接待批次',
    本年数: '27',
    原因说明: '一是接待其他市州人大莅资学习考察相关支出；二是接待其他省人大莅资学习考察相关支出；三是接待省人大莅资调研相关支出',
  },
  { 项目: '国内公务接待人次', 本年数: '292' },
  ...zeroRows(['外事接待批次', '外事接待人数']),
  { 项目: '机关运行经费', 本年数: '382.72', 上年数: '376.44', 原因说明: '新冠疫情解除后，外出参加会议、培训、调研等费用有所增加' },
  // the seed's 十（三） lists no 执法执勤用车 / 特种专业技术用车: the rows are absent
  ...zeroRows([
    '政府采购支出总额',
    '政府采购货物支出',
    '政府采购工程支出',
    '政府采购服务支出',
    '授予中小企业合同金额',
    '授予小微企业合同金额',
    '车辆总数',
    '主要领导干部用车',
    '机要通信用车',
    '应急保障用车',
    '其他用车',
  ]),
  { 项目: '单价50万元以上通用设备', 本年数: '0' },
  { 项目: '单价100万元以上专用设备（不含车辆）', 本年数: '0' },
  { 项目: '事前绩效评估项目数', 本年数: '0' },
  { 项目: '绩效目标项目数', 本年数: '10' },
  { 项目: '绩效监控项目数', 本年数: '10' },
  { 项目: '绩效自评项目数', 本年数: '9' },
  {
    项目: '绩效公开项目数',
    本年数: '5',
    原因说明:
      '资阳市人民代表大会常务委员会《2023年度市本级部门整体支出绩效自评报告》和《2023年度市本级项目支出绩效自评报告》见附件（第四部分）。',
  },
];

/** ROUNDING 1: the 类 rows 201 and 208 as published, and their only 款 (20101, 20805) with them. */
function both(generalService: Record<string, string>, socialSecurity: Record<string, string>): Printed {
  return { '201': generalService, '20101': generalService, '208': socialSecurity, '20805': socialSecurity };
}

const SEED000_ECONOMIC_TOTALS = { 合计: '1843.18', 基本支出: '1499.61', 人员经费: '1100.03', 公用经费: '399.59', 项目支出: '343.57' };

const SEED000_LEDGER: SeedLedger = {
  unitName: '资阳市人民代表大会常务委员会',
  year: 2023,
  items: SEED000_ITEMS,
  economic: SEED000_ECONOMIC,
  balances: { generalStart: '11.96', generalEnd: '7.34', otherStart: '28.06' },
  printed: {
    T06: both({ 合计: '1570.82', 基本支出: '1227.25' }, { 合计: '121.83', 基本支出: '121.83' }),
    T03: both({ 本年支出合计: '1611.34', 基本支出: '1243.93' }, { 本年支出合计: '121.83', 基本支出: '121.83' }),
    T02: both({ 本年收入合计: '1603.58', 财政拨款收入: '1566.20' }, { 本年收入合计: '121.83', 财政拨款收入: '121.83' }),
    T07: { 合计: SEED000_ECONOMIC_TOTALS },
    T05: { 合计: SEED000_ECONOMIC_TOTALS },
  },
  t08Totals: { 人员经费合计: '1100.03', 公用经费合计: '399.59' },
  // 预算数 3.61: 4.17 / 3.61 = 115.5% (七（一）: 完成预算115.5%)
  sanGong: { 预算数: sanGongRow('0', '0', '0', '3.61'), 决算数: sanGongRow('0', '0', '0', '4.17') },
  supplement: SEED000_SUPPLEMENT,
};

/** seed000 (资阳市人大常委会 2023年度) as a Dataset; a fresh copy each call. */
export function seed000Dataset(): Dataset {
  // remembered in the workbook, so `narrate examples/seed000.xlsx` writes in the seed's own style
  const data: Dataset = { ...deriveSeed(SEED000_LEDGER), settings: SEED_STYLE_A };
  return structuredClone(
    checkPublished('seed000', data, [
      ['T01 一般公共预算财政拨款收入', (t) => t.T01.income.一般公共预算财政拨款收入, '1838.56'],
      ['T01 其他收入', (t) => t.T01.income.其他收入, '37.38'],
      ['T01 本年收入合计', (t) => t.T01.income.本年收入合计, '1875.94'],
      ['T01 年初结转和结余', (t) => t.T01.income.年初结转和结余, '40.02'],
      ['T01 总计', (t) => t.T01.income.总计, '1915.96'],
      ['T01 本年支出合计', (t) => t.T01.expense.本年支出合计, '1883.70'],
      ['T01 年末结转和结余', (t) => t.T01.expense.年末结转和结余, '32.26'],
      ['T03 合计', (t) => t.T03.total.本年支出合计, '1883.70'],
      ['T03 基本支出', (t) => t.T03.total.基本支出, '1516.29'],
      ['T03 项目支出', (t) => t.T03.total.项目支出, '367.41'],
      ['T04 本年收入合计', (t) => t.T04.income.本年收入合计, '1838.56'],
      ['T04 年初财政拨款结转和结余', (t) => t.T04.income.年初财政拨款结转和结余, '11.96'],
      ['T04 总计', (t) => t.T04.income.总计, '1850.52'],
      ['T04 本年支出合计', (t) => t.T04.expense.本年支出合计.合计, '1843.18'],
      ['T04 年末财政拨款结转和结余', (t) => t.T04.expense.年末财政拨款结转和结余.合计, '7.34'],
      ['T06 合计', (t) => t.T06.total.合计, '1843.18'],
      ['T06 基本支出', (t) => t.T06.total.基本支出, '1499.61'],
      ['T06 项目支出', (t) => t.T06.total.项目支出, '343.57'],
      ['T06 201', (t) => rowValue(t.T06, '201', '合计'), '1570.82'],
      ['T06 201 基本支出', (t) => rowValue(t.T06, '201', '基本支出'), '1227.25'],
      ['T06 208', (t) => rowValue(t.T06, '208', '合计'), '121.83'],
      ['T06 210', (t) => rowValue(t.T06, '210', '合计'), '65.26'],
      ['T06 221', (t) => rowValue(t.T06, '221', '合计'), '85.27'],
      ['T08 人员经费合计', (t) => t.T08.totals.人员经费合计, '1100.03'],
      ['T08 公用经费合计', (t) => t.T08.totals.公用经费合计, '399.59'],
      ['T09 合计', (t) => t.T09.totals.合计, '343.57'],
      ['T10 决算数', (t) => t.T10.决算数.合计, '4.17'],
      ['T11 本年支出', (t) => t.T11.total.本年支出, '0.00'],
    ]),
  );
}

// =================================================================================================
// seed002: 安岳县人大常委会办公室 2021年度
// =================================================================================================
//
// Published (第二部分, and its 附件's 部门整体支出绩效自评报告): T01's income items, 年初结转和结余,
// 总计 and 本年支出合计; T03 by 类 (一般公共服务 859.58, 社会保障和就业 41.93, 卫生健康 23.18,
// 城乡社区 25.3, 住房保障 36.92) and its 基本/项目 split (600.51 / 386.4); T04's 总计 958.85 with
// 上年结转 38.31 and its 一般公共预算 spending 933.55; T06 by 款 (五（二）, 五（三）) with the 基本支出
// 572.45; every 款 of T08 with both 合计 rows (六); T10 (七); 基金 spending 25.3 (八).
//
// CORRECTED
//  - 本年收入合计 is 948.60: the seed prints 948.06 (in 二 and again in the 附件), a transposition —
//    920.54 + 28.06 = 948.60, 948.60 + 38.31 = 986.91 = 总计, and 二's 97.0% / 3.0% are shares of
//    948.60.
//
// COMPLETED (as test/core/narrative/seed002.ts has the figures: T06's 类/款 rows with 201 basic
// 493.16 / project 338.36 and 221 basic 14.18 / project 22.74; T08's 类 rows 301 418.14, 302 78.81,
// 303 75.50)
//  - T06 项: 人大事务 = 行政运行 493.16 (基本) + 人大会议 102.34 (the 附件's 第十七届人大一次会议
//    project) + 代表工作 65.00 (the 附件's 人大代表专项经费) + 一般行政管理事务 171.02 (the rest of
//    its 项目支出); 养老 = 基本养老保险缴费 30.09 + 职业年金缴费 10.99 (= T08's 30108 / 30109) +
//    其他 0.85; 医疗 = 行政单位医疗 14.83 + 公务员医疗补助 8.35 (= 30110 / 30111); 住房公积金 36.92.
//  - The 年初结转 38.31: 一般公共预算 13.01 (933.55 − 920.54, spent on 一般行政管理事务) and
//    政府性基金 25.30, all of it spent in the year (T11: 城乡社区 212 › 21208 › 2120899, 项目支出; the
//    seed names only the 类). No 年末结转和结余.
//  - 其他收入 28.06, spent as 基本支出 of 行政运行 (the 附件: 基本支出 600.51 = 572.45 + 28.06, and
//    一般公共服务 859.58 = 831.52 + 28.06).
//  - T09 (项目支出 by 经济分类, 361.10) and so T07/T05's 项目支出: 会议费 102.34, 公务接待费 3.57
//    (T10's 11.42 − T08's 7.85, X20), 办公设备购置 7.81 (十（二）'s 办公设备采购), 住房改革 project
//    22.74 as 其他对个人和家庭的补助, 其他商品和服务支出 the rest; T05 adds the 基金 25.30 as
//    其他商品和服务支出.
//  - T12–T14: empty (九: 0万元), with the 空表说明.
//
// ROUNDING (the seed's own numbers)
//  1. 六's 人员经费 款 add up to 493.65 (303's to 75.51), while 六 prints 人员经费 493.64 = 基本支出
//     572.45 − 公用经费 78.81. T08 (and T07/T05) print 303 as 75.50 so that 人员经费合计 adds up.

const SEED002_ITEMS: Item[] = [
  { code: '2010101', basic: '493.16', otherBasic: '28.06', otherIncome: '28.06' },
  { code: '2010102', project: '171.02', income: '158.01' },
  { code: '2010104', project: '102.34' },
  { code: '2010108', project: '65.00' },
  { code: '2080505', basic: '30.09' },
  { code: '2080506', basic: '10.99' },
  { code: '2080599', basic: '0.85' },
  { code: '2101101', basic: '14.83' },
  { code: '2101103', basic: '8.35' },
  { code: '2120899', fund: { start: '25.30', project: '25.30' } },
  { code: '2210201', basic: '14.18', project: '22.74' },
];

const SEED002_ECONOMIC: EconomicItem[] = [
  { code: '30101', basic: '111.50' },
  { code: '30102', basic: '73.18' },
  { code: '30103', basic: '129.16' },
  { code: '30106', basic: '3.12' },
  { code: '30108', basic: '30.09' },
  { code: '30109', basic: '10.99' },
  { code: '30110', basic: '14.83' },
  { code: '30111', basic: '8.35' },
  { code: '30113', basic: '36.92' },
  { code: '30201', basic: '9.03' },
  { code: '30206', basic: '2.01' },
  { code: '30207', basic: '9.05' },
  { code: '30211', basic: '11.91' },
  { code: '30215', project: '102.34' },
  { code: '30217', basic: '7.85', project: '3.57' },
  { code: '30226', basic: '5.32' },
  { code: '30228', basic: '10.42' },
  { code: '30239', basic: '23.22' },
  { code: '30299', project: '224.64', fundProject: '25.30' },
  { code: '30304', basic: '36.48' },
  { code: '30305', basic: '19.73' },
  { code: '30308', basic: '0.48' },
  { code: '30309', basic: '18.82' },
  { code: '30399', project: '22.74' },
  { code: '31002', project: '7.81' },
];

/** The 补充信息 the seed's text states (rows and labels as test/core/narrative/seed002.ts has them). */
const SEED002_SUPPLEMENT: SupplementRow[] = [
  { 项目: '决算年度', 本年数: '2021' },
  { 项目: '单位名称', 本年数: '安岳县人大常委会办公室' },
  // 上年数 = 本年 + the decrease the seed states (986.91 + 125.97, 958.85 + 111.45, 933.55 − 100.22)
  { 项目: '收支总计（万元）', 上年数: '1112.88', 原因说明: '上年结转' },
  { 项目: '财政拨款收支总计（万元）', 上年数: '1070.30', 原因说明: '上年结转' },
  {
    项目: '一般公共预算财政拨款支出（万元）',
    上年数: '833.33',
    预算数: '933.55',
    原因说明: '2021年度召开了县第十六届人民代表大会第五次会议和县第十七届人民代表大会第一次会议',
  },
  // 五（三） is by 款: the budgets are the 款's (完成预算100.0%)
  { 项目: '人大事务', 科目编码: '20101', 预算数: '831.52' },
  { 项目: '行政事业单位养老支出', 科目编码: '20805', 预算数: '41.93' },
  { 项目: '行政事业单位医疗', 科目编码: '21011', 预算数: '23.18' },
  { 项目: '住房改革支出', 科目编码: '22102', 预算数: '36.92' },
  { 项目: '“三公”经费（万元）', 上年数: '9.93', 原因说明: '厉行节俭，压缩一般性开支' },
  { 项目: '因公出国（境）费（万元）', 上年数: '0' },
  { 项目: '公务用车购置及运行维护费（万元）', 上年数: '0' },
  { 项目: '公务接待费（万元）', 上年数: '9.93', 原因说明: '2020年度公务接待经费支出应支未支' },
  { 项目: '因公出国（境）团组数（个）', 本年数: '0' },
  { 项目: '因公出国（境）人数（人）', 本年数: '0' },
  { 项目: '公务用车购置数（辆）', 本年数: '0' },
  ...zeroRows([
    '轿车购置数',
    '越野车购置数',
    '载客汽车购置数',
    '其他车型购置数',
    '轿车购置金额',
    '越野车购置金额',
    '载客汽车购置金额',
    '其他车型购置金额',
  ]),
  { 项目: '公务用车保有量', 本年数: '0' },
  ...zeroRows(['轿车保有量', '越野车保有量', '载客汽车保有量', '其他车型保有量']),
  { 项目: '国内公务接待费（万元）', 本年数: '11.42', 原因说明: '执行公务、开展业务活动开支的交通费、住宿费、用餐费等' },
  { 项目: '外事接待费（万元）', 本年数: '0' },
  { 项目: '国内公务接待批次', 本年数: '116' },
  { 项目: '国内公务接待人次', 本年数: '1260' },
  { 项目: '外事接待批次', 本年数: '0' },
  { 项目: '外事接待人数', 本年数: '0' },
  { 项目: '机关运行经费（万元）', 本年数: '78.81', 上年数: '82.01', 原因说明: '机关厉行节约，2021年当年部分支出应支未支' },
  { 项目: '政府采购支出总额（万元）', 本年数: '7.81', 原因说明: '安岳县人大常委会办公设备采购经费' },
  { 项目: '政府采购货物支出', 本年数: '7.81' },
  ...zeroRows(['政府采购工程支出', '政府采购服务支出', '授予中小企业合同金额', '授予小微企业合同金额']),
  { 项目: '车辆总数（辆）', 本年数: '2' },
  ...zeroRows(['主要领导干部用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车']),
  { 项目: '其他用车', 本年数: '2', 原因说明: '一般公务用车' },
  { 项目: '单价50万元以上通用设备（台（套））', 本年数: '0' },
  { 项目: '单价100万元以上专用设备（台（套））', 本年数: '0' },
  { 项目: '事前绩效评估项目数（个）', 本年数: '2', 原因说明: '安岳县第十七届人民代表大会第一次会议项目、人大代表专项经费项目' },
  { 项目: '绩效目标项目数', 本年数: '2' },
  { 项目: '绩效监控项目数', 本年数: '2' },
  { 项目: '绩效自评项目数', 本年数: '2' },
  {
    项目: '绩效公开项目数',
    本年数: '0',
    原因说明: '同时，本部门对2021年部门整体开展绩效自评，《安岳县人大常委会办公室2021年整体支出绩效自评报告》见附件(第四部分)',
  },
];

/** 303 as T08 prints it (ROUNDING 1), and T07/T05's 303 row with it (合计 = 75.50 + 项目支出 22.74). */
const SEED002_303 = { 合计: '98.24', 基本支出: '75.50', 人员经费: '75.50' };

const SEED002_LEDGER: SeedLedger = {
  unitName: '安岳县人大常委会办公室',
  year: 2021,
  items: SEED002_ITEMS,
  economic: SEED002_ECONOMIC,
  balances: { generalStart: '13.01', generalEnd: '0', otherStart: '0' },
  printed: {
    T08: { '303': { 金额: SEED002_303.基本支出 } },
    T07: { '303': SEED002_303 },
    T05: { '303': SEED002_303 },
  },
  t08Totals: { 人员经费合计: '493.64', 公用经费合计: '78.81' },
  // 预算数 22.50: 11.42 / 22.50 = 50.8% (七（一）: 完成预算50.8%)
  sanGong: { 预算数: sanGongRow('0', '0', '0', '22.50'), 决算数: sanGongRow('0', '0', '0', '11.42') },
  supplement: SEED002_SUPPLEMENT,
};

/** seed002 (安岳县人大常委会办公室 2021年度) as a Dataset; a fresh copy each call. */
export function seed002Dataset(): Dataset {
  const data: Dataset = { ...deriveSeed(SEED002_LEDGER), settings: SEED_STYLE_B };
  return structuredClone(
    checkPublished('seed002', data, [
      ['T01 一般公共预算财政拨款收入', (t) => t.T01.income.一般公共预算财政拨款收入, '920.54'],
      ['T01 其他收入', (t) => t.T01.income.其他收入, '28.06'],
      // CORRECTED: the seed prints 948.06
      ['T01 本年收入合计', (t) => t.T01.income.本年收入合计, '948.60'],
      ['T01 年初结转和结余', (t) => t.T01.income.年初结转和结余, '38.31'],
      ['T01 总计', (t) => t.T01.income.总计, '986.91'],
      ['T01 本年支出合计', (t) => t.T01.expense.本年支出合计, '986.91'],
      ['T01 年末结转和结余', (t) => t.T01.expense.年末结转和结余, '0.00'],
      ['T03 基本支出', (t) => t.T03.total.基本支出, '600.51'],
      ['T03 项目支出', (t) => t.T03.total.项目支出, '386.40'],
      ['T03 201', (t) => rowValue(t.T03, '201', '本年支出合计'), '859.58'],
      ['T03 208', (t) => rowValue(t.T03, '208', '本年支出合计'), '41.93'],
      ['T03 210', (t) => rowValue(t.T03, '210', '本年支出合计'), '23.18'],
      ['T03 212', (t) => rowValue(t.T03, '212', '本年支出合计'), '25.30'],
      ['T03 221', (t) => rowValue(t.T03, '221', '本年支出合计'), '36.92'],
      ['T04 年初财政拨款结转和结余', (t) => t.T04.income.年初财政拨款结转和结余, '38.31'],
      ['T04 总计', (t) => t.T04.income.总计, '958.85'],
      ['T04 一般公共预算 本年支出', (t) => t.T04.expense.本年支出合计[T04_FUNDS[0]], '933.55'],
      ['T04 政府性基金 本年支出', (t) => t.T04.expense.本年支出合计[T04_FUNDS[1]], '25.30'],
      ['T06 合计', (t) => t.T06.total.合计, '933.55'],
      ['T06 基本支出', (t) => t.T06.total.基本支出, '572.45'],
      ['T06 201', (t) => rowValue(t.T06, '201', '合计'), '831.52'],
      ['T06 201 基本支出', (t) => rowValue(t.T06, '201', '基本支出'), '493.16'],
      ['T06 208', (t) => rowValue(t.T06, '208', '合计'), '41.93'],
      ['T06 210', (t) => rowValue(t.T06, '210', '合计'), '23.18'],
      ['T06 221', (t) => rowValue(t.T06, '221', '合计'), '36.92'],
      ['T06 221 基本支出', (t) => rowValue(t.T06, '221', '基本支出'), '14.18'],
      ['T08 301', (t) => t08Value(t.T08, '301'), '418.14'],
      ['T08 302', (t) => t08Value(t.T08, '302'), '78.81'],
      ['T08 303', (t) => t08Value(t.T08, '303'), '75.50'],
      ['T09 合计', (t) => t.T09.totals.合计, '361.10'],
      ['T10 决算数', (t) => t.T10.决算数.合计, '11.42'],
      ['T11 本年支出', (t) => t.T11.total.本年支出, '25.30'],
    ]),
  );
}
