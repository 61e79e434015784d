// Where paragraphs come from: the 部门决算情况说明 sheet (one paragraph per cell in column A, or a
// row's text spread over several columns) or a pasted text file (one paragraph per line).
import type { CellValue, Grid } from '../grid';
import { address, cellAt, colCount, isCellError, rowCount } from '../grid';
import type { TextParagraph } from './types';

function text(v: CellValue): string {
  if (v === null || v === undefined || isCellError(v)) return '';
  return String(v).trim();
}

/**
 * One paragraph per non-empty row: column A's text, or the row's texts joined in column order
 * when the text is spread over other columns. The paragraph points at the row's first text cell.
 */
export function paragraphsFromGrid(grid: Grid): TextParagraph[] {
  const out: TextParagraph[] = [];
  const width = colCount(grid);
  for (let r = 0; r < rowCount(grid); r++) {
    const parts: string[] = [];
    let first: number | undefined;
    for (let c = 0; c < width; c++) {
      const t = text(cellAt(grid, r, c));
      if (t === '') continue;
      if (first === undefined) first = c;
      parts.push(t);
    }
    if (first === undefined) continue;
    out.push({ text: parts.join(''), cell: { sheet: grid.sheet, address: address(r, first) } });
  }
  return out;
}

/** One paragraph per non-empty line, numbered by its line in the file. */
export function paragraphsFromText(content: string): TextParagraph[] {
  const out: TextParagraph[] = [];
  content
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => {
      const t = line.trim();
      if (t !== '') out.push({ text: t, line: i + 1 });
    });
  return out;
}

// One definition of where the narrative sheet is, shared with the writer.
export { findNarrativeGrid, NARRATIVE_TITLE } from '../plan/narrative';
