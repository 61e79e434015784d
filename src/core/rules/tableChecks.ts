// Whole-table checks (ALL-1 amounts ≥ 0, ALL-2 an all-zero table needs its 空表说明).
import type { Finding } from '../finding';
import type { Amount, Model, Table } from '../model';
import { wan2 } from '../money';
import { amountText } from './message';
import { cellLabel, rowLabel } from './refs';
import type { TableCheckRule } from './types';

const EMPTY_TABLE_MARK = ['空表'];

export function tableCheckFindings(model: Model, rule: TableCheckRule, emptyNotes: readonly string[] = EMPTY_TABLE_MARK): Finding[] {
  const tables = Object.values(model.tables).filter((t): t is Table => t !== undefined);
  if (rule.check === 'nonNegative') return tables.flatMap((table) => negatives(table, rule));
  const notes = notePatterns(emptyNotes);
  return tables.flatMap((table) => emptyWithoutNote(table, rule, notes));
}

/** A template's wordings of an empty table, compiled once per list (the lists are data, never changed). */
function notePatterns(emptyNotes: readonly string[]): RegExp[] {
  let patterns = compiledNotes.get(emptyNotes);
  if (!patterns) compiledNotes.set(emptyNotes, (patterns = emptyNotes.map((n) => new RegExp(n))));
  return patterns;
}

const compiledNotes = new WeakMap<readonly string[], RegExp[]>();

function negatives(table: Table, rule: TableCheckRule): Finding[] {
  const findings: Finding[] = [];
  for (const row of table.rows) {
    for (const col in row.cells) {
      const amount = row.cells[col];
      if (amount.units !== undefined ? amount.units >= 0 : !amount.value.isNegative()) continue;
      const text = `${table.title}“${cellLabel(rowLabel(table, row), col)}”为负数${amountText(amount.value)}万元`;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        message: rule.note ? `${text}；${rule.note}` : text,
        cells: [amount.cell],
        actual: wan2(amount.value),
      });
    }
  }
  return findings;
}

function emptyWithoutNote(table: Table, rule: TableCheckRule, emptyNotes: RegExp[]): Finding[] {
  if (hasNonZeroAmount(table)) return [];
  if (table.notes.some((n) => emptyNotes.some((re) => re.test(n.replace(/\s+/g, ''))))) return [];
  const text = `${table.title}金额全部为0，表下缺少空表说明（如“本部门本年度无…，故本表为空表”）`;
  return [
    {
      rule: rule.id,
      severity: rule.severity,
      message: rule.note ? `${text}；${rule.note}` : text,
      cells: [firstAmount(table)?.cell ?? { sheet: table.sheet, address: 'A1' }],
    },
  ];
}

/** The table's first amount, rows in order, each row's cells in their order. */
function firstAmount(table: Table): Amount | undefined {
  for (const row of table.rows) {
    for (const col in row.cells) return row.cells[col];
  }
  return undefined;
}

function hasNonZeroAmount(table: Table): boolean {
  for (const row of table.rows) {
    for (const col in row.cells) {
      const amount = row.cells[col];
      if (amount.units !== undefined ? amount.units !== 0 : !amount.value.isZero()) return true;
    }
  }
  return false;
}
