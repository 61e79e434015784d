// §4.1.5 budget completion: every case, as numbers and in the 五（三） / 七 sentences.
import type { CellValue } from '../../../src/core/grid';
import { Decimal } from '../../../src/core/money';
import { computeCompletion, fmtRate, narrate, reasonLead } from '../../../src/core/narrative';
import type { NarrativeSettings } from '../../../src/core/narrative';
import { readSupplement } from '../../../src/core/supplement';
import { classified, model, sanGong, supplementGrid, texts } from './helpers';
import { seed000Model } from './seed000';

const d = (s: string) => new Decimal(s);

describe('computeCompletion', () => {
  test('actual < budget: rate and a required reason “决算数小于…”', () => {
    const c = computeCompletion(d('1166.96'), d('1168'), 1, true);
    expect(c).toMatchObject({ case: 'under', rateText: '99.9%', reasonRequired: true });
    expect(reasonLead(c.case, '调整预算数')).toBe('决算数小于调整预算数的主要原因是');
    expect(reasonLead(c.case, '预算数')).toBe('决算数小于预算数的主要原因是');
  });

  test('actual > budget: rate and a required reason “决算数大于…”', () => {
    const c = computeCompletion(d('4.17'), d('3.61'), 1, true);
    expect(c).toMatchObject({ case: 'over', rateText: '115.5%', reasonRequired: true });
    expect(reasonLead(c.case, '预算数')).toBe('决算数大于预算数的主要原因是');
  });

  test('actual = budget: 100.0% / 100%, no reason required', () => {
    expect(computeCompletion(d('831.52'), d('831.52'), 1, true)).toMatchObject({
      case: 'equal',
      rateText: '100.0%',
      reasonRequired: false,
    });
    expect(computeCompletion(d('28.45'), d('28.45'), 1, false)).toMatchObject({ case: 'equal', rateText: '100%' });
    expect(reasonLead('equal', '调整预算数')).toBeNull();
  });

  test('budget 0, actual 0: no rate at all (the seeds’ “完成预算0%” divides 0 by 0)', () => {
    expect(computeCompletion(d('0'), d('0'), 1, true)).toEqual({ case: 'none', reasonRequired: false });
  });

  test('budget 0, actual > 0: unbudgeted, reason required', () => {
    expect(computeCompletion(d('5'), d('0'), 1, true)).toEqual({ case: 'unbudgeted', reasonRequired: true });
    expect(reasonLead('unbudgeted', '调整预算数')).toBe('决算数大于调整预算数的主要原因是');
  });

  test('amounts differ but the rate rounds to 100%: more decimals', () => {
    expect(fmtRate(d('99.96'), d('999.6'), d('1000'), 1, true)).toBe('99.96%');
    expect(computeCompletion(d('999.6'), d('1000'), 1, true).rateText).toBe('99.96%');
    expect(computeCompletion(d('1000.4'), d('1000'), 1, true).rateText).toBe('100.04%');
    expect(computeCompletion(d('999.99'), d('1000'), 1, false).rateText).toBe('99.999%');
    expect(computeCompletion(d('999.99'), d('1000'), 1, true).rateText).toBe('99.999%');
    expect(computeCompletion(d('999.6'), d('1000'), 0, false).rateText).toBe('99.96%');
    // and a rate that would print as 0% while money was spent
    expect(computeCompletion(d('0.01'), d('1000'), 1, true).rateText).toBe('0.001%');
  });

  test('wording is decided on the amounts, not the rounded rate', () => {
    expect(computeCompletion(d('999.99'), d('1000'), 1, true).case).toBe('under');
  });
});

