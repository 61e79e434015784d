// The identities of the checks (rules/declarations.ts) turned into linear equations over the
// workbook's amount cells, so that a blank cell an identity determines can be solved for.
//
// The same instances the checks evaluate are built here, by the checks' own code
// (equationInstances, hierarchyInstances): each operand that has a cell becomes a node, the
// others (rows not printed) are constants. Only 强制 equalities (severity 'error', compare 'eq')
// determine values; 提示 identities and ≤ comparisons never do.
import type { CellRef } from '../finding';
import type { Amount, Model, Table, TableId, TableRow } from '../model';
import { Decimal, UNIT_PER_WAN, ZERO, type Unit } from '../money';
import { cellKey } from '../plan';
import { equationInstances } from '../rules/index';
import type { Instance } from '../rules/evaluate';
import { hierarchyInstances } from '../rules/hierarchy';
import type { Operand } from '../rules/refs';
import { isEquation, isHierarchy, type Rule, type Term as RuleTerm } from '../rules/types';
import { FUNCTION_CLASSES, TABLES } from '../tables';

/** typed: the user's; blank: empty cell; journal: filled by juesuan before; virtual: a 类 row T01/T04 do not print. */
export type Status = 'typed' | 'blank' | 'journal' | 'virtual';

/** How a node got its value: as typed, solved from an identity, or taken as 0 (an empty cell nothing determines). */
export type How = 'typed' | 'derived' | 'zero';

export interface Node {
  /** cellKey(sheet, address); virtual cells have a “#code:column” address. */
  key: string;
  table: Table;
  row: TableRow;
  col: string;
  amount: Amount;
  status: Status;
  /** juesuan may write the cell (not typed, not inside a merge, not a formula without a cached result). */
  writable: boolean;
  known: boolean;
  how?: How;
  /** 万元, the published value once known (for unknown nodes: the value read, 0 for blanks). */
  value: Decimal;
  /** The derivation before rounding to the cell's 2 decimals. */
  exact?: Decimal;
  /**
   * The value is a printed figure, or follows from one alone (a copy, a balance, a sum with one
   * non-zero addend); false once it is summed from two or more figures each rounded to 0.01.
   */
  asPrinted: boolean;
  /** The equation that determined it. */
  eq?: Equation;
  /** e.g. 收入支出决算总表“本年收入合计”. */
  label: string;
  /** Equations the node takes part in (with a non-zero coefficient). */
  eqs: Equation[];
  /** Alone on one side of a determining equation (a total or a copy): never taken as 0 by default. */
  totalLike: boolean;
  /** A declaration says it should be 0 (T01-6): blank means 0 before anything else is tried. */
  zeroDefault: boolean;
  /** The sheet cell: absent for a virtual node until its row is placed. */
  cell?: CellRef;
}

export interface Term {
  node?: Node;
  operand: Operand;
  /** +1 left side, −1 right side. */
  side: 1 | -1;
}

export interface Equation {
  index: number;
  ruleId: string;
  severity: 'error' | 'warning';
  instance: Instance;
  terms: Term[];
  /** Net coefficient of each node (left +1, right −1; a node on both sides cancels). */
  coef: Map<Node, number>;
  /** Σ left constants − Σ right constants (rows not printed: 0). */
  constant: Decimal;
  /** Every node in one table (within-table identities are preferred). */
  local: boolean;
  /** Nodes alone on their side (operand count 1): solving for them is a total or a copy. */
  alone: Set<Node>;
  /** Two copies of one figure (tolerance 'copy', one cell on each side): a copy between tables or a balance (收入总计 = 支出总计) within one. */
  twins: boolean;
}

export interface Network {
  nodes: Map<string, Node>;
  /** Determining equations, in declaration order. */
  equations: Equation[];
  /** The model the equations were built on (T01/T04 with their virtual rows). */
  model: Model;
  /** Virtual 类 rows added to T01/T04, by table. */
  virtualRows: Map<TableId, TableRow[]>;
}

export interface NetworkContext {
  /** cellKeys of cells juesuan filled before. */
  journalCells: Set<string>;
  /** True for cells juesuan must not write (merged non-anchors, formulas without a cached result). */
  locked: (cell: CellRef, status: Status) => boolean;
  /**
   * cellKeys of typed cells that disagree with their derivation: they are solved for like
   * empty cells (never written), so that they do not spread into other cells; one that no
   * identity determines is taken as typed at the end.
   */
  suspects?: Set<string>;
}

