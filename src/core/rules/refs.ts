// Resolving the terms of a declaration to the amounts they name in a Model.
import type { CellRef } from '../finding';
import type { Amount, Model, Table, TableId, TableRow } from '../model';
import { millionths, ZERO, type Decimal, type Unit } from '../money';
import { FUNCTION_CLASSES, TABLES } from '../tables';
import type { AuxValue, CellPath, Level, RowFilter, Term } from './types';

/** One number taking part in an identity, with what a message needs to name it. */
export interface Operand {
  /** Table title, e.g. 收入支出决算总表 (补充信息 for auxiliary inputs). */
  title: string;
  /** Row and column as printed in messages, e.g. 合计·本年收入合计. */
  label: string;
  /** 万元, exact. */
  value: Decimal;
  /** Unrounded value, when the cell held more digits than the table prints. */
  raw?: Decimal;
  /** Absent when the row is not printed (a classification row counted as 0). */
  cell?: CellRef;
  /** Unit the table was published in ('万元' for auxiliary inputs). */
  unit: Unit;
}

/** Variable → value, e.g. { $row: '201', $fund: '一般公共预算财政拨款' }. */
export type Bindings = Record<string, string>;

export interface AuxInputs {
  机关运行经费?: Amount;
}

/** An absent (non-optional) term: the identity cannot be evaluated and is skipped. */
export const SKIP = 'skip' as const;

export interface ParsedPath {
  table: TableId;
  row: string;
  col: string;
  optional: boolean;
}

const PATH = /^(T\d{2})\[(.+)\]\.([^\][]+?)(\?)?$/;

/** `T04[收:年初财政拨款结转和结余.一般公共预算财政拨款].金额?` → its parts. */
// Declarations are a fixed list, so each distinct reference is parsed once.
const parsedPaths = new Map<CellPath, ParsedPath>();

export function parsePath(path: CellPath): ParsedPath {
  const known = parsedPaths.get(path);
  if (known) return known;
  const m = PATH.exec(path);
  if (!m || !(m[1] in TABLES)) throw new Error(`bad cell reference: ${path}`);
  const parsed: ParsedPath = { table: m[1] as TableId, row: m[2], col: m[3], optional: m[4] === '?' };
  parsedPaths.set(path, parsed);
  return parsed;
}

/**
 * A reference with its `$name`s still in place, split once: table, row and column each ready for
 * substitute. Filling the variables in the parts gives the parts of the filled-in reference
 * (a column never holds brackets), without parsing a new string per binding.
 */
interface PathTemplate {
  table: TableId;
  row: string;
  col: string;
  optional: boolean;
  /** The reference itself when it names no variable. */
  fixed?: ParsedPath;
}

const pathTemplates = new Map<CellPath, PathTemplate>();

function pathTemplate(path: CellPath): PathTemplate {
  let template = pathTemplates.get(path);
  if (!template) {
    const parsed = parsePath(path);
    template = path.includes('$') ? { ...parsed } : { ...parsed, fixed: parsed };
    pathTemplates.set(path, template);
  }
  return template;
}

/** parsePath(substitute(path, bindings)), from the parts of the reference parsed once. */
export function bindPath(path: CellPath, bindings: Bindings): ParsedPath {
  const template = pathTemplate(path);
  if (template.fixed) return template.fixed;
  return {
    table: template.table,
    row: substitute(template.row, bindings),
    col: substitute(template.col, bindings),
    optional: template.optional,
  };
}

/** Replace every `$name` of the bindings in a text. */
export function substitute(text: string, bindings: Bindings): string {
  if (!text.includes('$')) return text;
  let pieces = templates.get(text);
  if (!pieces) templates.set(text, (pieces = text.split(VARIABLE_PIECE)));
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) out += (bindings[pieces[i]] ?? pieces[i]) + pieces[i + 1];
  return out;
}

/** Each declaration's text split once into [literal, $name, literal, …]. */
const templates = new Map<string, string[]>();
/** `$row`, `$code`, `$fund`, `$col`: ASCII names, matched whole. */
const VARIABLE_PIECE = /(\$[A-Za-z_]\w*)/;

export function isCode(key: string): boolean {
  return /^\d+$/.test(key);
}

/** 类/款/项 from the row's level, or from the code length (3/5/7) when the reader gave none. */
export function codeLevel(row: TableRow): Level | undefined {
  if (!row.code) return undefined;
  if (row.level) return row.level;
  return LEVEL_BY_LENGTH[row.code.length];
}

