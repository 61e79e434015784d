// Solving the network: every equation left with one unknown cell determines it.
//
// Order (each step runs only when the ones before it have nothing left to do):
//   1. forward, in the order of PREFERENCE: a copy of a printed figure from another table
//      (detail → summary; back into a detail table's blank total only when that total's own
//      sum agrees with it within rounding, so that a wrong figure typed in a summary table
//      spreads into nothing), a balance of a printed figure (收入总计 = 支出总计), then copies
//      and balances of derived figures (so that two copies of one figure agree), then a total
//      from its addends within one table, then between tables; within a kind, lowest
//      declaration first. A blank that has an exact figure is thus never a sum of rounded ones;
//   2. once: empty cells that are pure sources (never a total or a copy) of the detail tables,
//      and empty cells a declaration says should be 0 (T01-6), are 0 — the reader's reading of
//      a blank;
//   3. backward: an addend from its total and the other addends (T04 一般公共预算财政拨款收入 =
//      本年收入合计 − 基金 − 国资; 年末结转和结余 = 总计 − 本年支出合计 − 结余分配), one at a
//      time, going back to 1 after each; a negative result is not taken;
//   4. once: the remaining pure-source empty cells of T01/T04 are 0.
// Cells still unknown after that are not determined by the identities and are left alone.
//
// Typed cells are never changed. One that disagrees with what the identities make of the
// other cells (suspectKeys) is, in a second pass, solved for like an empty cell so that its
// wrong value spreads into nothing — and reported with both values (suspectFindings).
import type { CellRef, Finding } from '../finding';
import { wan2, ZERO, type Decimal } from '../money';
import type { Instance } from '../rules/evaluate';
import { evaluate } from '../rules/evaluate';
import type { Equation, Network, Node } from './network';
import { publish, SUMMARY } from './network';

/** Tables that summarise the others: their pure-source empty cells are taken as 0 last. */
export const SUMMARY_TABLES = SUMMARY;

/**
 * The kinds of derivation, best first (see the header). copy: two copies of one figure in two
 * tables (X01 本年收入合计 = 收入决算表合计); balance: two copies within one table (T01-5, T04-7
 * 收入总计 = 支出总计); “printed”: the figure copied is printed, or follows from printed figures
 * alone (asPrinted).
 */
export const PREFERENCE = [
  'copyOfPrinted',
  'balanceOfPrinted',
  'copy',
  'balance',
  'sumWithinTable',
  'sumBetweenTables',
  'backward',
] as const;

export type DerivationKind = (typeof PREFERENCE)[number];

const BACKWARD = PREFERENCE.indexOf('backward');

interface Candidate {
  eq: Equation;
  /** Index in PREFERENCE. */
  cls: number;
  /**
   * A copy back from a summary table's printed figure into a detail table's blank total (eq is
   * the copy): taken only when the total's own sum (guard) agrees with it within rounding.
   */
  guard?: Equation;
}

/** The kind of deriving `node` from `eq` (every other node of `eq` known). */
export function kindOf(eq: Equation, node: Node): DerivationKind {
  if (!eq.alone.has(node)) return 'backward';
  if (!eq.twins) return eq.local ? 'sumWithinTable' : 'sumBetweenTables';
  const source = [...eq.coef.keys()].find((n) => n !== node) as Node;
  if (eq.local) return source.asPrinted ? 'balanceOfPrinted' : 'balance';
  return source.asPrinted ? 'copyOfPrinted' : 'copy';
}

/**
 * A derived value is as printed when it follows from one printed figure alone (the other terms
 * are 0), or sums figures of a 元 table printed to the 分; otherwise it is summed from figures
 * each rounded to 0.01 and may differ by 0.01 from what the export software prints.
 */
function followsFromPrinted(eq: Equation, node: Node): boolean {
  const others = [...eq.coef.keys()].filter((n) => n !== node && !n.value.isZero());
  const terms = others.length + (eq.constant.isZero() ? 0 : 1);
  if (!others.every((n) => n.asPrinted)) return false;
  return terms <= 1 || (node.table.unit === '元' && others.every((n) => n.table.unit === '元'));
}

