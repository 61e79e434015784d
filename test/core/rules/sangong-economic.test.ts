// X24: the “三公” items of the 基本支出 table's economic classification are not above the 三公 table.
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../../examples/sample-data';
import { buildWorkbookBuffer } from '../../../examples/build-workbook';
import { loadWorkbook } from '../../../src/hosts/file';
import { checkWorkbook } from '../../../src/core/engine';

async function check(edit?: (wb: ExcelJS.Workbook) => string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbookBuffer(sampleDataset())) as unknown as ExcelJS.Buffer);
  const address = edit?.(wb);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const { grids } = await loadWorkbook(bytes, 'x.xlsx');
  return { findings: checkWorkbook(grids).findings.filter((f) => f.rule === 'X24'), address };
}

/** Sets the amount beside the code `code` on 表8 (its 金额 is two columns right of the code). */
function setT08(wb: ExcelJS.Workbook, code: string, value: number): string {
  const ws = wb.getWorksheet('表8')!;
  let address = '';
  ws.eachRow((row) =>
    row.eachCell((c, col) => {
      if (String(c.value) === code) {
        address = row.getCell(col + 2).address;
        row.getCell(col + 2).value = value;
      }
    }),
  );
  if (!address) throw new Error(`表8 has no ${code}`);
  return address;
}

describe('X24 三公 items of 基本支出 vs the 三公 table', () => {
  test('the sample passes', async () => {
    expect((await check()).findings).toEqual([]);
  });

  test('30217 公务接待费 of 基本支出 above T10 决算数 公务接待费: a 提示 naming both cells', async () => {
    const { findings, address } = await check((wb) => setT08(wb, '30217', 999));
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain('30217');
    expect(findings[0].message).toContain('999.00万元');
    expect(findings[0].cells[0]).toEqual({ sheet: '表8', address });
    expect(findings[0].cells[1].sheet).toBe('表10');
  });
});