const LEVEL_BY_LENGTH: Record<number, Level | undefined> = { 3: 1, 5: 2, 7: 3 };

export function matchesFilter(row: TableRow, filter: RowFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.prefix !== undefined && !row.key.startsWith(filter.prefix)) return false;
  if (filter.level !== undefined && codeLevel(row) !== filter.level) return false;
  if (filter.codes && !(row.code && filter.codes.includes(row.code))) return false;
  if (filter.notCodes && row.code && filter.notCodes.includes(row.code)) return false;
  return true;
}

/** The row a key names: a code matches the row with that code, anything else the row key. */
export function rowByKey(table: Table, key: string): TableRow | undefined {
  const index = rowIndex(table);
  return index.byCode.get(key) ?? index.byKey.get(key);
}

interface RowIndex {
  byKey: Map<string, TableRow>;
  /** Rows by code, codes of digits only (a key of digits names a code). */
  byCode: Map<string, TableRow>;
}

// Rules look rows up thousands of times on a big department; index each table once.
const rowIndexes = new WeakMap<Table, RowIndex>();

function rowIndex(table: Table): RowIndex {
  let index = rowIndexes.get(table);
  if (!index || (index.byKey.size + index.byCode.size === 0 && table.rows.length > 0)) {
    index = { byKey: new Map(), byCode: new Map() };
    for (const row of table.rows) {
      if (!index.byKey.has(row.key)) index.byKey.set(row.key, row);
      if (row.code && isCode(row.code) && !index.byCode.has(row.code)) index.byCode.set(row.code, row);
    }
    rowIndexes.set(table, index);
  }
  return index;
}

// ---- labels --------------------------------------------------------------------------

/** How a row is named in messages. */
export function rowLabel(table: Table, row: TableRow): string {
  if (TABLES[table.id].kind === 'fixed') return fixedRowLabel(row.key);
  if (row.code) return row.label ? `${row.code} ${row.label}` : row.code;
  return row.key;
}

/** "收:本年收入合计" → 本年收入合计; "支:总计" → 支出总计; "收:年初….一般…" → 年初…·一般…. */
function fixedRowLabel(key: string): string {
  const side = key.startsWith('收:') ? '收入' : key.startsWith('支:') ? '支出' : '';
  const label = key
    .replace(/^[收支]:/, '')
    .split('.')
    .join('·');
  return label === '总计' ? `${side}总计` : label;
}

/** Row label plus the column, unless the table has a single 金额 column. */
export function cellLabel(rowText: string, col: string): string {
  return col === '金额' ? rowText : `${rowText}·${col}`;
}

function unprintedRowLabel(table: Table, code: string): string {
  const name =
    table.id === 'T01' || table.id === 'T04' || TABLES[table.id].classification === 'functional' ? FUNCTION_CLASSES[code] : undefined;
  return name ? `${code} ${name}` : code;
}

/** The row prints the column, but its cell held text or an error value (Table.unreadCells). */
export function isUnreadCell(table: Table, row: TableRow, col: string): boolean {
  if (row.cells[col] || row.rowIndex === undefined || !table.unreadCells?.length || !table.columns.includes(col)) return false;
  return table.unreadCells.some((c) => addressRow(c.address) === row.rowIndex);
}

/**
 * A column of the catalog the table does not have while it has a column whose header could not be
 * read (Table.unreadColumns): its amounts may be in that column, so it is not an absent (0) addend.
 */
export function isUnreadColumn(table: Table, col: string): boolean {
  if (!table.unreadColumns?.length || table.columns.includes(col)) return false;
  return TABLES[table.id].columns.some((c) => c.key === col);
}

function addressRow(address: string): number {
  return Number(/\d+$/.exec(address)?.[0] ?? 0) - 1;
}

// ---- operands ------------------------------------------------------------------------

// Most identities hold, so an operand's label is only built when a message asks for it; and
// rules name the same cells again and again, so each cell's operand is made once.
class CellOperand implements Operand {
  private text?: string;
  readonly title: string;
  readonly value: Decimal;
  readonly raw?: Decimal;
  readonly cell?: CellRef;
  readonly unit: Unit;

  constructor(
    title: string,
    unit: Unit,
    value: Decimal,
    raw: Decimal | undefined,
    cell: CellRef | undefined,
    private readonly describe: () => string,
  ) {
    this.title = title;
    this.unit = unit;
    this.value = value;
    if (raw !== undefined) this.raw = raw;
    if (cell !== undefined) this.cell = cell;
  }

