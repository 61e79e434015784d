// Amount cells: what a cell holds (number, zero dash, stray text, error value) and the Amount it gives.
import { CellValue, address, isCellError, isUncalculated } from '../grid';
import { Decimal, Unit, UNIT_PER_WAN, ZERO, roundHalfUp, toWan } from '../money';
import type { Amount } from '../model';
import type { CellRef, Finding } from '../finding';
import { cellName, readFinding } from './findings';
import type { SheetView } from './sheet';

export type CellReading = { kind: 'number'; value: Decimal } | { kind: 'text'; text: string } | { kind: 'error'; text: string };

const ZERO_MARKS = /^[-—–－‐―~～/／]+$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Blank and dash cells are zero; numbers and numeric text are numbers; anything else is text or an error. */
export function readCell(v: CellValue): CellReading {
  if (v === null || v === undefined) return { kind: 'number', value: ZERO };
  if (isCellError(v)) return { kind: 'error', text: v.error };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: numberValue(v) } : { kind: 'text', text: String(v) };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  const value = parseNumericText(v);
  return value ? { kind: 'number', value } : { kind: 'text', text: v.trim() };
}

/**
 * A finite number cell as a Decimal. 15 significant digits is all a spreadsheet stores; beyond that
 * is binary noise (0.30000000000000004). A shortest form of at most 15 characters has at most 15
 * digits and is that same number; new Decimal(v) parses that form (v.toString()) itself.
 */
function numberValue(v: number): Decimal {
  if (v === 0) return ZERO; // −0 too: the cell shows 0
  const shortest = String(v);
  return shortest.length <= 15 && !shortest.includes('e') ? new Decimal(v) : new Decimal(v.toPrecision(15));
}

/** 1,784.27: groups of three digits after the first one to three. */
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * "1,234.56", " 12.3 ", "１２.３", "(12.30)" = −12.30, "-", "" → Decimal; anything that could be
 * read two ways ("1784,27": a decimal comma or a misplaced separator? "(-12.30)": which sign?)
 * or is not a number → undefined (see amountTextProblem for why).
 */
export function parseNumericText(text: string): Decimal | undefined {
  let s = numericForm(text);
  if (s === '' || ZERO_MARKS.test(s)) return new Decimal(0);
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(s);
  if (bracketed) {
    negative = true;
    s = bracketed[1];
    if (/^[+-]/.test(s)) return undefined;
  }
  if (s.includes(',')) {
    if (!THOUSANDS.test(s.replace(/^[+-]/, ''))) return undefined;
    s = s.replace(/,/g, '');
  }
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const value = new Decimal(s);
  return negative ? value.neg() : value;
}

/** Why a text that looks like an amount is not read as one, for the READ message; undefined for plain words. */
export function amountTextProblem(text: string): string | undefined {
  const s = numericForm(text);
  const inner = /^\((.*)\)$/.exec(s)?.[1];
  if (inner !== undefined && /^[+-]/.test(inner)) return '括号表示负数，括号里又带正负号，无法确定正负';
  const bare = (inner ?? s).replace(/^[+-]/, '');
  if (bare.includes(',') && /^[\d.,]+$/.test(bare)) return '逗号不在千位分隔的位置（如1,784.27），无法确定是小数点还是千位分隔';
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)\S/.test(bare) && /\d/.test(bare[0])) return '数字后面还有其他字符';
  return undefined;
}

/**
 * What a reader hands over for the text of a numeric cell (`<v>` of a cell without t="s"/"str"):
 * a number only when the whole text is one (xsd:double), else the text itself, so that the
 * reader's READ warning names the cell instead of a parseFloat reading “12abc” as 12.
 */
export function numericCellValue(xmlText: string): CellValue {
  if (/^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(xmlText)) {
    const n = Number(xmlText);
    if (Number.isFinite(n)) return n;
  }
  return xmlText;
}

function numericForm(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0\u3000]+/g, '');
}

