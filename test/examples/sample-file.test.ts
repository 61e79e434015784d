// examples/sample.xlsx (committed, written by examples/generate-sample.ts) is the sample dataset in
// the default layout — regenerate it with `npm run sample` when sample-data.ts changes.
import { readFileSync } from 'fs';
import { join } from 'path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { buildIndexedWorkbook } from '../../examples/build-workbook';
import { expectedRows } from '../../examples/dataset';
import { sampleDataset } from '../../examples/sample-data';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample.xlsx');

function amount(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '0.00';
  if (typeof v === 'number') return new Decimal(String(v)).toFixed(2);
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

describe('examples/sample.xlsx', () => {
  const data = sampleDataset();
  const { index } = buildIndexedWorkbook(data);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  });

  it('holds every figure of sampleDataset() where the default layout puts it', () => {
    for (const [id, rows] of Object.entries(expectedRows(data)) as Array<[keyof typeof index, Record<string, Record<string, string>>]>) {
      const at = index[id]!;
      const ws = wb.getWorksheet(at.sheet)!;
      for (const [rowKey, cols] of Object.entries(rows))
        for (const [col, value] of Object.entries(cols))
          expect(`${id} ${rowKey} ${col} ${amount(ws.getCell(at.cells[rowKey][col]).value)}`).toBe(`${id} ${rowKey} ${col} ${value}`);
    }
  });

  it('holds the 补充信息 rows', () => {
    const at = index.补充信息!;
    const ws = wb.getWorksheet(at.sheet)!;
    for (const row of data.supplement) {
      const cells = at.cells[row.科目编码 ?? row.项目];
      expect(ws.getCell(cells.项目).value).toBe(row.项目);
      for (const col of ['本年数', '上年数', '预算数'] as const) {
        const v = ws.getCell(cells[col]).value;
        const want = row[col];
        if (want === undefined) expect(v).toBeNull();
        else if (/^\d/.test(want)) expect(new Decimal(String(v)).eq(want)).toBe(true);
        else expect(v).toBe(want);
      }
      expect(ws.getCell(cells.原因说明).value ?? undefined).toBe(row.原因说明);
    }
  });
});
