// A sheet as the file host reads it after juesuan wrote into the workbook: the fast reader's grid
// of the file (what `check` reads), with the cells juesuan's writes changed taken from exceljs's
// workbook in memory. exceljs reads some cells otherwise than the fast reader (a numeric cell
// holding <v>12abc</v> is 12 to exceljs, text and a READ warning to the fast reader; a formula
// never calculated is blank to exceljs, 未计算 to the fast reader): those cells keep the fast
// reader's value until juesuan writes them.
import type { CellValue, Grid } from '../../core/grid';
import { isCellError } from '../../core/grid';

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  return isCellError(x) && isCellError(y) && x.error === y.error;
}

/**
 * `file`: the fast reader's grid of the sheet (undefined: the file has no such sheet);
 * `loaded`: exceljs's grid of it as loaded, before any write; `now`: exceljs's grid now.
 */
export function overlayWrites(file: Grid | undefined, loaded: Grid | undefined, now: Grid): Grid {
  if (!file || !loaded) return now; // a sheet juesuan created
  const cells: CellValue[][] = file.cells.slice();
  const copied = new Set<number>();
  const rows = Math.max(loaded.cells.length, now.cells.length);
  for (let r = 0; r < rows; r++) {
    const before = loaded.cells[r];
    const after = now.cells[r];
    if (before === after) continue;
    const cols = Math.max(before?.length ?? 0, after?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const value = after?.[c];
      if (sameValue(before?.[c], value)) continue;
      if (!copied.has(r)) {
        cells[r] = cells[r] ? cells[r].slice() : [];
        copied.add(r);
      }
      cells[r][c] = value ?? null;
    }
  }
  const merges = JSON.stringify(loaded.merges) === JSON.stringify(now.merges) ? file.merges : now.merges;
  const grid: Grid = { sheet: now.sheet, cells: trimmed(cells), merges };
  if (now.hidden) grid.hidden = now.hidden;
  return grid;
}

/** Rows left without a value at the end are dropped, as the readers leave them out. */
function trimmed(cells: CellValue[][]): CellValue[][] {
  let end = cells.length;
  while (end > 0 && !(cells[end - 1] ?? []).some((v) => v !== null && v !== undefined)) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
