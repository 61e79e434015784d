// What a 自评依据及说明 cell says in numbers: formulas (checked for SC-6), the rate a rule needs
// (SC-7), and the amounts that tie to the 决算 or the 完成情况表 (SC-8, CT-6).
import { Decimal } from '../money';
import type { Unit } from '../money';
import type { Formula, Node, Token } from './expr';
import { EXPRESSION_LIMITS, bareRatiosIn, evaluate, evidenceTooComplex, formulasIn, nodeNumbers, tokenize, tokensTooComplex } from './expr';
import type { RateInput } from './scoring';
import type { ScoreRule, ScoreSettings } from './types';
import { asciiDigits, fmt, fmtSigned, printedDecimals } from './text';

/** An amount quoted in evidence, in 万元 (unit read from the text, or guessed for bare numbers). */
export interface EvidenceAmount {
  wan: Decimal;
  /** as printed, with its unit */
  text: string;
  unitGuessed: boolean;
}

export interface RateReading {
  input: RateInput;
  /** how the rate was read, for messages: “（382.73/383.39）×100%”, “在职48人/编制52人”, “满意率95%” */
  source: string;
  /** decimals of the rate as printed in the evidence, when it prints one */
  printedDecimals?: number;
}

export interface EvidenceReading {
  text: string;
  formulas: Formula[];
  bareRatios: Formula[];
  /** Why the formulas of this cell were not read (too long, nested too deep), when they were not. */
  tooComplex?: string;
}

export function readEvidence(text: string): EvidenceReading {
  if (text.length > EXPRESSION_LIMITS.maxChars) return { text, formulas: [], bareRatios: [], tooComplex: evidenceTooComplex(text) };
  // the cell is tokenized once: for its bounds, its formulas, its ratios and the rates it states
  const ascii = asciiDigits(text);
  const tokens = tokenize(ascii);
  const tooComplex = tokensTooComplex(tokens);
  if (tooComplex) return { text, formulas: [], bareRatios: [], tooComplex };
  const formulas = formulasIn(ascii, tokens);
  const reading = { text, formulas, bareRatios: formulas.length ? [] : bareRatiosIn(ascii, tokens) };
  tokensOf.set(reading, tokens);
  return reading;
}

// A reading lives for one check: its tokens are kept with it, not beyond.
const tokensOf = new WeakMap<EvidenceReading, Token[]>();

const compact = (s: string) => asciiDigits(s).replace(/[\s\u3000\u00a0]+/g, '');

/** The first formula or bare ratio that is a rate. */
function rateFormula(ev: EvidenceReading): Formula | undefined {
  return ev.formulas.find((f) => f.ratePercent) ?? ev.bareRatios.find((f) => f.ratePercent);
}

function fromValue(v: NonNullable<Formula['ratePercent']>): RateInput {
  if (v.kind === 'value') return { kind: 'rate', rate: v.value };
  return v;
}

/** “在职人数48人，编制数52人” */
export function staffCounts(text: string): { onDuty: Decimal; quota: Decimal } | undefined {
  const t = compact(text);
  const on = /在职(?:人员|人数)?(?:数|人数)?(?:为|是|:|：)?(\d+)人?/.exec(t);
  const quota = /编制(?:人数|数)?(?:为|是|:|：)?(\d+)人?/.exec(t);
  if (!on || !quota) return undefined;
  return { onDuty: new Decimal(on[1]), quota: new Decimal(quota[1]) };
}

const SAN_GONG =
  /(?:总额|支出|决算|合计)(?:为|是)?(\d+(?:\.\d+)?)(万元|元)?[^。；;]*?比(?:上年度?|\d{4}年度?|去年)?(减少|下降|降低|节约|增加|增长|上升)(\d+(?:\.\d+)?)(万元|元|%)?/;

