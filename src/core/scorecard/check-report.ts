// SC-5: scores, deductions and grades quoted in the 自评报告 (“得分 98 分”, “扣分 1 分”, “等级为“优””)
// equal the sheet: the total, or the indicator the clause names (“支付进度率得分1分”, “支付进度率扣1分”). Each claim is matched to the scorecard the text is talking about: the last
// scorecard named before it (部门整体 or a project name), carried across paragraphs.
import { Decimal } from '../money';
import type { CellRef, Finding } from '../finding';
import { statedTotal } from './check-template';
import { finding, cardName } from './findings';
import { band, canonicalGrade } from './scoring';
import type { Scorecard, ScoreSettings } from './types';
import { fmt, norm } from './text';

type Claim =
  | { kind: 'score'; value: Decimal; text: string; at: number }
  | { kind: 'deduction'; value: Decimal; text: string; at: number }
  | { kind: 'grade'; grade: string; text: string; at: number };

/** “自评得分98分”, “综合得分为98分”, “自评总分98分”, “自评分为98分”, “最终得分：98分”; not “满分100分”, “总分100分”. */
const SCORE =
  /(?:(?:自评|综合|评价|最终|考核)(?:总得分|总分|得分|评分|分数|分)|总得分|得分)(?:合计)?(?:为|是|：|:|达到|达)?(\d+(?:\.\d+)?)分/g;
/** “扣2分”, “扣分2分”, “共扣除2分”, “扣减了2分”, “失分2分”. */
const DEDUCTION = /(?:扣(?:分|除|减)?|失分)(?:合计|共计|为|了)?(\d+(?:\.\d+)?)分/g;
const GRADE =
  /(?:等级|结论|评价结果|评定)(?:为|是|：|:)?[“"「『]?(优秀|优|良好|良|中等|中|合格|及格|较差|差)[”"」』]?(?=$|[^\u4e00-\u9fa5]|等|级)/g;

function claimsIn(text: string): Claim[] {
  const out: Claim[] = [];
  for (const m of text.matchAll(SCORE)) out.push({ kind: 'score', value: new Decimal(m[1]), text: m[0], at: m.index ?? 0 });
  for (const m of text.matchAll(DEDUCTION)) {
    const at = m.index ?? 0;
    if (/每/.test(text.slice(Math.max(0, at - 12), at))) continue; // a scoring rule (“每超过…扣1分”), not a claim
    out.push({ kind: 'deduction', value: new Decimal(m[1]), text: m[0], at });
  }
  for (const m of text.matchAll(GRADE)) out.push({ kind: 'grade', grade: m[1], text: m[0], at: m.index ?? 0 });
  return out.sort((a, b) => a.at - b.at);
}

/** Names by which the text refers to each scorecard. */
function namesOf(sc: Scorecard): string[] {
  if (sc.kind === 'department') return ['部门整体'];
  const p = norm(sc.projectName ?? '');
  if (p === '') return [];
  const bare = p.replace(/项目$/, '');
  return bare.length >= 2 && bare !== p ? [p, bare] : [p];
}

/** The last scorecard named in `text` before position `end`. */
function lastMention(text: string, end: number, cards: Scorecard[]): { sc: Scorecard; at: number } | undefined {
  let best: { sc: Scorecard; at: number } | undefined;
  for (const sc of cards) {
    for (const name of namesOf(sc)) {
      const at = text.lastIndexOf(name, end);
      if (at >= 0 && at < end && (!best || at > best.at)) best = { sc, at };
    }
  }
  return best;
}

const SENTENCE_END = /[。；;！!？?]/;

function sentenceBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !SENTENCE_END.test(text[i - 1])) i--;
  return text.slice(i, at);
}

/** The text since the last comma of the sentence: “取得良好社会效益，自评得分98分” → “自评”. */
function clauseBefore(sentence: string): string {
  return sentence.slice(
    Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(','), sentence.lastIndexOf('：'), sentence.lastIndexOf(':')) + 1,
  );
}

/** The indicator (name or alias of three characters or more) the text names last. */
function indicatorNamed(sc: Scorecard, text: string): Scorecard['indicators'][number] | undefined {
  let best: { ind: Scorecard['indicators'][number]; at: number } | undefined;
  for (const ind of sc.indicators) {
    for (const name of [ind.name, ...(ind.rule?.aliases ?? [])]) {
      const at = name.length >= 3 ? text.lastIndexOf(norm(name)) : -1;
      if (at >= 0 && (!best || at > best.at)) best = { ind, at };
    }
  }
  return best?.ind;
}

