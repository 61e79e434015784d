// Conversions between what the WPS JSAPI hands back / takes and the engine's plain data:
// Value2 (a scalar for one cell, rows of scalars for more) → Grid cells, cell contents ↔
// Value2 / Formula input, Interior.Color (a BGR integer) ↔ "#RRGGBB".
import type { CellValue } from '../../core/grid';
import type { CellContent, Scalar } from '../../core/plan';
import { fromRaw, toExcelInput } from '../excel/values';
import type { WpsScalar, WpsValue } from './api';

/**
 * Error values come through the JSAPI bridge as the COM error codes (CVErr as an HRESULT):
 * 0x800A0000 + xlErrDiv0 (2007) and so on.
 */
const ERROR_CODES: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
  [-2146826245]: '#GETTING_DATA',
};

export function errorOf(v: unknown): string | undefined {
  return typeof v === 'number' ? ERROR_CODES[v] : undefined;
}

/** The COM error code of "#REF!" etc. (for the test fake). */
export function errorCode(text: string): number | undefined {
  for (const [code, name] of Object.entries(ERROR_CODES)) if (name === text) return Number(code);
  return undefined;
}

/** One Value2 entry → a Grid value. */
export function toGridValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    const e = errorOf(v);
    if (e) return { error: e };
    return Number.isFinite(v) ? v : null;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** Value2 / Formula of a range of `rows` × `cols` as rows of scalars (one cell gives a scalar). */
export function as2D(v: WpsValue, rows: number, cols: number): WpsScalar[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r as WpsScalar]));
  if (rows === 1 && cols === 1) return [[v]];
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

/**
 * The values of a used range at (top, left) placed at their absolute 0-based position, trailing
 * blanks trimmed: the same shape the file host gives.
 */
export function placeValues(values: WpsScalar[][], top: number, left: number): CellValue[][] {
  const cells: CellValue[][] = [];
  values.forEach((row, r) => {
    const out: CellValue[] = [];
    row.forEach((v, c) => {
      const g = toGridValue(v);
      if (g === null) return;
      while (out.length < left + c) out.push(null);
      out[left + c] = g;
    });
    if (out.length > 0) {
      while (cells.length < top + r) cells.push([]);
      cells[top + r] = out;
    }
  });
  return cells;
}

/**
 * A cell as read through Formula and Value2 → what the journal records. A text cell whose text
 * starts with "=" reads the same through both; a formula's Formula differs from its value.
 */
export function toCellContent(formula: unknown, value: unknown): CellContent {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) {
    const result = toGridValue(value);
    return { formula: formula.slice(1), ...(result !== null && typeof result !== 'object' ? { result } : {}) };
  }
  const v = toGridValue(value);
  if (v !== null && typeof v === 'object') return { raw: { error: v.error } };
  return v;
}

/** A content the plan writes, as WPS will hold it afterwards (what a later read gives back). */
export function normaliseContent(c: CellContent): CellContent {
  if (c === '') return null;
  if (c !== null && typeof c === 'object') {
    if ('formula' in c) {
      return { formula: c.formula.replace(/^=/, ''), ...(c.result !== undefined && c.result !== null ? { result: c.result } : {}) };
    }
    if ('raw' in c) {
      const plain = fromRaw(c.raw);
      return plain !== null && typeof plain === 'object' ? normaliseContent(plain) : plain === '' ? null : plain;
    }
  }
  return c;
}

/**
 * What to put into Value2 (or Formula) to make a cell hold `content`; text that WPS would read
 * as a number, date or formula gets the apostrophe prefix (not part of the value).
 */
export function toInput(content: CellContent): { formula?: string; value?: Scalar | string } {
  return toExcelInput(content);
}

/** A merged non-anchor cell recorded by the file host: its anchor holds the value; skip it. */
export function isMergedPlaceholder(content: CellContent): boolean {
  if (content === null || typeof content !== 'object' || !('raw' in content)) return false;
  const raw = content.raw;
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { merged?: unknown }).merged === 'string';
}

/** Interior.Color (BGR: red in the low byte) → "#RRGGBB"; anything else → null. */
export function bgrToHex(bgr: unknown): string | null {
  if (typeof bgr !== 'number' || !Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) return null;
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** "#RRGGBB" (or "RRGGBB") → the BGR integer Interior.Color takes; null when not a colour. */
export function hexToBgr(hex: unknown): number | null {
  if (typeof hex !== 'string') return null;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r | (g << 8) | (b << 16);
}