/** “2023年“三公”经费总额4.17万元，比2022年减少19.64万元” → this year, last year, change %. */
export function sanGongChange(
  text: string,
  s: ScoreSettings,
): { current: EvidenceAmount; changePercent: RateInput; source: string } | undefined {
  const t = compact(text);
  const m = SAN_GONG.exec(t);
  if (!m) return undefined;
  const current = amount(new Decimal(m[1]), m[1] + (m[2] ?? ''), unitOf(m[2]), s);
  const down = /减少|下降|降低|节约/.test(m[3]);
  const delta = new Decimal(m[4]).mul(down ? -1 : 1);
  if (m[5] === '%') return { current, changePercent: { kind: 'rate', rate: delta }, source: m[0] };
  const deltaWan = amount(delta, m[4], unitOf(m[5]) ?? unitOf(m[2]), s).wan;
  const previous = current.wan.sub(deltaWan);
  const change: RateInput = previous.isZero()
    ? deltaWan.isZero()
      ? { kind: 'zeroOverZero' }
      : { kind: 'divByZero' }
    : { kind: 'rate', rate: deltaWan.div(previous).mul(100) };
  return { current, changePercent: change, source: `${m[0]}（上年${fmt(previous)}万元）` };
}

function unitOf(u: string | undefined): Unit | undefined {
  return u === '万元' || u === '元' || u === '百元' ? u : undefined;
}

const PER_WAN: Record<Unit, number> = { 万元: 1, 百元: 100, 元: 10000 };

export function amount(value: Decimal, text: string, unit: Unit | undefined, s: ScoreSettings): EvidenceAmount {
  if (unit) return { wan: value.div(PER_WAN[unit]), text, unitGuessed: false };
  const guess: Unit = value.abs().gte(s.bareAmountYuanFrom) ? '元' : '万元';
  return { wan: value.div(PER_WAN[guess]), text: `${text}（按${guess}）`, unitGuessed: true };
}

/** The amount a node stands for: a single number, or the value of a sub-expression. */
export function nodeAmount(node: Node, s: ScoreSettings): EvidenceAmount | undefined {
  const nums = nodeNumbers(node);
  const v = evaluate(node);
  if (v.kind !== 'value' || nums.length === 0) return undefined;
  const unit = nums.map((n) => n.unit).find((u): u is Unit => u === '万元' || u === '元' || u === '百元');
  const text = nums.length === 1 ? nums[0].text : fmt(v.value);
  return amount(v.value, text, unit, s);
}

/** The two amounts of an evidence ratio, sharing a unit when only one side prints it. */
export function ratioAmounts(f: Formula, s: ScoreSettings): { num?: EvidenceAmount; den?: EvidenceAmount } {
  if (!f.ratio) return {};
  const unitOfNode = (n: Node) =>
    nodeNumbers(n)
      .map((x) => x.unit)
      .find((u): u is Unit => u === '万元' || u === '元' || u === '百元');
  const shared = unitOfNode(f.ratio.num) ?? unitOfNode(f.ratio.den);
  const one = (n: Node): EvidenceAmount | undefined => {
    const v = evaluate(n);
    const nums = nodeNumbers(n);
    if (v.kind !== 'value' || nums.length === 0) return undefined;
    return amount(v.value, nums.length === 1 ? nums[0].text : fmt(v.value), unitOfNode(n) ?? shared, s);
  };
  return { num: one(f.ratio.num), den: one(f.ratio.den) };
}

const COMPARISON = /(?:[小大]于(?:或?等于)?|低于|高于|不超过|不高于|不大于|不低于|超过|超出|[≤≥<>＜＞])$/;

/** Percent numbers that are neither inside a formula nor a “×100%” factor. */
function statedPercents(ev: EvidenceReading): Extract<Token, { t: 'num' }>[] {
  const tokens = tokensOf.get(ev) ?? tokenize(asciiDigits(ev.text));
  const spans = [...ev.formulas, ...ev.bareRatios].map((f) => [f.start, f.end]);
  const out: Extract<Token, { t: 'num' }>[] = [];
  tokens.forEach((tok, i) => {
    if (tok.t !== 'num' || tok.unit !== '%') return;
    if (spans.some(([a, b]) => tok.start >= a && tok.end <= b)) return;
    const prev = tokens[i - 1];
    if (prev?.t === 'op' && prev.op === '*') return;
    if (prev?.t === 'text' && COMPARISON.test(prev.text)) return; // “低于15%” is a bound, not the rate
    out.push(tok);
  });
  return out;
}