/** Check one claim against one scorecard; undefined when it agrees. */
function disagreement(
  claim: Claim,
  sc: Scorecard,
  sentence: string,
  s: ScoreSettings,
): { msg: string; cell: Finding['cells'][number] } | undefined {
  const total = statedTotal(sc);
  const totalCell = sc.total?.cell ?? sc.titleCell;
  if (claim.kind === 'score') {
    // “支付进度率得分1分”: an indicator named in the clause before the claim is what is scored
    const ind = indicatorNamed(sc, clauseBefore(sentence));
    if (ind) {
      const got = ind.score ?? new Decimal(0);
      if (claim.value.eq(got)) return undefined;
      return { msg: `计分表“${ind.name}”得${fmt(got)}分，相差${fmt(claim.value.sub(got).abs())}分`, cell: ind.scoreCell };
    }
    if (claim.value.eq(total)) return undefined;
    return { msg: `计分表合计${fmt(total)}分，相差${fmt(claim.value.sub(total).abs())}分`, cell: totalCell };
  }
  if (claim.kind === 'deduction') {
    const ind = indicatorNamed(sc, sentence);
    if (ind && ind.max) {
      const lost = ind.max.sub(ind.score ?? 0);
      if (claim.value.eq(lost)) return undefined;
      return {
        msg: `计分表“${ind.name}”扣${fmt(lost)}分（满分${fmt(ind.max)}分，得${fmt(ind.score ?? new Decimal(0))}分），相差${fmt(claim.value.sub(lost).abs())}分`,
        cell: ind.scoreCell,
      };
    }
    const lost = new Decimal(s.totalPoints).sub(total);
    if (claim.value.eq(lost)) return undefined;
    return { msg: `计分表合计${fmt(total)}分即共扣${fmt(lost)}分，相差${fmt(claim.value.sub(lost).abs())}分`, cell: totalCell };
  }
  const expected = band(total, s);
  if (canonicalGrade(claim.grade, s) === expected) return undefined;
  return { msg: `计分表合计${fmt(total)}分对应等级“${expected}”`, cell: sc.grade?.cell ?? totalCell };
}

/** A paragraph of the 自评报告: from the caller (numbered), or a cell of a 自评报告 sheet. */
export interface ReportParagraph {
  text: string;
  cell?: CellRef;
}

export function checkReport(paragraphs: (string | ReportParagraph)[] | undefined, cards: Scorecard[], s: ScoreSettings): Finding[] {
  if (!paragraphs || cards.length === 0) return [];
  const out: Finding[] = [];
  let carried: Scorecard | undefined;
  paragraphs.forEach((p, index) => {
    const { text: raw, cell } = typeof p === 'string' ? { text: p, cell: undefined } : p;
    const text = norm(raw); // no spaces or quotes: “自评得分 99 分” → 自评得分99分, “三公经费”控制率 → 三公经费控制率
    const where = cell ? `自评报告（${cell.sheet}!${cell.address}）` : `自评报告第${index + 1}段`;
    const own = cell ? [cell] : [];
    for (const claim of claimsIn(text)) {
      const mention = lastMention(text, claim.at, cards);
      const sc = mention?.sc ?? carried ?? (cards.length === 1 ? cards[0] : undefined);
      const sentence = sentenceBefore(text, claim.at);
      const quoted = `${where}“${claim.text}”`;
      if (sc) {
        const d = disagreement(claim, sc, sentence, s);
        if (d) out.push(finding('SC-5', 'error', `${quoted}与${cardName(sc)}不符：${d.msg}`, [d.cell, ...own]));
      } else if (cards.every((c) => disagreement(claim, c, sentence, s))) {
        out.push(
          finding(
            'SC-5',
            'error',
            `${quoted}与任何一张计分表都不符（${cards.map((c) => `${cardName(c)}合计${fmt(statedTotal(c))}分`).join('，')}）`,
            [...cards.map((c) => c.total?.cell ?? c.titleCell), ...own],
          ),
        );
      }
    }
    carried = lastMention(text, text.length, cards)?.sc ?? carried;
  });
  return out;
}