/** A binary heap of candidates, smallest (class, declaration index) first. */
class Queue {
  private items: Candidate[] = [];

  private less(a: Candidate, b: Candidate): boolean {
    return a.cls < b.cls || (a.cls === b.cls && a.eq.index < b.eq.index);
  }

  push(c: Candidate): void {
    const items = this.items;
    items.push(c);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(items[i], items[p])) break;
      [items[i], items[p]] = [items[p], items[i]];
      i = p;
    }
  }

  peek(): Candidate | undefined {
    return this.items[0];
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l], items[m])) m = l;
        if (r < items.length && this.less(items[r], items[m])) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }
}

/** The value `node` must have for `eq` to hold, given the other nodes' values (exact). */
export function solveFor(eq: Equation, node: Node): Decimal {
  let rest = eq.constant;
  for (const [n, c] of eq.coef) if (n !== node) rest = rest.add(n.value.mul(c));
  return rest.neg().div(eq.coef.get(node) as number);
}

function unknownOf(eq: Equation): Node | undefined {
  for (const n of eq.coef.keys()) if (!n.known) return n;
  return undefined;
}

/** Solves the network in place; returns findings about derivations that were refused. */
export function solve(net: Network): Finding[] {
  const findings: Finding[] = [];
  const count = net.equations.map((eq) => [...eq.coef.keys()].filter((n) => !n.known).length);
  const queue = new Queue();
  const enqueue = (eq: Equation) => {
    const u = unknownOf(eq);
    if (!u) return;
    queue.push({ eq, cls: PREFERENCE.indexOf(kindOf(eq, u)) });
    if (!eq.alone.has(u) || eq.twins) return;
    for (const copy of u.eqs) {
      const source = copy.twins && !copy.local && !copy.alone.has(u) ? [...copy.coef.keys()].find((n) => n !== u) : undefined;
      if (source?.how === 'typed') queue.push({ eq: copy, cls: PREFERENCE.indexOf('copyOfPrinted'), guard: eq });
    }
  };
  const setKnown = (node: Node, value: Decimal, how: 'derived' | 'zero' | 'typed', eq?: Equation) => {
    node.known = true;
    node.how = how;
    node.value = value;
    node.eq = eq;
    node.asPrinted = how !== 'derived' || (eq !== undefined && followsFromPrinted(eq, node));
    for (const f of node.eqs) if (--count[f.index] === 1) enqueue(f);
  };
  const zeroFix = (pick: (n: Node) => boolean) => {
    for (const n of net.nodes.values()) {
      if (!n.known && n.status !== 'virtual' && n.status !== 'typed' && pick(n)) setKnown(n, ZERO, 'zero');
    }
  };
  for (const eq of net.equations) if (count[eq.index] === 1) enqueue(eq);
  // Typed cells set aside as suspects (see NetworkContext.suspects).
  let suspects = [...net.nodes.values()].filter((n) => n.status === 'typed' && !n.known);

  let detailZeros = false;
  let summaryZeros = false;
  for (;;) {
    const next = queue.peek();
    if (next && next.cls < BACKWARD) {
      derive(queue.pop() as Candidate);
    } else if (!detailZeros) {
      detailZeros = true;
      zeroFix((n) => n.zeroDefault || (!SUMMARY_TABLES.has(n.table.id) && !n.totalLike));
    } else if (next) {
      derive(queue.pop() as Candidate);
    } else if (!summaryZeros) {
      summaryZeros = true;
      zeroFix((n) => SUMMARY_TABLES.has(n.table.id) && !n.totalLike);
    } else if (suspects.some((n) => !n.known)) {
      // a suspect nothing determines counts as typed after all
      for (const n of suspects) if (!n.known) setKnown(n, n.amount.value, 'typed');
      suspects = [];
    } else {
      break;
    }
  }
  return findings;

  function derive({ eq, cls, guard }: Candidate): void {
    if (count[eq.index] !== 1) return; // solved meanwhile
    const u = unknownOf(eq) as Node;
    const exact = solveFor(eq, u);
    const value = publish(exact, u.table.unit);
    if (guard && !agreesWithinRounding(guard, u, value)) return; // the sum is taken instead
    if (cls === BACKWARD && value.isNegative()) {
      findings.push({
        rule: eq.ruleId,
        severity: 'warning',
        message: `按${eq.ruleId}由其他单元格倒推${u.label}为负数${wan2(value)}万元，未填写；请核对该等式中已填的数`,
        cells: eq.terms.flatMap((t) => (t.node?.cell ? [t.node.cell] : [])),
        expected: wan2(value),
      });
      return;
    }
    u.exact = exact;
    setKnown(u, value, 'derived', eq);
  }
}