function toHalfWidth(text: string): string {
  // Full-width digits and ．，－＋（） sit 0xFEE0 above their ASCII forms.
  return text.replace(/[\uFF08\uFF09\uFF0B-\uFF0E\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The published value (2 decimals in the sheet's unit) in 万元, keeping the unrounded value when it differs. */
export function toAmount(cellValue: Decimal, unit: Unit, cell: CellRef): Amount {
  // Most cells already hold 2 decimals in 万元: no rounding or division to do.
  const moreDigits = cellValue.decimalPlaces() > 2;
  const published = moreDigits ? roundHalfUp(cellValue, 2) : cellValue;
  const amount: Amount = { value: unit === '万元' ? published : toWan(published, unit), cell };
  if (moreDigits) amount.raw = toWan(cellValue, unit);
  return amount;
}

/**
 * An amount read from an empty cell or a number cell that prints as it is stored (at most 2
 * decimals, under 10⁹万元): its exact count of 0.01元 is at hand from the number itself, and its
 * Decimal and its CellRef are made the first time they are asked for — most amounts of a check
 * are only added up (in 0.01元, see money.millionths). They are the ones toAmount gives for the
 * cell, so nothing else changes.
 */
class CellAmount implements Amount {
  private decimal: Decimal | undefined = undefined;
  private ref: CellRef | undefined = undefined;
  readonly blank?: true;

  constructor(
    private readonly number: number,
    private readonly unit: Unit,
    private readonly sheet: string,
    private readonly row: number,
    private readonly col: number,
    readonly units: number,
    blank: boolean,
  ) {
    if (blank) this.blank = true;
  }

  get value(): Decimal {
    return (this.decimal ??= toAmount(numberValue(this.number), this.unit, this.cell).value);
  }

  get cell(): CellRef {
    return (this.ref ??= { sheet: this.sheet, address: address(this.row, this.col) });
  }

  toJSON(): Amount {
    return { value: this.value, cell: this.cell, ...(this.blank ? { blank: true } : {}) };
  }
}

/** 0.01 of each unit in millionths of 万元 (0.01元). */
const UNITS_PER_CENT: Record<Unit, number> = {
  万元: 10000 / UNIT_PER_WAN.万元,
  百元: 10000 / UNIT_PER_WAN.百元,
  元: 10000 / UNIT_PER_WAN.元,
};
/** 10⁹万元 in each unit: millionths stays exact below it. */
const LIMIT: Record<Unit, number> = { 万元: 1e9 * UNIT_PER_WAN.万元, 百元: 1e9 * UNIT_PER_WAN.百元, 元: 1e9 * UNIT_PER_WAN.元 };

/** The Amount of a finite number cell. */
function numberAmount(v: number, src: AmountSource, row: number, col: number): Amount {
  return (
    printedNumberAmount(v, src.unit, src.view.sheet, row, col) ??
    toAmount(numberValue(v), src.unit, { sheet: src.view.sheet, address: address(row, col) })
  );
}

/**
 * The Amount of a finite number cell that prints as it is stored (at most 2 decimals, under
 * 10⁹万元), its Decimal and CellRef made on first use; undefined for any other number.
 */
export function printedNumberAmount(v: number, unit: Unit, sheet: string, row: number, col: number): Amount | undefined {
  // cents / 100 round-trips to v exactly when v's shortest decimal form has at most 2 decimals
  const cents = Math.round(v * 100);
  if (!(Math.abs(v) < LIMIT[unit] && cents / 100 === v)) return undefined;
  return new CellAmount(v, unit, sheet, row, col, cents === 0 ? 0 : cents * UNITS_PER_CENT[unit], false);
}

export interface AmountSource {
  view: SheetView;
  unit: Unit;
  findings: Finding[];
  /** Cells that held text or an error value where an amount belongs (collected for Table.unreadCells). */
  unreadCells?: CellRef[];
}

/** An empty cell: nothing, or only spaces (a typed 0 or a dash is not blank). */
export function isBlankValue(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.replace(/[\s\u00a0\u3000]+/g, '') === '');
}

/**
 * Read one amount cell; stray text or an error value gives a READ finding and no Amount.
 * An empty cell gives 0 marked `blank`.
 */
export function readAmount(src: AmountSource, row: number, col: number): Amount | undefined {
  const v = src.view.value(row, col);
  // most amount cells hold a number or nothing: no CellReading to make
  if (typeof v === 'number' && Number.isFinite(v)) return numberAmount(v, src, row, col);
  if (v === null || v === undefined) return new CellAmount(0, src.unit, src.view.sheet, row, col, 0, true);
  const cell: CellRef = { sheet: src.view.sheet, address: address(row, col) };
  const reading = readCell(v);
  if (reading.kind === 'number') {
    const amount = toAmount(reading.value, src.unit, cell);
    if (isBlankValue(v)) amount.blank = true;
    return amount;
  }
  src.unreadCells?.push(cell);
  if (isUncalculated(v)) {
    const formula = v.formula ? `“=${v.formula}”` : '';
    src.findings.push(
      readFinding(
        'error',
        `${cellName(cell)}是公式${formula}，但文件中没有它的计算结果（公式从未计算过），未使用该单元格：请在 Excel 或 WPS 中打开并保存（或按 F9 重新计算）后再检查`,
        cell,
      ),
    );
  } else if (reading.kind === 'error') {
    src.findings.push(readFinding('error', `${cellName(cell)}的值“${reading.text}”是错误值，已忽略`, cell));
  } else {
    const problem = amountTextProblem(reading.text);
    src.findings.push(
      readFinding(
        'warning',
        problem
          ? `${cellName(cell)}的值“${reading.text}”无法确定金额（${problem}），已忽略，请改为数字`
          : `${cellName(cell)}的值“${reading.text}”不是金额，已忽略`,
        cell,
      ),
    );
  }
  return undefined;
}

/** True when the cell holds a number other than zero (used to warn about rows the reader skips). */
export function isNonZeroNumber(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && v !== 0;
  if (typeof v === 'string' && !DIGIT.test(v)) return false; // a label: no digit, no figure to parse
  const reading = readCell(v);
  return reading.kind === 'number' && !reading.value.isZero();
}

/** True when the cell holds a number, numeric text or a zero dash (not a blank). */
export function isNumberLike(v: CellValue): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string' && (v.trim() === '' || !DIGIT_OR_ZERO_MARK.test(v))) return false;
  return readCell(v).kind === 'number';
}

// parseNumericText reads a number only from a text holding a digit (ASCII or full-width) or a
// zero dash: any other text (a header, a label) is not parsed at all.
const DIGIT = /[0-9\uFF10-\uFF19]/;
const DIGIT_OR_ZERO_MARK = /[0-9\uFF10-\uFF19\-—–－‐―~～/／]/;
