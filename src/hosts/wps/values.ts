// Conversions between what the WPS JSAPI hands back / takes and the engine's plain data:
// Value2 (a scalar for one cell, rows of scalars for more) → Grid cells, cell contents ↔
// Value2 / Formula input, Interior.Color (a BGR integer) ↔ "#RRGGBB".
import type { CellValue } from '../../core/grid';
import type { CellContent } from '../../core/plan';
import { placeCells, readContent } from '../cells';
import { HostError } from '../host';
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

/**
 * Value2 / Formula of a range of `rows` × `cols` as rows of scalars: a scalar for one cell, else
 * exactly `rows` arrays of `cols` values (et-jsapi-declare lib.et.d.ts:1706 types Value2 only as
 * `string | Array<any>`). Any other shape stops the read with a message naming the sheet and the
 * range (`where`) rather than misreading the sheet.
 */
export function as2D(v: WpsValue, rows: number, cols: number, where: string): WpsScalar[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  const ok = Array.isArray(v) && v.length === rows && v.every((r) => Array.isArray(r) && r.length === cols);
  if (!ok) {
    const got = Array.isArray(v) ? `${v.length} 行` : '单个值';
    throw new HostError(
      `读取${where}时，WPS 表格返回的数据形状不对（应为 ${rows} 行 × ${cols} 列，实际为${got}），为避免读错，操作已停止。请保存并重新打开工作簿后再试；若仍出现，请升级 WPS。`,
      undefined,
      'unreadable',
    );
  }
  return v as WpsScalar[][];
}

/** The values of a used range at (top, left) placed at their absolute position. */
export function placeValues(values: WpsScalar[][], top: number, left: number): CellValue[][] {
  return placeCells(values, top, left, (v) => toGridValue(v));
}

/** A cell as read through Formula and Value2 → what the journal records. */
export function toCellContent(formula: unknown, value: unknown): CellContent {
  return readContent(formula, value, toGridValue(value));
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
  return `#${[r, g, b]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
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
