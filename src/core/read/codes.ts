// 科目编码 cells: a full code in one cell (201 / 20101 / 2010101, 301 / 30101), or 类|款|项 parts
// in split columns ("201", "01", "01" → 2010101), numbers or text.
import { cellText } from '../grid';
import type { SheetView } from './sheet';
import { columnPath } from './header';

/** 功能分类 2xx or 经济分类 3xx, 3/5/7 digits. */
const FULL_CODE = /^[23]\d{2}(?:\d{2}){0,2}$/;
/** A code with its name in the same cell: “201 一般公共服务支出”, “[30101]基本工资”. */
const CODE_WITH_NAME = /^[[【]?([23]\d{2}(?:\d{2}){0,2})[\]】]?(?![\d.])(.*)$/;

export function isFullCode(text: string): boolean {
  return FULL_CODE.test(text);
}

export function codeLevel(code: string): 1 | 2 | 3 {
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}

/** Where a block's rows keep their code and name. */
export interface CodeColumns {
  /** One column with full codes, or the 类 (then 款, 项) part columns in order. */
  codeCols: number[];
  nameCol?: number;
}

/** Column kinds by header text: 类/款/项 or …编码 → code; …名称 → name. */
export function isCodeHeader(path: string[]): boolean {
  const bottom = path[path.length - 1];
  if (bottom === '类' || bottom === '款' || bottom === '项') return true;
  return !isNameHeader(path) && path.some((t) => t.includes('编码') || t.includes('代码'));
}

export function isNameHeader(path: string[]): boolean {
  return path.some((t) => t.includes('名称'));
}

/**
 * Code and name columns among [fromCol, toCol): by header text first, else by the data
 * (the column holding most codes; the name column holding most other text).
 */
export function findCodeColumns(
  view: SheetView,
  headerRows: number[],
  dataRows: number[],
  fromCol: number,
  toCol: number,
): CodeColumns | undefined {
  const codeCols: number[] = [];
  let nameCol: number | undefined;
  for (let c = fromCol; c < toCol; c++) {
    const path = columnPath(view, headerRows, c);
    if (isCodeHeader(path)) codeCols.push(c);
    else if (nameCol === undefined && isNameHeader(path)) nameCol = c;
  }
  if (codeCols.length === 0) {
    const byData = columnWithMost(view, dataRows, fromCol, toCol, (t) => CODE_WITH_NAME.test(t));
    if (byData === undefined) return undefined;
    codeCols.push(byData);
  }
  if (nameCol === undefined) {
    nameCol = columnWithMost(view, dataRows, fromCol, toCol, (t, c) => !codeCols.includes(c) && isNameText(t));
  }
  return { codeCols: codeCols.slice(0, 3), nameCol };
}

function isNameText(text: string): boolean {
  return text !== '' && !/^[\d.,\s-]*$/.test(text);
}

function columnWithMost(
  view: SheetView,
  rows: number[],
  fromCol: number,
  toCol: number,
  test: (text: string, col: number) => boolean,
): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (let c = fromCol; c < toCol; c++) {
    const count = rows.filter((r) => test(view.text(r, c), c)).length;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/** Parts seen on earlier rows, for exports that print the 类 (and 款) only once. */
export interface CodeCarry {
  cls?: string;
  kuan?: string;
}

export interface RowCode {
  code?: string;
  /** Name printed with the code in one cell, when there is no separate name. */
  nameInCode?: string;
}

export function readRowCode(view: SheetView, row: number, cols: CodeColumns, carry: CodeCarry): RowCode {
  const first = codeText(view, row, cols.codeCols[0]);
  const withName = CODE_WITH_NAME.exec(first);
  if (withName && withName[1].length > 3) return { code: withName[1], nameInCode: withName[2] || undefined };
  if (cols.codeCols.length === 1) {
    return withName ? { code: withName[1], nameInCode: withName[2] || undefined } : {};
  }
  return readSplitCode(view, row, cols.codeCols, carry, withName ? withName[1] : first);
}

function readSplitCode(view: SheetView, row: number, codeCols: number[], carry: CodeCarry, clsText: string): RowCode {
  const kuan = twoDigitPart(codeText(view, row, codeCols[1]));
  const xiang = twoDigitPart(codeText(view, row, codeCols[2]));
  let cls = /^[23]\d{2}$/.test(clsText) ? clsText : undefined;
  if (cls) {
    carry.cls = cls;
    carry.kuan = undefined;
  } else if (kuan || xiang) {
    cls = carry.cls;
  }
  if (!cls) return {};
  if (kuan) carry.kuan = kuan;
  const kuanPart = kuan ?? (xiang ? carry.kuan : undefined);
  if (!kuanPart) return { code: cls };
  return { code: cls + kuanPart + (xiang ?? '') };
}

function codeText(view: SheetView, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  const v = view.value(row, col);
  // Codes stored as numbers: 201 → "201", 1 → "1" (padded as a part below).
  return typeof v === 'number' ? String(Math.trunc(v)) : cellText(v);
}

function twoDigitPart(text: string): string | undefined {
  if (!/^\d{1,2}$/.test(text)) return undefined;
  return text.padStart(2, '0');
}