/** With `node` at `value`, `eq` holds exactly or within its rounding tolerance. */
function agreesWithinRounding(eq: Equation, node: Node, value: Decimal): boolean {
  const before = node.value;
  node.value = value;
  const check = evaluate(instanceWithValues(eq));
  node.value = before;
  return !check || check.severity === 'info';
}

/** The instance with every node's current value (and its placed cell). */
export function instanceWithValues(eq: Equation): Instance {
  const swap = (side: 1 | -1) =>
    eq.terms
      .filter((t) => t.side === side)
      .map((t) => {
        if (!t.node) return t.operand;
        const { node } = t;
        // label is a getter of the operand (refs.ts CellOperand): a spread would drop it
        return {
          ...t.operand,
          label: t.operand.label,
          value: node.value,
          raw: node.how === 'typed' ? t.operand.raw : undefined,
          cell: node.cell,
        };
      });
  return { ...eq.instance, left: swap(1), right: swap(-1) };
}

/**
 * Equations that hold no longer once the derived values are in: a typed cell disagrees with
 * what the identity makes of the cells juesuan fills. One finding per typed cell (the first
 * identity in declaration order), naming both values; equations with several typed cells give
 * the identity's own message. Rounding differences within tolerance are not reported.
 */
export function conflictFindings(net: Network): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<Node>();
  for (const eq of net.equations) {
    const nodes = [...eq.coef.keys()];
    if (nodes.some((n) => !n.known) || !nodes.some((n) => n.how === 'derived')) continue;
    const check = evaluate(instanceWithValues(eq));
    if (!check || check.severity === 'info') continue;
    const typed = nodes.filter((n) => n.how === 'typed');
    if (eq.twins) {
      if (typed.some((t) => reported.has(t))) continue;
      typed.forEach((t) => reported.add(t));
      const [a, b] = typed.length === 1 ? [typed[0], nodes.find((n) => n !== typed[0]) as Node] : nodes;
      findings.push(twinFinding(eq, check, { node: a, value: a.value }, { node: b, value: b.value }));
    } else if (typed.length === 1) {
      const t = typed[0];
      if (reported.has(t)) continue;
      reported.add(t);
      const expected = publish(solveFor(eq, t), t.table.unit);
      const where = t.cell ? `（${t.cell.sheet}!${t.cell.address}）` : '';
      findings.push({
        ...check,
        message: `${t.label}${where}已填${wan2(t.value)}万元，按${eq.ruleId}由填表推算的数应为${wan2(expected)}万元；该单元格不是空白，未改写。${check.message}`,
        cells: t.cell ? [t.cell, ...check.cells.filter((c) => c.sheet !== t.cell!.sheet || c.address !== t.cell!.address)] : check.cells,
        expected: wan2(expected),
        actual: wan2(t.value),
        difference: wan2(t.value.sub(expected).abs()),
      });
    } else if (typed.length === 0 && blanks(eq).length > 0) {
      findings.push(undeterminedFinding(eq, blanks(eq)));
    } else {
      findings.push({ ...check, message: `填表推算的数与表中已填的数不一致：${check.message}` });
    }
  }
  return findings;
}

/** Empty cells taken as 0 because no identity determines them one by one. */
function blanks(eq: Equation): Node[] {
  return [...eq.coef.keys()].filter((n) => n.how === 'zero');
}

/**
 * Empty cells an identity needs to hold more than 0 in total, none of which the other tables
 * determine on its own (T04 支出总计 by fund when all three are empty): a NEED finding.
 */
