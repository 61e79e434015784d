// Number formats of the narrative (domain.md §4.1.1, §4.1.2). Exact decimals, half-up rounding.
import type { Decimal } from '../money';
import { roundHalfUp } from '../money';

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** 万元 amount as printed: 2 decimals half-up, trailing zeros and point dropped (1883.70 → “1883.7”, 0 → “0”). */
export function fmtWan(v: Decimal): string {
  const s = stripZeros(roundHalfUp(v, 2).toFixed(2));
  return s === '-0' ? '0' : s;
}

/** 万元 amount with two decimals always (“17.70”, “52.00”), 0 as “0” — as Shanghai's documents print them. */
export function fmtWanFixed(v: Decimal): string {
  const r = roundHalfUp(v, 2);
  return r.isZero() ? '0' : r.toFixed(2);
}

/** 万元 amount with two decimals and thousands separators, as 教育部高校 print them (“279,818.00”). */
export function fmtWanGrouped(v: Decimal): string {
  const [int, frac] = roundHalfUp(v, 2).toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped === '-0' ? '0' : grouped}.${frac}`;
}

/** Percentage with its sign: “97.0%” (keepTrailingZeros) or “97%”. */
export function fmtPct(p: Decimal, dp = 1, keepTrailingZeros = true): string {
  let s = roundHalfUp(p, dp).toFixed(dp);
  if (!keepTrailingZeros) s = stripZeros(s);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s + '%';
}

/** A whole number (counts, years). */
export function fmtCount(v: Decimal): string {
  return v.toFixed(0);
}
