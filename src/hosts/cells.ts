// What the Excel and WPS hosts share about cell contents, whatever API carries them: a used
// range's values placed at their absolute position, the texts of column A (the journal), what a
// plan's content becomes once written, what to write to get it, and what a read cell holds.
import type { CellValue } from '../core/grid';
import type { CellContent, Json, Scalar } from '../core/plan';

/**
 * A used range's values placed at their absolute 0-based position (rows from A1), trailing
 * blanks trimmed: the same shape the file host gives. `toGrid` turns one API value into a Grid
 * value (null: blank).
 */
export function placeCells<V>(values: V[][], top: number, left: number, toGrid: (v: V, r: number, c: number) => CellValue): CellValue[][] {
  const cells: CellValue[][] = [];
  values.forEach((row, r) => {
    const out: CellValue[] = [];
    row.forEach((v, c) => {
      const g = toGrid(v, r, c);
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

/** The texts of column A, blanks skipped (the journal's chunks). */
export function columnATexts(cells: (CellValue[] | undefined)[]): string[] {
  const out: string[] = [];
  for (const row of cells) {
    const v = row?.[0];
    if (v === null || v === undefined || v === '') continue;
    out.push(String(typeof v === 'object' ? v.error : v));
  }
  return out;
}

/**
 * Excel and WPS parse a string written through values / Value2 like typed input: "2010101"
 * becomes a number, "=x" a formula, "2024-1-1" a date. A leading apostrophe keeps such text as
 * text (the apostrophe itself is not part of the value).
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

/** What to put in values / Value2 (or formulas / Formula) to make a cell hold `content`. */
export function toInput(content: CellContent): { formula?: string; value?: Scalar | string } {
  if (content === null) return { value: '' };
  if (typeof content === 'number' || typeof content === 'boolean') return { value: content };
  if (typeof content === 'string') return { value: needsTextPrefix(content) ? `'${content}` : content };
  if ('formula' in content) {
    const f = content.formula.trim();
    return { formula: f.startsWith('=') ? f : `=${f}` };
  }
  return toInput(fromRaw(content.raw));
}

/**
 * A value another host journaled in its own encoding (exceljs: rich text, hyperlinks, formulas,
 * dates, errors): the closest plain content Excel and WPS can take.
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

/** A content the plan writes, as Excel and WPS hold it afterwards (what a later read gives back). */
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
 * A cell as read through formulas/Formula and values/Value2 → what the journal records. Text
 * typed with a leading apostrophe ("'=SUM(x)") reads back through formulas as "=SUM(x)" — the
 * same as its value (office-js issue #6687): it is text, not a formula. A formula's formula
 * text differs from its value.
 */
export function readContent(formula: unknown, value: unknown, grid: CellValue): CellContent {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) {
    return { formula: formula.slice(1), ...(grid !== null && typeof grid !== 'object' ? { result: grid } : {}) };
  }
  if (grid !== null && typeof grid === 'object') return { raw: { error: grid.error } };
  return grid;
}
