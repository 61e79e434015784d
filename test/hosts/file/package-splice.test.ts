// The package writer's splices on real files: a shared formula whose first cell juesuan
// overwrites, the user's own notes on a sheet juesuan adds notes to, and a plain save that
// changes nothing.
import * as ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file';
import { applyPlan, undoLast } from '../../../src/hosts/file/apply';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('a save with no change gives back every part as it was', async () => {
  const bytes = await xlsx((wb) => (wb.addWorksheet('表1').getCell('A1').value = '标题'));
  const { workbook } = await loadWorkbook(bytes);
  const out = unzipSync(await saveWorkbook(workbook));
  expect(out).toEqual(unzipSync(bytes));
});

test('overwriting the first cell of a shared formula gives the other cells their own formula', async () => {
  const base = unzipSync(await xlsx((wb) => (wb.addWorksheet('表1').getCell('A1').value = 1)));
  const rows = [2, 3, 4]
    .map(
      (r) =>
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}">${
          r === 2 ? '<f t="shared" ref="B2:B4" si="0">A2*2</f>' : '<f t="shared" si="0"/>'
        }<v>${r * 2}</v></c></row>`,
    )
    .join('');
  const sheet = strFromU8(base['xl/worksheets/sheet1.xml']).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`);
  base['xl/worksheets/sheet1.xml'] = strToU8(sheet);
  const { workbook } = await loadWorkbook(zipSync(base));
  applyPlan(workbook, { marker: { action: 'fill' }, ops: [{ kind: 'value', sheet: '表1', address: 'B2', value: 100 }] });
  const out = await loadWorkbook(await saveWorkbook(workbook));
  const ws = out.workbook.getWorksheet('表1')!;
  expect(ws.getCell('B2').value).toBe(100);
  expect(ws.getCell('B3').value).toEqual({ formula: 'A3*2', result: 6 });
  expect(ws.getCell('B4').value).toEqual({ formula: 'A4*2', result: 8 });
});

test("the user's notes stay when juesuan adds its own, and 撤销 leaves only the user's", async () => {
  const bytes = await xlsx((wb) => {
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = '标题';
    ws.getCell('C3').value = 5;
    ws.getCell('C3').note = '会计备注';
  });
  const first = await loadWorkbook(bytes);
  applyPlan(first.workbook, {
    marker: { action: 'highlight' },
    ops: [
      { kind: 'fill', sheet: '表1', address: 'B2', color: '#FFC7CE' },
      { kind: 'note', sheet: '表1', address: 'B2', text: 'X01 不平' },
    ],
  });
  const saved = await saveWorkbook(first.workbook);
  const files = unzipSync(saved);
  expect(Object.keys(files).filter((n) => /comments\d*\.xml$/.test(n))).toHaveLength(1);
  const second = await loadWorkbook(saved);
  const ws = second.workbook.getWorksheet('表1')!;
  expect(ws.getCell('C3').note).toBe('会计备注');
  expect(JSON.stringify(ws.getCell('B2').note)).toContain('X01 不平');
  undoLast(second.workbook);
  const third = (await loadWorkbook(await saveWorkbook(second.workbook))).workbook.getWorksheet('表1')!;
  expect(third.getCell('C3').note).toBe('会计备注');
  expect(third.getCell('B2').note).toBeUndefined();
  expect(third.getCell('B2').fill).toBeUndefined();
});
