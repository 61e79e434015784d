// REPORT.xlsx of `juesuan batch -o`: a 汇总 sheet (one row per file) and a 问题明细 sheet (one row
// per finding), both with a frozen header row, filters and column widths that fit the text.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SEVERITY_LABEL } from '../../core/finding';
import { verdict } from '../format';
import type { FileResult } from './check-file';
import { displayWidth } from './output';
import { FINDINGS_SHEET, SUMMARY_SHEET } from './report-sheets';

export { FINDINGS_SHEET, SUMMARY_SHEET } from './report-sheets';

export const SUMMARY_HEADERS = ['文件', '单位名称', '年度', '错误', '提示', '说明', '结论'] as const;
export const FINDINGS_HEADERS = ['文件', '单位', '规则', '级别', '说明', '单元格', '差额'] as const;

const FONT = '宋体';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const RED = 'FFC00000';
const ORANGE = 'FFC65911';
const GREEN = 'FF548235';

type Row = Array<string | number | null>;

interface ColumnSpec {
  /** Widest the column grows to (characters); longer text wraps. */
  max: number;
  min?: number;
  wrap?: boolean;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
}

function conclusion(r: FileResult): string {
  return r.unreadable !== null ? r.unreadable.split('\n')[0] : verdict(r.counts);
}

function toAmount(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function writeSheet(ws: ExcelJS.Worksheet, headers: readonly string[], rows: Row[], specs: ColumnSpec[]): void {
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);

  specs.forEach((spec, i) => {
    const col = ws.getColumn(i + 1);
    let width = displayWidth(headers[i]) + 4; // room for the filter button
    for (const r of rows) {
      const v = r[i];
      const text = v === null ? '' : typeof v === 'number' && spec.numFmt ? v.toFixed(2) : String(v);
      width = Math.max(width, displayWidth(text) + 2);
    }
    col.width = Math.max(spec.min ?? 6, Math.min(spec.max, width));
  });

  ws.eachRow((row, n) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const spec = specs[c - 1];
      if (!spec) return;
      cell.font = { name: FONT, size: 10, bold: n === 1 };
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: n === 1 ? 'center' : spec.align ?? 'left',
        wrapText: n === 1 ? false : spec.wrap ?? false,
      };
      if (n === 1) cell.fill = HEADER_FILL;
      else if (spec.numFmt && typeof cell.value === 'number') cell.numFmt = spec.numFmt;
    });
  });
  ws.getRow(1).height = 20;
  // Spreadsheet programs do not grow a row for wrapped text on opening: set each row's height
  // from the lines its widest wrapped cell needs (10-point text ≈ 13.5 points a line).
  rows.forEach((r, i) => {
    let lines = 1;
    specs.forEach((spec, c) => {
      const v = r[c];
      if (!spec.wrap || v === null) return;
      const width = Math.max(1, (ws.getColumn(c + 1).width ?? 10) - 1);
      lines = Math.max(lines, Math.ceil(displayWidth(String(v)) / width));
    });
    ws.getRow(i + 2).height = Math.max(16, lines * 13.5 + 3);
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  ws.pageSetup.printTitlesRow = '1:1';
}

export function buildReport(results: FileResult[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';

  const summary = wb.addWorksheet(SUMMARY_SHEET);
  const summaryRows: Row[] = results.map((r) => [
    r.file,
    r.unit,
    r.year,
    r.unreadable !== null ? null : r.counts.error,
    r.unreadable !== null ? null : r.counts.warning,
    r.unreadable !== null ? null : r.counts.info,
    conclusion(r),
  ]);
  writeSheet(summary, SUMMARY_HEADERS, summaryRows, [
    { max: 40, wrap: true },
    { max: 30, wrap: true },
    { max: 8, align: 'center' },
    { max: 8, align: 'right' },
    { max: 8, align: 'right' },
    { max: 8, align: 'right' },
    { max: 50, min: 12, wrap: true },
  ]);
  results.forEach((r, i) => {
    const cell = summary.getCell(i + 2, SUMMARY_HEADERS.length);
    const color = r.unreadable !== null ? ORANGE : r.counts.error > 0 ? RED : GREEN;
    cell.font = { ...cell.font, color: { argb: color }, bold: r.unreadable !== null || r.counts.error > 0 };
  });

  const details = wb.addWorksheet(FINDINGS_SHEET);
  const detailRows: Row[] = [];
  const severities: string[] = [];
  for (const r of results) {
    if (r.unreadable !== null) {
      detailRows.push([r.file, r.unit, 'READ', '无法读取', r.unreadable.split('\n')[0], null, null]);
      severities.push('unreadable');
      continue;
    }
    for (const f of r.findings) {
      detailRows.push([
        r.file,
        r.unit,
        f.rule,
        SEVERITY_LABEL[f.severity],
        f.message,
        f.cells.map((c) => `${c.sheet}!${c.address}`).join('，') || null,
        toAmount(f.difference),
      ]);
      severities.push(f.severity);
    }
  }
  writeSheet(details, FINDINGS_HEADERS, detailRows, [
    { max: 30, wrap: true },
    { max: 24, wrap: true },
    { max: 10 },
    { max: 8, align: 'center' },
    { max: 70, min: 30, wrap: true },
    { max: 28, wrap: true },
    { max: 14, numFmt: '#,##0.00', align: 'right' },
  ]);
  severities.forEach((s, i) => {
    if (s !== 'error' && s !== 'unreadable') return;
    const cell = details.getCell(i + 2, 4);
    cell.font = { ...cell.font, color: { argb: s === 'error' ? RED : ORANGE }, bold: true };
  });
  return wb;
}

/** Writes the report; the folder must exist. */
export async function writeReport(file: string, results: FileResult[]): Promise<void> {
  const wb = buildReport(results);
  const bytes = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  fs.writeFileSync(path.resolve(file), bytes);
}
