// Shared test helpers: a compact view of findings and a hand-made 决算 Model.
import type { Finding } from '../../../src/core/finding';
import { Decimal } from '../../../src/core/money';
import type { Model, Table, TableId } from '../../../src/core/model';

/** “SC-3 error 部门整体!F31” — rule, severity and first cell, sorted. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.cells[0] ? `${f.cells[0].sheet}!${f.cells[0].address}` : '-'}`).sort();
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** A Model holding just the given amounts (万元), each in a made-up cell of its table's sheet. */
export function modelWith(values: { table: TableId; row: string; col: string; value: string }[]): Model {
  const tables: Partial<Record<TableId, Table>> = {};
  values.forEach((v, i) => {
    const t = (tables[v.table] ??= { id: v.table, title: v.table, sheet: v.table, unit: '万元', columns: [], rows: [], notes: [] });
    if (!t.columns.includes(v.col)) t.columns.push(v.col);
    let row = t.rows.find((r) => r.key === v.row);
    if (!row) {
      row = { key: v.row, label: v.row, cells: {} };
      t.rows.push(row);
    }
    row.cells[v.col] = { value: new Decimal(v.value), cell: { sheet: v.table, address: `B${i + 2}` } };
  });
  return { tables, findings: [] };
}
