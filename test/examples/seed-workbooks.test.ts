// The two real seeds as workbooks (examples/seed-data.ts): built with the example writer, read
// back through the file host, checked, and narrated. The checks find no error — only the
// 提示 and 取整误差 the seeds' own published numbers carry (each listed and explained below) — and
// the narrative comes out exactly as the Model-based seed tests expect
// (test/core/narrative/seed-expected.ts).
import Decimal from 'decimal.js';
import { buildIndexedWorkbook, buildWorkbookBuffer, type WorkbookIndex } from '../../examples/build-workbook';
import { expectedRows, type Dataset } from '../../examples/dataset';
import { seed000Dataset, seed002Dataset } from '../../examples/seed-data';
import { checkWorkbook, type CheckResult } from '../../src/core/engine';
import type { Finding } from '../../src/core/finding';
import type { TableId } from '../../src/core/model';
import { narrate, narrativeLines, SEED_STYLE_A, SEED_STYLE_B, type NarrativeResult, type SectionId } from '../../src/core/narrative';
import { loadWorkbook } from '../../src/hosts/file';
import { differences, type Expected } from '../core/derive/helpers';
import { norm, texts } from '../core/narrative/helpers';
import { seed000Model, seed000Supplement } from '../core/narrative/seed000';
import { seed002Model, seed002Supplement } from '../core/narrative/seed002';
import { SEED000_EXPECTED, SEED002_EXPECTED, SEED002_NORMALISED } from '../core/narrative/seed-expected';

/** The seed's workbook, read back and checked as `juesuan check` does. */
async function checked(data: Dataset): Promise<{ result: CheckResult; index: WorkbookIndex }> {
  const { grids } = await loadWorkbook(await buildWorkbookBuffer(data), 'seed.xlsx');
  return { result: checkWorkbook(grids), index: buildIndexedWorkbook(data).index };
}

/** “sheet!address” → “T06 20101 合计”, from where the writer put each amount. */
function cellNames(index: WorkbookIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, at] of Object.entries(index) as Array<[TableId | '补充信息', NonNullable<WorkbookIndex[TableId]>]>) {
    if (id === '补充信息') continue;
    for (const [row, cols] of Object.entries(at.cells))
      for (const [col, address] of Object.entries(cols)) out.set(`${at.sheet}!${address}`, `${id} ${row} ${col}`);
  }
  return out;
}

/** A finding as “rule severity table row column printed≠expected”, named by its first cell. */
function described(findings: Finding[], index: WorkbookIndex): string[] {
  const names = cellNames(index);
  return findings
    .map((f) => {
      const cell = f.cells[0]
        ? (names.get(`${f.cells[0].sheet}!${f.cells[0].address}`) ?? `${f.cells[0].sheet}!${f.cells[0].address}`)
        : '-';
      return `${f.rule} ${f.severity} ${cell} ${f.actual}≠${f.expected}`;
    })
    .sort();
}

const amounts = (data: Dataset): string[] =>
  Object.values(expectedRows(data)).flatMap((rows) => Object.values(rows).flatMap((r) => Object.values(r)));

describe('the seed datasets', () => {
  test.each([
    ['seed000', seed000Dataset],
    ['seed002', seed002Dataset],
  ] as const)('%s: every amount is an exact two-decimal 万元 string', (_, make) => {
    const data = make();
    for (const a of amounts(data)) expect(a).toMatch(/^\d+\.\d{2}$/);
    expect(make()).toEqual(data);
  });

  test('seed000: 资阳市人大常委会 2023, T11–T14 empty with the 空表说明', () => {
    const data = seed000Dataset();
    expect([data.unitName, data.year]).toEqual(['资阳市人民代表大会常务委员会', 2023]);
    expect(Object.keys(data.notes ?? {}).sort()).toEqual(['T11', 'T12', 'T13', 'T14']);
    expect(data.tables.T06.rows.filter((r) => r.code.length === 7)).toHaveLength(15);
  });

  test('seed002: 安岳县人大常委会办公室 2021, 本年收入合计 948.60 (not the printed 948.06), T12–T14 empty', () => {
    const data = seed002Dataset();
    expect([data.unitName, data.year]).toEqual(['安岳县人大常委会办公室', 2021]);
    const t01 = data.tables.T01.income;
    expect(t01.本年收入合计).toBe('948.60');
    expect(new Decimal(t01.一般公共预算财政拨款收入).add(t01.其他收入).toFixed(2)).toBe('948.60');
    expect(Object.keys(data.notes ?? {}).sort()).toEqual(['T12', 'T13', 'T14']);
    // the 附件's 按功能分类: 859.58 + 41.93 + 23.18 + 25.3 + 36.92 = 986.91
    expect(data.tables.T03.rows.filter((r) => r.code.length === 3).map((r) => r.values.本年支出合计)).toEqual([
      '859.58',
      '41.93',
      '23.18',
      '25.30',
      '36.92',
    ]);
  });
});

