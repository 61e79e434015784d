// Identities that could not be checked: a column they need was printed under a header the reader
// did not recognise (Table.unreadColumns), a row they name is not in its table (its label printed
// otherwise), or a cell they need held text where an amount belongs (Table.unreadCells). Listed as
// 未核验, never counted as passed.
import type { CellRef, Finding } from '../finding';
import { parseAddress } from '../grid';
import { findRow, type Model, type Table, type TableId, type TableRow } from '../model';
import { TABLES } from '../tables';
import { expandQuantifier } from './quantifiers';
import { isCode, isUnreadCell, isUnreadColumn, matchesFilter, parsePath, rowByKey, substitute, type ParsedPath } from './refs';
import { isEquation, isHierarchy, type Rule, type Term } from './types';

/** `T05[$row].基本支出?` → table, column, optional mark (the grammar of refs.ts). */
const CELL_PATH = /^(T\d{2})\[.+\]\.([^\][]+?)(\?)?$/;

interface ColumnRef {
  table: TableId;
  col: string;
}

export function uncheckedFindings(model: Model, rules: readonly Rule[]): Finding[] {
  return [
    ...unreadTableFindings(model, rules),
    ...unreadColumnFindings(model, rules),
    ...missingRowFindings(model, rules),
    ...unreadCellFindings(model, rules),
  ];
}

/** A table recognised by its title but not read: every identity that needs it is 未核验. */
function unreadTableFindings(model: Model, rules: readonly Rule[]): Finding[] {
  const unread = model.unreadTables ?? [];
  if (unread.length === 0) return [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    const tables = new Set(requiredColumns(rule).map((ref) => ref.table));
    if (isEquation(rule) && rule.each && 'rowsOf' in rule.each) {
      for (const id of [rule.each.rowsOf].flat()) tables.add(id);
    }
    const hit = unread.find((t) => tables.has(t.id));
    if (!hit) continue;
    findings.push({
      rule: rule.id,
      severity: 'warning',
      message: `未核验：${rule.description}——表“${hit.cell.sheet}”（${TABLES[hit.id].title}）未能读取（见读取提示），这项核对没有进行`,
      cells: [hit.cell],
      unchecked: true,
    });
  }
  return findings;
}

function unreadColumnFindings(model: Model, rules: readonly Rule[]): Finding[] {
  if (!(Object.values(model.tables) as Table[]).some((t) => t.unreadColumns?.length)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const hit = requiredColumns(rule, true).find((ref) => {
      const table = model.tables[ref.table];
      return table !== undefined && isUnreadColumn(table, ref.col);
    });
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

/** Columns the rule cannot do without (optional `?` addends left out unless asked for), variables expanded. */
function requiredColumns(rule: Rule, withOptional = false): readonly ColumnRef[] {
  const cache = withOptional ? namedColumnsByRule : requiredColumnsByRule;
  let columns = cache.get(rule);
  if (!columns) cache.set(rule, (columns = columnsOf(rule, withOptional)));
  return columns;
}

// Rules never change: their columns are listed once each (missing rows and columns are looked at on every check).
const requiredColumnsByRule = new WeakMap<Rule, readonly ColumnRef[]>();
const namedColumnsByRule = new WeakMap<Rule, readonly ColumnRef[]>();

function columnsOf(rule: Rule, withOptional: boolean): ColumnRef[] {
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
      if (!m || (m[3] === '?' && !withOptional)) return [];
      return expand(m[2]).map((col) => ({ table: m[1] as TableId, col }));
    }
    if ('sumOf' in term) return expand(term.col).map((col) => ({ table: term.sumOf, col }));
    return [];
  });
}

// ---- rows a rule names that the table does not have ----------------------------------------

/**
 * A row an identity names by its label (本年收入合计, 总计, 合计 …, not a `$` variable, not an
 * optional `?` addend) missing from a table that has rows: the identity was skipped. Most often the
 * row is there under a label the reader does not know (a typo, a province's own wording); those
 * rows are named.
 */
