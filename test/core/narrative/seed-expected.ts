// The 第二部分 paragraphs the seed tests expect narrate() to write for seed000 (style A) and seed002
// (style B): the seeds' published sentences, normalised (helpers.norm), except where a seed is
// wrong or inconsistent — each such departure is explained here, once. Shared by the Model-based
// tests (seed000.test.ts, seed002.test.ts) and the workbook-based ones
// (test/examples/seed-workbooks.test.ts), which must expect the very same text.
import type { SectionId } from '../../../src/core/narrative';
import { norm } from './helpers';
import { SEED000_TEXT } from './seed000';
import { SEED002_TEXT } from './seed002';

const seed000 = (id: SectionId): string[] => SEED000_TEXT[id].map(norm);
const seed002 = (id: SectionId): string[] => SEED002_TEXT[id].map(norm);

// ---- seed000 ---------------------------------------------------------------------------------

/** seed000 sections generated exactly as published (chart captions included). */
export const SEED000_VERBATIM: SectionId[] = [
  '一',
  '二',
  '三',
  '四',
  '五（二）',
  '六',
  '七（一）',
  '八',
  '九',
  '十（二）',
  '十（三）',
  '十（四）',
];

/**
 * 五（三）: the seed alternates “支出决算为/支出决算” and “完成预算/完成预算的”, prints 100% for
 * items 2–11 but 100.0% for 12–15, and doubles the final “。” of item 7. The generated text uses
 * one form.
 */
export function unifySeed000Item(s: string): string {
  return s
    .replace('支出决算为', '支出决算')
    .replace('支出决算', '支出决算为')
    .replace('完成预算的', '完成预算')
    .replace('100.0%', '100%')
    .replace('。。', '。');
}

/**
 * 七（二） items 1 and 2. The seed's “完成预算0%” divides 0 by a 0 budget and its “比2022年增加0万元，
 * 增长0.0%” says a change where nothing changed (持平); for 公务用车 it gives the fall “较2022年减少
 * 23.1万元，主要原因是…” without its percentage (a fall to zero: 100%).
 */
export const SEED000_SAN_GONG_ITEMS = [
  '1．因公出国（境）经费支出0万元。全年安排因公出国（境）团组0次，出国（境）0人。因公出国（境）支出决算与2022年持平。',
  '2．公务用车购置及运行维护费支出0万元。公务用车购置及运行维护费支出决算比2022年减少23.1万元，减少100%。主要原因是所有公务车辆划转市国资委，本年度不再产生公车运行维护费。',
];

/** Every section of seed000 as narrate(…, SEED_STYLE_A) must write it. */
export const SEED000_EXPECTED: Partial<Record<SectionId, string[]>> = {
  ...Object.fromEntries(SEED000_VERBATIM.map((id) => [id, seed000(id)])),
  // 1843.18 / 1883.7 = 97.85%. The seed's 99.6% is 1843.18 / 1850.52 (财政拨款收支总计), the wrong denominator.
  '五（一）': [seed000('五（一）')[0].replace('99.6%', '97.8%'), seed000('五（一）')[1]],
  '五（三）': [seed000('五（三）')[0], ...seed000('五（三）').slice(1).map(unifySeed000Item)],
  '七（二）': [...seed000('七（二）').slice(0, 2), ...SEED000_SAN_GONG_ITEMS, ...seed000('七（二）').slice(4)],
  // 6.28 / 376.44 = 1.6683%: 1.7% at one decimal, 1.67% at two — never the seed's 1.66%.
  '十（一）': [seed000('十（一）')[0].replace('1.66%', '1.7%')],
};

// ---- seed002 ---------------------------------------------------------------------------------

/** seed002 sections generated exactly as published (after norm). */
export const SEED002_VERBATIM: SectionId[] = ['三', '四', '五（二）', '七（一）', '八', '九', '十（二）', '十（三）', '十（四）'];

/**
 * Sections compared after norm() on the generated side too: 十（四） quotes the 补充信息's note,
 * which keeps the seed's half-width “附件(第四部分)”.
 */
export const SEED002_NORMALISED: SectionId[] = ['十（四）'];

/**
 * 一 with decreaseVerb 下降: the seed words the same kind of decrease “减少11.3%” in 一 but
 * “下降10.4%” in 四 and 十（一）; one document uses one verb, here 下降 as the majority of seed002.
 */
export const SEED002_ONE =
  '2021年度收、支总计986.91万元（其中包含上年结转38.31万元）。与2020年相比，收、支总计各减少125.97万元，下降11.3%，主要变动原因是上年结转。';

/** 七（二） items 1 and 2: no 0/0 完成预算, 持平 instead of the seed's unresolved “增加/减少0万元，增长/下降0.0%”. */
export const SEED002_SAN_GONG_ITEMS = [
  '1.因公出国（境）经费支出0万元。全年安排因公出国（境）团组0次，出国（境）0人。因公出国（境）支出决算与2020年持平。',
  '2.公务用车购置及运行维护费支出0万元。公务用车购置及运行维护费支出决算与2020年持平。',
];

/** Every section of seed002 as narrate(…, SEED_STYLE_B) must write it. */
export const SEED002_EXPECTED: Partial<Record<SectionId, string[]>> = {
  ...Object.fromEntries(SEED002_VERBATIM.map((id) => [id, seed002(id)])),
  一: [SEED002_ONE],
  // 本年收入合计 is 948.6, not the seed's typo 948.06: 920.54 + 28.06 = 948.60 and 948.60 + 38.31 =
  // 986.91 (总计); the printed 97.0% / 3.0% are shares of 948.60.
  二: [seed002('二')[0].replace('948.06', '948.6')],
  // 933.55 / 986.91 = 94.59%. The seed's 97.4% is 933.55 / 958.85 (财政拨款支出), the wrong denominator.
  '五（一）': [seed002('五（一）')[0].replace('97.4%', '94.6%')],
  '五（三）': [
    // the seed omits 万元 after 933.55
    '2021年一般公共预算支出决算数为933.55万元，完成预算100.0%。其中：',
    seed002('五（三）')[1],
    seed002('五（三）')[2],
    // the seed prints “卫生健康（类）” here but “卫生健康支出（类）” in its own 五（二）; one name per 类
    '3.卫生健康支出（类）行政事业单位医疗（款）：支出决算为23.18万元，完成预算100.0%。',
    // the seed's item 4 reads “支出决算数为 … 完成预算数 …”; all items use one wording
    '4.住房保障支出（类）住房改革支出（款）：支出决算为36.92万元，完成预算100.0%。',
  ],
  // the seed writes “其他交通费”; the 经济分类 款 (and so the table) is 其他交通费用
  六: [seed002('六')[0], seed002('六')[1].replace('其他交通费23.22', '其他交通费用23.22')],
  // the seed's item 2 is split over two paragraphs (its 4th and 5th); the rest is reproduced
  '七（二）': [seed002('七（二）')[0], ...SEED002_SAN_GONG_ITEMS, ...seed002('七（二）').slice(4)],
  // with the final 。 the seed lacks
  '十（一）': [seed002('十（一）')[0] + '。'],
};
