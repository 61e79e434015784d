// Budget completion (完成预算%, domain.md §4.1.5). The wording is decided on the exact amounts,
// not on the rounded rate.
import { Decimal } from '../money';
import { fmtPct } from './format';

export type CompletionCase =
  /** 0 budget, 0 spent: the clause is left out (the seeds' “完成预算0%” divides 0 by 0). */
  | 'none'
  /** 0 budget, money spent: “未安排预算”, reason required. */
  | 'unbudgeted'
  | 'under'
  | 'over'
  | 'equal';

export interface Completion {
  case: CompletionCase;
  /** actual / budget × 100, exact (budget > 0 only). */
  rate?: Decimal;
  /** The rate as printed. */
  rateText?: string;
  reasonRequired: boolean;
}

const MAX_EXTRA_DECIMALS = 4;

/**
 * The printed rate. When the amounts differ but the rate prints as 100% (or 0% with money
 * spent) more decimals are used, so the sentence does not contradict itself (99.96%).
 */
export function fmtRate(rate: Decimal, actual: Decimal, budget: Decimal, dp: number, keepTrailingZeros: boolean): string {
  const hundred = new Decimal(100);
  const zero = new Decimal(0);
  const misleading = (s: string, places: number) =>
    (!actual.eq(budget) && s === fmtPct(hundred, places, keepTrailingZeros)) ||
    (!actual.isZero() && s === fmtPct(zero, places, keepTrailingZeros));
  let places = dp;
  let shown = fmtPct(rate, places, keepTrailingZeros);
  while (misleading(shown, places) && places < dp + MAX_EXTRA_DECIMALS) {
    places++;
    shown = fmtPct(rate, places, keepTrailingZeros);
  }
  return shown;
}

export function computeCompletion(actual: Decimal, budget: Decimal, dp: number, keepTrailingZeros: boolean): Completion {
  if (budget.isZero()) {
    return actual.isZero() ? { case: 'none', reasonRequired: false } : { case: 'unbudgeted', reasonRequired: true };
  }
  const rate = actual.div(budget).mul(100);
  const rateText = fmtRate(rate, actual, budget, dp, keepTrailingZeros);
  const c: CompletionCase = actual.lt(budget) ? 'under' : actual.gt(budget) ? 'over' : 'equal';
  return { case: c, rate, rateText, reasonRequired: c !== 'equal' };
}

/** “决算数小于调整预算数的主要原因是” / “决算数大于预算数的主要原因是”; null when no reason sentence is due. */
export function reasonLead(c: CompletionCase, basis: '调整预算数' | '预算数'): string | null {
  switch (c) {
    case 'under':
      return `决算数小于${basis}的主要原因是`;
    case 'over':
    case 'unbudgeted':
      return `决算数大于${basis}的主要原因是`;
    default:
      return null;
  }
}
