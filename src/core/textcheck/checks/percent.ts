// How precisely a printed percentage must match: half a display unit of the printed decimals.
// In a document that drops trailing zeros (“98%” for 98.0%), a whole number stands for the
// document's decimals, so “98%” there must be within 0.05.
import { Decimal } from '../../money';
import type { PctStyle } from '../message';
import type { Pct } from '../types';

export function effectiveDecimals(pct: Pct, style: PctStyle): number {
  return pct.decimals === 0 && !style.keep ? style.dp : pct.decimals;
}

export function displayUnit(decimals: number): Decimal {
  return new Decimal(10).pow(-decimals);
}

/** |printed − exact| ≤ half a display unit. */
export function withinHalfUnit(pct: Pct, exact: Decimal, style: PctStyle): boolean {
  return pct.value
    .sub(exact)
    .abs()
    .lte(displayUnit(effectiveDecimals(pct, style)).div(2));
}