  get label(): string {
    return (this.text ??= this.describe());
  }
}

/** A printed cell's operand: its label from the table, row and column when a message asks. */
class PrintedOperand implements Operand {
  private text?: string;
  readonly title: string;
  readonly raw?: Decimal;
  readonly cell: CellRef;
  readonly unit: Unit;

  constructor(
    private readonly table: Table,
    private readonly row: TableRow,
    private readonly col: string,
    private readonly amount: Amount,
  ) {
    this.title = table.title;
    this.unit = table.unit;
    if (amount.raw !== undefined) this.raw = amount.raw;
    this.cell = amount.cell;
  }

  get value(): Decimal {
    return this.amount.value;
  }

  get label(): string {
    return (this.text ??= cellLabel(rowLabel(this.table, this.row), this.col));
  }

  private scaled?: number | null;

  /** The amount's millionths, worked out once per cell. */
  get units(): number | undefined {
    if (this.scaled === undefined) this.scaled = amountUnits(this.amount) ?? null;
    return this.scaled ?? undefined;
  }
}

/** The amount in millionths of 万元 (0.01元) when exact: as the reader gave it, else from its Decimal. */
export function amountUnits(amount: Amount): number | undefined {
  return amount.units !== undefined ? amount.units : millionths(amount.value);
}

export function operandOf(table: Table, row: TableRow, col: string, amount: Amount): Operand {
  let operands = operandsByTable.get(table);
  if (!operands) operandsByTable.set(table, (operands = new Map()));
  let operand = operands.get(amount);
  if (!operand) operands.set(amount, (operand = new PrintedOperand(table, row, col, amount)));
  return operand;
}

/** Each printed cell's operand, made the first time a rule names it (apart from rowIndex: a hierarchy looks no row up). */
const operandsByTable = new WeakMap<Table, Map<Amount, PrintedOperand>>();

/** The operand's value in 0.01元 units when exact (money.millionths). */
export function operandUnits(operand: Operand): number | undefined {
  return operand instanceof PrintedOperand ? operand.units : millionths(operand.value);
}

/** value.isZero(), from the 0.01元 count when there is one (a printed cell's Decimal is not made for it). */
export function isZeroOperand(operand: Operand): boolean {
  const units = operandUnits(operand);
  return units !== undefined ? units === 0 : operand.value.isZero();
}

/** A row that is not printed: it counts as 0 and has no cell. */
export function notPrinted(table: Table, what: string | (() => string)): Operand {
  const describe = () => `${typeof what === 'string' ? what : what()}（未列示）`;
  return new CellOperand(table.title, table.unit, ZERO, undefined, undefined, describe);
}

/**
 * The operands a term stands for, or SKIP when a required cell is absent.
 * An optional term that is absent gives no operand.
 */
export function resolveTerm(model: Model, term: Term, bindings: Bindings, aux: AuxInputs): Operand[] | typeof SKIP {
  const sink = new OperandSink();
  return resolveTermInto(model, term, bindings, aux, sink) ? sink.out : SKIP;
}

/**
 * Where a term's amounts go as they are resolved: operands (for an Instance and its message), or
 * only their sum in 0.01元 units (deciding an identity that holds without making any operand).
 */
export interface Sink {
  /** Operands added so far. */
  readonly added: number;
  cell(table: Table, row: TableRow, col: string, amount: Amount): void;
  /** A code row that is not printed (0). */
  unprintedRow(table: Table, rowKey: string, col: string): void;
  /** A row sum with no printed row (0). */
  unprintedSum(table: Table, label: string, bindings: Bindings, col: string): void;
  aux(name: AuxValue['aux'], amount: Amount): void;
}

class OperandSink implements Sink {
  readonly out: Operand[] = [];

  get added(): number {
    return this.out.length;
  }

  cell(table: Table, row: TableRow, col: string, amount: Amount): void {
    this.out.push(operandOf(table, row, col, amount));
  }

  unprintedRow(table: Table, rowKey: string, col: string): void {
    this.out.push(notPrinted(table, () => cellLabel(unprintedRowLabel(table, rowKey), col)));
  }

  unprintedSum(table: Table, label: string, bindings: Bindings, col: string): void {
    this.out.push(notPrinted(table, () => cellLabel(substitute(label, bindings), col)));
  }

