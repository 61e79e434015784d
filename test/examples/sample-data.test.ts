// The sample and benchmark datasets satisfy the identities of domain.md §3.1/§3.2, checked here
// with plain decimal.js sums (independent of the rules engine). The sample has exactly the two
// documented 0.01万元 rounding differences (examples/sample-data.ts, ROUNDING DIFFERENCES).
import Decimal from 'decimal.js';
import { FUNCTION_CLASSES, PERSONNEL_CLASSES, T01_INCOME_ITEMS, T04_FUNDS } from '../../src/core/tables';
import { CLASSIFIED_IDS, expectedRows, type ClassifiedTable, type Dataset, type SanGongTable } from '../../examples/dataset';
import { largeDataset, sampleDataset, EMPTY_TABLE_NOTES } from '../../examples/sample-data';

interface Failure {
  id: string;
  where: string;
  /** printed total − sum of the printed parts (万元). */
  diff: string;
  /** number of addends */
  n: number;
}

type Amount = string | Decimal | undefined;
const d = (v: Amount): Decimal => (v instanceof Decimal ? v : new Decimal(v ?? 0));
const total = (xs: Amount[]): Decimal => xs.reduce<Decimal>((a, b) => a.add(d(b)), new Decimal(0));
/** domain.md §3.6: tol(n) = 0.005 × (n + 1). */
const tolerance = (n: number): Decimal => new Decimal('0.005').mul(n + 1);

class Checker {
  failures: Failure[] = [];

  /** total = Σ parts */
  sum(id: string, where: string, t: Amount, parts: Amount[]): void {
    const diff = d(t).sub(total(parts));
    if (!diff.isZero()) this.failures.push({ id, where, diff: diff.toFixed(2), n: parts.length });
  }

  same(id: string, where: string, a: Amount, b: Amount): void {
    this.sum(id, where, a, [b]);
  }

  atMost(id: string, where: string, a: Amount, b: Amount): void {
    if (d(a).gt(d(b))) this.failures.push({ id, where, diff: d(a).sub(d(b)).toFixed(2), n: 1 });
  }
}

const parentOf = (code: string): string | undefined =>
  code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : undefined;
const rowOf = (t: ClassifiedTable, code: string): Record<string, string> | undefined =>
  code === '合计' ? t.total : t.rows.find((r) => r.code === code)?.values;
const val = (t: ClassifiedTable, code: string, col: string): Decimal => d(rowOf(t, code)?.[col]);

/** 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项 — every column. */
function hierarchy(c: Checker, id: string, t: ClassifiedTable): void {
  const columns = Object.keys(t.total);
  const parents = [{ code: '合计', kids: t.rows.filter((r) => r.code.length === 3) }];
  for (const row of t.rows) {
    const kids = t.rows.filter((k) => parentOf(k.code) === row.code);
    if (kids.length) parents.push({ code: row.code, kids });
  }
  for (const { code, kids } of parents)
    for (const col of columns)
      c.sum(
        id,
        `${code}.${col}`,
        rowOf(t, code)![col],
        kids.map((k) => k.values[col]),
      );
}

/** Every row (incl. 合计): total column = Σ part columns. */
function rowIdentity(c: Checker, id: string, t: ClassifiedTable, totalCol: string, parts: string[]): void {
  for (const row of [{ code: '合计', values: t.total }, ...t.rows])
    c.sum(
      id,
      `${row.code}.${totalCol}`,
      row.values[totalCol],
      parts.map((p) => row.values[p]),
    );
}

function sanGong(c: Checker, id: string, t: SanGongTable): void {
  for (const blk of ['预算数', '决算数'] as const) {
    const r = t[blk];
    c.sum(`${id}-1`, `${blk}.合计`, r.合计, [r['因公出国（境）费'], r.公务用车购置及运行费, r.公务接待费]);
    c.sum(`${id}-2`, `${blk}.公务用车购置及运行费`, r.公务用车购置及运行费, [r.公务用车购置费, r.公务用车运行费]);
  }
  if (id === 'T10')
    for (const key of Object.keys(t.决算数) as Array<keyof SanGongTable['决算数']>) c.atMost('T10-3', key, t.决算数[key], t.预算数[key]);
}

