// seed000 (资阳市人大常委会 2023, “style A”): the generated 第二部分 against the published text.
// Where the seed is wrong or inconsistent the test says why and asserts the right text instead.
import { narrate, narrativeLines, SEED_STYLE_A } from '../../../src/core/narrative';
import type { NarrativeResult } from '../../../src/core/narrative';
import { norm, slotsConsistent, texts } from './helpers';
import { SEED000_TEXT, seed000Model, seed000Supplement } from './seed000';
import { SEED000_EXPECTED, SEED000_SAN_GONG_ITEMS, SEED000_VERBATIM } from './seed-expected';

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

  test.each(SEED000_VERBATIM)('%s: reproduced exactly (chart captions included)', (id) => {
    expect(SEED000_EXPECTED[id]).toEqual(seed(id));
    expect(texts(r, id)).toEqual(SEED000_EXPECTED[id]);
  });

  test('五（一）: share of T01 本年支出合计 is 97.8%, not the published 99.6%', () => {
    // 1843.18 / 1883.7 = 97.85%. The seed's 99.6% is 1843.18 / 1850.52 (财政拨款收支总计), the wrong denominator.
    expect(texts(r, '五（一）')).toEqual(SEED000_EXPECTED['五（一）']);
  });

  test('五（二）: plugLargest reproduces 85.3 / 6.6 / 3.5 / 4.6; largestRemainder would not', () => {
    expect(texts(r, '五（二）')[0]).toContain('占85.3%；');
    const lr = narrate(seed000Model(), seed000Supplement(), { ...SEED_STYLE_A, shareMode: 'largestRemainder' });
    expect(texts(lr, '五（二）')[0]).toContain(
      '一般公共服务（类）支出1570.82万元，占85.2%；社会保障和就业（类）支出121.83万元，占6.6%；卫生健康支出（类）65.26万元，占3.6%；住房保障支出（类）85.27万元，占4.6%。',
    );
  });

  test('五（三）: 15 项 items; one wording (“支出决算为”, “完成预算”), one percent format', () => {
    const out = texts(r, '五（三）');
    expect(out).toHaveLength(16);
    expect(out[0]).toBe(seed('五（三）')[0]);
    expect(out[1]).toBe(seed('五（三）')[1]);
    // The seed alternates “支出决算为/支出决算” and “完成预算/完成预算的”, prints 100% for items 2–11 but
    // 100.0% for 12–15, and doubles the final “。” of item 7. The generated text uses one form
    // (unifySeed000Item in seed-expected.ts).
    expect(out).toEqual(SEED000_EXPECTED['五（三）']);
    expect(out[7]).toBe(
      '7．一般公共服务（类）人大事务（款）事业运行（项）：支出决算为55.96万元，完成预算91.1%，决算数小于调整预算数的主要原因是机构撤并人员分流，预算经费划入相关单位。',
    );
  });

  test('七（二）: 0/0 budgets leave 完成预算 out; 持平 and 下降100% instead of the seed’s slips', () => {
    const out = texts(r, '七（二）');
    expect(out.slice(0, 2)).toEqual(seed('七（二）').slice(0, 2));
    // seed: “完成预算0%” (0 of a 0 budget) and “比2022年增加0万元，增长0.0%” (nothing changed);
    // “较2022年减少23.1万元，主要原因是…” — the percentage of a fall to zero (100%) is missing
    expect(out.slice(2, 4)).toEqual(SEED000_SAN_GONG_ITEMS);
    expect(out).toEqual(SEED000_EXPECTED['七（二）']);
  });

  test('十（一）: 1.7% at one decimal (the seed prints 1.66%, two decimals truncated)', () => {
    // 6.28 / 376.44 = 1.6683%: 1.7% at one decimal, 1.67% at two — never 1.66%.
    expect(texts(r, '十（一）')).toEqual(SEED000_EXPECTED['十（一）']);
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