function missingRowFindings(model: Model, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let literal: LiteralRows | undefined;
  for (const rule of rules) {
    for (const path of namedRowsOf(rule)) {
      const table = model.tables[path.table];
      if (!table || table.rows.length === 0 || hasRow(table, path.row)) continue;
      if (isCode(path.row) && table.columns.includes(path.col)) continue; // an unprinted code row counts as 0 (refs.ts)
      if (!hasEveryTable(model, rule) || !hasEveryColumn(model, rule)) break;
      // A row some templates do not print is asked for only when another table the identity reads
      // has the item (X03: 收入决算表 prints a 其他收入 column, so 表1 has a 其他收入 row).
      literal ??= literalRowsOf(rules);
      if (literal.optional.has(`${path.table}|${path.row}`) && !readsAnotherTable(rule, path.table)) continue;
      const key = `${rule.id}|${rule.description}|${path.table}|${path.row}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const strangers = unknownRows(table, path.row, literal.named);
      const labels = strangers.map((r) => `“${r.label}”（${r.cell.address}）`).join('、');
      findings.push({
        rule: rule.id,
        severity: 'warning',
        message:
          `未核验：${rule.description}——表“${table.sheet}”（${table.title}）中没有“${rowLabelOf(path.row)}”行` +
          `${labels ? `，其中${labels}的行标题无法识别` : ''}，这项核对没有进行。改正行标题后重新检查`,
        cells: strangers.map((r) => r.cell),
        unchecked: true,
      });
    }
  }
  return findings;
}

/**
 * rowByKey found something, without building the table's row index (the identities no longer need
 * one; the rows named by label are few, and near the top or in a table of some thirty rows).
 */
function hasRow(table: Table, key: string): boolean {
  return findRow(table, key) !== undefined || (isCode(key) && table.rows.some((r) => r.code === key));
}

/** The rows an equation names by their label and cannot do without (none for an `ifPrinted` rule). */
function namedRowsOf(rule: Rule): readonly ParsedPath[] {
  let paths = namedRowsByRule.get(rule);
  if (!paths) {
    const terms = isEquation(rule) && !rule.ifPrinted ? [...rule.left, ...rule.right] : [];
    paths = terms.flatMap((t) => (typeof t === 'string' && !t.includes('$') && !parsePath(t).optional ? [parsePath(t)] : []));
    namedRowsByRule.set(rule, paths);
  }
  return paths;
}

// Rules never change: each one's named rows are listed once (this runs on every check).
const namedRowsByRule = new WeakMap<Rule, readonly ParsedPath[]>();

/** Every table the rule cannot do without is there (an absent table is reported on its own). */
function hasEveryTable(model: Model, rule: Rule): boolean {
  const rowsOf = isEquation(rule) && rule.each && 'rowsOf' in rule.each ? [rule.each.rowsOf].flat() : [];
  return [...requiredColumns(rule).map((ref) => ref.table), ...rowsOf].every((id) => model.tables[id] !== undefined);
}

/**
 * Every column the rule names by its label is in its table: a table without one of them is a
 * template without that item (or an unread column, reported on its own), not a missing row.
 */
function hasEveryColumn(model: Model, rule: Rule): boolean {
  return requiredColumns(rule).every((ref) => model.tables[ref.table]?.columns.includes(ref.col));
}

function readsAnotherTable(rule: Rule, table: TableId): boolean {
  return requiredColumns(rule).some((ref) => ref.table !== table);
}

/** Rows the rules name by their label, as `T01|收:总计`: every one, and those added as optional (`?`). */
interface LiteralRows {
  named: Set<string>;
  /** Rows some templates do not print. */
  optional: Set<string>;
}

/** literalRows, once per list of rules (the engine keeps one list per template). */
function literalRowsOf(rules: readonly Rule[]): LiteralRows {
  let rows = literalRowsByRules.get(rules);
  if (!rows) literalRowsByRules.set(rules, (rows = literalRows(rules)));
  return rows;
}

const literalRowsByRules = new WeakMap<readonly Rule[], LiteralRows>();

function literalRows(rules: readonly Rule[]): LiteralRows {
  const rows: LiteralRows = { named: new Set(), optional: new Set() };
  for (const rule of rules) {
    if (!isEquation(rule)) continue;
    for (const term of [...rule.left, ...rule.right]) {
      if (typeof term !== 'string' || term.includes('$')) continue;
      const path = parsePath(term);
      rows.named.add(`${path.table}|${path.row}`);
      if (path.optional) rows.optional.add(`${path.table}|${path.row}`);
    }
  }
  return rows;
}

/** 收:本年收入合计 → 本年收入合计. */
function rowLabelOf(rowKey: string): string {
  return rowKey.replace(/^[收支]:/, '');
}

/**
 * Rows of the table (on the missing row's side of a 收/支 table) that have no code and that no
 * rule names: labels the reader could not place, each with the cell of its first amount.
 */
function unknownRows(table: Table, missingKey: string, named: Set<string>): { label: string; cell: CellRef }[] {
  const side = /^[收支]:/.exec(missingKey)?.[0];
  const out: { label: string; cell: CellRef }[] = [];
  for (const row of table.rows) {
    if (row.code || (side !== undefined && !row.key.startsWith(side)) || named.has(`${table.id}|${row.key}`)) continue;
    const cell = Object.values(row.cells).find((a) => a.cell)?.cell;
    if (cell) out.push({ label: row.label, cell });
  }
  return out;
}

// ---- cells whose text is not an amount ------------------------------------------------

/** One 未核验 finding per rule and unread cell that an instance of the rule needed. */
function unreadCellFindings(model: Model, rules: readonly Rule[]): Finding[] {
  const tables = (Object.values(model.tables) as Table[]).filter((t) => t.unreadCells?.length);
  if (tables.length === 0) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const report = (rule: Rule, table: Table, row: TableRow, col: string) => {
    if (!isUnreadCell(table, row, col)) return;
    const cells = unreadCellsOfRow(table, row);
    const key = `${rule.id}|${rule.description}|${cells.map((c) => c.address).join(',')}`;
    if (cells.length === 0 || seen.has(key)) return;
    seen.add(key);
    findings.push({
      rule: rule.id,
      severity: 'warning',
      message: `未核验：${rule.description}——表“${table.sheet}”单元格${cells.map((c) => c.address).join('、')}的内容不是可以确定的金额（见读取提示），这项核对没有进行`,
      cells,
      unchecked: true,
    });
  };
  for (const rule of rules) {
    if (isHierarchy(rule)) {
      const table = model.tables[rule.hierarchy];
      if (!table?.unreadCells?.length) continue;
      const cols = rule.columns === 'all' ? table.columns : rule.columns;
      for (const row of table.rows) for (const col of cols) report(rule, table, row, col);
      continue;
    }
    if (!isEquation(rule)) continue;
    if (!mentionsAny(rule, tables)) continue;
    for (const bindings of expandQuantifier(model, rule.each)) {
      for (const term of [...rule.left, ...rule.right]) {
        if (typeof term !== 'string') {
          const table = 'sumOf' in term ? model.tables[term.sumOf] : undefined;
          if (!table?.unreadCells?.length || !('sumOf' in term)) continue;
          const col = substitute(term.col, bindings);
          for (const row of table.rows) if (matchesFilter(row, term.where)) report(rule, table, row, col);
          continue;
        }
        const path = parsePath(substitute(term, bindings));
        const table = model.tables[path.table];
        if (!table?.unreadCells?.length) continue;
        const row = rowByKey(table, path.row);
        if (row) report(rule, table, row, path.col);
      }
    }
  }
  return findings;
}

function mentionsAny(rule: Rule, tables: Table[]): boolean {
  return (
    isEquation(rule) &&
    [...rule.left, ...rule.right].some((t) =>
      tables.some((table) => (typeof t === 'string' ? t.startsWith(`${table.id}[`) : 'sumOf' in t && t.sumOf === table.id)),
    )
  );
}

/** The unread cells printed on the row's sheet row. */
function unreadCellsOfRow(table: Table, row: TableRow): CellRef[] {
  return (table.unreadCells ?? []).filter((c) => parseAddress(c.address).row === row.rowIndex);
}
