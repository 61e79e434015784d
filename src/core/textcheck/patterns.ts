// Small parsers for the numbers of the narrative: amounts with 万元, percentages, 增减 clauses,
// completion rates. They read the normalised text (normalize.ts).
import { Decimal } from '../money';
import type { ChangeClause, Pct } from './types';

/** A number as printed: digits with an optional decimal part. */
export const NUM = String.raw`\d+(?:\.\d+)?`;

export function dec(s: string): Decimal {
  return new Decimal(s);
}

export function pctOf(number: string): Pct {
  const i = number.indexOf('.');
  return { value: dec(number), decimals: i < 0 ? 0 : number.length - i - 1, text: `${number}%` };
}

export interface Found {
  value: Decimal;
  /** The number as printed. */
  number: string;
  /** Lead words + number (+ unit): “本年收入合计948.06万元”. */
  token: string;
  index: number;
  end: number;
  hasUnit: boolean;
}

function source(lead: RegExp | string): string {
  return typeof lead === 'string' ? lead : lead.source;
}

/** The first `{lead}{number}{万元?}` from `from` (the others are not read). */
export function findAmount(text: string, lead: RegExp | string, from = 0): Found | undefined {
  const re = amountPattern(lead);
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? foundAmount(m) : undefined;
}

// The leads are the readers' and the templates' own patterns (a fixed set, never workbook text):
// each search pattern is compiled once, not per paragraph. Every use sets lastIndex first.
const compiled = new Map<string, RegExp>();

function compiledOnce(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(pattern, 'g')));
  return re;
}

export function findAllAmounts(text: string, lead: RegExp | string, from = 0): Found[] {
  const re = amountPattern(lead);
  re.lastIndex = from;
  const out: Found[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(foundAmount(m));
  return out;
}

const amountPattern = (lead: RegExp | string) => compiledOnce(`(?:${source(lead)})(${NUM})(万元)?(?![\\d.])`);

function foundAmount(m: RegExpExecArray): Found {
  return { value: dec(m[1]), number: m[1], token: m[0], index: m.index, end: m.index + m[0].length, hasUnit: m[2] !== undefined };
}

/** The first `{lead}{integer}{counter}`: “共有车辆2辆”. */
export function findCount(text: string, lead: RegExp | string, counter: string, from = 0): Found | undefined {
  const re = compiledOnce(`(?:${source(lead)})(\\d+)(?:${counter})`);
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { value: dec(m[1]), number: m[1], token: m[0], index: m.index, end: m.index + m[0].length, hasUnit: true } : undefined;
}

export interface FoundPct {
  pct: Pct;
  token: string;
  index: number;
  end: number;
}

/** The first `{lead}{number}%`. */
export function findPct(text: string, lead: RegExp | string, from = 0): FoundPct | undefined {
  const re = compiledOnce(`(?:${source(lead)})(${NUM})%`);
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { pct: pctOf(m[1]), token: m[0].replace(/^，/, ''), index: m.index, end: m.index + m[0].length } : undefined;
}

/** “完成预算99.6%”, “完成预算的100%”, “完成预算数100.0%”, “完成调整预算的91.1%”, “完成年初预算的95.89%”. */
export const RATE_LEAD = '完成(?:调整|年初|全年)?预算(?:数)?(?:的)?';

/** “决算数小于调整预算数”, “决算数大于预算数”, “决算数与调整预算数持平”. */
const COMPARATIVE = /决算数?(小于|低于|少于|大于|高于|超过|等于|与)(?:调整|全年|年初)?预算数?(持平)?/g;

export function findComparative(text: string, from = 0): { word: '小于' | '大于' | '等于'; token: string; index: number } | undefined {
  COMPARATIVE.lastIndex = from;
  const m = COMPARATIVE.exec(text);
  if (!m) return undefined;
  const w = m[1];
  if (w === '与' && !m[2]) return undefined;
  const word = ['小于', '低于', '少于'].includes(w) ? '小于' : ['大于', '高于', '超过'].includes(w) ? '大于' : '等于';
  return { word, token: m[0], index: m.index };
}

// ---- 增减 clauses -------------------------------------------------------------------------

const ALT_UP_DOWN = '增加\\/减少|减少\\/增加|增加（减少）|增（减）';
const ALT_PCT = '增长\\/下降|下降\\/增长|增长（下降）|增长\\/减少|增加\\/减少';
const CHANGE = new RegExp(
  `(${ALT_UP_DOWN}|增加|减少)(${NUM})(万元)?(?:，?(${ALT_PCT}|增长|下降|减少|增加)(${NUM})%)?` +
    `|(${ALT_PCT}|增长|下降)(${NUM})%` +
    '|(持平)',
  'g',
);

/** Each list of alternatives as a whole-word pattern, made once. */
const WHOLE_ALTERNATIVE: Record<string, RegExp> = {
  [ALT_UP_DOWN]: new RegExp(`^(?:${ALT_UP_DOWN})$`),
  [ALT_PCT]: new RegExp(`^(?:${ALT_PCT})$`),
};

function word<T extends string>(w: string | undefined, alts: typeof ALT_UP_DOWN | typeof ALT_PCT): T | 'alt' | undefined {
  if (w === undefined) return undefined;
  return WHOLE_ALTERNATIVE[alts].test(w) ? 'alt' : (w as T);
}

export interface FoundChange {
  clause: ChangeClause;
  index: number;
  end: number;
}

/** Every 增减 clause of a text (“减少65.23万元，减少3.3%”, “增长/下降0.0%”, “持平”). */
export function findChanges(text: string, from = 0): FoundChange[] {
  CHANGE.lastIndex = from;
  const out: FoundChange[] = [];
  for (let m = CHANGE.exec(text); m; m = CHANGE.exec(text)) {
    // an amount without 万元 and without a percentage is not a change of money (“增加2人”)
    if (m[1] !== undefined && m[3] === undefined && m[4] === undefined) continue;
    const clause: ChangeClause = { token: m[0] };
    if (m[1] !== undefined) {
      clause.amountWord = word<'增加' | '减少'>(m[1], ALT_UP_DOWN);
      clause.amount = dec(m[2]);
      if (m[4] !== undefined) {
        clause.pctWord = word<'增长' | '下降' | '减少' | '增加'>(m[4], ALT_PCT);
        clause.pct = pctOf(m[5]);
      }
    } else if (m[6] !== undefined) {
      clause.pctWord = word<'增长' | '下降'>(m[6], ALT_PCT);
      clause.pct = pctOf(m[7]);
    } else {
      clause.flat = true;
    }
    const year = /(?:比|较|与)(\d{4}|上)年(?:相比|度)?[，]?[^。；，]*$/.exec(text.slice(Math.max(0, m.index - 40), m.index));
    if (year) clause.prevYear = year[1];
    out.push({ clause, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Split a text into sentences at 。 (the 。 stays with its sentence). */
export function sentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('。'); i >= 0; i = text.indexOf('。', start)) {
    out.push({ text: text.slice(start, i + 1), index: start });
    start = i + 1;
  }
  if (start < text.length) out.push({ text: text.slice(start), index: start });
  return out;
}

/** The part of a sentence before its reason (“主要原因是…” may quote any numbers). */
export function beforeReason(text: string): string {
  const m = /主要(?:变动)?原因|原因(?:是|为|：)/.exec(text);
  return m ? text.slice(0, m.index) : text;
}
