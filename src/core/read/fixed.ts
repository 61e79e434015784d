// T01 and T04: two-sided fixed-row tables (收入 left, 支出 right) matched by 项目 label, never 行次.
import type { Table, TableId, TableRow } from '../model';
import {
  FIXED_ROW_ALIASES,
  FUNCTION_CLASSES,
  FUNCTION_CLASS_ALIASES,
  T01_EXPENSE_SUMMARY,
  T01_INCOME_ITEMS,
  T01_INCOME_SUMMARY,
  T04_EXPENSE_SUMMARY,
  T04_FUNDS,
  T04_INCOME_SUMMARY,
  normalizeLabel,
} from '../tables';
import { ReadContext, RowList, collectNote, columnIndexOf, makeTable, warnHeaderNotFound } from './context';
import { KeyedColumn, aliasIndex, columnPath, headerKeywords, isColumnNumberRow, locateHeader, matchColumnKey } from './header';
import { range, readAmounts } from './rows';
import { reportUnreadColumns } from './unread';
import type { SheetView } from './sheet';

interface SideColumns {
  labelCol: number;
  amounts: KeyedColumn[];
}

interface Sides {
  收: SideColumns;
  /** Absent when the sheet prints only one side. */
  支?: SideColumns;
  /** Columns right of the 收 labels whose header names no column. */
  unkeyed: number[];
}

const LABEL_HEADERS = new Set(['项目', '收入项目', '支出项目', '项目名称']);

/** A printed row label made comparable: no ordinal, no 其中：, no trailing （类）, aliases applied. */
export function fixedLabel(text: string): string {
  let label = normalizeLabel(text);
  // most labels have neither 其中 nor （类）: no patterns to run on them
  if (label.startsWith('其中')) label = label.replace(/^其中[:：]?/, '');
  label = normalizeLabel(label);
  if (label.endsWith('（类）')) label = label.slice(0, -'（类）'.length);
  if (label.includes('其它')) label = label.replace(/其它/g, '其他'); // 其它收入 as printed for 其他收入
  return FIXED_ROW_ALIASES.get(label) ?? label;
}

// ---- 功能分类 类 names ----

const CLASS_BY_NAME: Map<string, string> = (() => {
  const byName = new Map<string, string>();
  const add = (name: string, code: string) => {
    const label = normalizeLabel(name);
    if (!byName.has(label)) byName.set(label, code);
    const short = label.replace(/支出$/, '');
    if (short !== label && short !== '' && !byName.has(short)) byName.set(short, code);
  };
  for (const [code, name] of Object.entries(FUNCTION_CLASSES)) add(name, code);
  for (const [name, code] of Object.entries(FUNCTION_CLASS_ALIASES)) add(name, code);
  return byName;
})();

export function functionClassCode(label: string): string | undefined {
  return CLASS_BY_NAME.get(label);
}

// ---- which labels mean a data row ----

const KNOWN_LABELS = new Set<string>([
  ...T01_INCOME_ITEMS,
  // 财政拨款收入 as one item (教育部高校 收支决算总表)
  '财政拨款收入',
  ...T01_INCOME_SUMMARY,
  ...T01_EXPENSE_SUMMARY,
  ...T04_FUNDS,
  ...T04_FUNDS.map((f) => `${f}收入`),
  ...T04_INCOME_SUMMARY,
  ...T04_EXPENSE_SUMMARY,
  ...FIXED_ROW_ALIASES.values(),
]);

function isKnownLabel(text: string): boolean {
  const label = fixedLabel(text);
  return KNOWN_LABELS.has(label) || functionClassCode(label) !== undefined;
}

/** The first data row begins (first filled cell) with a label of the catalog. */
function isFixedDataRow(view: SheetView, row: number): boolean {
  const first = view.nonEmptyCols(row)[0];
  return first !== undefined && isKnownLabel(view.text(row, first));
}

// ---- reading ----

export function readFixed(ctx: ReadContext): Table | undefined {
  const { view } = ctx;
  const header = locateHeader(view, ctx.titleRow + 1, headerKeywords(ctx.def), (r) => isFixedDataRow(view, r));
  if (!header) return warnHeaderNotFound(ctx);
  const dataRows = range(header.dataStart, view.rowCount);
  const sides = findSides(ctx, header.rows, dataRows);
  if (!sides || sides.收.amounts.length + (sides.支?.amounts.length ?? 0) === 0) return warnHeaderNotFound(ctx);

  const income = new RowList(ctx);
  const expense = new RowList(ctx);
  const incomeKeys = new IncomeKeys(ctx.def.id);
  const notes: string[] = [];
  for (const r of dataRows) {
    if (view.isBlankRow(r) || isColumnNumberRow(view, r) || collectNote(view, r, notes)) continue;
    const incomeRow = readSide(ctx, r, sides.收, (label) => incomeKeys.key(label));
    if (incomeRow) income.add(incomeRow, r, sides.收.labelCol);
    const expenseSide = sides.支;
    if (!expenseSide) continue;
    const expenseRow = readSide(ctx, r, expenseSide, (label) => expenseKey(ctx.def.id, label));
    if (expenseRow) expense.add(expenseRow, r, expenseSide.labelCol);
  }
  const columns = [...new Set([...sides.收.amounts, ...(sides.支?.amounts ?? [])].map((c) => c.key))];
  const unreadColumns = reportUnreadColumns(ctx, header.rows, header.dataStart, sides.unkeyed);
  const layout = {
    ...(sides.支 ? { columnIndex: columnIndexOf(sides.支.amounts), expenseLabelColumn: sides.支.labelCol } : {}),
    ...(unreadColumns.length > 0 ? { unreadColumns } : {}),
  };
  return makeTable(ctx, columns, [...income.rows, ...expense.rows], notes, layout);
}

