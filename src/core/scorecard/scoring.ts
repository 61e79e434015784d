// The reference scoring functions of domain.md §5.6, driven by a ScoreRule. Each returns the score
// and the arithmetic that produced it, in the words a finding prints (“2 − 0.5 × 15.51 = −5.755 < 0 → 0分”).
import { Decimal, roundHalfUp } from '../money';
import type { ScoreRule, ScoreSettings, StepMode } from './types';
import { bandPoints, describeBand } from './rule-text';
import { fmt, fmtSigned } from './text';

/** What the evidence says about an indicator's rate (all rates in %). */
export type RateInput =
  | { kind: 'rate'; rate: Decimal }
  /** 0/0: 不适用 → full marks */
  | { kind: 'zeroOverZero' }
  /** x/0 with x ≠ 0: the rate is unbounded */
  | { kind: 'divByZero' }
  /** “低于15%”, “小于1”: only an upper bound is known */
  | { kind: 'below'; bound: Decimal; inclusive: boolean };

export interface Derivation {
  score: Decimal;
  /** the calculation, without the indicator name and rate (the caller prefixes those) */
  calc: string;
  notApplicable?: boolean;
}

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

export function steps(excess: Decimal, step: Decimal, mode: StepMode): Decimal {
  const x = excess.div(step);
  if (mode === 'perFullStep') return x.floor();
  if (mode === 'perStartedStep') return x.ceil();
  return x;
}

function stepsText(excess: Decimal, step: Decimal, mode: StepMode): string {
  const x = step.eq(1) ? fmt(excess) : `${fmt(excess)}/${fmt(step)}`;
  if (mode === 'perFullStep') return `⌊${x}⌋`;
  if (mode === 'perStartedStep') return `⌈${x}⌉`;
  return x;
}

/** Round to the score decimals and say how the value was floored / capped. */
function finish(raw: Decimal, max: Decimal, expr: string, s: ScoreSettings): Derivation {
  if (raw.lt(0)) return { score: ZERO, calc: `${expr} = ${fmtSigned(raw)} < 0 → 0分` };
  if (raw.gt(max)) return { score: max, calc: `${expr} = ${fmt(raw)} > ${fmt(max)} → ${fmt(max)}分` };
  const score = roundHalfUp(raw, s.scoreDecimals);
  return { score, calc: `${expr} = ${fmt(raw)} → ${fmt(score)}分` };
}

function full(max: Decimal, why: string): Derivation {
  return { score: max, calc: `${why} → ${fmt(max)}分` };
}

/** M − d × f(excess/k), floored at 0. */
function stepDeduction(max: Decimal, excess: Decimal, step: string, deduct: string, mode: StepMode, s: ScoreSettings) {
  const k = new Decimal(step);
  const d = new Decimal(deduct);
  const n = steps(excess, k, mode);
  const expr = `${fmt(max)} − ${fmt(d)} × ${stepsText(excess, k, mode)}`;
  const raw = max.sub(d.mul(n));
  if (mode !== 'linear') return finish(raw, max, `${expr} = ${fmt(max)} − ${fmt(d)} × ${fmt(n)}`, s);
  return finish(raw, max, expr, s);
}

/** M × (1 − |r|/100), floored at 0. */
function proportionalDeduction(max: Decimal, r: Decimal, s: ScoreSettings): Derivation {
  const a = r.abs();
  return finish(max.mul(HUNDRED.sub(a)).div(HUNDRED), max, `${fmt(max)} × (1 − ${fmt(a)}%)`, s);
}

