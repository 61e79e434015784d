// The identities' instances compiled once per table layout. Which cells each instance of a rule
// sums depends only on the layout of the tables (which tables, columns and rows, which cells hold
// an amount or could not be read, whether 补充信息 gives 机关运行经费), never on the amounts: a
// workbook checked again after an edit of its figures, or a batch of units printing the same rows,
// reuses the compiled instances and only adds up their cells. A layout not met before is compiled
// while it is checked.
import type { Finding } from '../finding';
import type { Amount, Model, Table, TableId, TableRow } from '../model';
import { TABLE_IDS } from '../tables';
import { evaluatePair, forEachPair } from './hierarchy';
import { evaluate, excessHolds, type Instance } from './evaluate';
import { expandQuantifier } from './quantifiers';
import { amountUnits, resolveSide, resolveSideInto, type AuxInputs, type Bindings, type Operand, type Sink } from './refs';
import type { EquationRule, HierarchyRule, Rule } from './types';

/**
 * A cell of an instance as one number: table (index in TABLE_IDS) × 2²⁴ + row position × 2⁸ +
 * column position in table.columns; ZERO_SLOT for a row that is not printed (0), AUX_SLOT for
 * 补充信息's 机关运行经费.
 */
type Slot = number;
const ZERO_SLOT = -1;
const AUX_SLOT = -2;
const MAX_ROWS = 1 << 16;
const MAX_COLS = 1 << 8;

interface CompiledInstance {
  left: Slot[];
  right: Slot[];
  /** Equations: the binding, to resolve the operands again when the identity does not hold. */
  bindings?: Bindings;
  /** Hierarchies: the parent's and the children's row positions, and the column. */
  pair?: { parent: number; children: number[]; col: string };
}

/** A rule's instances in order; null when a cell could not be written as a slot (the rule then runs uncompiled). */
type CompiledRule = CompiledInstance[] | null;

const TABLE_INDEX = new Map<TableId, number>(TABLE_IDS.map((id, i) => [id, i]));

/**
 * The layouts met last (a batch of units with few distinct layouts keeps them all), by hash;
 * `rules` null for a layout met once: it is compiled when it comes again (a single check pays no
 * compiling).
 */
const MAX_LAYOUTS = 16;
interface KnownLayout {
  tokens: LayoutToken[];
  rules: WeakMap<Rule, CompiledRule> | null;
}
const layouts = new Map<number, KnownLayout[]>();
let layoutCount = 0;

/** The compiled rules of this model's layout (empty the second time it is met; undefined the first). */
export function compiledRules(model: Model, aux: AuxInputs): WeakMap<Rule, CompiledRule> | undefined {
  const hash = layoutSummaryHash(model, aux);
  const candidates = layouts.get(hash) ?? [];
  const known = candidates.find((l) => sameLayout(model, aux, l.tokens));
  if (known?.rules) return known.rules;
  if (known) return (known.rules = new WeakMap());
  if (layoutCount >= MAX_LAYOUTS) {
    layouts.clear();
    layoutCount = 0;
  }
  const tokens: LayoutToken[] = [];
  visitLayout(model, aux, (token) => tokens.push(token));
  layouts.set(hash, [...(layouts.get(hash) ?? []), { tokens, rules: null }]);
  layoutCount++;
  return undefined;
}

/**
 * FNV-1a over the layout's outline (which tables, how many columns, rows and unread cells): it
 * only picks the known layouts to compare token by token (sameLayout), without visiting every row.
 */
function layoutSummaryHash(model: Model, aux: AuxInputs): number {
  let hash = Math.imul(0x811c9dc5 ^ (aux.机关运行经费 ? 1 : 0), 0x01000193);
  for (let t = 0; t < TABLE_IDS.length; t++) {
    const table = model.tables[TABLE_IDS[t]];
    if (!table) continue;
    for (const n of [t, table.columns.length, table.rows.length, table.unreadCells?.length ?? 0]) hash = Math.imul(hash ^ n, 0x01000193);
  }
  return hash;
}

/** The model's layout gives the same tokens, in order (visited once, no list made). */
function sameLayout(model: Model, aux: AuxInputs, tokens: LayoutToken[]): boolean {
  let i = 0;
  let same = true;
  visitLayout(model, aux, (token) => {
    if (same && tokens[i++] !== token) same = false;
  });
  return same && i === tokens.length;
}

type LayoutToken = string | number;

/**
 * Everything resolution and the quantifiers look at, except the amounts themselves, as a sequence
 * of texts and numbers (every list preceded by its length, so no two layouts give the same sequence).
 */