interface RowKey {
  key: string;
  code?: string;
}

function readSide(ctx: ReadContext, row: number, side: SideColumns, keyOf: (label: string) => RowKey): TableRow | undefined {
  const text = ctx.view.text(row, side.labelCol);
  const label = fixedLabel(text);
  if (label === '' || label === '栏次' || LABEL_HEADERS.has(label)) return undefined;
  const { key, code } = keyOf(label);
  const result: TableRow = { key, label: normalizeLabel(text), cells: readAmounts(ctx, row, side.amounts) };
  if (code) {
    result.code = code;
    result.level = 1;
  }
  return result;
}

/** 收 keys; T04's three fund rows printed under 年初财政拨款结转和结余 are its sub-rows. */
class IncomeKeys {
  private afterCarryOver = false;
  private readonly seen = new Set<string>();

  constructor(private readonly table: TableId) {}

  key(printed: string): RowKey {
    let label = printed;
    const items: readonly string[] = T01_INCOME_ITEMS;
    if (this.table === 'T01' && !items.includes(label) && items.includes(`${label}收入`)) label = `${label}收入`;
    if (this.table === 'T04') label = this.t04Label(label);
    this.seen.add(label);
    return { key: `收:${label}` };
  }

  private t04Label(printed: string): string {
    let label = printed;
    const fund = label.replace(/(?:（收入）|收入)$/, '');
    const isFund = (T04_FUNDS as readonly string[]).includes(fund);
    if (isFund) label = fund;
    if (label === '年初结转和结余') label = '年初财政拨款结转和结余';
    if (isFund && (this.afterCarryOver || this.seen.has(label))) {
      return `年初财政拨款结转和结余.${label}`;
    }
    this.afterCarryOver = label === '年初财政拨款结转和结余';
    return label;
  }
}

function expenseKey(table: TableId, label: string): RowKey {
  const code = functionClassCode(label);
  if (code) return { key: `支:${FUNCTION_CLASSES[code]}`, code };
  if (table === 'T04' && label === '年末结转和结余') return { key: '支:年末财政拨款结转和结余' };
  return { key: `支:${label}` };
}

// ---- columns ----

function findSides(ctx: ReadContext, headerRows: number[], dataRows: number[]): Sides | undefined {
  const labelCols = labelColumnsByHeader(ctx.view, headerRows);
  const [incomeCol, expenseCol] = labelCols.length >= 2 ? labelCols : labelColumnsByData(ctx.view, dataRows);
  if (incomeCol === undefined) return undefined;
  const index = aliasIndex(ctx.def.columns);
  const income: SideColumns = { labelCol: incomeCol, amounts: [] };
  const expense: SideColumns | undefined = expenseCol === undefined ? undefined : { labelCol: expenseCol, amounts: [] };
  const unkeyed: number[] = [];
  for (let c = incomeCol + 1; c < ctx.view.colCount; c++) {
    if (c === expenseCol) continue;
    const key = matchColumnKey(columnPath(ctx.view, headerRows, c), index);
    if (!key) {
      unkeyed.push(c);
      continue;
    }
    const side = expense && c > expense.labelCol ? expense : income;
    addAmountColumn(side, side === income || ctx.def.id === 'T01' ? '金额' : key, c);
  }
  return expense ? { 收: income, 支: expense, unkeyed } : { 收: income, unkeyed };
}

function addAmountColumn(side: SideColumns, key: string, col: number): void {
  // One 金额 column per side (T01, T04 收); T04 支 has one column per key.
  if (!side.amounts.some((a) => a.key === key)) side.amounts.push({ key, col });
}

/** The first column of each run of 项目 header cells (a merged 项目 spreads over its span). */
function labelColumnsByHeader(view: SheetView, headerRows: number[]): number[] {
  const cols: number[] = [];
  let previous = false;
  for (let c = 0; c < view.colCount; c++) {
    const isLabel = columnPath(view, headerRows, c).some((t) => LABEL_HEADERS.has(t));
    if (isLabel && !previous) cols.push(c);
    previous = isLabel;
  }
  return cols;
}

/** Without 项目 headers: the two columns printing most catalog row labels (a merged label counts once). */
function labelColumnsByData(view: SheetView, dataRows: number[]): number[] {
  const counts: { col: number; count: number }[] = [];
  for (let c = 0; c < view.colCount; c++) {
    const count = dataRows.filter((r) => isKnownLabel(view.text(r, c))).length;
    if (count > 0) counts.push({ col: c, count });
  }
  const chosen: number[] = [];
  for (const { col } of counts.sort((a, b) => b.count - a.count)) {
    if (chosen.length < 2 && !chosen.some((c) => Math.abs(c - col) <= 1)) chosen.push(col);
  }
  return chosen.sort((a, b) => a - b);
}
