// Builds real .xlsx workbooks holding seed scorecards and 完成情况表, then reads them back as Grids.
import ExcelJS from 'exceljs';
import type { Grid } from '../../../src/core/grid';
import { gridsFromXlsx } from './grid-from-xlsx';

export type Cell = string | number | null;

export interface ScorecardFixture {
  sheet: string;
  title: string;
  /** rows between the title and the column header (subtitle, 名称/编码/等级 line) */
  preamble: string[][];
  /** the 7 column headers as published */
  header: string[];
  /** 7 cells each; null in 一级/二级/指标说明 = lower part of the merged cell above */
  rows: Cell[][];
  /** the 合计 row (label merged over 一级…指标说明), absent when the sheet has none */
  total: { label: string; score: Cell; evidence: Cell } | null;
}

export interface TableFixture {
  title: string;
  subtitle?: string;
  rows: Cell[][];
  /** [top, left, bottom, right], 0-based, relative to rows[0] */
  merges: number[][];
}

const WIDTH = 7;
/** 一级, 二级 and 指标说明 are merged down over their continuation rows. */
const MERGED_COLUMNS = [0, 1, 4];

function put(ws: ExcelJS.Worksheet, row: number, cells: Cell[]): void {
  cells.forEach((v, c) => {
    if (v !== null && v !== undefined) ws.getCell(row, c + 1).value = v;
  });
}

/** Writes the scorecard from `start` (1-based row); returns the next free row. */
export function writeScorecard(ws: ExcelJS.Worksheet, fx: ScorecardFixture, start = 1): number {
  let r = start;
  ws.getCell(r, 1).value = fx.title;
  ws.mergeCells(r, 1, r, WIDTH);
  r++;
  for (const line of fx.preamble) {
    put(ws, r, line);
    if (line.length === 1) ws.mergeCells(r, 1, r, WIDTH);
    r++;
  }
  put(ws, r, fx.header);
  r++;
  const first = r;
  fx.rows.forEach((row, i) => put(ws, first + i, row));
  for (const c of MERGED_COLUMNS) {
    let top = -1;
    const close = (end: number) => {
      if (top >= 0 && end > top) ws.mergeCells(first + top, c + 1, first + end, c + 1);
    };
    fx.rows.forEach((row, i) => {
      if (row[c] !== null) {
        close(i - 1);
        top = i;
      }
    });
    close(fx.rows.length - 1);
  }
  r = first + fx.rows.length;
  if (fx.total) {
    ws.getCell(r, 1).value = fx.total.label;
    ws.mergeCells(r, 1, r, 5);
    if (fx.total.score !== null) ws.getCell(r, 6).value = fx.total.score;
    if (fx.total.evidence !== null) ws.getCell(r, 7).value = fx.total.evidence;
    r++;
  }
  return r;
}

/** Writes a 完成情况表 from `start`; returns the next free row. */
export function writeTable(ws: ExcelJS.Worksheet, fx: TableFixture, start = 1): number {
  let r = start;
  ws.getCell(r, 1).value = fx.title;
  ws.mergeCells(r, 1, r, WIDTH);
  r++;
  if (fx.subtitle) {
    ws.getCell(r, 1).value = fx.subtitle;
    ws.mergeCells(r, 1, r, WIDTH);
    r++;
  }
  fx.rows.forEach((row, i) => put(ws, r + i, row));
  for (const [top, left, bottom, right] of fx.merges) ws.mergeCells(r + top, left + 1, r + bottom, right + 1);
  return r + fx.rows.length;
}

export interface SheetSpec {
  name: string;
  /** scorecards and tables, written one under the other with a blank row between */
  parts: ({ scorecard: ScorecardFixture } | { table: TableFixture })[];
}

export async function buildXlsx(sheets: SheetSpec[]): Promise<ExcelJS.Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    let r = 1;
    for (const part of spec.parts) {
      r = 'scorecard' in part ? writeScorecard(ws, part.scorecard, r) : writeTable(ws, part.table, r);
      r++;
    }
  }
  return wb.xlsx.writeBuffer();
}

export async function gridsOf(sheets: SheetSpec[]): Promise<Grid[]> {
  return gridsFromXlsx(await buildXlsx(sheets));
}