/** The 万元 value a derivation publishes: rounded half-up to 2 decimals in the cell's unit. */
export function publish(exact: Decimal, unit: Unit): Decimal {
  const per = UNIT_PER_WAN[unit];
  return exact.mul(per).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).div(per);
}

const VIRTUAL_PREFIX = '#';

export function isVirtualAddress(address: string): boolean {
  return address.startsWith(VIRTUAL_PREFIX);
}

/**
 * T01/T04 print one 支 row per 功能分类 类; the identities quantified over the 类 codes of the
 * classification tables (X05, X08, X15, X16) name a row for every code. A code T01/T04 do not
 * print gets a virtual row here, so that its amount can be derived (and a row added for it).
 */
function withVirtualRows(model: Model, rules: readonly Rule[]): { model: Model; virtualRows: Map<TableId, TableRow[]> } {
  const tables: Model['tables'] = { ...model.tables };
  const virtualRows = new Map<TableId, TableRow[]>();
  const added = new Set<string>();
  for (const rule of rules) {
    if (!isEquation(rule) || !rule.each || !('codesOf' in rule.each) || rule.each.level !== 1) continue;
    const codesOf = rule.each.codesOf;
    for (const id of codesOf) {
      const fixed = model.tables[id];
      if (!fixed || TABLES[id].kind !== 'fixed' || !fixed.columnIndex || fixed.expenseLabelColumn === undefined) continue;
      const printed = new Set(fixed.rows.flatMap((r) => (r.code ? [r.code] : [])));
      const codes = new Set<string>();
      for (const other of codesOf) {
        if (other === id) continue;
        for (const row of model.tables[other]?.rows ?? []) if (row.code && row.code.length === 3) codes.add(row.code);
      }
      for (const code of [...codes].sort()) {
        const name = FUNCTION_CLASSES[code];
        if (printed.has(code) || !name || added.has(`${id}:${code}`)) continue;
        added.add(`${id}:${code}`);
        const cells: Record<string, Amount> = {};
        for (const col of Object.keys(fixed.columnIndex)) {
          cells[col] = { value: ZERO, blank: true, cell: { sheet: fixed.sheet, address: `${VIRTUAL_PREFIX}${code}:${col}` } };
        }
        const row: TableRow = { key: `支:${name}`, label: name, code, level: 1, cells };
        virtualRows.set(id, [...(virtualRows.get(id) ?? []), row]);
      }
    }
  }
  for (const [id, rows] of virtualRows) {
    const table = tables[id] as Table;
    tables[id] = { ...table, rows: [...table.rows, ...rows] };
  }
  return { model: { ...model, tables }, virtualRows };
}

/**
 * The sides of a declaration that hold a total (or a copy): solving for a cell there is
 * “forward”. A hierarchy's total is its parent (left); a copy (tolerance 'copy') has a copy on
 * each side; a sum has its total on the side with one cell against several terms or a Σ rows
 * (left in every declaration but X02).
 */
function totalSides(rule: Rule): Set<'left' | 'right'> {
  if (isHierarchy(rule)) return new Set(['left']);
  if (!isEquation(rule)) return new Set();
  const single = (terms: readonly RuleTerm[]) => terms.length === 1 && typeof terms[0] === 'string';
  const many = (terms: readonly RuleTerm[]) => terms.length > 1 || terms.some((t) => typeof t !== 'string');
  const out = new Set<'left' | 'right'>();
  if (rule.tolerance === 'copy') {
    if (single(rule.left)) out.add('left');
    if (single(rule.right)) out.add('right');
    return out;
  }
  if (single(rule.left) && many(rule.right)) out.add('left');
  if (single(rule.right) && many(rule.left)) out.add('right');
  return out;
}

/** Of the forward targets of an instance, those that are totals or copies (not originals). */
function derivedSide(rule: Rule, instance: Instance, alone: Set<Node>, nodeOf: (op: Operand) => Node | undefined): Node[] {
  if (!isEquation(rule) || rule.tolerance !== 'copy') return [...alone];
  const left = instance.left.length === 1 ? nodeOf(instance.left[0]) : undefined;
  const right = instance.right.length === 1 ? nodeOf(instance.right[0]) : undefined;
  if (!left || !right) return [...alone];
  return [rank(right) > rank(left) ? right : left];
}

/** 1 for the summary tables, 0 for the detail tables. */
function rank(n: Node): number {
  return SUMMARY.has(n.table.id) ? 1 : 0;
}

