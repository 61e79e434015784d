// seed000 (资阳市人大常委会 2023, “style A”): the generated 第二部分 against the published text.
// Where the seed is wrong or inconsistent the test says why and asserts the right text instead.
import { narrate, narrativeLines, SEED_STYLE_A } from '../../../src/core/narrative';
import type { NarrativeResult } from '../../../src/core/narrative';
import { norm, slotsConsistent, texts } from './helpers';
import { SEED000_TEXT, seed000Model, seed000Supplement } from './seed000';

const seed = (id: string) => SEED000_TEXT[id].map(norm);

describe('seed000 — style A', () => {
  let r: NarrativeResult;
  beforeAll(() => {
    r = narrate(seed000Model(), seed000Supplement(), SEED_STYLE_A);
  });

  test('year and no missing inputs', () => {
    expect(r.year).toBe(2023);
    expect(r.findings.filter((f) => f.rule === 'NEED')).toEqual([]);
  });

  test.each(['一', '二', '三', '四', '五（二）', '六', '七（一）', '八', '九', '十（二）', '十（三）', '十（四）'])(
    '%s: reproduced exactly (chart captions included)', (id) => {
      expect(texts(r, id as never)).toEqual(seed(id));
    });

  test('五（一）: share of T01 本年支出合计 is 97.8%, not the published 99.6%', () => {
    // 1843.18 / 1883.7 = 97.85%. The seed's 99.6% is 1843.18 / 1850.52 (财政拨款收支总计), the wrong denominator.
    expect(texts(r, '五（一）')).toEqual([seed('五（一）')[0].replace('99.6%', '97.8%'), seed('五（一）')[1]]);
  });

  test('五（二）: plugLargest reproduces 85.3 / 6.6 / 3.5 / 4.6; largestRemainder would not', () => {
    expect(texts(r, '五（二）')[0]).toContain('占85.3%；');
    const lr = narrate(seed000Model(), seed000Supplement(), { ...SEED_STYLE_A, shareMode: 'largestRemainder' });
    expect(texts(lr, '五（二）')[0]).toContain('一般公共服务（类）支出1570.82万元，占85.2%；社会保障和就业（类）支出121.83万元，占6.6%；卫生健康支出（类）65.26万元，占3.6%；住房保障支出（类）85.27万元，占4.6%。');
  });

  test('五（三）: 15 项 items; one wording (“支出决算为”, “完成预算”), one percent format', () => {
    const out = texts(r, '五（三）');
    expect(out).toHaveLength(16);
    expect(out[0]).toBe(seed('五（三）')[0]);
    expect(out[1]).toBe(seed('五（三）')[1]);
    // The seed alternates “支出决算为/支出决算” and “完成预算/完成预算的”, prints 100% for items 2–11 but
    // 100.0% for 12–15, and doubles the final “。” of item 7. The generated text uses one form.
    const unify = (s: string) => s.replace('支出决算为', '支出决算').replace('支出决算', '支出决算为')
      .replace('完成预算的', '完成预算').replace('100.0%', '100%').replace('。。', '。');
    expect(out.slice(1)).toEqual(seed('五（三）').slice(1).map(unify));
    expect(out[7]).toBe('7．一般公共服务（类）人大事务（款）事业运行（项）：支出决算为55.96万元，完成预算91.1%，决算数小于调整预算数的主要原因是机构撤并人员分流，预算经费划入相关单位。');
  });

  test('七（二）: 0/0 budgets leave 完成预算 out; 持平 and 下降100% instead of the seed’s slips', () => {
    const out = texts(r, '七（二）');
    expect(out.slice(0, 2)).toEqual(seed('七（二）').slice(0, 2));
    // seed: “完成预算0%” (0 of a 0 budget) and “比2022年增加0万元，增长0.0%” (nothing changed)
    expect(out[2]).toBe('1．因公出国（境）经费支出0万元。全年安排因公出国（境）团组0次，出国（境）0人。因公出国（境）支出决算与2022年持平。');
    // seed: “较2022年减少23.1万元，主要原因是…” — the percentage of a fall to zero (100%) is missing
    expect(out[3]).toBe('2．公务用车购置及运行维护费支出0万元。公务用车购置及运行维护费支出决算比2022年减少23.1万元，减少100%。主要原因是所有公务车辆划转市国资委，本年度不再产生公车运行维护费。');
    expect(out.slice(4)).toEqual(seed('七（二）').slice(4));
  });

  test('十（一）: 1.7% at one decimal (the seed prints 1.66%, two decimals truncated)', () => {
    // 6.28 / 376.44 = 1.6683%: 1.7% at one decimal, 1.67% at two — never 1.66%.
    expect(texts(r, '十（一）')).toEqual([seed('十（一）')[0].replace('1.66%', '1.7%')]);
    const two = narrate(seed000Model(), seed000Supplement(), { ...SEED_STYLE_A, percentDecimals: 2 });
    expect(texts(two, '十（一）')[0]).toContain('增长1.67%，');
  });

  test('headings: 七 worded as seed000, 九 keeps its ordinal', () => {
    const lines = narrativeLines(r);
    expect(lines).toContain('七、财政拨款“三公”经费支出决算情况说明');
    expect(lines).toContain('（一）“三公”经费财政拨款支出决算总体情况说明');
    // the seed drops “九、” from the heading
    expect(lines).toContain('九、国有资本经营预算支出决算情况说明');
    expect(lines.filter((l) => /^[一二三四五六七八九十]+、/.test(l))).toHaveLength(10);
  });

  test('六 uses the published 基本支出 (T06 1499.61), not 人员 + 公用 re-added (1499.62)', () => {
    const p = r.sections.find((s) => s.id === '六')!.paragraphs[0];
    expect(p.slots[0]).toMatchObject({ text: '1499.61', cells: [{ sheet: 'T06' }] });
  });

  test('every slot sits where it says', () => {
    for (const s of r.sections) for (const p of s.paragraphs) expect(slotsConsistent(p)).toBe(true);
  });
});
