// Conversions between what Office.js hands back / takes and the engine's plain data: used-range
// values → Grid cells, cell contents ↔ Range.values/formulas, column widths in characters ↔
// points, merged-area addresses → MergeRange.
import type { CellValue, MergeRange } from '../../core/grid';
import type { CellContent, Json, Scalar } from '../../core/plan';
import { parseRange } from '../../core/plan/range';

/** One cell of Range.values with its Range.valueTypes entry → a Grid value. */
export function toGridValue(value: unknown, type?: string): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

/**
 * A used range's values placed at their absolute 0-based position (rows from A1), trailing
 * blanks trimmed: the same shape the file host gives.
 */
export function placeValues(
  values: unknown[][],
  valueTypes: string[][] | undefined,
  rowIndex: number,
  columnIndex: number,
): CellValue[][] {
  const cells: CellValue[][] = [];
  values.forEach((row, r) => {
    const out: CellValue[] = [];
    row.forEach((v, c) => {
      const g = toGridValue(v, valueTypes?.[r]?.[c]);
      if (g === null) return;
      while (out.length < columnIndex + c) out.push(null);
      out[columnIndex + c] = g;
    });
    if (out.length > 0) {
      while (cells.length < rowIndex + r) cells.push([]);
      cells[rowIndex + r] = out;
    }
  });
  return cells;
}

/**
 * "表1!A1:F1, 表1!A2:A3" or "'My sheet'!$A$1:$B$2" (RangeAreas.address) → 0-based merges.
 * Sheet names may be quoted and contain commas; only the part after each "!" is used.
 */
export function parseAreasAddress(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /(?:'(?:[^']|'')*'|[^',!]+)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) {
    try {
      const b = parseRange(m[1]);
      if (b.top !== b.bottom || b.left !== b.right) out.push(b);
    } catch {
      // not an address: skip
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/**
 * Excel parses a string written through Range.values like typed input: "2010101" becomes a
 * number, "=x" a formula, "2024-1-1" a date. A leading apostrophe keeps such text as text (the
 * apostrophe itself is not part of the value).
 */
export function needsTextPrefix(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (t === '') return false;
  if (/^[-+]?[\d.,]+%?$/.test(t) || /^[-+]?\d+(\.\d+)?[eE][-+]?\d+$/.test(t)) return true;
  if (/^\d{1,4}[-/年.]\d{1,2}([-/月.]\d{1,4}日?)?$/.test(t)) return true; // date-like
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return true; // time-like
  if (/^(true|false)$/i.test(t)) return true;
  if (/^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/i.test(t)) return true;
  return false;
}

/** What to put in Range.values (or formulas) to make a cell hold `content`. */
export function toExcelInput(content: CellContent): { formula?: string; value?: Scalar | string } {
  if (content === null) return { value: '' };
  if (typeof content === 'number' || typeof content === 'boolean') return { value: content };
  if (typeof content === 'string') return { value: needsTextPrefix(content) ? `'${content}` : content };
  if ('formula' in content) {
    const f = content.formula.trim();
    return { formula: f.startsWith('=') ? f : `=${f}` };
  }
  return toExcelInput(fromRaw(content.raw));
}

/**
 * A value another host journaled in its own encoding (exceljs: rich text, hyperlinks, formulas,
 * dates, errors): the closest plain content Excel can take.
 */
export function fromRaw(raw: Json): CellContent {
  if (raw === null || typeof raw !== 'object') return raw;
  if (Array.isArray(raw)) return null;
  const o = raw as { [k: string]: Json };
  if (typeof o.merged === 'string') return null; // a merged non-anchor cell: the anchor holds the value
  if (typeof o.formula === 'string' || typeof o.sharedFormula === 'string') {
    const formula = (o.formula ?? o.sharedFormula) as string;
    return { formula };
  }
  if (typeof o.error === 'string') return o.error;
  if (Array.isArray(o.richText)) {
    return o.richText.map((r) => (r && typeof r === 'object' && !Array.isArray(r) && typeof r.text === 'string' ? r.text : '')).join('');
  }
  if (typeof o.$date === 'string') return o.$date.slice(0, 10);
  if ('text' in o) return typeof o.text === 'string' ? o.text : fromRaw(o.text);
  return null;
}

/** A cell as read through Range.formulas/values/valueTypes → what the journal records. */
export function toCellContent(formula: unknown, value: unknown, type?: string): CellContent {
  if (typeof formula === 'string' && formula.startsWith('=')) {
    const result = toGridValue(value, type);
    return { formula: formula.slice(1), ...(result !== null && typeof result !== 'object' ? { result } : {}) };
  }
  const v = toGridValue(value, type);
  if (v !== null && typeof v === 'object') return { raw: { error: v.error } };
  return v;
}

// Column widths: plans speak characters of the Normal style (as Excel's UI and exceljs do);
// Office.js speaks points. Calibri 11 at 96 dpi: a character is 7 px plus 5 px of padding.
const PX_PER_CHAR = 7;
const PADDING_PX = 5;

export function charsToPoints(chars: number): number {
  return Math.round((chars * PX_PER_CHAR + PADDING_PX) * 0.75 * 100) / 100;
}

export function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - PADDING_PX) / PX_PER_CHAR) * 100) / 100);
}

/** "#ffc7ce" / "FFC7CE" / "#FFC7CE" → "#FFC7CE"; anything else → null. */
export function normaliseColor(color: unknown): string | null {
  if (typeof color !== 'string') return null;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `#${m[1].toUpperCase()}` : null;
}
