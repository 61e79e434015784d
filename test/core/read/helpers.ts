// Building Grids for reader tests: rows of values, merges written as "A1:C1".
import type { CellValue, Grid, MergeRange } from '../../../src/core/grid';
import { parseAddress } from '../../../src/core/grid';
import type { Model, Table, TableId } from '../../../src/core/model';
import { getAmount } from '../../../src/core/model';

export function grid(sheet: string, rows: CellValue[][], merges: string[] = []): Grid {
  return { sheet, cells: rows, merges: merges.map(mergeRange) };
}

export function mergeRange(range: string): MergeRange {
  const [from, to] = range.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to ?? from);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function table(model: Model, id: TableId): Table {
  const t = model.tables[id];
  if (!t) throw new Error(`${id} not read; findings: ${model.findings.map((f) => f.message).join(' | ')}`);
  return t;
}

/** The amount in 万元 with two decimals, or undefined when the cell is absent. */
export function wan(t: Table, rowKey: string, col: string): string | undefined {
  return getAmount(t, rowKey, col)?.value.toFixed(2);
}

export function cellOf(t: Table, rowKey: string, col: string): string | undefined {
  const a = getAmount(t, rowKey, col);
  return a ? `${a.cell.sheet}!${a.cell.address}` : undefined;
}

export function rowKeys(t: Table): string[] {
  return t.rows.map((r) => r.key);
}

export function messages(model: Model): string[] {
  return model.findings.map((f) => f.message);
}
