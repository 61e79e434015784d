// The scoring rule printed beside a 满意度 indicator (its 指标说明), read into a ScoreRule so that
// scoring.ts derives the score (SC-11). Three common forms are read; anything else is undefined and
// the caller reports 未核验. Written by hand: no library reads these Chinese rule sentences, and the
// expression parser of expr.ts reads arithmetic, not “每降低1个百分点扣0.5分”. Bounded: only the
// first RULE_TEXT_MAX_CHARS characters are read, and every pattern is linear (no nested repeats).
import { Decimal } from '../money';
import type { RuleSpec, ScoreBand } from './types';
import { asciiDigits, fmt } from './text';

export const RULE_TEXT_MAX_CHARS = 500;

export interface ParsedRuleText {
  rule: RuleSpec;
  /** full marks the text states (“得10分”), when it states a number rather than 满分 */
  points?: Decimal;
  /** the words the rule was read from, for messages */
  source: string;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const SMALL_NUMERALS: Record<string, string> = { 一: '1', 两: '2', 二: '2', 三: '3', 五: '5', 十: '10' };

/** One spelling per idea: ≥ for “大于等于/不低于/不少于”, digits for “一个百分点”, no spaces. */
export function normaliseRuleText(text: string): string {
  return asciiDigits(text.slice(0, RULE_TEXT_MAX_CHARS))
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/％/g, '%')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/＝/g, '=')
    .replace(/＞=|>=|＞＝|大于或等于|大于等于|不低于|不少于/g, '≥')
    .replace(/＜/g, '<')
    .replace(/每([一两二三五十])个?百分点/g, (_, n: string) => `每${SMALL_NUMERALS[n]}个百分点`)
    .replace(/(降低|低于|下降|减少|少|降)([一两二三五十])个?百分点/g, (_, v: string, n: string) => `${v}${SMALL_NUMERALS[n]}个百分点`);
}

const POINTS = String.raw`(满分|\d+(?:\.\d+)?分)`;

/** “满意度≥90%得满分，每降低1个百分点扣0.5分” (also 以上 / 的 / 计 / “每低于1%减0.5分”). */
const STEP = new RegExp(
  String.raw`≥?${NUM}%(?:\(含\))?(?:及以上|以上)?的?(?:得|计)${POINTS}[，,；;]?(?:满意[度率])?(?:每|比例)?(?:降低|低于|下降|减少|少|降)${NUM}(?:个百分点|%)(?:扣|减)${NUM}分`,
);
/** “90%(含)以上得10分”, “≥90%的计10分”, “高于90%得10分” */
const BAND_FROM = new RegExp(String.raw`(≥|>|高于|超过|大于)?${NUM}%(\(含\))?(及以上|以上)?的?(?:得|计)${POINTS}`, 'g');
/** “80%-90%得8分”, “80%(含)至90%(不含)的得8分” */
const BAND_RANGE = new RegExp(String.raw`${NUM}%?(?:\(含\))?[-—–~～至到]${NUM}%(?:\((?:不)?含\))?(?:之间)?的?(?:得|计)${POINTS}`, 'g');
/** “低于80%不得分”, “<80%的得0分” */
const BELOW = new RegExp(String.raw`(?:低于|<|不足|小于|未达到)${NUM}%的?(?:不得分|得0分|计0分)`);
const PROPORTIONAL = /按[^，。；;,]*满意[率度][^，。；;,]*(?:计算得分|计分|得分|折算)|满意[率度]\)?[×*]|[×*]\(?满意[率度]/;

function points(text: string): Decimal | undefined {
  return text === '满分' ? undefined : new Decimal(text.replace('分', ''));
}

const bandText = (p: string) => (p === '满分' ? '满分' : p.replace('分', ''));

function readBands(t: string): ParsedRuleText | undefined {
  const bands: (ScoreBand & { at: number; text: string })[] = [];
  let stated: Decimal | undefined;
  for (const m of t.matchAll(BAND_RANGE)) {
    bands.push({ min: m[1], inclusive: true, points: bandText(m[3]), at: m.index ?? 0, text: m[0] });
  }
  const below = BELOW.exec(t);
  const inBelow = (at: number) => !!below && at >= below.index && at < below.index + below[0].length;
  for (const m of t.matchAll(BAND_FROM)) {
    const at = m.index ?? 0;
    if (inBelow(at) || bands.some((b) => at >= b.at && at < b.at + b.text.length)) continue; // “低于70%得0分”, a range's upper end
    const exclusive = /^(?:>|高于|超过|大于)$/.test(m[1] ?? '') && !m[3] && !m[4];
    const p = points(m[5]);
    if (p) stated = Decimal.max(stated ?? p, p);
    bands.push({ min: m[2], inclusive: !exclusive, points: bandText(m[5]), at, text: m[0] });
  }
  if (bands.length === 0 || (bands.length === 1 && !below)) return undefined;
  const sorted = [...bands].sort((a, b) => new Decimal(b.min).cmp(a.min));
  return {
    rule: {
      kind: 'bands',
      bands: sorted.map(({ min, inclusive, points: p }) => ({ min, inclusive, points: p })),
      ...(below ? { below: '0' } : {}),
    },
    points: stated,
    source: [...bands.sort((a, b) => a.at - b.at).map((b) => b.text), ...(below ? [below[0]] : [])].join('，'),
  };
}

/** The rule the text states, or undefined when it states none of the known forms. */
export function parseRuleText(text: string): ParsedRuleText | undefined {
  const t = normaliseRuleText(text);
  const step = STEP.exec(t);
  if (step) {
    return {
      rule: { kind: 'underFloor', target: step[1], step: step[3], deduct: step[4] },
      points: points(step[2]),
      source: step[0],
    };
  }
  const bands = readBands(t);
  if (bands) return bands;
  const proportional = PROPORTIONAL.exec(t);
  if (proportional) return { rule: { kind: 'proportional' }, source: proportional[0] };
  return undefined;
}

/** “满分” for a band given as 满分 (its points are the indicator's max). */
export function bandPoints(band: ScoreBand, max: Decimal): Decimal {
  return band.points === '满分' ? max : new Decimal(band.points);
}

export const describeBand = (b: ScoreBand) => `${b.inclusive ? '≥' : '>'}${fmt(new Decimal(b.min))}%`;
