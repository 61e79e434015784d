// Rounding tolerance (domain.md §3.6). Published 万元 values are each rounded to 0.01 on their own,
// so a published total may differ from the sum of its published addends by up to 0.005 per number.
import { Decimal, ZERO } from '../money';
import { isZeroOperand, type Operand } from './refs';
import type { ToleranceKind } from './types';

const HUNDREDTH = new Decimal('0.01');
const HALF_HUNDREDTH = new Decimal('0.005');

/** tol(n) = floor((n+1)/2) × 0.01 万元: n=1 → 0.01, 2 → 0.01, 3 → 0.02, 8 → 0.04. */
export function roundingTolerance(addends: number): Decimal {
  const hundredths = Math.floor((addends + 1) / 2);
  if (!(hundredths >= 0 && hundredths < TOLERANCES.length)) return HUNDREDTH.mul(hundredths);
  return (TOLERANCES[hundredths] ??= HUNDREDTH.mul(hundredths));
}

/** tol(n) by its count of 0.01万元, each worked out once (a Decimal never changes). */
const TOLERANCES: Decimal[] = new Array(64);

export interface ToleranceDecision {
  tolerance: Decimal;
  /**
   * 'copy':     two copies of one number, tolerance 0;
   * 'yuan':     every amount comes from a 元 table, judged exactly (0.01元);
   * 'rounding': 万元 total against n rounded addends, tol(n);
   * 'mixed':    some amounts in 元 (exact), k in 万元 (rounded): 0.005 × k.
   */
  basis: 'copy' | 'yuan' | 'rounding' | 'mixed';
  /** The n of tol(n) ('rounding'), or the k rounded amounts ('mixed'). */
  addends: number;
  /** Compare both sides rounded to 0.01万元: a 'copy' between a 元 table and a 万元 table. */
  compareRounded: boolean;
}

export function decideTolerance(kind: ToleranceKind, operands: readonly Operand[]): ToleranceDecision {
  const units = new Set(operands.map((o) => o.unit));
  if (units.size === 1 && units.has('元')) return { tolerance: ZERO, basis: 'yuan', addends: 0, compareRounded: false };
  if (kind === 'copy') return { tolerance: ZERO, basis: 'copy', addends: 0, compareRounded: units.size > 1 };
  // Only amounts that were rounded for publication carry a rounding error: a zero carries none.
  const rounded = operands.filter((o) => o.unit !== '元' && !(isZeroOperand(o) && (o.raw ?? ZERO).isZero()));
  if (units.has('元')) {
    return { tolerance: HALF_HUNDREDTH.mul(rounded.length), basis: 'mixed', addends: rounded.length, compareRounded: false };
  }
  const addends = Math.max(1, rounded.length - 1);
  return { tolerance: roundingTolerance(addends), basis: 'rounding', addends, compareRounded: false };
}
