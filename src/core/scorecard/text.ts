// Small text and number helpers: label normalisation, “（N分）” labels, cell numbers, display.
import { Decimal } from '../money';
import type { CellValue } from '../grid';
import { isCellError } from '../grid';

const FULLWIDTH_DIGITS = /[０-９．]/g;

/** Full-width digits and point → ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGITS, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Every character norm changes; each is mapped on its own, so one pass does all of them. */
const CHANGED_BY_NORM = /[０-９．\s\u3000\u00a0()"'“”‘’「」『』]/g;

function normChar(ch: string): string {
  if (ch === '．') return '.';
  if (ch === '(') return '（';
  if (ch === ')') return '）';
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : ''; // full-width digit; white space and quotes go
}

/** For matching names: full-width digits as ASCII, no whitespace, no quotes, brackets unified to full-width. */
export function norm(text: string): string {
  return text.replace(CHANGED_BY_NORM, normChar);
}

/** Raw text of a cell (numbers as their string); '' for blank. */
export function rawText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v);
}

const POINTS = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/;

/** “投   入（25分）” → { name: '投入', max: 25 }; “可持续影响” → { name: '可持续影响' }. */
export function parsePointsLabel(text: string): { name: string; max?: Decimal } {
  const t = norm(text);
  const m = POINTS.exec(t);
  if (!m) return { name: t };
  return { name: t.slice(0, m.index), max: new Decimal(m[1]) };
}

const DASH = /^[-－—–―]+$/;

/**
 * A cell as a number: numbers as they are, numeric text (spaces, full-width spaces, thousands
 * commas, full-width digits) parsed exactly, dashes as 0. Blank and non-numeric text → null.
 */
export function cellDecimal(v: CellValue): Decimal | null {
  if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(String(v)) : null;
  if (typeof v !== 'string') return null;
  const t = asciiDigits(v).replace(/[\s\u3000\u00a0,，]+/g, '');
  if (t === '') return null;
  if (DASH.test(t)) return new Decimal(0);
  if (!/^[-+]?\d+(?:\.\d+)?%?$/.test(t)) return null;
  return new Decimal(t.replace('%', ''));
}

/** True when the cell holds nothing but whitespace. */
export function isBlank(v: CellValue): boolean {
  return rawText(v).replace(/[\s\u3000\u00a0]+/g, '') === '';
}

/** Plain display of a decimal: no exponent, no trailing zeros, at most `dp` decimals. */
export function fmt(d: Decimal, dp = 4): string {
  const s = d.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Display with a real minus sign. */
export function fmtSigned(d: Decimal, dp = 4): string {
  return fmt(d, dp).replace(/^-/, '−');
}

/** Number of decimals printed in a numeral ("99.82" → 2, "115" → 0). */
export function printedDecimals(numeral: string): number {
  const i = numeral.indexOf('.');
  return i < 0 ? 0 : numeral.length - i - 1;
}

/** Half a unit of the last printed decimal: 0.5 × 10^(−d). */
export function halfUnit(decimals: number): Decimal {
  return new Decimal(5).div(new Decimal(10).pow(decimals + 1));
}