/** The summary tables (their cells are copies of the detail tables'). */
export const SUMMARY: ReadonlySet<TableId> = new Set<TableId>(['T01', 'T04']);

function nodeLabel(op: Operand): string {
  return `${op.title}“${op.label}”`;
}

export function buildNetwork(source: Model, rules: readonly Rule[], ctx: NetworkContext): Network {
  const { model, virtualRows } = withVirtualRows(source, rules);
  const virtual = new Set<TableRow>([...virtualRows.values()].flat());
  const nodes = new Map<string, Node>();
  for (const table of Object.values(model.tables) as Table[]) {
    for (const row of table.rows) {
      for (const [col, amount] of Object.entries(row.cells)) {
        const key = cellKey(amount.cell.sheet, amount.cell.address);
        if (nodes.has(key)) continue;
        const status: Status = virtual.has(row) ? 'virtual' : ctx.journalCells.has(key) ? 'journal' : amount.blank ? 'blank' : 'typed';
        const typed = status === 'typed' && !ctx.suspects?.has(key);
        nodes.set(key, {
          key,
          table,
          row,
          col,
          amount,
          status,
          writable: status !== 'typed' && (status === 'virtual' || !ctx.locked(amount.cell, status)),
          known: typed,
          how: typed ? 'typed' : undefined,
          value: amount.value,
          asPrinted: typed,
          label: '',
          eqs: [],
          totalLike: false,
          zeroDefault: false,
          cell: status === 'virtual' ? undefined : amount.cell,
        });
      }
    }
  }

  const nodeOf = (op: Operand): Node | undefined => (op.cell ? nodes.get(cellKey(op.cell.sheet, op.cell.address)) : undefined);
  const equations: Equation[] = [];
  for (const rule of rules) {
    let instances: Instance[];
    if (isEquation(rule)) instances = equationInstances(model, rule, {});
    else if (isHierarchy(rule)) instances = hierarchyInstances(model, rule);
    else continue;
    for (const instance of instances) {
      const terms: Term[] = [
        ...instance.left.map((operand): Term => ({ node: nodeOf(operand), operand, side: 1 })),
        ...instance.right.map((operand): Term => ({ node: nodeOf(operand), operand, side: -1 })),
      ];
      for (const t of terms) if (t.node && !t.node.label) t.node.label = nodeLabel(t.operand);
      if (instance.right.length === 0) {
        // “should be 0” declarations (T01-6): an empty cell they name is 0 by default.
        for (const t of terms) if (t.node) t.node.zeroDefault = true;
        continue;
      }
      if (instance.rule.severity !== 'error' || instance.compare !== 'eq') continue;
      const coef = new Map<Node, number>();
      let constant = ZERO;
      for (const t of terms) {
        if (t.node) coef.set(t.node, (coef.get(t.node) ?? 0) + t.side);
        else constant = constant.add(t.operand.value.mul(t.side));
      }
      for (const [node, c] of coef) if (c === 0) coef.delete(node);
      if (coef.size === 0) continue;
      const alone = new Set<Node>();
      const totals = totalSides(rule);
      for (const [declared, side] of [
        ['left', instance.left],
        ['right', instance.right],
      ] as const) {
        const node = totals.has(declared) && side.length === 1 ? nodeOf(side[0]) : undefined;
        if (node && coef.has(node)) alone.add(node);
      }
      // A copy flows from the detail tables into the summary tables, never back.
      if (alone.size === 2) {
        const [a, b] = [...alone];
        if (rank(a) !== rank(b)) alone.delete(rank(a) < rank(b) ? a : b);
      }
      const tablesIn = new Set([...coef.keys()].map((n) => n.table.id));
      const eq: Equation = {
        index: equations.length,
        ruleId: instance.rule.id,
        severity: instance.rule.severity,
        instance,
        terms,
        coef,
        constant,
        local: tablesIn.size === 1,
        alone,
        twins: instance.tolerance === 'copy' && coef.size === 2 && instance.left.length === 1 && instance.right.length === 1,
      };
      equations.push(eq);
      for (const node of coef.keys()) node.eqs.push(eq);
      // A total is never a pure source; of a copy, the copy is not (the side in a summary
      // table, or the left side: declarations put the summary side left), its original may be.
      for (const node of derivedSide(rule, instance, alone, nodeOf)) node.totalLike = true;
    }
  }
  return { nodes, equations, model, virtualRows };
}
