// Exact money. Every amount the engine reads, sums, compares or prints is a Decimal in 万元.
import Decimal from 'decimal.js';

export { Decimal };

export type Unit = '万元' | '元' | '百元';

/** How many of the unit make one 万元. */
export const UNIT_PER_WAN: Record<Unit, number> = { 万元: 1, 百元: 100, 元: 10000 };

export function toWan(value: Decimal, unit: Unit): Decimal {
  return value.div(UNIT_PER_WAN[unit]);
}

export function roundHalfUp(v: Decimal, dp: number): Decimal {
  return v.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

/** "948.60": the 2-decimal 万元 string used in findings and JSON. */
export function wan2(v: Decimal): string {
  return roundHalfUp(v, 2).toFixed(2);
}

/** Exact string with at least two decimals (amounts read from 元 keep all their digits). */
export function wanExact(v: Decimal): string {
  return v.decimalPlaces() <= 2 ? v.toFixed(2) : v.toFixed();
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.add(b), new Decimal(0));
}

/**
 * v in millionths of 万元 (0.01元) as an integer, when that is exact: at most 6 decimals and under
 * 10⁹万元, so the integer stays below 10¹⁵ and sums of such integers are exact while they are safe
 * integers (Number.isSafeInteger). undefined otherwise.
 */
export function millionths(v: Decimal): number | undefined {
  if (v.isZero()) return 0;
  // toFixed(6) of such a value is exact; without the point, at most 15 digits: an exact Number.
  return v.decimalPlaces() <= 6 && v.e < 9 ? Number(v.toFixed(6).replace('.', '')) : undefined;
}

export const ZERO = new Decimal(0);