describe('seed000 workbook (资阳市人大常委会 2023, style A)', () => {
  const data = seed000Dataset();
  let result: CheckResult;
  let index: WorkbookIndex;
  let r: NarrativeResult;
  beforeAll(async () => {
    ({ result, index } = await checked(data));
    r = narrate(result.model, result.supplement!, SEED_STYLE_A);
  });

  test('the file host reads back every amount of the dataset', () => {
    expect(differences(result.model, index, expectedRows(data) as Expected)).toEqual([]);
  });

  test('check: no error; only the seed’s own 提示 and 取整误差', () => {
    // the seed's own 补充信息 “三公” 上年数 0.70 is not the sum of its parts (23.10 + 0.70): SUP-SUM, an error of the input
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['SUP-SUM']);
    const tables = result.findings.filter((f) => !f.rule.startsWith('SUP-'));
    expect(tables.filter((f) => f.severity === 'error')).toEqual([]);
    expect(described(tables, index)).toEqual([
      // ROUNDING 1: 五（二）'s 一般公共服务 1570.82 / 社会保障和就业 121.83 against their 项 (1570.83 /
      // 121.82); T02 and T03 hold the same money in those rows (seed-data.ts)
      'T02-2 info T02 20101 本年收入合计 1603.58≠1603.59',
      'T02-2 info T02 20101 财政拨款收入 1566.20≠1566.21',
      'T02-2 info T02 20805 本年收入合计 121.83≠121.82',
      'T02-2 info T02 20805 财政拨款收入 121.83≠121.82',
      'T03-2 info T03 20101 基本支出 1243.93≠1243.94',
      'T03-2 info T03 20101 本年支出合计 1611.34≠1611.35',
      'T03-2 info T03 20805 基本支出 121.83≠121.82',
      'T03-2 info T03 20805 本年支出合计 121.83≠121.82',
      // ROUNDING 2: 六's 款 add up to 人员经费 1100.04 / 公用经费 399.58, it prints 1100.03 / 399.59
      'T05-1 info T05 合计 人员经费 1100.03≠1100.04',
      'T05-1 info T05 合计 公用经费 399.59≠399.58',
      'T05-1 info T05 合计 合计 1843.18≠1843.19',
      'T05-1 info T05 合计 基本支出 1499.61≠1499.62',
      'T05-2 info T05 合计 基本支出 1499.61≠1499.62',
      // ROUNDING 1 in T06 itself
      'T06-2 info T06 20101 合计 1570.82≠1570.83',
      'T06-2 info T06 20101 基本支出 1227.25≠1227.26',
      'T06-2 info T06 20805 合计 121.83≠121.82',
      'T06-2 info T06 20805 基本支出 121.83≠121.82',
      // ROUNDING 2 again (T07 = T05: no 基金 money)
      'T07-1 info T07 合计 人员经费 1100.03≠1100.04',
      'T07-1 info T07 合计 公用经费 399.59≠399.58',
      'T07-1 info T07 合计 合计 1843.18≠1843.19',
      'T07-1 info T07 合计 基本支出 1499.61≠1499.62',
      'T07-2 info T07 合计 基本支出 1499.61≠1499.62',
      'T08-2 info T08 人员经费合计 金额 1100.03≠1100.04',
      'T08-3 info T08 公用经费合计 金额 399.59≠399.58',
      // the 公务接待费 4.17 exceeds its budget 3.61 (七: 完成预算115.5%, with the reason)
      'T10-3 warning T10 决算数 公务接待费 4.17≠3.61',
      'T10-3 warning T10 决算数 合计 4.17≠3.61',
      // ROUNDING 2: T06's 基本支出 1499.61 against T08's 1100.03 + 399.59
      'X10 info T06 合计 基本支出 1499.61≠1499.62',
      'X12 info T06 合计 合计 1843.18≠1843.19',
      'X13 info T07 合计 基本支出 1499.61≠1499.62',
      // ROUNDING 3: 五（三）'s 职业年金缴费支出 15.94 against 六's 职业年金缴费 15.95
      'X23 warning T06 2080506 合计 15.94≠15.95',
    ]);
    for (const f of result.findings.filter((x) => x.severity === 'info')) expect(f.difference).toBe('0.01');
  });

  test('narrate: year 2023, no missing input', () => {
    expect(r.year).toBe(2023);
    expect(r.findings.filter((f) => f.rule === 'NEED')).toEqual([]);
  });

  test.each(Object.keys(SEED000_EXPECTED) as SectionId[])('%s: as the seed000 tests expect', (id) => {
    expect(texts(r, id)).toEqual(SEED000_EXPECTED[id]);
  });

  test('every section is expected, and the whole text is the Model-based one', () => {
    expect(r.sections.map((s) => s.id).sort()).toEqual(Object.keys(SEED000_EXPECTED).sort());
    expect(narrativeLines(r)).toEqual(narrativeLines(narrate(seed000Model(), seed000Supplement(), SEED_STYLE_A)));
  });
});

