// REPORT.xlsx of `juesuan batch -o`: a 汇总 sheet (one row per file, then a 合计 row) and a
// 问题明细 sheet (one row per finding), each under a title and the date of the check, with a
// frozen header row (repeated on every printed page), filters and column widths that fit the text.
import { isRoundingNote } from '../../core/notes';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SEVERITY_LABEL } from '../../core/finding';
import { blocksPrinting, verdict } from '../format';
import type { FileResult } from './check-file';
import { displayWidth } from './output';
import { EXCEL_CELL_CHARS, fitCellText, splitCellText } from '../../core/plan/cell-text';
import { FINDINGS_SHEET, FULL_TEXT_SHEET, ROUNDING_SHEET, SUMMARY_SHEET } from './report-sheets';

export { FINDINGS_SHEET, FULL_TEXT_SHEET, ROUNDING_SHEET, SUMMARY_SHEET } from './report-sheets';

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

/** Rows above the header: the title, then the date line. */
export const REPORT_HEADER_ROW = 3;
export const SUMMARY_TITLE = '部门决算公开审核汇总表';
export const FINDINGS_TITLE = '部门决算公开审核问题明细表';

export interface ReportOptions {
  /** When the check ran (default now). */
  date?: Date;
}

function dateLine(d: Date): string {
  return `审核日期：${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

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

function writeTitle(ws: ExcelJS.Worksheet, title: string, sub: string, columns: number): void {
  ws.addRow([title]);
  ws.addRow([sub]);
  ws.mergeCells(1, 1, 1, columns);
  ws.mergeCells(2, 1, 2, columns);
  const t = ws.getCell(1, 1);
  t.font = { name: '黑体', size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const d = ws.getCell(2, 1);
  d.font = { name: FONT, size: 10 };
  d.alignment = { horizontal: 'right', vertical: 'middle' };
}

function writeSheet(ws: ExcelJS.Worksheet, headers: readonly string[], rows: Row[], specs: ColumnSpec[], totals?: Row): void {
  const H = REPORT_HEADER_ROW;
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  if (totals) ws.addRow(totals);

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

  const totalRow = totals ? H + rows.length + 1 : -1;
  ws.eachRow((row, n) => {
    if (n < H) return;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const spec = specs[c - 1];
      if (!spec) return;
      cell.font = { name: FONT, size: 10, bold: n === H || n === totalRow };
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: n === H ? 'center' : (spec.align ?? 'left'),
        wrapText: n === H ? false : (spec.wrap ?? false),
      };
      if (n === H || n === totalRow) cell.fill = HEADER_FILL;
      else if (spec.numFmt && typeof cell.value === 'number') cell.numFmt = spec.numFmt;
    });
  });
  ws.getRow(H).height = 20;
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
    ws.getRow(i + H + 1).height = Math.min(409, Math.max(16, lines * 13.5 + 3)); // 409 points: Excel's tallest row
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: H, topLeftCell: `A${H + 1}`, activeCell: `A${H + 1}` }];
  ws.autoFilter = { from: { row: H, column: 1 }, to: { row: Math.max(H, H + rows.length), column: headers.length } };
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  ws.pageSetup.printTitlesRow = `${H}:${H}`;
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

/** Column layout of 问题明细 and 取整差额 (the same headers). */
const FINDINGS_COLUMNS: ColumnSpec[] = [
  { max: 30, wrap: true },
  { max: 24, wrap: true },
  { max: 10 },
  { max: 8, align: 'center' },
  { max: 70, min: 30, wrap: true },
  { max: 28, wrap: true },
  { max: 14, numFmt: '#,##0.00', align: 'right' },
];

export function buildReport(results: FileResult[], options: ReportOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  const date = dateLine(options.date ?? new Date());
  const long = new LongTexts();

  const summary = wb.addWorksheet(SUMMARY_SHEET);
  writeTitle(summary, SUMMARY_TITLE, `${date}    文件 ${results.length} 个`, SUMMARY_HEADERS.length);
  const summaryRows: Row[] = results.map((r) => [
    r.file,
    r.unit,
    r.year,
    r.unreadable !== null ? null : r.counts.error,
    r.unreadable !== null ? null : r.counts.warning,
    r.unreadable !== null ? null : r.counts.info,
    long.fit(conclusion(r), r.file, '结论'),
  ]);
  writeSheet(
    summary,
    SUMMARY_HEADERS,
    summaryRows,
    [
      { max: 40, wrap: true },
      { max: 30, wrap: true },
      { max: 8, align: 'center' },
      { max: 8, align: 'right' },
      { max: 8, align: 'right' },
      { max: 8, align: 'right' },
      { max: 50, min: 12, wrap: true },
    ],
    totalsRow(results),
  );
  results.forEach((r, i) => {
    const cell = summary.getCell(i + REPORT_HEADER_ROW + 1, SUMMARY_HEADERS.length);
    const color = r.unreadable !== null ? ORANGE : blocksPrinting(r.counts) ? RED : GREEN;
    cell.font = { ...cell.font, color: { argb: color }, bold: r.unreadable !== null || blocksPrinting(r.counts) };
  });

  const details = wb.addWorksheet(FINDINGS_SHEET);
  writeTitle(details, FINDINGS_TITLE, date, FINDINGS_HEADERS.length);
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
  writeSheet(details, FINDINGS_HEADERS, detailRows, FINDINGS_COLUMNS);
  severities.forEach((s, i) => {
    if (s !== 'error' && s !== 'unreadable') return;
    const cell = details.getCell(i + REPORT_HEADER_ROW + 1, 4);
    cell.font = { ...cell.font, color: { argb: s === 'error' ? RED : ORANGE }, bold: true };
  });

  const notes = wb.addWorksheet(ROUNDING_SHEET);
  writeTitle(notes, '取整差额（均在允许范围内，无需改正）', date, FINDINGS_HEADERS.length);
  const noteRows: Row[] = results.flatMap((r) =>
    r.findings
      .filter(isRoundingNote)
      .map((f): Row => [
        r.file,
        r.unit,
        f.rule,
        SEVERITY_LABEL[f.severity],
        f.message,
        f.cells.map((c) => `${c.sheet}!${c.address}`).join('，') || null,
        toAmount(f.difference),
      ]),
  );
  writeSheet(notes, FINDINGS_HEADERS, noteRows, FINDINGS_COLUMNS);
  if (long.rows.length > 0) {
    const full = wb.addWorksheet(FULL_TEXT_SHEET);
    full.addRow(['文件', '内容', '全文（按单元格长度分段，依次相连）']);
    for (const row of long.rows) full.addRow(row);
    full.getRow(1).font = { name: FONT, size: 10, bold: true };
  }
  return wb;
}

/** “合计” row of 汇总: files, then the sums of 错误, 提示, 说明 over readable files, then how many can be printed. */
function totalsRow(results: FileResult[]): Row {
  const readable = results.filter((r) => r.unreadable === null);
  const sum = (k: 'error' | 'warning' | 'info') => readable.reduce((s, r) => s + r.counts[k], 0);
  const printable = readable.filter((r) => !blocksPrinting(r.counts)).length;
  return [`合计（${results.length} 个文件）`, null, null, sum('error'), sum('warning'), sum('info'), `可以打印 ${printable} 个`];
}

/** Writes the report; the folder must exist. */
export async function writeReport(file: string, results: FileResult[], options: ReportOptions = {}): Promise<void> {
  const wb = buildReport(results, options);
  const bytes = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  fs.writeFileSync(path.resolve(file), bytes);
}
