// Blank cells the narrative needs: taken from the same identities 填表 solves (a copy printed in
// another table, a balance, a sum), never read as 0. A blank that nothing determines stays blank
// and the section asks for it (context.tableValue).
import type { CellRef } from '../finding';
import type { Amount, Model, Table, TableId, TableRow } from '../model';
import { buildNetwork } from '../derive/network';
import { solve } from '../derive/solve';
import { describeSources, sourcesOf } from '../derive';
import { RULES } from '../rules';
import { cellKey } from '../plan';

export interface DerivedBlank {
  amount: Amount;
  /** In words, e.g. 收入决算表“合计·本年收入合计”. */
  from: string;
  sources: CellRef[];
  rule: string;
}

export interface FilledModel {
  model: Model;
  /** cellKey → how a blank cell got its value. */
  derived: Map<string, DerivedBlank>;
}

/** The model with every blank cell an identity determines replaced by that value. */
export function fillBlanks(model: Model): FilledModel {
  const derived = new Map<string, DerivedBlank>();
  const hasBlank = Object.values(model.tables).some((t) => t?.rows.some((r) => Object.values(r.cells).some((a) => a.blank)));
  if (!hasBlank) return { model, derived };
  const net = buildNetwork(model, RULES, { journalCells: new Set(), locked: () => false });
  solve(net);
  for (const node of net.nodes.values()) {
    if (node.status !== 'blank' || node.how !== 'derived' || !node.eq || !node.cell) continue;
    // 0 from blank parts is the table's own reading only when the table holds no figure at all
    if (node.value.isZero() && holdsFigures(node.table)) continue;
    derived.set(cellKey(node.cell.sheet, node.cell.address), {
      amount: { value: node.value, cell: node.cell, blank: true },
      from: describeSources(node),
      sources: sourcesOf(node),
      rule: node.eq.ruleId,
    });
  }
  if (derived.size === 0) return { model, derived };
  const tables: Model['tables'] = {};
  for (const [id, table] of Object.entries(model.tables) as [TableId, Table][]) {
    tables[id] = { ...table, rows: table.rows.map((row) => withDerived(row, derived)) };
  }
  return { model: { ...model, tables }, derived };
}

function withDerived(row: TableRow, derived: Map<string, DerivedBlank>): TableRow {
  let cells: TableRow['cells'] | undefined;
  for (const [col, a] of Object.entries(row.cells)) {
    const d = a.blank ? derived.get(cellKey(a.cell.sheet, a.cell.address)) : undefined;
    if (!d) continue;
    cells ??= { ...row.cells };
    cells[col] = d.amount;
  }
  return cells ? { ...row, cells } : row;
}

function holdsFigures(table: Table): boolean {
  return table.rows.some((r) => Object.values(r.cells).some((a) => !a.blank && !a.value.isZero()));
}
