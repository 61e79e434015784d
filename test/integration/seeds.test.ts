// 填表 on the real seeds (issue 8): each seed's workbook (examples/seed-data.ts) with only the
// detail figures kept — every total, 类/款 row, row total and the summary tables T01/T04 cleared
// (test/core/derive/helpers.ts, isSummaryCell) — goes through `juesuan fill FILE -o OUT`, and OUT
// holds the published figures in every amount cell.
//
// Except where the seed's own published figures do not add up (examples/seed-data.ts, ROUNDING):
// there 填表 writes the sum of the published parts, 0.01万元 off the published total, and so do
// the cells that copy or add it. Each such cell is listed below with the value 填表 writes.
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import type { Dataset } from '../../examples/dataset';
import { seed000Dataset, seed002Dataset } from '../../examples/seed-data';
import { checkWorkbook } from '../../src/core/engine';
import type { Finding } from '../../src/core/finding';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { blankedWorkbook, differences, type Blanked } from '../core/derive/helpers';
import { runCli, type CliRun } from '../helpers/cli';
import { makeTempDir, writeTemp } from '../helpers/tmp';

const dir = makeTempDir('juesuan-seeds-');

interface Filled {
  blanked: Blanked;
  run: CliRun;
  /** Every amount of OUT that differs from the seed's workbook: "T06 合计 合计" → [written, published]. */
  differing: Record<string, [string, string]>;
  /** The checks' findings on OUT, without those on the narrative 填表 wrote into it (TXT-…). */
  tableFindings: Finding[];
}

async function fillSeed(name: string, data: Dataset): Promise<Filled> {
  const blanked = await blankedWorkbook(data);
  const file = writeTemp(dir, `${name}.xlsx`, blanked.bytes);
  const out = path.join(dir, `${name}-filled.xlsx`);
  const run = await runCli(['fill', file, '-o', out]);
  expect(fs.existsSync(out)).toBe(true);
  const { grids } = await readGridsFromFile(out);
  const { model, findings } = checkWorkbook(grids);
  const differing: Filled['differing'] = {};
  for (const line of differences(model, blanked.index, blanked.expected)) {
    const m = /^(.*) (-?[\d.]+|undefined)≠([\d.]+)$/.exec(line);
    if (!m) throw new Error(`unexpected difference ${line}`);
    differing[m[1]] = [m[2], m[3]];
  }
  return {
    blanked,
    run,
    differing,
    tableFindings: findings.filter((f) => !f.rule.startsWith('TXT-') && !f.rule.startsWith('SUP-') && f.rule !== 'NEED'),
  }; // the tables only (补充信息 inputs: test/core/supplement/check.test.ts)
}

/** The documented cells: each written value is 0.01 from the published one. */
function expectRoundingOnly(differing: Filled['differing'], documented: Record<string, string>): void {
  expect(Object.fromEntries(Object.entries(differing).map(([k, [written]]) => [k, written]))).toEqual(documented);
  for (const [written, publishedValue] of Object.values(differing))
    expect(new Decimal(written).sub(publishedValue).abs().toFixed(2)).toBe('0.01');
}

