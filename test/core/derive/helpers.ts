// Workbooks for the 填表 tests: the sample (or any dataset) built as a real .xlsx, with the
// cells a derivation should fill cleared, and the values the filled workbook must show.
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import { address, parseAddress } from '../../../src/core/grid';
import { buildIndexedWorkbook, type Layout, type WorkbookIndex } from '../../../examples/build-workbook';
import { expectedRows, type Dataset } from '../../../examples/dataset';
import type { TableId } from '../../../src/core/model';
import { TABLES, T04_FUNDS } from '../../../src/core/tables';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file';
import type { Grid } from '../../../src/core/grid';
import { deriveFill, fillPlan, type DeriveOptions, type DeriveResult } from '../../../src/core/derive';
import { readWorkbook } from '../../../src/core/read';
import { getAmount, type Model } from '../../../src/core/model';
import { applyPlan, readJournal } from '../../../src/hosts/file/apply';

export type Expected = Record<string, Record<string, Record<string, string>>>;

/** One cell of the index: table, row key, column key. */
export interface CellId {
  table: TableId;
  row: string;
  col: string;
}

const ROW_TOTAL_COLUMNS: Partial<Record<TableId, string[]>> = {
  T02: ['本年收入合计'],
  T03: ['本年支出合计'],
  T05: ['合计', '基本支出'],
  T06: ['合计'],
  T07: ['合计', '基本支出'],
  T11: ['本年支出'],
  T13: ['本年支出'],
  T14: ['合计'],
};

/**
 * The cells a derivation determines from the detail figures: totals, 类/款 rows, row totals,
 * T01 and T04 except what only the 决算 system knows (年初结转和结余; T04's 年初 by fund,
 * 年末 一般公共预算, 总计 by fund).
 */
export function isSummaryCell(id: TableId, row: string, col: string): boolean {
  switch (TABLES[id].kind) {
    case 'fixed':
      if (id === 'T01') return row !== '收:年初结转和结余';
      if (row.startsWith('收:年初财政拨款结转和结余.')) return false;
      if (row === '支:年末财政拨款结转和结余' && col === T04_FUNDS[0]) return false;
      if (row === '支:总计' && col !== '合计') return false;
      return true;
    case 'classified': {
      if (row === '合计') return true;
      const leaf = TABLES[id].classification === 'economic' ? 5 : 7;
      return row.length < leaf || (ROW_TOTAL_COLUMNS[id] ?? []).includes(col);
    }
    case 'economicGroups':
      return !/^\d{5}$/.test(row);
    case 'sanGong':
      return col === '合计' || col === '公务用车购置及运行费';
  }
}

export interface Blanked {
  /** The workbook with the summary cells cleared. */
  bytes: Uint8Array;
  /** Where every amount is. */
  index: WorkbookIndex;
  /** What each amount cell holds in the fully filled workbook (万元, 2 decimals). */
  expected: Expected;
  /** The cells cleared. */
  cleared: CellId[];
}

/** Builds `data`, clears every cell `pick` selects, and returns the bytes. */
export async function blankedWorkbook(
  data: Dataset,
  layout: Partial<Layout> = {},
  pick: (id: TableId, row: string, col: string) => boolean = isSummaryCell,
): Promise<Blanked> {
  const { workbook, index } = buildIndexedWorkbook(data, layout);
  const expected = expectedRows(data) as Expected;
  const cleared: CellId[] = [];
  for (const [id, sheetIndex] of Object.entries(index) as Array<[TableId | '补充信息', NonNullable<WorkbookIndex[TableId]>]>) {
    if (id === '补充信息') continue;
    const ws = workbook.getWorksheet(sheetIndex.sheet) as ExcelJS.Worksheet;
    for (const [row, cols] of Object.entries(sheetIndex.cells)) {
      for (const [col, address] of Object.entries(cols)) {
        if (!pick(id, row, col)) continue;
        ws.getCell(address).value = null;
        cleared.push({ table: id, row, col });
      }
    }
  }
  const bytes = await saveWorkbook(workbook);
  return { bytes, index, expected, cleared };
}

export async function gridsOf(bytes: Uint8Array): Promise<Grid[]> {
  return (await loadWorkbook(bytes)).grids;
}

export const dec = (s: string | undefined) => new Decimal(s ?? 0);

// ---- filling a workbook the way a host does --------------------------------------------------

export interface Filled {
  result: DeriveResult;
  /** The workbook after the plan was applied, saved and loaded back. */
  bytes: Uint8Array;
}

/** The formula of a cell of an exceljs workbook, if it holds one. */
function formulaLookup(workbook: ExcelJS.Workbook): (sheet: string, address: string) => string | undefined {
  return (sheet, at) => {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) return undefined;
    const { row, col } = parseAddress(at);
    const cell = ws.findCell(row + 1, col + 1);
    if (!cell || cell.type !== ExcelJS.ValueType.Formula) return undefined;
    return cell.formula ?? undefined;
  };
}

/** Preview, plan, apply, save — with the workbook's own journal and formulas. */
export async function fill(bytes: Uint8Array, options: Omit<DeriveOptions, 'journal' | 'formulaAt'> = {}): Promise<Filled> {
  const { workbook, grids } = await loadWorkbook(bytes);
  const result = deriveFill(grids, { ...options, journal: readJournal(workbook), formulaAt: formulaLookup(workbook) });
  const plan = fillPlan(result);
  if (plan.ops.length > 0) applyPlan(workbook, plan);
  return { result, bytes: await saveWorkbook(workbook) };
}

