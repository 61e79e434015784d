// The standalone page's FileHost reads with the fast reader and loads exceljs only for the first
// write: what it reads before and after a write agrees with the file.
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { readGrids } from '../../src/hosts/file';
import { FileHost } from '../../src/hosts/file/fileHost';
import { HostError } from '../../src/hosts/host';

const SEED = path.join(__dirname, '..', '..', 'examples', 'seed000.xlsx');

describe('FileHost over the fast reader', () => {
  test('检查 reads the file’s own Grids and settings without loading exceljs; a write switches to the workbook', async () => {
    const bytes = await fs.readFile(SEED);
    const host = await FileHost.open(bytes, 'seed000.xlsx');
    const before = await host.readWorkbook();
    expect(before.grids).toEqual(readGrids(bytes).grids.filter((g) => !g.sheet.startsWith('_juesuan')));
    expect(before.settings).toBeDefined(); // the seed remembers its narrative style
    expect(before.journal.entries).toEqual([]);
    expect((host as unknown as { workbook?: unknown }).workbook).toBeUndefined();

    const sheet = before.grids[0].sheet;
    await host.applyPlan({
      marker: { action: 'highlight' },
      ops: [{ kind: 'note', sheet, address: 'A1', text: '测试' }],
    } as never);
    expect((host as unknown as { workbook?: unknown }).workbook).toBeDefined();
    const after = await host.readWorkbook();
    expect(after.journal.entries.map((e) => e.action)).toEqual(['highlight']);
    expect(host.changes).toBe(1);
  });

  test('formulaAt before any write: plain and shared formulas are found, values are not', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B2' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('C1').value = { formula: 'SUM(A1:A2)', result: 3 };
    const host = await FileHost.open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'f.xlsx');
    expect(host.formulaAt('S', 'C1')).toBe('SUM(A1:A2)');
    expect(host.formulaAt('S', 'B1')).toBe('A1*2');
    expect(host.formulaAt('S', 'B2')).toBeDefined();
    expect(host.formulaAt('S', 'A1')).toBeUndefined();
  });
});

describe('FileHost errors', () => {
  test('a refusal the user can act on is a HostError with its sentence; anything else is the generic sentence', async () => {
    const bytes = await fs.readFile(SEED);
    const host = await FileHost.open(bytes, 'seed000.xlsx');
    const sheet = (await host.readWorkbook()).grids[0].sheet;
    const exists = host.applyPlan({ marker: { action: 'narrate' }, ops: [{ kind: 'createSheet', sheet }] } as never);
    await expect(exists).rejects.toBeInstanceOf(HostError);
    await expect(host.applyPlan({ marker: { action: 'narrate' }, ops: [{ kind: 'createSheet', sheet }] } as never)).rejects.toThrow(
      `无法新建工作表“${sheet}”：同名工作表已存在。`,
    );
    const missing = { marker: { action: 'fill' }, ops: [{ kind: 'value', sheet: '没有这张表', address: 'A1', value: 1 }] };
    await expect(host.applyPlan(missing as never)).rejects.toThrow('找不到工作表“没有这张表”。');
    // An op the file host does not know is a bug of ours: the user gets the generic sentence, not its text.
    const unknown = { marker: { action: 'fill' }, ops: [{ kind: 'nonsense', sheet, address: 'A1' }] };
    await expect(host.applyPlan(unknown as never)).rejects.toThrow('写入工作簿时出错，操作没有完成。请重新打开文件后再试。');
    expect(host.changes).toBe(0);
  });
});
