// One sheet seen by the reader: raw values, plus the text of each cell with merged headers
// spread across their span (a merged non-anchor cell reads as its anchor's text).
import { CellValue, Grid, cellText, colCount, compactText, rowCount } from '../grid';

export class SheetView {
  readonly sheet: string;
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * texts[row × colCount + col]: whitespace-free text, a merged non-anchor cell holding its anchor's;
   * null for a number whose text no one has asked for yet (most are amounts, read as numbers).
   */
  private texts: (string | null)[] = [];
  private readonly filledCols: number[][] = [];
  /** Texts are made when first asked for: recognising a sheet reads only values. */
  private textsMade = false;
  private keptKey: object | undefined = undefined;
  private kept: unknown[] = [];

  constructor(readonly grid: Grid) {
    this.sheet = grid.sheet;
    this.rowCount = rowCount(grid);
    this.colCount = colCount(grid);
  }

  private makeTexts(): void {
    this.textsMade = true;
    const { grid, colCount } = this;
    const texts = (this.texts = new Array<string | null>(this.rowCount * colCount).fill(''));
    for (let r = 0; r < this.rowCount; r++) {
      const cells = grid.cells[r];
      const width = cells ? Math.min(cells.length, colCount) : 0;
      let filled: number[] | undefined;
      for (let c = 0; c < width; c++) {
        const v = cells[c];
        let text: string | null;
        // most cells are amounts and labels; a blank's text is the '' already there
        if (typeof v === 'number') text = null;
        else if (typeof v === 'string') text = compactText(v);
        else if (v === null || v === undefined) continue;
        else text = cellText(v);
        texts[r * colCount + c] = text;
        if (text !== '') (filled ??= []).push(c);
      }
      this.filledCols.push(filled ?? NO_COLUMNS);
    }
    // the rows a merge spreads over are listed again (merges are few, most in the header)
    for (const m of grid.merges) this.spreadMerge(m.top, m.left, m.bottom, m.right);
  }

  private filledColsOf(row: number): number[] {
    const filled: number[] = [];
    for (let c = 0, at = row * this.colCount; c < this.colCount; c++, at++) if (this.texts[at] !== '') filled.push(c);
    return filled.length > 0 ? filled : NO_COLUMNS;
  }

  /** The cell as the host gave it (null for blanks and merged non-anchors). */
  value(row: number, col: number): CellValue {
    // cellAt's work, without the call: amounts, codes and labels are all read through here
    const cells = this.grid.cells[row];
    if (!cells) return null;
    const v = cells[col];
    return v === undefined ? null : v;
  }

  /** Whitespace-free text of the cell, or of its merge anchor. */
  text(row: number, col: number): string {
    if (!this.textsMade) this.makeTexts();
    if (row < 0 || row >= this.rowCount || col < 0 || col >= this.colCount) return '';
    const at = row * this.colCount + col;
    const text = this.texts[at];
    return text === null ? (this.texts[at] = String(this.grid.cells[row][col])) : text;
  }

  /**
   * A list a reader keeps for `key` (what it works out per column under one header) until it asks
   * for another key.
   */
  keptFor<T>(key: object): (T | undefined)[] {
    if (this.keptKey !== key) {
      this.keptKey = key;
      this.kept = [];
    }
    return this.kept as (T | undefined)[];
  }

  /** The cell's own text, trimmed but with inner spaces kept (for notes). */
  displayText(row: number, col: number): string {
    const v = this.value(row, col);
    if (v === null || typeof v === 'object') return cellText(v);
    return String(v).trim();
  }

  isBlankRow(row: number): boolean {
    return this.nonEmptyCols(row).length === 0;
  }

  /** Columns of the row holding text (spread merges included), left to right. */
  nonEmptyCols(row: number): number[] {
    if (!this.textsMade) this.makeTexts();
    return this.filledCols[row] ?? [];
  }

  /**
   * Whether a text of the row (spread merges included) holds `fragment`, a text no number's text
   * holds (number texts not made yet are not made for this).
   */
  rowTextIncludes(row: number, fragment: string): boolean {
    const at = row * this.colCount;
    for (const c of this.nonEmptyCols(row)) {
      const text = this.texts[at + c];
      if (text !== null && text.includes(fragment)) return true;
    }
    return false;
  }

  /** The row's own cell texts joined with spaces: a note line as printed. */
  lineText(row: number): string {
    const parts: string[] = [];
    for (let c = 0; c < this.colCount; c++) {
      const t = this.displayText(row, c);
      if (t !== '') parts.push(t);
    }
    return parts.join(' ');
  }

  private spreadMerge(top: number, left: number, bottom: number, right: number): void {
    const anchorText = this.text(top, left);
    // Clamped to the used range: a merge reaching past the data adds nothing the reader looks at.
    for (let r = top; r <= Math.min(bottom, this.rowCount - 1); r++) {
      for (let c = left; c <= Math.min(right, this.colCount - 1); c++) this.texts[r * this.colCount + c] = anchorText;
      this.filledCols[r] = this.filledColsOf(r);
    }
  }
}

/** The filled columns of a row with none (shared: callers only read them). */
const NO_COLUMNS: number[] = [];
