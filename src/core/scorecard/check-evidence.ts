// SC-6: each formula in 自评依据 is arithmetically right. SC-7: the score follows from the evidence
// under the indicator's rule (domain.md §5.4); SC-9 when the evidence is 0/0 (不适用, full marks).
import { Decimal, roundHalfUp } from '../money';
import type { Finding } from '../finding';
import type { Formula } from './expr';
import type { EvidenceReading } from './evidence';
import { rateFor, rateText } from './evidence';
import { finding, cardName } from './findings';
import { deriveScore } from './scoring';
import { parseRuleText } from './rule-text';
import type { Indicator, Scorecard, ScoreRule, ScoreSettings } from './types';
import { fmt, fmtSigned, halfUnit, printedDecimals } from './text';

interface Reading {
  /** the value in the scale the writer used */
  value: Decimal;
  percent: boolean;
}

/** The values the written result may mean: in % when it prints %, else as is or in %. */
function candidates(f: Formula): Reading[] {
  if (f.value.kind !== 'value' || !f.written) return [];
  const pct = f.ratePercent?.kind === 'value' ? f.ratePercent.value : f.value.value.mul(100);
  if (f.written.percent) return [{ value: pct, percent: true }];
  return [
    { value: f.value.value, percent: false },
    { value: pct, percent: true },
  ];
}

export function checkFormula(sc: Scorecard, ind: Indicator, f: Formula): Finding | undefined {
  const w = f.written;
  if (!w) return undefined;
  const at = `${cardName(sc)}“${ind.name}”自评依据“${f.text}”`;
  const cells = [ind.evidenceCell];
  if (f.value.kind === 'zeroOverZero') return undefined; // reported by SC-7 as 不适用
  if (f.value.kind === 'divByZero') return finding('SC-6', 'error', `${at}：分母为0，算式无结果`, cells);
  const d = printedDecimals(w.numeral);
  const tol = halfUnit(d);
  const options = candidates(f);
  if (options.some((c) => c.value.sub(w.value).abs().lte(tol))) return undefined;
  // report against the reading nearest to what was written
  const best = options.reduce((a, b) => (b.value.sub(w.value).abs().lt(a.value.sub(w.value).abs()) ? b : a));
  const unit = best.percent ? '%' : '';
  const rounded = roundHalfUp(best.value, d);
  const diff = best.value.sub(w.value).abs();
  const truncated = best.value.toDecimalPlaces(d, Decimal.ROUND_DOWN).eq(w.value) ? '，疑为截断而非四舍五入' : '';
  return finding(
    'SC-6',
    'error',
    `${at}：重算为${fmtSigned(best.value)}${unit}（保留${d}位小数为${fmtSigned(rounded, d)}${unit}），写为${w.text}，相差${fmt(diff, 2)}${best.percent ? '个百分点' : ''}${truncated}`,
    cells,
  );
}

export function checkFormulas(sc: Scorecard, ind: Indicator, ev: EvidenceReading): Finding[] {
  if (ev.tooComplex) {
    return [
      finding(
        'SC-6',
        'warning',
        `未核验：${cardName(sc)}“${ind.name}”的自评依据${ev.tooComplex}，其中的算式未核对（请拆成几个简短的算式）`,
        [ind.evidenceCell],
      ),
    ];
  }
  return ev.formulas.map((f) => checkFormula(sc, ind, f)).filter((x): x is Finding => x !== undefined);
}

/** A 满意度 indicator is scored by the rule printed beside it when that can be read (as SC-11 does). */
function scoringRule(ind: Indicator): { rule: ScoreRule; max: Decimal } | undefined {
  if (!ind.rule || !ind.max) return undefined;
  const printed = /满意/.test(ind.name) ? parseRuleText(ind.criteria) : undefined;
  if (!printed) return { rule: ind.rule, max: ind.max };
  const { indicator, aliases, keywords } = ind.rule;
  return { rule: { indicator, aliases, keywords, points: ind.max.toString(), ...printed.rule }, max: printed.points ?? ind.max };
}

export function checkDerivedScore(sc: Scorecard, ind: Indicator, ev: EvidenceReading, s: ScoreSettings): Finding[] {
  const scoring = scoringRule(ind);
  if (!scoring) return [];
  const reading = rateFor(scoring.rule, ev, s);
  if (!reading) return [];
  const d = deriveScore(scoring.rule, scoring.max, reading.input, s);
  if (!d) return [];
  const rate = rateText(reading.input, s);
  const head = `${cardName(sc)}${ind.name}${rate && rate !== '0/0' ? rate : ''}（依据：${reading.source}）：${d.calc}`;
  const cells = [ind.scoreCell, ind.evidenceCell];
  // SC-9: 0/0 (nothing planned, nothing done) is 不适用 — full marks, never a rate of 100% or 0
  const rule = d.notApplicable ? 'SC-9' : 'SC-7';
  if (ind.score === null) {
    if (ind.scoreText !== '') return [];
    return [finding(rule, 'warning', `${head}，表中填写为空`, cells)];
  }
  const diff = d.score.sub(ind.score).abs();
  if (diff.gt(s.scoreTolerance)) {
    return [finding(rule, 'warning', `${head}，表中填写为${fmt(ind.score)}分，相差${fmt(diff)}分`, cells)];
  }
  if (d.notApplicable) {
    return [finding('SC-9', 'info', `${head}（不适用，按满分计），表中填写为${fmt(ind.score)}分`, cells)];
  }
  return [];
}
