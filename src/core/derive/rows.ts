// Adding the 类 rows T01/T04 need: a 类 with money in the classification tables that the 支 side
// does not print gets its label and amounts in the first unused row of the 支 side, above
// 本年支出合计 — or a NEED finding when there is no such row.
import type { Finding } from '../finding';
import { address, cellAt, type Grid } from '../grid';
import type { Table, TableId } from '../model';
import { wan2 } from '../money';
import { isBlankValue } from '../read/value';
import type { Network, Node } from './network';
import type { NewRow } from './types';

/** True when (row, col) lies inside a merged range without being its top-left cell. */
export function isMergedNonAnchor(grid: Grid | undefined, row: number, col: number): boolean {
  if (!grid) return false;
  return grid.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

function isMerged(grid: Grid, row: number, col: number): boolean {
  return grid.merges.some(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (m.top !== m.bottom || m.left !== m.right),
  );
}

/** Rows of the 支 side, between its first row and 本年支出合计, whose label and amount cells are all empty. */
function freeRows(table: Table, grid: Grid): number[] {
  const labelCol = table.expenseLabelColumn as number;
  const amountCols = Object.values(table.columnIndex ?? {});
  const expense = table.rows.filter((r) => r.key.startsWith('支:') && r.rowIndex !== undefined);
  const total = expense.find((r) => r.key === '支:本年支出合计');
  if (!total || expense.length === 0) return [];
  const used = new Set(expense.map((r) => r.rowIndex));
  const first = Math.min(...expense.map((r) => r.rowIndex as number));
  const out: number[] = [];
  for (let r = first; r < (total.rowIndex as number); r++) {
    if (used.has(r)) continue;
    const cols = [labelCol, ...amountCols];
    if (cols.every((c) => isBlankValue(cellAt(grid, r, c)) && !isMerged(grid, r, c))) out.push(r);
  }
  return out;
}

/**
 * Places the virtual rows that came out with money: their nodes get sheet cells. Returns the
 * rows added and NEED findings for those without room (their nodes keep no cell).
 */
export function placeRows(net: Network, grids: Grid[]): { rows: NewRow[]; findings: Finding[] } {
  const rows: NewRow[] = [];
  const findings: Finding[] = [];
  for (const [id, virtualRows] of net.virtualRows) {
    const table = net.model.tables[id] as Table;
    const grid = grids.find((g) => g.sheet === table.sheet);
    const nodesOf = (key: string) =>
      [...net.nodes.values()].filter((n) => n.table.id === id && n.row.key === key && n.status === 'virtual');
    const needed = virtualRows.filter((r) => nodesOf(r.key).some((n) => n.known && !n.value.isZero()));
    if (needed.length === 0) continue;
    const free = grid ? freeRows(table, grid) : [];
    for (const row of needed) {
      const nodes = nodesOf(row.key);
      const at = free.shift();
      if (at === undefined) {
        findings.push(noRoom(table, row.label, row.code as string, nodes));
        continue;
      }
      for (const n of nodes) n.cell = { sheet: table.sheet, address: address(at, (table.columnIndex as Record<string, number>)[n.col]) };
      const labelCell = { sheet: table.sheet, address: address(at, table.expenseLabelColumn as number) };
      rows.push({ table: id as 'T01' | 'T04', sheet: table.sheet, row: at, code: row.code as string, label: row.label, labelCell });
    }
  }
  return { rows, findings };
}

function noRoom(table: Table, label: string, code: string, nodes: Node[]): Finding {
  const money = nodes
    .filter((n) => n.known && !n.value.isZero())
    .map((n) => (n.col === '金额' ? `${wan2(n.value)}万元` : `${n.col}${wan2(n.value)}万元`));
  return {
    rule: 'NEED',
    severity: 'warning',
    message:
      `${table.title}（表“${table.sheet}”）支出栏没有空行可写“${label}”（功能分类${code}类，${money.join('，')}），` +
      `请在“本年支出合计”上方插入一行后再填表`,
    cells: Object.values(table.rows.find((r) => r.key === '支:本年支出合计')?.cells ?? {})
      .slice(0, 1)
      .map((a) => a.cell),
  };
}

export function tableOrder(id: TableId | '补充信息'): number {
  return id === '补充信息' ? 99 : Number(id.slice(1));
}
