// The fast reader (src/hosts/file/reader) against exceljs (loadWorkbook): the same Grids for the
// sample and seed workbooks and for the cell kinds Excel writes.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { CellValue, Grid } from '../../../src/core/grid';
import { loadWorkbook, readGrids } from '../../../src/hosts/file';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

/** Blank cells and rows as one thing (exceljs pads gaps with null and [], the reader may leave holes). */
function normalised(grid: Grid): Grid {
  const cells: CellValue[][] = [];
  grid.cells.forEach((row, r) => {
    const out: CellValue[] = [];
    (row ?? []).forEach((v, c) => {
      if (v !== null && v !== undefined) out[c] = v;
    });
    if (out.length > 0) cells[r] = Array.from(out, (v) => v ?? null);
  });
  const height = cells.length;
  const width = Math.max(0, ...cells.map((r) => (r ? r.length : 0)));
  // Merges as far as the cells go (the reader clamps them to what the sheet holds).
  const merges = grid.merges
    .filter((m) => m.top < height && m.left < width)
    .map((m) => ({ ...m, bottom: Math.min(m.bottom, height - 1), right: Math.min(m.right, width - 1) }));
  return { ...grid, cells: Array.from(cells, (r) => r ?? []), merges };
}

describe('the fast reader gives the Grids exceljs gives', () => {
  test.each(['sample.xlsx', 'seed000.xlsx', 'seed002.xlsx'])('%s', async (name) => {
    const bytes = await fs.readFile(path.join(EXAMPLES, name));
    const viaExceljs = (await loadWorkbook(bytes, name)).grids;
    const fast = readGrids(bytes, name).grids;
    expect(fast.map((g) => [g.sheet, g.hidden])).toEqual(viaExceljs.map((g) => [g.sheet, g.hidden]));
    expect(fast.map(normalised)).toEqual(viaExceljs.map(normalised));
  });
});