function visitLayout(model: Model, aux: AuxInputs, token: (t: LayoutToken) => void): void {
  token(aux.机关运行经费 ? 1 : 0);
  for (let t = 0; t < TABLE_IDS.length; t++) {
    const table = model.tables[TABLE_IDS[t]];
    if (!table) continue;
    token(t);
    token(table.columns.length);
    for (const col of table.columns) token(col);
    token(table.unreadColumns?.length ?? 0); // missing columns are unread, not 0 (refs.isUnreadColumn)
    const unread = table.unreadCells?.length ? table.unreadCells : undefined;
    token(unread?.length ?? 0);
    if (unread) for (const c of unread) token(c.address);
    token(table.rows.length);
    const columnAt = columnPositions(table.columns);
    for (const row of table.rows) {
      token(row.key);
      token(row.code ?? -1);
      token(row.level ?? 0);
      if (unread) token(row.rowIndex ?? -1);
      let cells = 0;
      for (const col in row.cells) {
        token(columnAt.get(col) ?? col);
        cells++;
      }
      token(-1 - cells);
    }
  }
}

/** Each column's position in the list (the first, as indexOf gives), looked up per cell instead of searched. */
function columnPositions(columns: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (let i = columns.length - 1; i >= 0; i--) positions.set(columns[i], i);
  return positions;
}

/** The rule's compiled instances for this layout, compiled at the first call. */
function compiledFor(compiled: WeakMap<Rule, CompiledRule>, rule: Rule, compile: () => CompiledRule): CompiledRule {
  let instances = compiled.get(rule);
  if (instances === undefined) compiled.set(rule, (instances = compile()));
  return instances;
}

/** The instances whose two sides, added up from their slots, do not hold: only those get operands and a finding. */
function failing(units: SlotUnits, instances: CompiledInstance[], aux: AuxInputs, compare: Instance['compare']): CompiledInstance[] {
  let out: CompiledInstance[] | undefined;
  for (const instance of instances) {
    const left = slotsTotal(units, instance.left, aux);
    const holds = !Number.isNaN(left) && excessHolds(left - slotsTotal(units, instance.right, aux), compare);
    if (!holds) (out ??= []).push(instance);
  }
  return out ?? NONE_FAILING;
}

const NONE_FAILING: CompiledInstance[] = [];

// ---- equations ----------------------------------------------------------------------------

/** checkEquation through the layout's compiled instances (compiled now when the layout is new). */
export function checkCompiledEquation(
  model: Model,
  rule: EquationRule,
  aux: AuxInputs,
  compiled: WeakMap<Rule, CompiledRule>,
  units: SlotUnits,
  findings: Finding[],
): boolean {
  const instances = compiledFor(compiled, rule, () => compileEquation(model, rule, aux));
  if (instances === null) return false;
  const compare = rule.compare ?? 'eq';
  for (const instance of failing(units, instances, aux, compare)) {
    const bindings = instance.bindings as Bindings;
    const leftOperands = resolveSide(model, rule.left, bindings, aux) as Operand[];
    const rightOperands = resolveSide(model, rule.right, bindings, aux) as Operand[];
    const finding = evaluate({ rule, compare, tolerance: rule.tolerance, left: leftOperands, right: rightOperands });
    if (finding) findings.push(finding);
  }
  return true;
}

function compileEquation(model: Model, rule: EquationRule, aux: AuxInputs): CompiledRule {
  const instances: CompiledInstance[] = [];
  const left = new SlotSink();
  const right = new SlotSink();
  for (const bindings of expandQuantifier(model, rule.each)) {
    left.reset();
    right.reset();
    if (!resolveSideInto(model, rule.left, bindings, aux, left) || !resolveSideInto(model, rule.right, bindings, aux, right)) continue;
    if (left.failed || right.failed) return null;
    instances.push({ left: left.slots, right: right.slots, bindings });
  }
  return instances;
}

// ---- hierarchies --------------------------------------------------------------------------

/** checkHierarchy through the layout's compiled instances (compiled now when the layout is new). */
export function checkCompiledHierarchy(
  model: Model,
  rule: HierarchyRule,
  compiled: WeakMap<Rule, CompiledRule>,
  units: SlotUnits,
  findings: Finding[],
): boolean {
  const instances = compiledFor(compiled, rule, () => compileHierarchy(model, rule));
  if (instances === null) return false;
  const table = model.tables[rule.hierarchy] as Table;
  for (const instance of failing(units, instances, {}, 'eq')) {
    const { parent, children, col } = instance.pair!;
    const parentRow = table.rows[parent];
    const childRows = children.map((c) => table.rows[c]);
    const finding = evaluatePair(rule, table, parentRow, parentRow.cells[col], childRows, col);
    if (finding) findings.push(finding);
  }
  return true;
}

