// An in-memory stand-in for a host: applies a plan's value ops to Grids, so core tests can run
// an action twice without exceljs.
import type { CellValue, Grid } from '../../../src/core/grid';
import { parseAddress } from '../../../src/core/grid';
import type { WritePlan } from '../../../src/core/plan';

export function gridOf(sheet: string, columnA: (string | null)[]): Grid {
  return { sheet, cells: columnA.map((v) => [v]), merges: [] };
}

/** The grids after the plan's createSheet / deleteSheet / value ops (formats are not modelled). */
export function applyToGrids(grids: Grid[], plan: WritePlan): Grid[] {
  const out = grids.map((g) => ({ ...g, cells: g.cells.map((r) => (r ? [...r] : [])) }));
  for (const op of plan.ops) {
    if (op.kind === 'createSheet') out.push({ sheet: op.sheet, cells: [], merges: [] });
    if (op.kind === 'deleteSheet')
      out.splice(
        out.findIndex((g) => g.sheet === op.sheet),
        1,
      );
    if (op.kind !== 'value') continue;
    const g = out.find((x) => x.sheet === op.sheet);
    if (!g) throw new Error(`no sheet ${op.sheet}`);
    const { row, col } = parseAddress(op.address);
    while (g.cells.length <= row) g.cells.push([]);
    const v = op.value;
    g.cells[row][col] = (v !== null && typeof v === 'object' ? null : v) as CellValue;
  }
  return out;
}

/** Column A of a grid as strings, trailing blanks dropped. */
export function columnA(grid: Grid): (string | null)[] {
  const out = grid.cells.map((r) => (r && typeof r[0] === 'string' ? (r[0] as string) : null));
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}