export async function modelOf(bytes: Uint8Array): Promise<Model> {
  return readWorkbook(await gridsOf(bytes));
}

/** Every amount of the index whose value in `model` differs from `expected`: "T01 收:总计 金额 got≠want". */
export function differences(model: Model, index: WorkbookIndex, expected: Expected): string[] {
  const out: string[] = [];
  for (const [id, sheetIndex] of Object.entries(index) as Array<[TableId | '补充信息', NonNullable<WorkbookIndex[TableId]>]>) {
    if (id === '补充信息') continue;
    for (const [row, cols] of Object.entries(sheetIndex.cells)) {
      for (const col of Object.keys(cols)) {
        const got = getAmount(model.tables[id], row, col)?.value.toFixed(2);
        const want = dec(expected[id]?.[row]?.[col]).toFixed(2);
        if (got !== want) out.push(`${id} ${row} ${col} ${got}≠${want}`);
      }
    }
  }
  return out;
}

// ---- a small evaluator for the formulas 填表 writes ------------------------------------------

/**
 * Evaluates a formula of the kinds 填表 writes — cell and range references (other sheets
 * quoted), SUM, ROUND, + − * / and numbers — over `valueAt` (a cell's number; blank = 0),
 * exactly. Throws on anything else, so an unexpected formula fails the test.
 */
export function evaluateFormula(formula: string, sheet: string, valueAt: (sheet: string, address: string) => Decimal): Decimal {
  let pos = 0;
  const peek = () => formula[pos];
  const expect = (ch: string) => {
    if (formula[pos] !== ch) throw new Error(`expected ${ch} at ${pos} in ${formula}`);
    pos++;
  };
  const refAt = (): { sheet: string; from: string; to?: string } => {
    let target = sheet;
    if (peek() === "'") {
      const end = formula.indexOf("'!", pos + 1);
      target = formula.slice(pos + 1, end).replace(/''/g, "'");
      pos = end + 2;
    }
    const m = /^([A-Z]+\d+)(?::([A-Z]+\d+))?/.exec(formula.slice(pos));
    if (!m) throw new Error(`bad reference at ${pos} in ${formula}`);
    pos += m[0].length;
    return { sheet: target, from: m[1], to: m[2] };
  };
  const rangeValues = (r: { sheet: string; from: string; to?: string }): Decimal[] => {
    const a = parseAddress(r.from);
    const b = parseAddress(r.to ?? r.from);
    const out: Decimal[] = [];
    for (let row = a.row; row <= b.row; row++) for (let col = a.col; col <= b.col; col++) out.push(valueAt(r.sheet, address(row, col)));
    return out;
  };
  const factor = (): Decimal => {
    if (peek() === '-') {
      pos++;
      return factor().neg();
    }
    if (peek() === '(') {
      pos++;
      const v = expr();
      expect(')');
      return v;
    }
    const fn = /^(SUM|ROUND)\(/.exec(formula.slice(pos));
    if (fn) {
      pos += fn[0].length;
      if (fn[1] === 'SUM') {
        let total = new Decimal(0);
        for (;;) {
          const r = refAt();
          for (const v of rangeValues(r)) total = total.add(v);
          if (peek() === ',') pos++;
          else break;
        }
        expect(')');
        return total;
      }
      const v = expr();
      expect(',');
      const digits = number();
      expect(')');
      return v.toDecimalPlaces(digits.toNumber(), Decimal.ROUND_HALF_UP);
    }
    if (/[\d.]/.test(peek())) return number();
    const r = refAt();
    if (r.to) throw new Error(`range outside SUM in ${formula}`);
    return rangeValues(r)[0];
  };
  const number = (): Decimal => {
    const m = /^\d+(?:\.\d+)?/.exec(formula.slice(pos));
    if (!m) throw new Error(`bad number at ${pos} in ${formula}`);
    pos += m[0].length;
    return new Decimal(m[0]);
  };
  const term = (): Decimal => {
    let v = factor();
    while (peek() === '*' || peek() === '/') {
      const op = formula[pos++];
      const w = factor();
      v = op === '*' ? v.mul(w) : v.div(w);
    }
    return v;
  };
  const expr = (): Decimal => {
    let v = term();
    while (peek() === '+' || peek() === '-') {
      const op = formula[pos++];
      const w = term();
      v = op === '+' ? v.add(w) : v.sub(w);
    }
    return v;
  };
  const value = expr();
  if (pos !== formula.length) throw new Error(`trailing text at ${pos} in ${formula}`);
  return value;
}

/** A cell's number in an exceljs workbook: a number, a formula's cached result; blank = 0. */
export function workbookValue(workbook: ExcelJS.Workbook): (sheet: string, address: string) => Decimal {
  return (sheet, addr) => {
    const v = workbook.getWorksheet(sheet)?.getCell(addr).value;
    if (v === null || v === undefined) return new Decimal(0);
    if (typeof v === 'number') return new Decimal(v);
    if (typeof v === 'object' && 'result' in v) return new Decimal((v.result as number | undefined) ?? 0);
    throw new Error(`${sheet}!${addr} holds ${JSON.stringify(v)}`);
  };
}