  aux(name: AuxValue['aux'], amount: Amount): void {
    this.out.push({ title: '补充信息', label: name, value: amount.value, raw: amount.raw, cell: amount.cell, unit: '万元' });
  }
}

/**
 * Σ of the operands in 0.01元 units (evaluate's integer check, operand by operand): `total` is
 * meaningful only while `exact` (every value had its millionths and every partial sum was a safe integer).
 */
export class UnitSum implements Sink {
  added = 0;
  total = 0;
  exact = true;

  reset(): void {
    this.added = 0;
    this.total = 0;
    this.exact = true;
  }

  cell(_table: Table, _row: TableRow, _col: string, amount: Amount): void {
    this.addAmount(amount);
  }

  unprintedRow(): void {
    this.addUnits(0);
  }

  unprintedSum(): void {
    this.addUnits(0);
  }

  aux(_name: AuxValue['aux'], amount: Amount): void {
    this.addAmount(amount);
  }

  /** Add one operand (what each kind of operand above adds). */
  addAmount(amount: Amount): void {
    this.addUnits(this.exact ? amountUnits(amount) : 0);
  }

  /** Add an operand's millionths (undefined: not exact, the Decimal path decides). */
  addUnits(units: number | undefined): void {
    this.added++;
    if (!this.exact) return;
    if (units === undefined) this.exact = false;
    else {
      this.total += units;
      if (!Number.isSafeInteger(this.total)) this.exact = false;
    }
  }
}

/** resolveTerm into a sink; false for SKIP. */
function resolveTermInto(model: Model, term: Term, bindings: Bindings, aux: AuxInputs, sink: Sink): boolean {
  if (typeof term === 'string') return resolvePathInto(model, term, bindings, sink);
  if ('aux' in term) {
    const amount = aux[term.aux];
    if (!amount) return false;
    sink.aux(term.aux, amount);
    return true;
  }
  const table = model.tables[term.sumOf];
  if (!table) return false;
  const col = substitute(term.col, bindings);
  if (isUnreadColumn(table, col)) return false;
  const before = sink.added;
  for (const row of table.rows) {
    if (!matchesFilter(row, term.where)) continue;
    const amount = row.cells[col];
    if (amount) sink.cell(table, row, col, amount);
    else if (isUnreadCell(table, row, col)) return false; // a sum without one of its addends would mislead
  }
  if (sink.added === before) sink.unprintedSum(table, term.label, bindings, col);
  return true;
}

/** The cell a reference names (its variables filled in), into a sink; false for SKIP. */
function resolvePathInto(model: Model, reference: CellPath, bindings: Bindings, sink: Sink): boolean {
  const path = pathTemplate(reference);
  const table = model.tables[path.table];
  if (!table) return path.optional;
  const rowKey = path.fixed ? path.row : substitute(path.row, bindings);
  const col = path.fixed ? path.col : substitute(path.col, bindings);
  const row = rowByKey(table, rowKey);
  if (!row) {
    if (isCode(rowKey) && table.columns.includes(col)) {
      sink.unprintedRow(table, rowKey, col);
      return true;
    }
    return path.optional;
  }
  const amount = row.cells[col];
  if (!amount) return isUnreadCell(table, row, col) || isUnreadColumn(table, col) ? false : path.optional; // printed but unread: 未核验
  sink.cell(table, row, col, amount);
  return true;
}

/** Resolve every term of a side; SKIP if any required term is absent or the side comes out empty. */
export function resolveSide(model: Model, terms: readonly Term[], bindings: Bindings, aux: AuxInputs): Operand[] | typeof SKIP {
  const sink = new OperandSink();
  return resolveSideInto(model, terms, bindings, aux, sink) ? sink.out : SKIP;
}

/** resolveSide into a sink (empty when called): false for SKIP. */
export function resolveSideInto(model: Model, terms: readonly Term[], bindings: Bindings, aux: AuxInputs, sink: Sink): boolean {
  for (const term of terms) if (!resolveTermInto(model, term, bindings, aux, sink)) return false;
  return terms.length === 0 || sink.added > 0;
}

/** resolveSide's sum in 0.01元 units, into `sum` (reset first): false for SKIP. */
export function sideUnits(model: Model, terms: readonly Term[], bindings: Bindings, aux: AuxInputs, sum: UnitSum): boolean {
  sum.reset();
  return resolveSideInto(model, terms, bindings, aux, sum);
}
