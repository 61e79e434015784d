// The WPS fake's workbook from and to .xlsx bytes (exceljs; Node side of the tests): what WPS
// would show after opening the file, and what it would save.
import * as ExcelJS from 'exceljs';
import { FakeBook, sheetOfReference } from './fakeWps';
import type { FakeCell } from './fakeWps';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function argbToBgr(argb: unknown): number | undefined {
  if (typeof argb !== 'string' || !/^[0-9A-Fa-f]{8}$/.test(argb)) return undefined;
  const n = parseInt(argb.slice(2), 16);
  return ((n >> 16) & 0xff) | (n & 0xff00) | ((n & 0xff) << 16);
}

function bgrToArgb(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `FF${[r, g, b]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

const VERTICAL: Record<string, number> = { top: -4160, middle: -4108 };
const VERTICAL_NAME: Record<number, 'top' | 'middle'> = { [-4160]: 'top', [-4108]: 'middle' };

function scalarOf(v: unknown): Partial<FakeCell> {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH) / 86400000 };
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((r) => r.text).join('') };
    if ('text' in o) return scalarOf(o.text);
  }
  return {};
}

export async function fakeFromXlsx(bytes: Uint8Array | Buffer | ArrayBuffer): Promise<FakeBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const book = new FakeBook();
  for (const ws of wb.worksheets) {
    const s = book.add(ws.name);
    s.visible = ws.state === 'veryHidden' ? 2 : ws.state === 'hidden' ? 0 : -1;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (typeof row.height === 'number') s.heights.set(n - 1, row.height);
      // includeEmpty: a cell with no value may still have a fill or a comment
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge && cell.master && cell.master !== cell) return;
        const c: FakeCell = {};
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const o = v as Record<string, unknown>;
          c.formula = `=${String(o.formula ?? o.sharedFormula)}`;
          Object.assign(c, scalarOf(o.result));
        } else Object.assign(c, scalarOf(v));
        const style = cell.style ?? {};
        const fill = style.fill;
        if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
          const bgr = argbToBgr(fill.fgColor?.argb);
          if (bgr !== undefined) c.fill = bgr;
        }
        if (style.font?.bold) c.bold = true;
        if (style.alignment?.wrapText) c.wrap = true;
        const vertical = style.alignment?.vertical ? VERTICAL[style.alignment.vertical] : undefined;
        if (vertical !== undefined) c.vertical = vertical;
        if (style.numFmt === '@') c.numberFormat = '@';
        if (Object.values(c).some((x) => x !== undefined)) s.cells.set(cell.address, c);
        const note = cell.note as unknown;
        if (typeof note === 'string') s.comments.set(cell.address, note);
        else if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown }).texts)) {
          s.comments.set(cell.address, (note as { texts: { text: string }[] }).texts.map((t) => t.text).join(''));
        }
      });
    });
    for (let c = 1; c <= ws.columnCount; c++) {
      const w = ws.getColumn(c).width;
      if (typeof w === 'number') s.widths.set(c - 1, w);
    }
    const merges =
      (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
    for (const m of Object.values(merges)) s.merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    s.merges.sort((a, b) => a.top - b.top || a.left - b.left);
  }
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    for (const range of n.ranges) book.names.push({ name: n.name, refersTo: `=${range}` });
  }
  book.active = book.sheets.find((s) => s.visible === -1)?.name;
  return book;
}

/** What WPS would save: values, formulas, fills, bold, wrap, vertical, comments, sizes, visibility, merges, defined names. */
export async function fakeToXlsx(book: FakeBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.state = s.visible === 2 ? 'veryHidden' : s.visible === 0 ? 'hidden' : 'visible';
    for (const [a, c] of s.cells) {
      const cell = ws.getCell(a);
      if (c.formula) cell.value = { formula: c.formula.slice(1), result: c.value as number } as ExcelJS.CellFormulaValue;
      else if (c.error) cell.value = { error: c.error } as ExcelJS.CellErrorValue;
      else if (c.value !== undefined) cell.value = c.value;
      const style: Partial<ExcelJS.Style> = {};
      if (c.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bgrToArgb(c.fill) } };
      if (c.bold) style.font = { bold: true };
      if (c.wrap || c.vertical !== undefined) {
        style.alignment = {};
        if (c.wrap) style.alignment.wrapText = true;
        if (c.vertical !== undefined && VERTICAL_NAME[c.vertical]) style.alignment.vertical = VERTICAL_NAME[c.vertical];
      }
      if (c.numberFormat) style.numFmt = c.numberFormat;
      if (Object.keys(style).length > 0) cell.style = style;
    }
    for (const [a, text] of s.comments) ws.getCell(a).note = text;
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const [c, w] of s.widths) ws.getColumn(c + 1).width = w;
    for (const [r, h] of s.heights) ws.getRow(r + 1).height = h;
  }
  for (const n of book.names) {
    const sheet = sheetOfReference(n.refersTo);
    if (sheet && book.find(sheet))
      wb.definedNames.add(`'${sheet.replace(/'/g, "''")}'!${n.refersTo.slice(n.refersTo.indexOf('!') + 1)}`, n.name);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