/** One 项 row in T06, its budget row in 补充信息, plus T10 for 七. */
function run(budget: CellValue, reason: CellValue, settings: Partial<NarrativeSettings> = {}, actual = '100') {
  const base = seed000Model();
  const m = model(
    ...(Object.values(base.tables).filter((t) => t && t.id !== 'T06' && t.id !== 'T10') as never[]),
    classified(
      'T06',
      ['合计', '基本支出', '项目支出'],
      [
        ['合计', '合计', actual, actual, '0'],
        ['201', '一般公共服务支出', actual, actual, '0'],
        ['20101', '人大事务', actual, actual, '0'],
        ['2010101', '行政运行', actual, actual, '0'],
      ],
    ),
    sanGong('T10', { 预算数: ['10', '0', '0', '0', '0', '10'], 决算数: ['12', '0', '0', '0', '0', '12'] }),
  );
  const sup = readSupplement(
    supplementGrid([
      ['决算年度', null, 2023],
      ['一般公共预算财政拨款支出', null, null, null, budget],
      ['行政运行', '2010101', null, null, budget, reason],
      ['“三公”经费', null, null, 12],
      ['公务接待费', null, null, 12],
    ]),
  );
  return narrate(m, sup, settings);
}
const item = (r: ReturnType<typeof run>) => texts(r, '五（三）')[1];
const needs53 = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.rule === 'NEED' && f.message.startsWith('第二部分五（三）'));

describe('completion in 五（三）', () => {
  const head = '1．一般公共服务支出（类）人大事务（款）行政运行（项）：支出决算为100万元';

  test('under budget with a reason', () => {
    expect(item(run(125, '结转下年'))).toBe(`${head}，完成预算80.0%，决算数小于调整预算数的主要原因是结转下年。`);
  });

  test('over budget without a reason: placeholder + NEED on the code row’s 原因说明 cell', () => {
    const r = run(80, null);
    expect(item(r)).toBe(`${head}，完成预算125.0%，决算数大于调整预算数的主要原因是【请填写原因】。`);
    expect(needs53(r)).toHaveLength(1);
    expect(needs53(r)[0]).toMatchObject({ severity: 'warning', cells: [{ sheet: '补充信息', address: 'F5' }] });
    expect(needs53(r)[0].message).toContain('科目2010101');
  });

  test('equal: no reason needed; a reason given is quoted (seed000 “主要原因是严格按预算执行”)', () => {
    expect(item(run(100, null))).toBe(`${head}，完成预算100.0%。`);
    expect(needs53(run(100, null))).toEqual([]);
    expect(item(run(100, '严格按预算执行', { keepTrailingZeros: false }))).toBe(`${head}，完成预算100%，主要原因是严格按预算执行。`);
  });

  test('budget 0, actual 0: the 完成预算 clause is left out', () => {
    const r = run(0, null, { omitZeroItems: false }, '0');
    expect(item(r)).toBe('1．一般公共服务支出（类）人大事务（款）行政运行（项）：支出决算为0万元。');
    expect(texts(r, '五（三）')[0]).toBe('2023年一般公共预算支出决算数为0万元。其中：');
  });

  test('budget 0, actual > 0: “未安排预算” and a required reason', () => {
    const r = run(0, null);
    expect(item(r)).toBe(`${head}，未安排预算，决算数大于调整预算数的主要原因是【请填写原因】。`);
    expect(needs53(r)[0].message).toContain('未安排预算但有支出');
  });

  test('budget missing: placeholder and NEED naming the 预算数 cell', () => {
    const r = run(null, null);
    expect(item(r)).toBe(`${head}，完成预算【请填写预算数】。`);
    expect(texts(r, '五（三）')[0]).toBe('2023年一般公共预算支出决算数为100万元，完成预算【请填写预算数】。其中：');
    const cells = needs53(r).map((f) => f.cells[0]?.address);
    expect(cells).toEqual(['E4', 'E5']);
  });

  test('99.96% instead of a self-contradictory 100.0%', () => {
    expect(item(run(100.04, '小额结余'))).toBe(`${head}，完成预算99.96%，决算数小于调整预算数的主要原因是小额结余。`);
  });
});

describe('completion in 七', () => {
  test('style A: over budget and up on last year share one reason', () => {
    const r = run(100, null);
    expect(texts(r, '七（一）')[0]).toBe(
      '2023年“三公”经费财政拨款支出决算为12万元，完成预算120.0%，与上年持平。主要原因是【请填写原因】。',
    );
    const need = r.findings.find((f) => f.message.startsWith('第二部分七（一）'));
    expect(need?.message).toContain('决算数大于预算数');
  });

  test('style B: “决算数大于预算数的主要原因是…”, no year-on-year clause', () => {
    const r = run(100, null, { style: 'B' });
    expect(texts(r, '七（一）')[0]).toBe(
      '2023年“三公”经费财政拨款支出决算为12万元，完成预算120.0%，决算数大于预算数的主要原因是【请填写原因】。',
    );
  });
});
