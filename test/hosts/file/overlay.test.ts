// The file host after a write reads as the fast reader reads the file, with only the cells
// juesuan's writes changed taken from exceljs: <v>12abc</v> stays text (exceljs would say 12), a
// formula never calculated stays 未计算, a cell juesuan wrote and a sheet it created read as written.
import { isUncalculated } from '../../../src/core/grid';
import type { Grid } from '../../../src/core/grid';
import { FileHost } from '../../../src/hosts/file/fileHost';
import { sampleWithSheet, sheetXml } from './crafted';

const cell = (grids: Grid[], sheet: string, row: number, col: number) => grids.find((g) => g.sheet === sheet)?.cells[row]?.[col];

test('after writes: the file’s cells as the fast reader reads them, juesuan’s writes as written, undo back to the file', async () => {
  const xml = sheetXml(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>杂项</t></is></c><c r="B1"><v>12abc</v></c><c r="C1"><f>1+1</f></c><c r="D1"><v>5</v></c></row>',
  );
  const host = await FileHost.open(await sampleWithSheet('杂项', xml), 'overlay.xlsx');
  const before = (await host.readWorkbook()).grids;
  expect(cell(before, '杂项', 0, 1)).toBe('12abc');
  expect(isUncalculated(cell(before, '杂项', 0, 2))).toBe(true);

  await host.applyPlan({
    marker: { action: 'fill' },
    ops: [
      { kind: 'value', sheet: '杂项', address: 'D1', value: 7 },
      { kind: 'value', sheet: '杂项', address: 'A3', value: '新写' },
    ],
  });
  await host.applyPlan({
    marker: { action: 'supplement' },
    ops: [
      { kind: 'createSheet', sheet: '新表' },
      { kind: 'value', sheet: '新表', address: 'A1', value: 'x' },
    ],
  });
  const after = (await host.readWorkbook()).grids;
  expect(cell(after, '杂项', 0, 1)).toBe('12abc');
  expect(isUncalculated(cell(after, '杂项', 0, 2))).toBe(true);
  expect(cell(after, '杂项', 0, 3)).toBe(7);
  expect(cell(after, '杂项', 2, 0)).toBe('新写');
  expect(cell(after, '新表', 0, 0)).toBe('x');

  await host.undoLast();
  await host.undoLast();
  const undone = (await host.readWorkbook()).grids;
  expect(undone.find((g) => g.sheet === '杂项')).toEqual(before.find((g) => g.sheet === '杂项'));
  expect(undone.map((g) => g.sheet)).toEqual(before.map((g) => g.sheet));
});
