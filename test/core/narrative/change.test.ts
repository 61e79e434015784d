// §4.1.4 year-on-year change: every case, as numbers and in the sentences of 一 / 七 / 十（一）.
import type { CellValue } from '../../../src/core/grid';
import { Decimal } from '../../../src/core/money';
import { computeChange, narrate } from '../../../src/core/narrative';
import type { NarrativeSettings } from '../../../src/core/narrative';
import { ParagraphBuilder } from '../../../src/core/narrative/paragraph';
import { writeChange } from '../../../src/core/narrative/change';
import { resolveSettings } from '../../../src/core/narrative/settings';
import { readSupplement } from '../../../src/core/supplement';
import { supplementGrid, texts } from './helpers';
import { seed000Model } from './seed000';

const d = (s: string) => new Decimal(s);

function changeText(cur: string, prev: string, settings: Partial<NarrativeSettings> = {}): string {
  const p = new ParagraphBuilder();
  writeChange(p, computeChange(d(cur), d(prev)), [], resolveSettings(settings));
  return p.build().text;
}

describe('computeChange', () => {
  test('Δ > 0: 增加…，增长p%', () => {
    const c = computeChange(d('933.55'), d('833.33'));
    expect(c).toMatchObject({ kind: 'increase', reasonRequired: true });
    expect(c.delta.toFixed(2)).toBe('100.22');
    expect(changeText('933.55', '833.33')).toBe('增加100.22万元，增长12.0%');
    expect(changeText('4.17', '0.7')).toBe('增加3.47万元，增长495.7%');
  });

  test('Δ < 0: 减少…，下降p% (default) or 减少p% (decreaseVerb)', () => {
    expect(changeText('958.85', '1070.3')).toBe('减少111.45万元，下降10.4%');
    expect(changeText('1915.96', '1981.19', { decreaseVerb: '减少' })).toBe('减少65.23万元，减少3.3%');
    expect(computeChange(d('1'), d('2')).reasonRequired).toBe(true);
  });

  test('Δ = 0 with prev > 0: flat, no percent, no reason required', () => {
    const c = computeChange(d('5.00'), d('5'));
    expect(c).toMatchObject({ kind: 'flat', percent: null, reasonRequired: false });
    expect(changeText('5', '5')).toBe('');
  });

  test('prev = 0, cur > 0: 增加Δ万元 without a percentage', () => {
    const c = computeChange(d('3.2'), d('0'));
    expect(c).toMatchObject({ kind: 'increase', percent: null, reasonRequired: true });
    expect(changeText('3.2', '0')).toBe('增加3.2万元');
  });

  test('prev = 0, cur = 0: flat', () => {
    expect(computeChange(d('0'), d('0'))).toMatchObject({ kind: 'flat', percent: null, reasonRequired: false });
  });

  test('prev > 0, cur = 0: 减少prev万元，下降100%', () => {
    expect(changeText('0', '23.1')).toBe('减少23.1万元，下降100.0%');
    expect(changeText('0', '23.1', { keepTrailingZeros: false })).toBe('减少23.1万元，下降100%');
  });

  test('percent format follows the settings', () => {
    expect(changeText('382.72', '376.44', { percentDecimals: 2 })).toBe('增加6.28万元，增长1.67%');
    expect(changeText('382.72', '376.44', { percentDecimals: 0 })).toBe('增加6.28万元，增长2%');
    expect(changeText('948.6', '1000', { keepTrailingZeros: false })).toBe('减少51.4万元，下降5.1%');
  });
});

function run(rows: CellValue[][], settings: Partial<NarrativeSettings> = {}) {
  return narrate(seed000Model(), readSupplement(supplementGrid([['决算年度', null, 2023], ...rows])), settings);
}
const needsOf = (r: ReturnType<typeof run>, section: string) =>
  r.findings.filter((f) => f.rule === 'NEED' && new RegExp(`^第二部分${section}[需：]`).test(f.message));

describe('change in the sentences', () => {
  test('一, flat: “收、支总计与2022年持平。” and no reason asked', () => {
    const r = run([['收支总计', null, null, 1915.96]]);
    expect(texts(r, '一')[0]).toBe('2023年度收、支总计均为1915.96万元。收、支总计与2022年持平。');
    expect(needsOf(r, '一')).toEqual([]);
  });

  test('一, prev = 0: no percentage; the reason is still required', () => {
    const r = run([['收支总计', null, null, 0, null, '新设立单位']]);
    expect(texts(r, '一')[0]).toBe(
      '2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各增加1915.96万元。主要变动原因：新设立单位。',
    );
  });

  test('一, Δ ≠ 0 without a reason: placeholder and a NEED naming the 原因说明 cell', () => {
    const r = run([['收支总计', null, null, 1981.19]]);
    expect(texts(r, '一')[0]).toBe(
      '2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各减少65.23万元，下降3.3%。主要变动原因：【请填写原因】。',
    );
    const need = needsOf(r, '一');
    expect(need).toHaveLength(1);
    expect(need[0]).toMatchObject({ severity: 'warning', cells: [{ sheet: '补充信息', address: 'F4' }] });
    expect(need[0].message).toContain('收、支总计较上年减少');
    expect(need[0].message).toContain('“收支总计”行的“原因说明”列');
  });

  test('一, prev missing: placeholder for the change and the reason, NEED for both', () => {
    const r = run([['收支总计', null, null, null]]);
    expect(texts(r, '一')[0]).toBe(
      '2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各【请填写上年数】。主要变动原因：【请填写原因】。',
    );
    const need = needsOf(r, '一');
    expect(need.map((f) => f.cells)).toEqual([[{ sheet: '补充信息', address: 'D4' }], [{ sheet: '补充信息', address: 'F4' }]]);
  });

  test('七（二）: prev = cur = 0 → 持平; prev > 0, cur = 0 → 下降100%', () => {
    const r = run([
      ['因公出国（境）费', null, null, 0],
      ['公务用车购置及运行维护费', null, null, 23.1, null, '车辆划转'],
    ]);
    const out = texts(r, '七（二）');
    expect(out[2]).toContain('因公出国（境）支出决算与2022年持平。');
    expect(out[3]).toContain('公务用车购置及运行维护费支出决算比2022年减少23.1万元，下降100.0%。主要原因是车辆划转。');
  });

  test('十（一）: flat and decrease wording, both styles', () => {
    const flat = run([['机关运行经费', null, 78.81, 78.81]]);
    expect(texts(flat, '十（一）')[0]).toBe('2023年，机关运行经费支出78.81万元，与2022年持平。');
    const b = run(
      [
        ['单位名称', null, '某办公室'],
        ['机关运行经费', null, 78.81, 82.01, null, '厉行节约'],
      ],
      { style: 'B' },
    );
    expect(texts(b, '十（一）')[0]).toBe('2023年，某办公室运行经费支出78.81万元，比2022年减少3.2万元，下降3.9%。主要原因是厉行节约。');
  });
});
