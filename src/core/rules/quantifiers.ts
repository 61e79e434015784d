// Expanding a rule's quantifier (“for every row / code / value”) into variable bindings.
import type { Model, TableId } from '../model';
import { codeLevel, matchesFilter, type Bindings } from './refs';
import type { Quantifier } from './types';

/** One binding per repetition; a rule without a quantifier runs once with no bindings. */
export function expandQuantifier(model: Model, each: Quantifier | undefined): Bindings[] {
  if (!each) return [{}];
  if ('var' in each) return each.in.map((value) => ({ [each.var]: value }));
  if ('rowsOf' in each) {
    const keys = new Set<string>();
    for (const table of presentTables(model, asList(each.rowsOf))) {
      for (const row of table.rows) if (matchesFilter(row, each.where)) keys.add(row.key);
    }
    return [...keys].map((key) => ({ $row: key }));
  }
  const codes = new Set<string>();
  for (const table of presentTables(model, each.codesOf)) {
    for (const row of table.rows) if (row.code && codeLevel(row) === each.level) codes.add(row.code);
  }
  return [...codes].sort().map((code) => ({ $code: code }));
}

function asList(ids: TableId | readonly TableId[]): readonly TableId[] {
  return typeof ids === 'string' ? [ids] : ids;
}

function presentTables(model: Model, ids: readonly TableId[]) {
  return ids.flatMap((id) => (model.tables[id] ? [model.tables[id]!] : []));
}
