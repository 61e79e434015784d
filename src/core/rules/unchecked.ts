// Identities that could not be checked because a column they need was printed under a header
// the reader did not recognise (Table.unreadColumns): listed as 未核验, never counted as passed.
import type { Finding } from '../finding';
import type { Model, Table, TableId } from '../model';
import { TABLES } from '../tables';
import { isEquation, isHierarchy, type Rule, type Term } from './types';

/** `T05[$row].基本支出?` → table, column, optional mark (the grammar of refs.ts). */
const CELL_PATH = /^(T\d{2})\[.+\]\.([^\][]+?)(\?)?$/;

interface ColumnRef {
  table: TableId;
  col: string;
}

export function uncheckedFindings(model: Model, rules: readonly Rule[]): Finding[] {
  const missing = missingColumnsOfTablesWithUnreadColumns(model);
  if (missing.size === 0) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const hit = requiredColumns(rule).find((ref) => missing.get(ref.table)?.has(ref.col));
    if (!hit || seen.has(`${rule.id}|${rule.description}`)) continue;
    seen.add(`${rule.id}|${rule.description}`);
    const table = model.tables[hit.table] as Table;
    const unread = table.unreadColumns ?? [];
    const headers = unread.map((u) => (u.header ? `“${u.header}”（${u.cell.address}）` : `无标题的一列（${u.cell.address}）`)).join('、');
    findings.push({
      rule: rule.id,
      severity: 'warning',
      message: `未核验：${rule.description}——表“${table.sheet}”（${table.title}）缺少“${hit.col}”列，其中${headers}的列标题无法识别，这项核对没有进行。改正列标题后重新检查`,
      cells: unread.map((u) => u.cell),
      unchecked: true,
    });
  }
  return findings;
}

/** Table → the catalog's column keys the sheet did not print, for tables with an unread column. */
function missingColumnsOfTablesWithUnreadColumns(model: Model): Map<TableId, Set<string>> {
  const out = new Map<TableId, Set<string>>();
  for (const table of Object.values(model.tables) as Table[]) {
    if (!table.unreadColumns?.length) continue;
    const keys = TABLES[table.id].columns.map((c) => c.key).filter((k) => !table.columns.includes(k));
    if (keys.length > 0) out.set(table.id, new Set(keys));
  }
  return out;
}

/** Columns the rule cannot do without (optional `?` addends left out), variables expanded. */
function requiredColumns(rule: Rule): ColumnRef[] {
  if (isHierarchy(rule)) {
    const cols = rule.columns === 'all' ? TABLES[rule.hierarchy].columns.map((c) => c.key) : rule.columns;
    return cols.map((col) => ({ table: rule.hierarchy, col }));
  }
  if (!isEquation(rule)) return [];
  const each = rule.each && 'var' in rule.each ? rule.each : undefined;
  const expand = (col: string): string[] => {
    if (!col.startsWith('$')) return [col];
    return each && col === each.var ? [...each.in] : [];
  };
  return [...rule.left, ...rule.right].flatMap((term: Term): ColumnRef[] => {
    if (typeof term === 'string') {
      const m = CELL_PATH.exec(term);
      if (!m || m[3] === '?') return [];
      return expand(m[2]).map((col) => ({ table: m[1] as TableId, col }));
    }
    if ('sumOf' in term) return expand(term.col).map((col) => ({ table: term.sumOf, col }));
    return [];
  });
}
