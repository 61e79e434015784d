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

/** "948.60": the 2-decimal 万元 string used in findings and JSON (most values need no rounding). */
export function wan2(v: Decimal): string {
  return (v.decimalPlaces() <= 2 ? v : roundHalfUp(v, 2)).toFixed(2);
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
  if (!(v.decimalPlaces() <= 6 && v.e < 9)) return undefined;
  // Summed from decimal.js's own digits (v.d: base-10⁷ words, the first one at 10^(7·⌊e/7⌋)) rather
  // than printed with toFixed(6) and parsed back: every term is an integer below 10¹⁵, so exact.
  const words = v.d;
  const top = 7 * Math.floor(v.e / 7) + 6;
  let units = 0;
  for (let i = 0; i < words.length; i++) {
    const power = top - 7 * i;
    if (power >= 0) units += words[i] * POWERS_OF_TEN[power];
    else if (power === -1 && words[i] % 10 === 0) units += words[i] / 10;
    else if (words[i] !== 0) return Number(v.toFixed(6).replace('.', ''));
  }
  return v.isNegative() ? -units : units;
}

/** units millionths of 万元 (an integer, as millionths gives) as a Decimal: the same value as summing the Decimals. */
export function fromMillionths(units: number): Decimal {
  const digits = String(Math.abs(units)).padStart(7, '0');
  return new Decimal(`${units < 0 ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`);
}

/** 10⁰ … 10¹³, written out (exact doubles; millionths needs no more). */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13];

export const ZERO = new Decimal(0);