describe('juesuan fill on seed000 (资阳市人大常委会 2023) with only the detail figures', () => {
  let f: Filled;
  beforeAll(async () => {
    f = await fillSeed('seed000', seed000Dataset());
  });

  test('the blanked workbook lacks every summary figure; fill writes them', () => {
    expect(f.blanked.cleared.length).toBeGreaterThan(400);
    expect(f.run.stderr).toBe('');
    expect(f.run.stdout).toMatch(/将填写 \d+ 个单元格（数值）：/);
    // nothing refused, nothing in conflict
    expect(f.run.stdout).not.toContain('需要注意');
  });

  test('every amount is the published figure, except the sums of the seed’s rounded parts', () => {
    expectRoundingOnly(f.differing, {
      // ROUNDING 1: 五（二） prints 一般公共服务 1570.82 and 社会保障和就业 121.83, its 项 (五（三）) add up
      // to 1570.83 and 121.82. 填表 adds the 项: T06's 款/类 rows, T03's and T02's (which print the
      // same rounding), and their copies in T01 (X05) and T04 (X08). Alone, this leaves T06's 合计
      // at 1843.18 (the two differences cancel); ROUNDING 2 moves it.
      'T06 20101 合计': '1570.83',
      'T06 20101 基本支出': '1227.26',
      'T06 201 合计': '1570.83',
      'T06 201 基本支出': '1227.26',
      'T06 20805 合计': '121.82',
      'T06 20805 基本支出': '121.82',
      'T06 208 合计': '121.82',
      'T06 208 基本支出': '121.82',
      'T03 20101 本年支出合计': '1611.35',
      'T03 20101 基本支出': '1243.94',
      'T03 201 本年支出合计': '1611.35',
      'T03 201 基本支出': '1243.94',
      'T03 20805 本年支出合计': '121.82',
      'T03 20805 基本支出': '121.82',
      'T03 208 本年支出合计': '121.82',
      'T03 208 基本支出': '121.82',
      'T02 20101 本年收入合计': '1603.59',
      'T02 20101 财政拨款收入': '1566.21',
      'T02 201 本年收入合计': '1603.59',
      'T02 201 财政拨款收入': '1566.21',
      'T02 20805 本年收入合计': '121.82',
      'T02 20805 财政拨款收入': '121.82',
      'T02 208 本年收入合计': '121.82',
      'T02 208 财政拨款收入': '121.82',
      'T01 支:一般公共服务支出 金额': '1611.35',
      'T01 支:社会保障和就业支出 金额': '121.82',
      'T04 支:一般公共服务支出 合计': '1570.83',
      'T04 支:一般公共服务支出 一般公共预算财政拨款': '1570.83',
      'T04 支:社会保障和就业支出 合计': '121.82',
      'T04 支:社会保障和就业支出 一般公共预算财政拨款': '121.82',
      // ROUNDING 2: 六's 款 add up to 人员经费 1100.04 and 公用经费 399.58 (printed 1100.03 / 399.59):
      // T08's totals, T07/T05's 合计 row …
      'T08 人员经费合计 金额': '1100.04',
      'T08 公用经费合计 金额': '399.58',
      'T07 合计 人员经费': '1100.04',
      'T07 合计 公用经费': '399.58',
      'T07 合计 基本支出': '1499.62',
      'T07 合计 合计': '1843.19',
      'T05 合计 人员经费': '1100.04',
      'T05 合计 公用经费': '399.58',
      'T05 合计 基本支出': '1499.62',
      'T05 合计 合计': '1843.19',
      // … and T06's 合计 row, which 填表 takes from T08 + T09 (X10, X11) before its own 类 rows: the
      // 项 rows' empty (zero) 基本/项目 cells count as 0 only once the copies between tables are done.
      // T06's 类 rows add up to the published 1843.18 / 1499.61, 0.01 within tolerance. Then T04.
      'T06 合计 基本支出': '1499.62',
      'T06 合计 合计': '1843.19',
      'T04 支:本年支出合计 合计': '1843.19',
      'T04 支:本年支出合计 一般公共预算财政拨款': '1843.19',
    });
  });

  test('the filled tables check as the published ones: no error', () => {
    expect(f.tableFindings.filter((x) => x.severity === 'error')).toEqual([]);
    // the seed's own 提示 (seed-workbooks.test.ts): 三公 over budget, 职业年金 15.94 vs 15.95
    expect(
      f.tableFindings
        .filter((x) => x.severity === 'warning')
        .map((x) => x.rule)
        .sort(),
    ).toEqual(['T10-3', 'T10-3', 'X23']);
  });
});

describe('juesuan fill on seed002 (安岳县人大常委会办公室 2021) with only the detail figures', () => {
  let f: Filled;
  beforeAll(async () => {
    f = await fillSeed('seed002', seed002Dataset());
  });

  test('the blanked workbook lacks every summary figure; fill writes them', () => {
    expect(f.blanked.cleared.length).toBeGreaterThan(300);
    expect(f.run.stderr).toBe('');
    expect(f.run.stdout).toMatch(/将填写 \d+ 个单元格（数值）：/);
    // 年末财政拨款结转和结余·合计 = 总计 958.85 − 本年支出合计 958.86 (ROUNDING 1) would be −0.01: not
    // written. The cell stays empty, which reads 0.00 — the published figure. The same in the
    // 一般公共预算 column (T04-6 holds in every column).
    expect(f.run.stdout).toContain('需要注意（2 条）：');
    expect(f.run.stdout).toContain(
      '[T04-6] 按T04-6由其他单元格倒推财政拨款收入支出决算总表“年末财政拨款结转和结余·合计”为负数-0.01万元，未填写',
    );
    expect(f.run.stdout).toContain(
      '[T04-6] 按T04-6由其他单元格倒推财政拨款收入支出决算总表“年末财政拨款结转和结余·一般公共预算财政拨款”为负数-0.01万元，未填写',
    );
  });

  test('every amount is the published figure, except the sums of the seed’s rounded parts', () => {
    expectRoundingOnly(f.differing, {
      // ROUNDING 1: 六's 人员经费 款 add up to 493.65 (303's to 75.51; printed 493.64 and 75.50):
      // T08's 303 row and 人员经费合计, T07/T05's 303 and 合计 rows …
      'T08 303 金额': '75.51',
      'T08 人员经费合计 金额': '493.65',
      'T07 303 合计': '98.25',
      'T07 303 基本支出': '75.51',
      'T07 303 人员经费': '75.51',
      'T07 合计 人员经费': '493.65',
      'T07 合计 基本支出': '572.46',
      'T07 合计 合计': '933.56',
      'T05 303 合计': '98.25',
      'T05 303 基本支出': '75.51',
      'T05 303 人员经费': '75.51',
      'T05 合计 人员经费': '493.65',
      'T05 合计 基本支出': '572.46',
      'T05 合计 合计': '958.86',
      // … T06's 合计 row, taken from T08 + T09 (X10, X11) before its own 类 rows (which add up to the
      // published 933.55 / 572.45), and T04's 本年支出合计 copied from T06 (X08) and T05 (X14)
      'T06 合计 基本支出': '572.46',
      'T06 合计 合计': '933.56',
      'T04 支:本年支出合计 合计': '958.86',
      'T04 支:本年支出合计 一般公共预算财政拨款': '933.56',
    });
  });

  test('the filled tables check as the published ones: no error, no 提示', () => {
    expect(f.tableFindings.filter((x) => x.severity !== 'info')).toEqual([]);
  });
});
