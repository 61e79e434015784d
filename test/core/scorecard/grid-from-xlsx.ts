// Test-only exceljs → Grid reader (the project's file host is written in parallel): cached
// formula results, rich text joined, merged non-anchor cells null, merges listed 0-based.
import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergeRange } from '../../../src/core/grid';
import { parseAddress } from '../../../src/core/grid';

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return { error: String(v.error) };
  if ('result' in v) return plain((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return null;
}

function mergeRange(a1: string): MergeRange {
  const [from, to = from] = a1.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const cells: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      row.push(cell.isMerged && cell.master.address !== cell.address ? null : plain(cell.value));
    }
    cells.push(row);
  }
  return { sheet: ws.name, cells, merges: (ws.model.merges ?? []).map(mergeRange) };
}

export async function gridsFromXlsx(data: ExcelJS.Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return wb.worksheets.map(gridFromWorksheet);
}
