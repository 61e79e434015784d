// Builds one paragraph: literal text plus slots that remember the cells they came from.
import type { CellRef } from '../finding';
import type { Decimal } from '../money';
import { fmtCount, fmtWan } from './format';
import type { Paragraph, Slot, SlotKind } from './types';

/** A number the narrative needs, or the placeholder that stands in for it. */
export type Value = { ok: true; value: Decimal; cells: CellRef[] } | { ok: false; placeholder: string; cells: CellRef[] };

export const known = (value: Decimal, cells: CellRef[]): Value => ({ ok: true, value, cells });

/** The placeholder of the first missing value (for a figure computed from several inputs). */
export function missingPlaceholder(...values: Value[]): string {
  for (const v of values) if (!v.ok) return v.placeholder;
  return '';
}

const PLACEHOLDER_IN_TEXT = /【[^【】]*】/g;

export class ParagraphBuilder {
  private text = '';
  private readonly slots: Slot[] = [];

  /**
   * @param placeholderCells where the cell to fill is for a placeholder that reaches the builder
   *   inside template text (e.g. the year in “{Y}年度…”).
   */
  constructor(
    private readonly placeholderCells: (placeholder: string) => CellRef[] = () => [],
    private readonly wan: (v: Decimal) => string = fmtWan,
  ) {}

  /** Template text. A 【…】 placeholder inside it (e.g. an unknown year) still becomes a slot. */
  add(s: string): this {
    let last = 0;
    for (const m of s.matchAll(PLACEHOLDER_IN_TEXT)) {
      this.text += s.slice(last, m.index);
      this.placeholder(m[0], this.placeholderCells(m[0]));
      last = (m.index as number) + m[0].length;
    }
    this.text += s.slice(last);
    return this;
  }

  slot(text: string, kind: SlotKind, cells: CellRef[]): this {
    this.slots.push({ text, kind, cells: dedupeCells(cells), start: this.text.length });
    this.text += text;
    return this;
  }

  placeholder(text: string, cells: CellRef[]): this {
    return this.slot(text, 'placeholder', cells);
  }

  /** A 万元 amount (“1915.96”) or its placeholder; the caller writes the unit. */
  amount(v: Value, kind: 'amount' | 'change' = 'amount'): this {
    return v.ok ? this.slot(this.wan(v.value), kind, v.cells) : this.placeholder(v.placeholder, v.cells);
  }

  /** A whole number (辆, 人, 批次, 个) or its placeholder. */
  count(v: Value): this {
    return v.ok ? this.slot(fmtCount(v.value), 'count', v.cells) : this.placeholder(v.placeholder, v.cells);
  }

  get length(): number {
    return this.text.length;
  }

  build(): Paragraph {
    return { text: this.text, slots: [...this.slots] };
  }
}

export function dedupeCells(cells: CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = `${c.sheet}!${c.address}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Free text quoted into a sentence, without the end punctuation the template adds itself. */
export function trimSentence(text: string): string {
  return text
    .trim()
    .replace(/[。；;，,.、\s]+$/u, '')
    .trim();
}
