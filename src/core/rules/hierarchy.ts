// Classification hierarchies (T02-2, T03-2, T06-2, …): 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项,
// children found by code prefix. A level is checked only when the table prints rows of it;
// a child that is not printed counts as 0.
import type { Finding } from '../finding';
import type { Amount, Model, Table, TableRow } from '../model';
import { evaluate, sumsHold, type Instance } from './evaluate';
import { codeLevel, isUnreadCell, notPrinted, operandOf, rowLabel, cellLabel, UnitSum, type Operand } from './refs';
import type { HierarchyRule, Level } from './types';

export function hierarchyInstances(model: Model, rule: HierarchyRule): Instance[] {
  const instances: Instance[] = [];
  forEachPair(model, rule, (table, parent, amount, children, col) => {
    const right: Operand[] = [];
    childOperands(table, parent, children, col, right);
    instances.push({ rule, compare: 'eq', tolerance: 'sum', left: [operandOf(table, parent, col, amount)], right });
  });
  return instances;
}

/** evaluate(instance) for each of hierarchyInstances, in order; operands and an Instance only for those that do not hold exactly. */
export function checkHierarchy(model: Model, rule: HierarchyRule, findings: Finding[]): void {
  const left = new UnitSum();
  const right = new UnitSum();
  forEachPair(model, rule, (table, parent, amount, children, col) => {
    left.reset();
    left.cell(table, parent, col, amount);
    right.reset();
    for (const c of children) {
      const child = c.cells[col];
      if (child) right.cell(table, c, col, child);
    }
    if (right.added === 0) right.unprintedSum();
    if (sumsHold(left, right, 'eq')) return;
    const finding = evaluatePair(rule, table, parent, amount, children, col);
    if (finding) findings.push(finding);
  });
}

/** evaluate the instance of one parent and its children in a column. */
export function evaluatePair(rule: HierarchyRule, table: Table, parent: TableRow, amount: Amount, children: TableRow[], col: string) {
  const operands: Operand[] = [];
  childOperands(table, parent, children, col, operands);
  return evaluate({ rule, compare: 'eq', tolerance: 'sum', left: [operandOf(table, parent, col, amount)], right: operands });
}

export type PairVisitor = (table: Table, parent: TableRow, amount: Amount, children: TableRow[], col: string) => void;

/** Each (column, parent, children) the rule checks, in instance order. */
export function forEachPair(model: Model, rule: HierarchyRule, visit: PairVisitor): void {
  const table = model.tables[rule.hierarchy];
  if (!table) return;
  const columns = rule.columns === 'all' ? table.columns : rule.columns;
  const levels = new Map<Level | undefined, TableRow[]>();
  for (const r of table.rows) {
    const level = codeLevel(r);
    const rows = levels.get(level);
    if (rows) rows.push(r);
    else levels.set(level, [r]);
  }
  const byLevel = (level: Level) => levels.get(level) ?? [];
  const classes = byLevel(1);
  const parentsAndChildren: Array<[TableRow, TableRow[]]> = [];

  const total = table.rows.find((r) => r.key === '合计');
  if (total && classes.length > 0) parentsAndChildren.push([total, classes]);
  for (const level of [1, 2] as const) {
    const children = byLevel((level + 1) as Level);
    if (children.length === 0) continue;
    const under = childrenByPrefix(children);
    for (const parent of byLevel(level)) parentsAndChildren.push([parent, under(parent.code!)]);
  }

  const unread = table.unreadCells?.length ? table : undefined;
  for (const col of columns) {
    for (const [parent, children] of parentsAndChildren) {
      const amount = parent.cells[col];
      if (!amount || (unread && children.some((c) => isUnreadCell(unread, c, col)))) continue; // 未核验 (unchecked.ts)
      visit(table, parent, amount, children, col);
    }
  }
}

function childOperands(table: Table, parent: TableRow, children: TableRow[], col: string, out: Operand[]): void {
  for (const c of children) {
    const amount = c.cells[col];
    if (amount) out.push(operandOf(table, c, col, amount));
  }
  if (out.length === 0) out.push(notPrinted(table, () => cellLabel(`${rowLabel(table, parent)}的下级科目`, col)));
}

/** code → the rows whose code starts with it, in table order (grouped once per prefix length). */
function childrenByPrefix(children: TableRow[]): (code: string) => TableRow[] {
  const byLength = new Map<number, Map<string, TableRow[]>>();
  return (code) => {
    let groups = byLength.get(code.length);
    if (!groups) {
      byLength.set(code.length, (groups = new Map()));
      for (const c of children) {
        if (c.code!.length < code.length) continue;
        const prefix = c.code!.slice(0, code.length);
        const group = groups.get(prefix);
        if (group) group.push(c);
        else groups.set(prefix, [c]);
      }
    }
    return groups.get(code) ?? [];
  };
}
