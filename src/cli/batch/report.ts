// REPORT.xlsx of `juesuan batch -o`: a 汇总 sheet (one row per file) and a 问题明细 sheet (one row
// per finding), both with a frozen header row, filters and column widths that fit the text.
import { isRoundingNote } from '../../core/notes';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SEVERITY_LABEL } from '../../core/finding';
import { blocksPrinting, verdict } from '../format';
import type { FileResult } from './check-file';
import { displayWidth } from './output';
import { EXCEL_CELL_CHARS, fitCellText, splitCellText } from '../../core/plan/cell-text';

export const SUMMARY_SHEET = '汇总';
export const FINDINGS_SHEET = '问题明细';
/** Only when a text was too long for its cell: the full text, in pieces of one cell each. */
export const FULL_TEXT_SHEET = '全文';
export const SUMMARY_HEADERS = ['文件', '单位名称', '年度', '错误', '提示', '说明', '结论'] as const;
/** 取整差额 notes: information, on a sheet of their own so that 问题明细 lists what needs work. */
export const ROUNDING_SHEET = '取整差额';
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
    ws.getRow(i + 2).height = Math.min(409, Math.max(16, lines * 13.5 + 3)); // 409 points: Excel's tallest row
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  ws.pageSetup.printTitlesRow = '1:1';
}

/** Texts too long for a cell: cut where they are shown, kept whole on the 全文 sheet. */
class LongTexts {
  readonly rows: Row[] = [];

  fit(text: string | null, file: string, what: string): string | null {
    if (text === null || text.length <= EXCEL_CELL_CHARS) return text;
    this.rows.push([file, what, ...splitCellText(text)]);
    return fitCellText(text, `…（已截断，全文见“${FULL_TEXT_SHEET}”表第${this.rows.length + 1}行）`);
  }
}

export function buildReport(results: FileResult[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  const long = new LongTexts();

  const summary = wb.addWorksheet(SUMMARY_SHEET);
  const summaryRows: Row[] = results.map((r) => [
    r.file,
    r.unit,
    r.year,
    r.unreadable !== null ? null : r.counts.error,
    r.unreadable !== null ? null : r.counts.warning,
    r.unreadable !== null ? null : r.counts.info,
    long.fit(conclusion(r), r.file, '结论'),
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
    const color = r.unreadable !== null ? ORANGE : blocksPrinting(r.counts) ? RED : GREEN;
    cell.font = { ...cell.font, color: { argb: color }, bold: r.unreadable !== null || blocksPrinting(r.counts) };
  });

  const details = wb.addWorksheet(FINDINGS_SHEET);
  const detailRows: Row[] = [];
  const severities: string[] = [];
  for (const r of results) {
    if (r.unreadable !== null) {
      detailRows.push([r.file, r.unit, 'READ', '无法读取', long.fit(r.unreadable.split('\n')[0], r.file, '说明'), null, null]);
      severities.push('unreadable');
      continue;
    }
    for (const f of r.findings) {
      if (isRoundingNote(f)) continue;
      detailRows.push([
        r.file,
        r.unit,
        f.rule,
        SEVERITY_LABEL[f.severity],
        long.fit(f.message, r.file, `${f.rule} 说明`),
        long.fit(f.cells.map((c) => `${c.sheet}!${c.address}`).join('，') || null, r.file, `${f.rule} 单元格`),
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

  const notes = wb.addWorksheet(ROUNDING_SHEET);
  const noteRows: Row[] = results.flatMap((r) => r.findings.filter(isRoundingNote).map((f): Row => [
    r.file,
    r.unit,
    f.rule,
    SEVERITY_LABEL[f.severity],
    f.message,
    f.cells.map((c) => `${c.sheet}!${c.address}`).join('，') || null,
    toAmount(f.difference),
  ]));
  writeSheet(notes, FINDINGS_HEADERS, noteRows, [
    { max: 30, wrap: true },
    { max: 24, wrap: true },
    { max: 10 },
    { max: 8, align: 'center' },
    { max: 70, min: 30, wrap: true },
    { max: 28, wrap: true },
    { max: 14, numFmt: '#,##0.00', align: 'right' },
  ]);
  if (long.rows.length > 0) {
    const full = wb.addWorksheet(FULL_TEXT_SHEET);
    full.addRow(['文件', '内容', '全文（按单元格长度分段，依次相连）']);
    for (const row of long.rows) full.addRow(row);
    full.getRow(1).font = { name: FONT, size: 10, bold: true };
  }
  return wb;
}

/** Writes the report; the folder must exist. */
export async function writeReport(file: string, results: FileResult[]): Promise<void> {
  const wb = buildReport(results);
  const bytes = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  fs.writeFileSync(path.resolve(file), bytes);
}