/** The score a rate gives under the rule. */
function scoreRate(rule: ScoreRule, max: Decimal, r: Decimal, s: ScoreSettings): Derivation | undefined {
  const mode = ('mode' in rule && rule.mode) || s.stepMode;
  switch (rule.kind) {
    case 'proportional':
      if (r.gte(HUNDRED)) return full(max, '≥ 100%');
      return finish(max.mul(r).div(HUNDRED), max, `${fmt(max)} × ${fmt(r)}%`, s);
    case 'overCap': {
      const cap = new Decimal(rule.cap);
      if (r.lte(cap)) return full(max, `≤ ${fmt(cap)}%`);
      return stepDeduction(max, r.sub(cap), rule.step, rule.deduct, mode, s);
    }
    case 'underFloor': {
      const target = new Decimal(rule.target);
      if (r.gte(target)) return full(max, `≥ ${fmt(target)}%`);
      return stepDeduction(max, target.sub(r), rule.step, rule.deduct, mode, s);
    }
    case 'belowThreshold': {
      const t = new Decimal(rule.threshold);
      if (r.lt(t)) return full(max, `< ${fmt(t)}%`);
      return stepDeduction(max, r.sub(t), rule.step, rule.deduct, mode, s);
    }
    case 'staff': {
      const cap = new Decimal(rule.cap);
      if (r.lte(cap)) return full(max, `≤ ${fmt(cap)}%`);
      return finish(max.mul(cap).div(r), max, `${fmt(max)} × ${fmt(cap)}/${fmt(r)}`, s);
    }
    case 'sanGongChange':
      if (r.lte(0)) return full(max, '≤ 0（下降或持平）');
      return proportionalDeduction(max, r, s);
    case 'adjustment':
      if (r.isZero()) return full(max, '= 0（未调整）');
      return proportionalDeduction(max, r, s);
    case 'costSaving':
      if (r.gte(0)) return full(max, '≥ 0（节约或持平）');
      return proportionalDeduction(max, r, s);
    case 'quarters':
      // 100% means every quarter on time; a lower rate does not say which quarters were late.
      return r.gte(HUNDRED) ? full(max, '= 100%（各季度均及时）') : undefined;
    case 'bands': {
      const hit = rule.bands.find((b) => (b.inclusive ? r.gte(b.min) : r.gt(b.min)));
      if (hit) {
        const p = Decimal.min(bandPoints(hit, max), max);
        return { score: p, calc: `${describeBand(hit)} → ${fmt(p)}分` };
      }
      if (rule.below === undefined) return undefined;
      const lowest = rule.bands[rule.bands.length - 1];
      return { score: new Decimal(rule.below), calc: `低于${fmt(new Decimal(lowest.min))}% → ${rule.below}分` };
    }
    case 'payment':
    case 'checklist':
      return undefined;
  }
}

/** Rule kinds whose score falls as the rate rises (an unbounded rate scores 0). */
const FALLING: ReadonlySet<string> = new Set(['overCap', 'belowThreshold', 'staff', 'sanGongChange', 'adjustment']);

/** The score the rule gives for what the evidence says, or undefined when it says too little. */
export function deriveScore(rule: ScoreRule, max: Decimal, input: RateInput, s: ScoreSettings): Derivation | undefined {
  if (rule.kind === 'checklist' || rule.kind === 'payment') return undefined;
  switch (input.kind) {
    case 'zeroOverZero':
      return { score: max, calc: `0/0 不适用 → 满分${fmt(max)}分`, notApplicable: true };
    case 'divByZero':
      if (rule.kind === 'costSaving') return undefined;
      return FALLING.has(rule.kind) ? { score: ZERO, calc: '分母为0、比率无穷大 → 0分' } : full(max, '分母为0、比率无穷大');
    case 'rate':
      return scoreRate(rule, max, roundHalfUp(input.rate, s.rateDecimals), s);
    case 'below':
      return scoreBelow(rule, max, input.bound, input.inclusive);
  }
}

/**
 * Only an upper bound is known (“低于15%”): a score follows when every rate up to the bound scores full.
 * At the limit itself the step rules still give full marks (no excess), so the limit is inclusive.
 */
function scoreBelow(rule: ScoreRule, max: Decimal, bound: Decimal, inclusive: boolean): Derivation | undefined {
  const limit =
    rule.kind === 'belowThreshold'
      ? new Decimal(rule.threshold)
      : rule.kind === 'overCap' || rule.kind === 'staff'
        ? new Decimal(rule.cap)
        : rule.kind === 'sanGongChange'
          ? ZERO
          : undefined;
  if (!limit || bound.gt(limit)) return undefined;
  return full(max, `${inclusive ? '≤' : '<'} ${fmt(bound)}%`);
}

/** §5.4 band of a total. */
export function band(total: Decimal, s: ScoreSettings): string {
  for (const b of s.bands) if (total.gte(b.min)) return b.grade;
  return s.bands[s.bands.length - 1]?.grade ?? '';
}

/** The canonical grade of a printed grade (优秀 → 优), or undefined when unknown. */
export function canonicalGrade(text: string, s: ScoreSettings): string | undefined {
  const t = text.replace(/[\s\u3000“”"「」]/g, '');
  if (s.bands.some((b) => b.grade === t)) return t;
  return s.gradeAliases[t];
}
