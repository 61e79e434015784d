// Cell values → exact numbers, the way the 补充信息 sheet is typed by hand.
import type { CellValue } from '../grid';
import { isCellError } from '../grid';
import { Decimal } from '../money';

export type Parsed = { kind: 'blank' } | { kind: 'number'; value: Decimal } | { kind: 'bad'; text: string };

const DASHES = new Set(['-', '—', '－', '–', '--', '——']);

/** Full-width digits, point, comma and minus → ASCII. */
function toHalfWidth(s: string): string {
  return s.replace(/[０-９．，－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * A number from a cell: numbers as they are, numeric text with thousands separators and
 * spaces (“1,234.56”, “ 12.3 ”), a dash meaning zero. Blank is unknown; anything else is bad.
 */
export function parseNumber(v: CellValue): Parsed {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (isCellError(v)) return { kind: 'bad', text: v.error };
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { kind: 'number', value: new Decimal(v) } : { kind: 'bad', text: String(v) };
  }
  if (typeof v === 'boolean') return { kind: 'bad', text: String(v) };
  const s = toHalfWidth(v).replace(/[\s\u3000]+/g, '');
  if (s === '') return { kind: 'blank' };
  if (DASHES.has(s)) return { kind: 'number', value: new Decimal(0) };
  const plain = s.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain) || !/^[+-]?\d{1,3}(,\d{3})*(\.\d*)?$|^[^,]*$/.test(s)) {
    return { kind: 'bad', text: String(v) };
  }
  return { kind: 'number', value: new Decimal(plain) };
}

/** A year: 2023, “2023”, “2023年”, “2023年度”. */
export function parseYear(v: CellValue): Parsed {
  if (typeof v === 'string') {
    const m = /^(\d{4})年?度?$/.exec(toHalfWidth(v).replace(/[\s\u3000]+/g, ''));
    if (m) return { kind: 'number', value: new Decimal(m[1]) };
  }
  const p = parseNumber(v);
  if (p.kind !== 'number') return p;
  if (!p.value.isInteger() || p.value.lt(1900) || p.value.gt(2999)) return { kind: 'bad', text: String(v) };
  return p;
}