function undeterminedFinding(eq: Equation, zeros: Node[]): Finding {
  const c = eq.coef.get(zeros[0]) as number;
  let rest = eq.constant;
  for (const [n, k] of eq.coef) if (!zeros.includes(n)) rest = rest.add(n.value.mul(k));
  const same = zeros.every((n) => eq.coef.get(n) === c);
  const total = same ? `（按${eq.ruleId}应共计${wan2(rest.neg().div(c))}万元）` : '';
  return {
    rule: 'NEED',
    severity: 'warning',
    message: `${zeros.map((n) => n.label).join('、')}为空${total}，无法由其他单元格推出各自的数，未填写，请手工填写`,
    cells: zeros.flatMap((n) => (n.cell ? [n.cell] : [])),
  };
}

/**
 * Typed cells to set aside and solve for: in an identity that fails once the derived values
 * are in, the only typed cell (the others derived) is the one that disagrees.
 */
export function suspectKeys(net: Network): Set<string> {
  const out = new Set<string>();
  for (const eq of net.equations) {
    const nodes = [...eq.coef.keys()];
    if (nodes.some((n) => !n.known) || !nodes.some((n) => n.how === 'derived')) continue;
    const check = evaluate(instanceWithValues(eq));
    if (!check || check.severity === 'info') continue;
    const typed = nodes.filter((n) => n.how === 'typed');
    if (typed.length === 1) out.add(typed[0].key);
  }
  return out;
}

/**
 * A typed cell set aside (status typed, solved for): when the identity that determined it does
 * not hold with the typed value, a finding with both values. The cell is never written.
 */
export function suspectFindings(net: Network): Finding[] {
  const findings: Finding[] = [];
  for (const node of net.nodes.values()) {
    if (node.status !== 'typed' || node.how !== 'derived' || !node.eq) continue;
    const typedValue = node.amount.value;
    const eq = node.eq;
    const derived = node.value;
    node.value = typedValue;
    const check = evaluate(instanceWithValues(eq));
    node.value = derived;
    if (!check || check.severity === 'info') continue;
    if (eq.twins) {
      const other = [...eq.coef.keys()].find((n) => n !== node) as Node;
      findings.push(twinFinding(eq, check, { node, value: typedValue, typed: true }, { node: other, value: other.value }));
      continue;
    }
    const where = node.cell ? `（${node.cell.sheet}!${node.cell.address}）` : '';
    findings.push({
      ...check,
      message: `${node.label}${where}已填${wan2(typedValue)}万元，按${eq.ruleId}由填表推算应为${wan2(derived)}万元；该单元格不是空白，未改写。${check.message}`,
      cells: node.cell
        ? [node.cell, ...check.cells.filter((c) => c.sheet !== node.cell!.sheet || c.address !== node.cell!.address)]
        : check.cells,
      expected: wan2(derived),
      actual: wan2(typedValue),
      difference: wan2(typedValue.sub(derived).abs()),
    });
  }
  return findings;
}

interface TwinSide {
  node: Node;
  value: Decimal;
  /** The value is the one typed in the cell (a typed cell set aside is solved for meanwhile). */
  typed?: boolean;
}

function twinText({ node, value, typed }: TwinSide): string {
  const where = node.cell ? `（${node.cell.sheet}!${node.cell.address}）` : '';
  return `${node.label}${where}${typed || node.how === 'typed' ? '已填' : '填表得'}${wan2(value)}万元`;
}

/**
 * Two copies of one figure (a copy between tables, a balance within one) that disagree once
 * filled: both cells and both values, neither side “应为” the other — which one is wrong is for
 * the accountant to find. A typed cell is never rewritten.
 */
function twinFinding(eq: Equation, check: Finding, a: TwinSide, b: TwinSide): Finding {
  const difference = a.value.sub(b.value).abs();
  const kept = a.typed || a.node.how === 'typed' || b.node.how === 'typed' ? '；已填的数未改写' : '';
  return {
    rule: eq.ruleId,
    severity: check.severity,
    message: `${twinText(a)}，${twinText(b)}：两处是同一个数（${eq.ruleId}），填表后相差${wan2(difference)}万元，请核对两处的来源${kept}`,
    cells: [a.node.cell, b.node.cell].filter((c): c is CellRef => c !== undefined),
    actual: wan2(a.value),
    difference: wan2(difference),
  };
}