function compileHierarchy(model: Model, rule: HierarchyRule): CompiledRule {
  const instances: CompiledInstance[] = [];
  let failed = false;
  forEachPair(model, rule, (table, parent, amount, children, col) => {
    const left = new SlotSink();
    const right = new SlotSink();
    left.cell(table, parent, col, amount);
    for (const c of children) {
      const child = c.cells[col];
      if (child) right.cell(table, c, col, child);
    }
    if (right.added === 0) right.unprintedSum();
    if (left.failed || right.failed) failed = true;
    const position = rowPositions(table);
    const pair = { parent: position.get(parent) as number, children: children.map((c) => position.get(c) as number), col };
    instances.push({ left: left.slots, right: right.slots, pair });
  });
  return failed ? null : instances;
}

// ---- slots ----------------------------------------------------------------------------------

/**
 * Each printed cell's 0.01元 count, worked out the first time an instance sums it (a cell is summed
 * by several identities: its row's, its column's, another table's copy). One per checkIdentities.
 */
export class SlotUnits {
  private readonly tables: (Table | undefined)[];
  /** Per table, rows × columns: NaN not worked out yet, Infinity not exact (the Decimal path decides). */
  private readonly units: (Float64Array | undefined)[] = [];

  constructor(model: Model) {
    this.tables = TABLE_IDS.map((id) => model.tables[id]);
  }

  /** The slot's cell in 0.01元 units, NaN when not exact (amountUnits gives undefined). */
  of(slot: Slot): number {
    // below 2³¹ (at most 13 tables × 2²⁴): the parts come out with integer shifts
    const tableAt = slot >>> 24;
    const table = this.tables[tableAt] as Table;
    const position = (slot >>> 8) & (MAX_ROWS - 1);
    const at = slot & (MAX_COLS - 1);
    const units = (this.units[tableAt] ??= new Float64Array(table.rows.length * table.columns.length).fill(NaN));
    const index = position * table.columns.length + at;
    let known = units[index];
    if (Number.isNaN(known)) units[index] = known = amountUnits(table.rows[position].cells[table.columns[at]]) ?? Infinity;
    return known === Infinity ? NaN : known;
  }
}

/**
 * Σ of the slots' amounts in 0.01元 units, added in order as UnitSum adds operands; NaN where
 * UnitSum is not exact (an amount without its count, or a partial sum beyond the safe integers).
 */
function slotsTotal(units: SlotUnits, slots: Slot[], aux: AuxInputs): number {
  let total = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (slot === ZERO_SLOT) continue;
    total += slot === AUX_SLOT ? (amountUnits(aux.机关运行经费 as Amount) ?? NaN) : units.of(slot);
    if (!Number.isSafeInteger(total)) return NaN;
  }
  return total;
}

/** Records where each operand of a side comes from; `failed` when one cannot be written as a slot. */
class SlotSink implements Sink {
  slots: Slot[] = [];
  failed = false;

  get added(): number {
    return this.slots.length;
  }

  reset(): void {
    this.slots = [];
    this.failed = false;
  }

  cell(table: Table, row: TableRow, col: string, _amount: Amount): void {
    const position = rowPositions(table).get(row);
    const at = table.columns.indexOf(col);
    const tableAt = TABLE_INDEX.get(table.id);
    if (position === undefined || position >= MAX_ROWS || at < 0 || at >= MAX_COLS || tableAt === undefined || tableAt >= 128) {
      this.failed = true;
      this.slots.push(ZERO_SLOT);
      return;
    }
    this.slots.push(tableAt * 2 ** 24 + position * MAX_COLS + at);
  }

  unprintedRow(): void {
    this.slots.push(ZERO_SLOT);
  }

  unprintedSum(): void {
    this.slots.push(ZERO_SLOT);
  }

  aux(): void {
    this.slots.push(AUX_SLOT);
  }
}

const positions = new WeakMap<Table, Map<TableRow, number>>();

function rowPositions(table: Table): Map<TableRow, number> {
  let map = positions.get(table);
  if (!map) positions.set(table, (map = new Map(table.rows.map((r, i) => [r, i]))));
  return map;
}
