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
  return (units[decimals] ??= new Decimal(10).pow(-decimals));
}

/** Half a display unit, the tolerance of a printed percentage. */
function halfUnit(decimals: number): Decimal {
  return (halves[decimals] ??= displayUnit(decimals).div(2));
}

// Every percentage of the text is compared with a unit of its decimals: each is made once.
const units: Decimal[] = [];
const halves: Decimal[] = [];

/** |printed − exact| ≤ half a display unit. */
export function withinHalfUnit(pct: Pct, exact: Decimal, style: PctStyle): boolean {
  return pct.value
    .sub(exact)
    .abs()
    .lte(halfUnit(effectiveDecimals(pct, style)));
}