const BOUND = /(小于或等于|小于等于|不超过|不高于|不大于|低于|小于|≤|<|＜)(\d+(?:\.\d+)?)(%|％)?/;

function boundOf(text: string): RateReading | undefined {
  const m = BOUND.exec(compact(text));
  if (!m) return undefined;
  const inclusive = /等于|不超过|不高于|不大于|≤/.test(m[1]);
  let bound = new Decimal(m[2]);
  if (!m[3] && bound.lte(1)) bound = bound.mul(100); // “控制率小于1” is a ratio
  return { input: { kind: 'below', bound, inclusive }, source: m[0] };
}

/** The rate the rule needs, read from the evidence, or undefined when the evidence has no such input. */
export function rateFor(rule: ScoreRule, ev: EvidenceReading, s: ScoreSettings): RateReading | undefined {
  if (rule.kind === 'checklist' || rule.kind === 'payment') return undefined;
  if (rule.kind === 'staff') {
    const c = staffCounts(ev.text);
    if (c) {
      const input: RateInput = c.quota.isZero() ? { kind: 'divByZero' } : { kind: 'rate', rate: c.onDuty.div(c.quota).mul(100) };
      return { input, source: `在职${fmt(c.onDuty)}人/编制${fmt(c.quota)}人` };
    }
  }
  if (rule.kind === 'sanGongChange') {
    const sg = sanGongChange(ev.text, s);
    if (sg) return { input: sg.changePercent, source: sg.source };
  }
  const f = rateFormula(ev);
  if (f?.ratePercent) {
    return { input: fromValue(f.ratePercent), source: f.leftText, printedDecimals: f.written && printedDecimals(f.written.numeral) };
  }
  for (const pattern of rule.notApplicable ?? []) {
    const m = ruleRegExp(pattern).exec(compact(ev.text));
    if (m) return { input: { kind: 'zeroOverZero' }, source: m[0] };
  }
  const stated = statedPercents(ev)[0];
  if (stated) return { input: { kind: 'rate', rate: stated.value }, source: stated.text, printedDecimals: printedDecimals(stated.numeral) };
  if (rule.kind === 'belowThreshold' || rule.kind === 'overCap' || rule.kind === 'staff' || rule.kind === 'sanGongChange') {
    const b = boundOf(ev.text);
    if (b) return b;
  }
  for (const k of rule.keywords ?? []) {
    const m = ruleRegExp(k.pattern).exec(compact(ev.text));
    if (m) return { input: { kind: 'rate', rate: new Decimal(k.rate) }, source: m[0] };
  }
  return undefined;
}

// A rule's patterns are the settings' own (rules.ts or the caller's), never workbook text: each is
// compiled once, not for every indicator that asks. Compiled without flags: exec keeps no state.
const compiledPatterns = new Map<string, RegExp>();

function ruleRegExp(pattern: string): RegExp {
  let re = compiledPatterns.get(pattern);
  if (!re) compiledPatterns.set(pattern, (re = new RegExp(pattern)));
  return re;
}

/** Display of a rate input: “115.51%”, “0/0”. */
export function rateText(input: RateInput, s: ScoreSettings): string {
  switch (input.kind) {
    case 'rate':
      return `${fmtSigned(input.rate.toDecimalPlaces(s.rateDecimals, Decimal.ROUND_HALF_UP))}%`;
    case 'zeroOverZero':
      return '0/0';
    case 'divByZero':
      return '（分母为0）';
    case 'below':
      return '';
  }
}