describe('seed002 workbook (安岳县人大常委会办公室 2021, style B)', () => {
  const data = seed002Dataset();
  let result: CheckResult;
  let index: WorkbookIndex;
  let r: NarrativeResult;
  beforeAll(async () => {
    ({ result, index } = await checked(data));
    r = narrate(result.model, result.supplement!, SEED_STYLE_B);
  });

  test('the file host reads back every amount of the dataset', () => {
    expect(differences(result.model, index, expectedRows(data) as Expected)).toEqual([]);
  });

  test('check: no error, no 提示; only the seed’s own 取整误差', () => {
    // the seed's 补充信息 says 公务用车保有量 0 while 车辆总数 is 2 (其他用车 “一般公务用车”): SUP-CAR, a 提示 of the input
    expect(result.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['SUP-CAR']);
    const tables = result.findings.filter((f) => !f.rule.startsWith('SUP-'));
    expect(described(tables, index)).toEqual([
      // ROUNDING 1: 六's 人员经费 款 add up to 493.65 (303's to 75.51), it prints 493.64; the 303
      // rows print 75.50 (T07/T05's 合计 75.50 + 项目支出 22.74 = 98.24)
      'T05-1 info T05 303 人员经费 75.50≠75.51',
      'T05-1 info T05 303 合计 98.24≠98.25',
      'T05-1 info T05 303 基本支出 75.50≠75.51',
      'T07-1 info T07 303 人员经费 75.50≠75.51',
      'T07-1 info T07 303 合计 98.24≠98.25',
      'T07-1 info T07 303 基本支出 75.50≠75.51',
      'T08-1 info T08 303 金额 75.50≠75.51',
    ]);
  });

  test('narrate: year 2021, no missing input', () => {
    expect(r.year).toBe(2021);
    expect(r.findings.filter((f) => f.rule === 'NEED')).toEqual([]);
  });

  test.each(Object.keys(SEED002_EXPECTED) as SectionId[])('%s: as the seed002 tests expect', (id) => {
    const out = texts(r, id);
    expect(SEED002_NORMALISED.includes(id) ? out.map(norm) : out).toEqual(SEED002_EXPECTED[id]);
  });

  test('every section is expected, and the whole text is the Model-based one', () => {
    expect(r.sections.map((s) => s.id).sort()).toEqual(Object.keys(SEED002_EXPECTED).sort());
    expect(narrativeLines(r)).toEqual(narrativeLines(narrate(seed002Model(), seed002Supplement(), SEED_STYLE_B)));
  });
});
