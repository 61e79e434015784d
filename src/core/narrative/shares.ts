// Shares (占比) of a list, made to add to 100% at the display resolution (domain.md §4.1.3).
import { Decimal, roundHalfUp, sum } from '../money';
import type { ShareMode } from './settings';

export interface ShareResult {
  /** Printed shares, each a multiple of 10^-dp. */
  shares: Decimal[];
  /** Exact part / total × 100 (0 when the total is 0). */
  exact: Decimal[];
  /** Indices whose printed share differs from plain half-up rounding of the exact share. */
  adjusted: number[];
}

const HUNDRED = new Decimal(100);

/** exact shares; a zero total gives zeros (a 0/0 share is printed as 0% or left out, never divided). */
export function exactShares(parts: Decimal[], total: Decimal): Decimal[] {
  return parts.map((p) => (total.isZero() ? new Decimal(0) : p.div(total).mul(HUNDRED)));
}

/** Each share rounded half-up on its own; they may add to 99.9 or 100.1. */
export function independent(parts: Decimal[], total: Decimal, dp: number): Decimal[] {
  return exactShares(parts, total).map((e) => roundHalfUp(e, dp));
}

/**
 * Largest remainder (Hamilton) at 10^-dp: floor every share, then give one unit to each of the
 * k largest remainders (ties: larger part, then list order), k = the units missing to 100.
 * Reproduces seed002 五（二） 89.1 / 4.5 / 2.5 / 3.9.
 */
export function largestRemainder(parts: Decimal[], total: Decimal, dp: number): Decimal[] {
  const exact = exactShares(parts, total);
  const unit = new Decimal(10).pow(-dp);
  const floors = exact.map((e) => e.div(unit).floor().mul(unit));
  const k = HUNDRED.sub(sum(floors)).div(unit).round().toNumber();
  const candidates = exact.map((_e, i) => i).filter((i) => !exact[i].eq(floors[i]));
  if (total.isZero() || k < 0 || k > candidates.length) return independent(parts, total, dp);
  const order = [...candidates].sort((a, b) => {
    const ra = exact[a].sub(floors[a]);
    const rb = exact[b].sub(floors[b]);
    if (!ra.eq(rb)) return rb.cmp(ra);
    if (!parts[a].eq(parts[b])) return parts[b].cmp(parts[a]);
    return a - b;
  });
  for (const i of order.slice(0, k)) floors[i] = floors[i].add(unit);
  return floors;
}

/**
 * Round each share, then the largest part absorbs the residual to 100.
 * Reproduces seed000 五（二） 85.3 / 6.6 / 3.5 / 4.6. If that would put the largest share a whole
 * display unit or more away from its exact value (coarse resolutions), largest remainder is used,
 * so that every printed share stays within one unit of the exact one (domain §4.1.3).
 */
export function plugLargest(parts: Decimal[], total: Decimal, dp: number): Decimal[] {
  const rounded = independent(parts, total, dp);
  if (total.isZero() || parts.length === 0) return rounded;
  const unit = new Decimal(10).pow(-dp);
  const residual = HUNDRED.sub(sum(rounded));
  // parts that do not add up to the total (an omitted item) are not forced to 100
  if (residual.abs().gt(unit.mul(parts.length).div(2))) return rounded;
  let largest = 0;
  parts.forEach((p, i) => {
    if (p.gt(parts[largest])) largest = i;
  });
  rounded[largest] = rounded[largest].add(residual);
  const exact = exactShares(parts, total)[largest];
  return rounded[largest].sub(exact).abs().gte(unit) ? largestRemainder(parts, total, dp) : rounded;
}

export function computeShares(parts: Decimal[], total: Decimal, dp: number, mode: ShareMode): ShareResult {
  const exact = exactShares(parts, total);
  const plain = exact.map((e) => roundHalfUp(e, dp));
  const shares =
    mode === 'independent' ? plain : mode === 'plugLargest' ? plugLargest(parts, total, dp) : largestRemainder(parts, total, dp);
  const adjusted = shares.map((_s, i) => i).filter((i) => !shares[i].eq(plain[i]));
  return { shares, exact, adjusted };
}