function withinTables(c: Checker, data: Dataset): void {
  const t = data.tables;
  const { income, expense } = t.T01;
  c.sum(
    'T01-1',
    '本年收入合计',
    income.本年收入合计,
    T01_INCOME_ITEMS.map((k) => income[k]),
  );
  const classNames = Object.values(FUNCTION_CLASSES).filter((name) => expense[name] !== undefined);
  c.sum(
    'T01-2',
    '本年支出合计',
    expense.本年支出合计,
    classNames.map((n) => expense[n]),
  );
  c.sum('T01-3', '收:总计', income.总计, [income.本年收入合计, income.使用非财政拨款结余, income.年初结转和结余]);
  c.sum('T01-4', '支:总计', expense.总计, [expense.本年支出合计, expense.结余分配, expense.年末结转和结余]);
  c.same('T01-5', '总计', income.总计, expense.总计);
  c.same('T01-6', '使用非财政拨款结余', income.使用非财政拨款结余, '0');
  c.same('T01-6', '结余分配', expense.结余分配, '0');

  rowIdentity(c, 'T02-1', t.T02, '本年收入合计', ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
  hierarchy(c, 'T02-2', t.T02);
  rowIdentity(c, 'T03-1', t.T03, '本年支出合计', ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
  hierarchy(c, 'T03-2', t.T03);

  const t4 = t.T04;
  const [G, F, S] = T04_FUNDS;
  c.sum('T04-1', '本年收入合计', t4.income.本年收入合计, [t4.income[G], t4.income[F], t4.income[S]]);
  c.sum(
    'T04-2',
    '年初',
    t4.income.年初财政拨款结转和结余,
    T04_FUNDS.map((f) => t4.income[`年初财政拨款结转和结余.${f}`]),
  );
  c.sum('T04-3', '收:总计', t4.income.总计, [t4.income.本年收入合计, t4.income.年初财政拨款结转和结余]);
  for (const [label, row] of Object.entries(t4.expense)) c.sum('T04-4', label, row.合计, [row[G], row[F], row[S]]);
  const classRows = Object.entries(t4.expense).filter(([label]) => Object.values(FUNCTION_CLASSES).includes(label));
  for (const col of ['合计', G, F, S])
    c.sum(
      'T04-5',
      col,
      t4.expense.本年支出合计[col],
      classRows.map(([, r]) => r[col]),
    );
  c.sum('T04-6', '支:总计', t4.expense.总计.合计, [t4.expense.本年支出合计.合计, t4.expense.年末财政拨款结转和结余.合计]);
  c.same('T04-7', '总计', t4.income.总计, t4.expense.总计.合计);
  for (const f of T04_FUNDS)
    c.sum('T04-8', f, total([t4.income[f], t4.income[`年初财政拨款结转和结余.${f}`]]), [
      t4.expense.本年支出合计[f],
      t4.expense.年末财政拨款结转和结余[f],
    ]);

  for (const id of ['T05', 'T07'] as const) {
    hierarchy(c, `${id}-1`, t[id]);
    rowIdentity(c, `${id}-2`, t[id], '合计', ['基本支出', '项目支出']);
    rowIdentity(c, `${id}-2`, t[id], '基本支出', ['人员经费', '公用经费']);
  }
  rowIdentity(c, 'T06-1', t.T06, '合计', ['基本支出', '项目支出']);
  hierarchy(c, 'T06-2', t.T06);

  const t8 = t.T08;
  for (const cls of t8.rows.filter((r) => r.code.length === 3))
    c.sum(
      'T08-1',
      cls.code,
      cls.value,
      t8.rows.filter((r) => parentOf(r.code) === cls.code).map((r) => r.value),
    );
  const classes8 = t8.rows.filter((r) => r.code.length === 3);
  c.sum(
    'T08-2',
    '人员经费合计',
    t8.totals.人员经费合计,
    classes8.filter((r) => PERSONNEL_CLASSES.includes(r.code)).map((r) => r.value),
  );
  c.sum(
    'T08-3',
    '公用经费合计',
    t8.totals.公用经费合计,
    classes8.filter((r) => !PERSONNEL_CLASSES.includes(r.code)).map((r) => r.value),
  );
  if (t8.totals.基本支出合计 !== undefined)
    c.sum('T08-4', '基本支出合计', t8.totals.基本支出合计, [t8.totals.人员经费合计, t8.totals.公用经费合计]);
  const t9 = t.T09;
  for (const cls of t9.rows.filter((r) => r.code.length === 3))
    c.sum(
      'T09-1',
      cls.code,
      cls.value,
      t9.rows.filter((r) => parentOf(r.code) === cls.code).map((r) => r.value),
    );
  c.sum(
    'T09-1',
    '合计',
    t9.totals.合计,
    t9.rows.filter((r) => r.code.length === 3).map((r) => r.value),
  );

  sanGong(c, 'T10', t.T10);
  sanGong(c, 'T12', t.T12);
  for (const id of ['T11', 'T13'] as const) {
    rowIdentity(c, `${id}-1`, t[id], '本年支出', ['基本支出', '项目支出']);
    hierarchy(c, `${id}-1`, t[id]);
    for (const row of [{ code: '合计', values: t[id].total }, ...t[id].rows])
      c.sum(`${id}-2`, row.code, total([row.values.年初结转和结余, row.values.本年收入]), [row.values.本年支出, row.values.年末结转和结余]);
  }
  rowIdentity(c, 'T14-1', t.T14, '合计', ['基本支出', '项目支出']);
  hierarchy(c, 'T14-1', t.T14);

  // ALL-1 no negative amount; ALL-2 an all-zero table carries a 空表说明.
  for (const [id, rows] of Object.entries(expectedRows(data))) {
    const amounts = Object.values(rows).flatMap((r) => Object.values(r));
    for (const a of amounts) if (d(a).isNegative()) c.failures.push({ id: 'ALL-1', where: id, diff: a, n: 1 });
    const empty = amounts.every((a) => d(a).isZero());
    const hasNote = (data.notes?.[id as keyof typeof data.notes] ?? []).some((n) => n.includes('本表为空表'));
    if (empty !== hasNote) c.failures.push({ id: 'ALL-2', where: id, diff: '0', n: 0 });
  }
}

function betweenTables(c: Checker, data: Dataset): void {
  const t = data.tables;
  const [G, F, S] = T04_FUNDS;
  const t1 = t.T01;
  const t4 = t.T04;
  c.same('X01', '本年收入合计', t1.income.本年收入合计, t.T02.total.本年收入合计);
  c.sum('X02', '财政拨款收入', t.T02.total.财政拨款收入, [
    t1.income.一般公共预算财政拨款收入,
    t1.income.政府性基金预算财政拨款收入,
    t1.income.国有资本经营预算财政拨款收入,
  ]);
  for (const k of ['上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']) c.same('X03', k, t1.income[k], t.T02.total[k]);
  c.same('X04', '本年支出合计', t1.expense.本年支出合计, t.T03.total.本年支出合计);
  for (const [code, name] of Object.entries(FUNCTION_CLASSES)) c.same('X05', code, t1.expense[name], val(t.T03, code, '本年支出合计'));
  c.same('X06', G, t4.income[G], t1.income.一般公共预算财政拨款收入);
  c.same('X06', F, t4.income[F], t1.income.政府性基金预算财政拨款收入);
  c.same('X06', S, t4.income[S], t1.income.国有资本经营预算财政拨款收入);
  c.same('X07', '本年收入合计', t4.income.本年收入合计, t.T02.total.财政拨款收入);
  c.same('X08', '本年支出合计', t4.expense.本年支出合计[G], t.T06.total.合计);
  for (const [code, name] of Object.entries(FUNCTION_CLASSES)) c.same('X08', code, t4.expense[name]?.[G], val(t.T06, code, '合计'));
  const t8 = t.T08.totals;
  c.same('X09', '合计', t.T06.total.合计, t.T07.total.合计);
  c.sum('X10', '基本支出', t.T06.total.基本支出, [t8.人员经费合计, t8.公用经费合计]);
  c.same('X11', '项目支出', t.T06.total.项目支出, t.T09.totals.合计);
  c.sum('X12', '合计', t.T06.total.合计, [t8.人员经费合计, t8.公用经费合计, t.T09.totals.合计]);
  c.sum('X13', '基本支出', t.T07.total.基本支出, [t8.人员经费合计, t8.公用经费合计]);
  c.same('X13', '人员经费', t.T07.total.人员经费, t8.人员经费合计);
  c.same('X13', '公用经费', t.T07.total.公用经费, t8.公用经费合计);
  c.same('X13', '项目支出', t.T07.total.项目支出, t.T09.totals.合计);
  for (const r of t.T08.rows) c.same('X13', `T08 ${r.code}`, val(t.T07, r.code, '基本支出'), r.value);
  for (const r of t.T09.rows) c.same('X13', `T09 ${r.code}`, val(t.T07, r.code, '项目支出'), r.value);
  c.same('X14', '合计', t.T05.total.合计, t4.expense.本年支出合计.合计);
  for (const [fund, t11, x] of [
    [F, t.T11, 'X15'],
    [S, t.T13, 'X16'],
  ] as const) {
    c.same(x, '本年收入', t4.income[fund], t11.total.本年收入);
    c.same(x, '本年支出', t4.expense.本年支出合计[fund], t11.total.本年支出);
    c.same(x, '年初', t4.income[`年初财政拨款结转和结余.${fund}`], t11.total.年初结转和结余);
    c.same(x, '年末', t4.expense.年末财政拨款结转和结余[fund], t11.total.年末结转和结余);
    for (const [code, name] of Object.entries(FUNCTION_CLASSES)) c.same(x, code, t4.expense[name]?.[fund], val(t11, code, '本年支出'));
  }
  for (const code of ['合计', ...t.T13.rows.map((r) => r.code), ...t.T14.rows.map((r) => r.code)]) {
    c.same('X17', `${code}.合计`, val(t.T13, code, '本年支出'), val(t.T14, code, '合计'));
    c.same('X17', `${code}.基本支出`, val(t.T13, code, '基本支出'), val(t.T14, code, '基本支出'));
    c.same('X17', `${code}.项目支出`, val(t.T13, code, '项目支出'), val(t.T14, code, '项目支出'));
  }
  for (const r of t.T06.rows) {
    c.atMost('X18', `${r.code}.合计`, r.values.合计, val(t.T03, r.code, '本年支出合计'));
    c.atMost('X18', `${r.code}.基本支出`, r.values.基本支出, val(t.T03, r.code, '基本支出'));
    c.atMost('X18', `${r.code}.项目支出`, r.values.项目支出, val(t.T03, r.code, '项目支出'));
  }
  c.atMost('X19', '年初', t4.income.年初财政拨款结转和结余, t1.income.年初结转和结余);
  c.atMost('X19', '年末', t4.expense.年末财政拨款结转和结余.合计, t1.expense.年末结转和结余);
  const sg = t.T10.决算数;
  c.same('X20', '公务接待费', sg.公务接待费, val(t.T07, '30217', '合计'));
  c.same('X20', '因公出国（境）费', sg['因公出国（境）费'], val(t.T07, '30212', '合计'));
  c.same('X20', '公务用车运行费', sg.公务用车运行费, val(t.T07, '30231', '合计'));
  c.same('X20', '公务用车购置费', sg.公务用车购置费, val(t.T07, '31013', '合计'));
  const running = data.supplement.find((s) => s.项目 === '机关运行经费')?.本年数;
  if (running !== undefined) c.atMost('X22', '机关运行经费', running, t8.公用经费合计);
  // X23 applies where the department has the 功能分类 项.
  const pairs: Array<[string, string[]]> = [
    ['30113', ['2210201']],
    ['30108', ['2080505']],
    ['30109', ['2080506']],
    ['30110', ['2101101', '2101102']],
    ['30111', ['2101103']],
  ];
  for (const [econ, items] of pairs)
    if (items.some((code) => rowOf(t.T06, code)))
      c.sum(
        'X23',
        econ,
        val(t.T07, econ, '合计'),
        items.map((code) => val(t.T06, code, '合计')),
      );
}

function check(data: Dataset): Failure[] {
  const c = new Checker();
  withinTables(c, data);
  betweenTables(c, data);
  return c.failures;
}

function allAmounts(data: Dataset): string[] {
  return Object.values(expectedRows(data)).flatMap((rows) => Object.values(rows).flatMap((r) => Object.values(r)));
}

describe('sampleDataset()', () => {
  const data = sampleDataset();

  it('is the fictional 青川市示范局 2024年度 with realistic size', () => {
    expect(data.unitName).toBe('青川市示范局');
    expect(data.year).toBe(2024);
    const grand = d(data.tables.T01.income.总计);
    expect(grand.gt(1800) && grand.lt(2000)).toBe(true);
    const classes = data.tables.T06.rows.filter((r) => r.code.length === 3).map((r) => r.name);
    expect(classes).toEqual(['一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '住房保障支出']);
    expect(data.tables.T06.rows.filter((r) => r.code.length === 7).length).toBeGreaterThanOrEqual(10);
    expect(data.tables.T11.rows.map((r) => r.code)).toEqual(['212', '21213', '2121301']);
    expect(data.tables.T08.rows.filter((r) => r.group === '人员经费' && r.code.length === 5).length).toBeGreaterThanOrEqual(12);
    expect(data.tables.T08.rows.filter((r) => r.group === '公用经费' && r.code.length === 5).length).toBeGreaterThanOrEqual(15);
  });

  it('writes every amount as an exact two-decimal 万元 string', () => {
    for (const a of allAmounts(data)) expect(a).toMatch(/^\d+\.\d{2}$/);
  });

  it('satisfies every identity except the two documented rounding differences', () => {
    const failures = check(data);
    expect(failures.map((f) => `${f.id} ${f.where} ${f.diff}`).sort()).toEqual([
      // difference 1: T03 类 201 printed 0.01 below Σ 款 (20103 + 20199), in two columns of that row
      'T03-2 201.基本支出 -0.01',
      'T03-2 201.本年支出合计 -0.01',
      // difference 2: T08 基本支出合计 printed 0.01 below 人员经费合计 + 公用经费合计
      'T08-4 基本支出合计 -0.01',
    ]);
    for (const f of failures) expect(new Decimal(f.diff).abs().lte(tolerance(f.n))).toBe(true);
  });

  it('carries the seed-like figures of the two differences', () => {
    const t = data.tables;
    expect(val(t.T03, '201', '本年支出合计').toFixed(2)).toBe('1514.53');
    expect(total(t.T03.rows.filter((r) => parentOf(r.code) === '201').map((r) => r.values.本年支出合计)).toFixed(2)).toBe('1514.54');
    expect(t.T08.totals).toEqual({ 人员经费合计: '1234.88', 公用经费合计: '200.52', 基本支出合计: '1435.39' });
    expect(t.T06.total.基本支出).toBe('1435.40');
  });

  it('leaves T12–T14 empty with the 空表说明', () => {
    expect(data.tables.T13.rows).toEqual([]);
    expect(data.tables.T14.rows).toEqual([]);
    expect(data.notes?.T13).toEqual(['本部门本年度无国有资本经营预算财政拨款收入、支出，故本表为空表。']);
    expect(data.notes?.T14).toEqual([EMPTY_TABLE_NOTES.T14]);
    expect(data.notes?.T12?.[0]).toContain('故本表为空表');
    expect(Object.values(data.tables.T12.决算数).every((v) => v === '0.00')).toBe(true);
  });

  it('has 三公 budget and actual, actual within budget', () => {
    expect(data.tables.T10.预算数.合计).toBe('36.50');
    expect(data.tables.T10.决算数.合计).toBe('31.11');
  });

  describe('补充信息', () => {
    const rows = data.supplement;
    const get = (label: string) => rows.find((r) => r.项目 === label && r.科目编码 === undefined);
    const need: Array<[string[], Array<'本年数' | '上年数' | '预算数' | '原因说明'>]> = [
      [['决算年度', '单位名称'], ['本年数']],
      [
        ['收支总计', '财政拨款收支总计', '“三公”经费', '公务用车购置及运行维护费', '公务接待费'],
        ['上年数', '原因说明'],
      ],
      [['一般公共预算财政拨款支出'], ['上年数', '预算数', '原因说明']],
      [['因公出国（境）费'], ['上年数']],
      [['机关运行经费'], ['本年数', '上年数', '原因说明']],
      [
        [
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
          '国内公务接待费',
          '外事接待费',
          '国内公务接待批次',
          '国内公务接待人次',
          '外事接待批次',
          '外事接待人数',
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
          '执法执勤用车',
          '特种专业技术用车',
          '其他用车',
          '单价50万元以上通用设备',
          '单价100万元以上专用设备',
          '事前绩效评估项目数',
          '绩效目标项目数',
          '绩效监控项目数',
          '绩效自评项目数',
          '绩效公开项目数',
        ],
        ['本年数'],
      ],
    ];

    it.each(need.flatMap(([labels, cols]) => labels.map((l) => [l, cols] as const)))('fills %s', (label, cols) => {
      const row = get(label);
      expect(row).toBeDefined();
      for (const col of cols) expect(row?.[col]).toBeTruthy();
    });

    it('gives every T06 项 a budget, and a reason where the 决算 differs', () => {
      const items = data.tables.T06.rows.filter((r) => r.code.length === 7);
      for (const item of items) {
        const row = rows.find((r) => r.科目编码 === item.code);
        expect(row?.项目).toBe(item.name);
        expect(row?.预算数).toMatch(/^\d+\.\d{2}$/);
        if (!d(row?.预算数).eq(d(item.values.合计))) expect(row?.原因说明).toBeTruthy();
      }
      const lead = get('一般公共预算财政拨款支出')!;
      expect(lead.预算数).toBe(total(items.map((i) => rows.find((r) => r.科目编码 === i.code)!.预算数)).toFixed(2));
      expect(rows.filter((r) => r.原因说明 && r.科目编码).length).toBeGreaterThanOrEqual(2);
    });

    it('is consistent with the tables where they overlap', () => {
      expect(get('决算年度')?.本年数).toBe('2024');
      expect(get('单位名称')?.本年数).toBe(data.unitName);
      expect(get('国内公务接待费')?.本年数).toBe(data.tables.T10.决算数.公务接待费);
      const parts = ['政府采购货物支出', '政府采购工程支出', '政府采购服务支出'].map((l) => get(l)?.本年数);
      expect(total(parts).toFixed(2)).toBe(get('政府采购支出总额')?.本年数);
      const cars = ['主要领导干部用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '其他用车'].map(
        (l) => get(l)?.本年数,
      );
      expect(total(cars).toString()).toBe(get('车辆总数')?.本年数);
    });
  });
});

describe('largeDataset(n)', () => {
  it.each([1, 60, 400])('is fully consistent for n = %i', (n) => {
    const data = largeDataset(n);
    expect(check(data)).toEqual([]);
    expect(
      data.tables.T06.rows.filter((r) => r.code.length === 7).length + data.tables.T11.rows.filter((r) => r.code.length === 7).length,
    ).toBe(n);
    for (const a of allAmounts(data)) expect(a).toMatch(/^\d+\.\d{2}$/);
  });

  it('has thousands of cells at the benchmark size and is deterministic', () => {
    const a = largeDataset(400);
    const cells = CLASSIFIED_IDS.reduce((sum, id) => sum + (a.tables[id].rows.length + 1) * Object.keys(a.tables[id].total).length, 0);
    expect(cells).toBeGreaterThan(5000);
    expect(largeDataset(400)).toEqual(a);
  });
});
