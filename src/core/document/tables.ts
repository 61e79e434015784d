// The 附表 as printed in their sheets: title, the lines of the title block (部门, 公开NN表, 金额单位),
// header and body rows with their merged cells, and the notes under the data.
import Decimal from 'decimal.js';
import type { CellValue, Grid, MergeRange } from '../grid';
import { cellAt, cellText, colCount, isCellError } from '../grid';
import type { Model, Table, TableId } from '../model';
import type { DocTable, MergedCell } from './types';

export const TABLE_ORDER: TableId[] = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11', 'T12', 'T13', 'T14'];

const UNIT_LINE = /单位[:：]/;
const CODE = /^[23]\d{2}(?:\d{2}){0,2}$/;

function text(v: CellValue | undefined, codeColumn: boolean): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && (codeColumn || CODE.test(String(v)))) return String(v);
    return new Decimal(v).toFixed(2);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return cellText(v);
}

function rowTexts(grid: Grid, r: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < colCount(grid); c++) {
    const t = text(cellAt(grid, r, c), false);
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

function firstDataRow(table: Table): number | undefined {
  const rows = table.rows.map((r) => r.rowIndex).filter((i): i is number => i !== undefined);
  return rows.length ? Math.min(...rows) : undefined;
}

function lastDataRow(table: Table): number | undefined {
  const rows = table.rows.map((r) => r.rowIndex).filter((i): i is number => i !== undefined);
  return rows.length ? Math.max(...rows) : undefined;
}

/** The row of the title block's last line (unit line, or the title): the header starts below it. */
function headerStart(grid: Grid, title: string, dataStart: number): number {
  let start = 0;
  for (let r = 0; r < dataStart; r++) {
    const line = rowTexts(grid, r).join('');
    if (line.includes(title) || UNIT_LINE.test(line) || /公开\d+表/.test(line)) start = r + 1;
  }
  return start;
}

function mergesIn(grid: Grid, top: number, bottom: number, kept: number[]): MergedCell[] {
  const out: MergedCell[] = [];
  for (const m of grid.merges as MergeRange[]) {
    if (m.top < top || m.bottom > bottom) continue;
    const cols = kept.map((c, i) => (c >= m.left && c <= m.right ? i : -1)).filter((i) => i >= 0);
    if (cols.length === 0) continue;
    const rows = m.bottom - m.top + 1;
    if (rows === 1 && cols.length === 1) continue;
    out.push({ row: m.top - top, col: cols[0], rows, cols: cols.length });
  }
  return out;
}

/** The 附表 `table` as printed in `grid`; undefined when its rows cannot be located. */
export function docTable(table: Table, grid: Grid): DocTable | undefined {
  const dataStart = firstDataRow(table);
  const dataEnd = lastDataRow(table);
  if (dataStart === undefined || dataEnd === undefined) return undefined;
  const top = headerStart(grid, table.title, dataStart);
  const kept: number[] = [];
  for (let c = 0; c < colCount(grid); c++) {
    for (let r = top; r <= dataEnd; r++)
      if (text(cellAt(grid, r, c), false) !== '') {
        kept.push(c);
        break;
      }
  }
  const codeColumns = new Set(
    kept.filter((c) => {
      for (let r = dataStart; r <= dataEnd; r++) {
        const v = cellAt(grid, r, c);
        if (v !== null && v !== undefined && v !== '') return CODE.test(cellText(String(v)));
      }
      return false;
    }),
  );
  const grab = (r: number) => kept.map((c) => text(cellAt(grid, r, c), codeColumns.has(c)));
  const header: string[][] = [];
  for (let r = top; r < dataStart; r++) header.push(grab(r));
  const body: string[][] = [];
  for (let r = dataStart; r <= dataEnd; r++) body.push(grab(r));
  const numericColumns = kept
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => {
      if (codeColumns.has(c)) return false;
      for (let r = dataStart; r <= dataEnd; r++) if (typeof cellAt(grid, r, c) === 'number') return true;
      return false;
    })
    .map(({ i }) => i);

  const caption: string[] = [];
  let unitLine: string | undefined;
  for (let r = 0; r < top; r++) {
    for (const t of rowTexts(grid, r)) {
      if (t === table.title || t.includes(table.title)) continue;
      if (UNIT_LINE.test(t) && !t.startsWith('部门') && !t.startsWith('编制单位')) unitLine = t;
      else caption.push(t);
    }
  }
  const notes: string[] = [];
  for (let r = dataEnd + 1; r < grid.cells.length; r++) notes.push(...rowTexts(grid, r));
  return {
    title: table.title,
    unitLine,
    caption,
    header,
    body,
    notes: notes.length ? notes : table.notes,
    numericColumns,
    sheet: table.sheet,
    merges: mergesIn(grid, top, dataEnd, kept),
  };
}

export function docTables(model: Model, grids: Grid[]): DocTable[] {
  const out: DocTable[] = [];
  for (const id of TABLE_ORDER) {
    const table = model.tables[id];
    const grid = table && grids.find((g) => g.sheet === table.sheet);
    const t = table && grid ? docTable(table, grid) : undefined;
    if (t) out.push(t);
  }
  return out;
}
