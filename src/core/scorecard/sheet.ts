// Grid access for the scorecard readers: merged cells, cell references, and the title rows that
// start a 计分表 or a 完成情况表 block.
import type { CellValue, Grid } from '../grid';
import { address, cellAt, colCount, isCellError, rowCount } from '../grid';
import type { CellRef } from '../finding';
import { norm, rawText } from './text';

export function ref(grid: Grid, row: number, col: number): CellRef {
  return { sheet: grid.sheet, address: address(row, col) };
}

/** The top-left cell of the merge holding (row, col), or the cell itself. */
export function anchorOf(grid: Grid, row: number, col: number): { row: number; col: number } {
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return { row: m.top, col: m.left };
  }
  return { row, col };
}

/** The value shown at (row, col): a merged non-anchor cell shows its anchor's value. */
export function shownAt(grid: Grid, row: number, col: number): CellValue {
  const a = anchorOf(grid, row, col);
  return cellAt(grid, a.row, a.col);
}

export function textAt(grid: Grid, row: number, col: number): string {
  return rawText(cellAt(grid, row, col));
}

// Grids are not changed once a host hands them over; blocks and headers are looked for in every
// row of every sheet, so each cell's normalised text is worked out once.
const normalised = new WeakMap<Grid, string[][]>();

export function normAt(grid: Grid, row: number, col: number): string {
  let rows = normalised.get(grid);
  if (!rows) normalised.set(grid, (rows = []));
  const texts = (rows[row] ??= []);
  return (texts[col] ??= norm(textAt(grid, row, col)));
}

/** The first non-blank cell right of `col` in the row. */
export function nextFilled(grid: Grid, row: number, col: number): number | undefined {
  const n = colCount(grid);
  for (let c = col + 1; c < n; c++) {
    if (normAt(grid, row, c) !== '') return c;
  }
  return undefined;
}

export type BlockKind = 'scorecard' | 'completion';

export interface Block {
  kind: BlockKind;
  grid: Grid;
  title: string;
  titleRow: number;
  titleCol: number;
  /** last row of the block, inclusive */
  endRow: number;
}

const MAX_TITLE_LENGTH = 80;

/**
 * Every title below ends in 表 and holds 评 (自评) or 况 (完成情况); norm drops and swaps characters
 * but adds none, so text without them is no title.
 */
function mayBeTitle(text: string): boolean {
  return text.includes('表') && (text.includes('评') || text.includes('况'));
}

/** A title names the table at its end (a trailing bracketed project name is allowed). */
export function titleKind(text: string): BlockKind | undefined {
  if (!mayBeTitle(text)) return undefined;
  const t = norm(text);
  if (t === '' || t.length > MAX_TITLE_LENGTH) return undefined;
  const core = t.replace(/（[^（）]*）$/, '');
  if (/绩效目标完成情况表$/.test(core)) return 'completion';
  if (/绩效自评(?:计分|评分)?表$/.test(core) || /自评计分表$/.test(core)) return 'scorecard';
  return undefined;
}

/**
 * The rows worth a closer look, found in one pass over the cells' own text: a title has the
 * characters of one (mayBeTitle) and a scorecard header names a 三级指标 column, so no other row can
 * start a block.
 */
export interface CandidateRows {
  /** rows with a cell that may be a title */
  titles: number[];
  /** rows with a text cell holding 三 and 级 */
  headers: number[];
}

export function candidateRows(grid: Grid): CandidateRows {
  const titles: number[] = [];
  const headers: number[] = [];
  for (let r = 0; r < grid.cells.length; r++) {
    const cells = grid.cells[r];
    if (!cells) continue;
    let title = false;
    let header = false;
    for (let c = 0; c < cells.length && !(title && header); c++) {
      const v = cells[c];
      if (typeof v === 'string') {
        title ||= mayBeTitle(v);
        header ||= v.includes('三') && v.includes('级');
      } else if (isCellError(v)) title ||= mayBeTitle(v.error); // numbers and booleans are no title
    }
    if (title) titles.push(r);
    if (header) headers.push(r);
  }
  return { titles, headers };
}

/** The title rows of a grid among `titleRows` (ascending), each block running to the row before the next title. */
export function findBlocks(grid: Grid, titleRows: readonly number[] = candidateRows(grid).titles): Block[] {
  const titles: Omit<Block, 'endRow'>[] = [];
  const rows = rowCount(grid);
  for (const r of titleRows) {
    const cells = grid.cells[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const kind = titleKind(rawText(cells[c] ?? null));
      if (kind) {
        titles.push({ kind, grid, title: norm(rawText(cells[c] ?? null)), titleRow: r, titleCol: c });
        break;
      }
    }
  }
  return titles.map((t, i) => ({ ...t, endRow: (titles[i + 1]?.titleRow ?? rows) - 1 }));
}
