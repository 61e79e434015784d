// The Excel host against each rule of the real API that the fake enforces (see the list at the
// top of ./fakeExcel.ts): every test here failed against the host before it respected the rule.
import { JOURNAL_SHEET, highlightPlan, journalFromChunks } from '../../../src/core/plan';
import type { Finding } from '../../../src/core/finding';
import type { WritePlan } from '../../../src/core/plan';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { toHostError } from '../../../src/hosts/excel/errors';
import { FINDINGS_SHEET, HostError } from '../../../src/hosts/host';
import { FakeWorkbook, OfficeError, fakeRuntime } from './fakeExcel';

function book(rows = 10): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const name of ['表1', '表2']) {
    const s = wb.add(name);
    s.set('A1', `${name}标题`);
    for (let r = 2; r <= rows + 1; r++) for (const c of 'ABCD') s.set(`${c}${r}`, r);
  }
  return wb;
}

function findings(sheet: string, n: number, rows = 10): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: 'T01-1',
    severity: 'error' as const,
    message: `第${i}条：${sheet}合计与明细之和相差0.01万元，请核对。`,
    cells: [{ sheet, address: `${'ABCD'[i % 4]}${2 + (Math.floor(i / 4) % rows)}` }],
  }));
}

function journalOf(wb: FakeWorkbook) {
  const s = wb.find(JOURNAL_SHEET);
  if (!s) return undefined;
  const rows = [...s.cells.entries()].filter(([a]) => /^A\d+$/.test(a)).sort((x, y) => Number(x[0].slice(1)) - Number(y[0].slice(1)));
  return journalFromChunks(rows.map(([, c]) => c.value as string));
}

test('清除标记 and 撤销 delete the very hidden journal sheet (made hidden first, in the same batch)', async () => {
  const wb = book();
  const host = await ExcelHost.create(fakeRuntime(wb));
  await host.applyPlan(highlightPlan(findings('表1', 3)));
  expect(wb.get(JOURNAL_SHEET).visibility).toBe('VeryHidden');
  expect((await host.clearHighlights()).done).toBe(true);
  expect(wb.find(JOURNAL_SHEET)).toBeUndefined();
});

test('a protected sheet stops the action before anything is written, naming the sheet', async () => {
  const wb = book();
  wb.get('表2').protected = true;
  const host = await ExcelHost.create(fakeRuntime(wb));
  const err = await host.applyPlan(highlightPlan([...findings('表1', 2), ...findings('表2', 2)])).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.code).toBe('protected');
  expect(err.message).toContain('工作表“表2”受保护');
  expect(wb.get('表1').peek('A2')?.fill).toBeUndefined();
  expect(wb.find(JOURNAL_SHEET)).toBeUndefined();
});

test('a batch that fails half way has journaled its writes first: 撤销 takes back every cell written', async () => {
  const wb = book();
  wb.editing = { sheet: '表1', address: 'B4' }; // the user is typing in B4 (ExcelApi 1.10: no waiting)
  const host = await ExcelHost.create(fakeRuntime(wb, '1.10'));
  const plan: WritePlan = {
    marker: { action: 'narrative' },
    ops: [
      { kind: 'value', sheet: '表1', address: 'B2', value: '改1' },
      { kind: 'value', sheet: '表1', address: 'B3', value: '改2' },
      { kind: 'value', sheet: '表1', address: 'B4', value: '改3' },
    ],
  };
  await expect(host.applyPlan(plan)).rejects.toThrow('请按 Enter 或 Esc 结束编辑');
  wb.editing = undefined;
  expect(wb.get('表1').peek('B2')?.value).toBe('改1'); // applied before the failing command
  expect(journalOf(wb)?.entries).toHaveLength(1);
  await host.undoLast();
  expect(wb.get('表1').peek('B2')?.value).toBe(2);
  expect(wb.get('表1').peek('B3')?.value).toBe(3);
});

test('every op kind is written: row heights and top alignment too, and 撤销 puts them back', async () => {
  const wb = book();
  const host = await ExcelHost.create(fakeRuntime(wb));
  await host.applyPlan({
    marker: { action: 'narrative' },
    ops: [
      { kind: 'rowHeight', sheet: '表1', row: 3, height: 42 },
      { kind: 'format', sheet: '表1', range: 'A3', vertical: 'top', wrap: true },
    ],
  });
  expect(wb.get('表1').rowHeights.get(2)).toBe(42);
  expect(wb.get('表1').peek('A3')?.vertical).toBe('Top');
  await host.undoLast();
  expect(wb.get('表1').rowHeights.has(2)).toBe(false);
  expect(wb.get('表1').peek('A3')?.vertical).toBeUndefined();
});

test('a plan over Excel on the web’s 5 MB is written in parts, one journal entry, undone whole', async () => {
  const wb = book(1500);
  const host = await ExcelHost.create(fakeRuntime(wb));
  await host.readWorkbook([]);
  const before = wb.syncs;
  const r = await host.applyPlan(highlightPlan(findings('表1', 6000, 1500)));
  expect(r.cellsWritten).toBe(6000);
  expect(wb.syncs - before).toBeGreaterThan(2);
  expect(Math.max(...wb.requestBytes)).toBeLessThanOrEqual(5_000_000);
  expect(journalOf(wb)?.entries).toHaveLength(1);
  await host.undoLast();
  expect(wb.get('表1').peek('A2')?.fill).toBeUndefined();
  expect(wb.get('表1').notes.size).toBe(0);
});

test('a sheet with more than 512 merged areas does not fail the read: its merges are read apart', async () => {
  const wb = book();
  const big = wb.add('明细');
  for (let r = 0; r < 600; r++) {
    big.set(`A${r + 1}`, `行${r}`);
    big.merges.push({ top: r, left: 0, bottom: r, right: 1 });
  }
  wb.get('表1').merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
  const host = await ExcelHost.create(fakeRuntime(wb));
  const grids = await host.readGrids();
  expect(grids.find((g) => g.sheet === '明细')?.merges).toHaveLength(600);
  expect(grids.find((g) => g.sheet === '表1')?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
});

test('selecting on a hidden sheet: a Chinese sentence saying so; two cells at once only with ExcelApi 1.18', async () => {
  const wb = book();
  wb.get('表2').visibility = 'Hidden';
  const host = await ExcelHost.create(fakeRuntime(wb));
  const err = await host.select('表2', ['B2']).catch((e) => e);
  expect(err.code).toBe('hiddenSheet');
  expect(err.message).toContain('工作表“表2”是隐藏的');
  const old = await ExcelHost.create(fakeRuntime(wb, '1.17'));
  await old.select('表1', ['B2', 'C3']);
  expect(wb.selection).toEqual({ sheet: '表1', address: 'B2' });
  await host.select('表1', ['B2', 'C3']);
  expect(wb.selection).toEqual({ sheet: '表1', address: 'B2,C3' });
});

test('a cell with a threaded comment gets its message in the 审核结果 sheet; the others get notes', async () => {
  const wb = book();
  wb.get('表1').threaded.set('B2', '同事的讨论');
  const host = await ExcelHost.create(fakeRuntime(wb));
  const fs = [findings('表1', 2)[1], { ...findings('表1', 1)[0], cells: [{ sheet: '表1', address: 'B2' }] }];
  const r = await host.applyPlan(highlightPlan(fs));
  expect(r.notesAsSheet).toBe(1);
  expect(wb.get('表1').notes.has('B2')).toBe(false);
  expect(wb.get(FINDINGS_SHEET).peek('B2')?.value).toBe('B2');
  expect(wb.get('表1').peek('B2')?.fill).toBeDefined();
  await host.clearHighlights();
  expect(wb.find(FINDINGS_SHEET)).toBeUndefined();
});

test('text typed with an apostrophe ("=…" as text) is journaled as text: 撤销 does not make it a formula', async () => {
  const wb = book();
  wb.get('表1').set('B2', '=SUM(总计)'); // text: formulas reads it back as "=SUM(总计)"
  const host = await ExcelHost.create(fakeRuntime(wb));
  await host.applyPlan({ marker: { action: 'fill' }, ops: [{ kind: 'value', sheet: '表1', address: 'B2', value: 12.5 }] });
  await host.undoLast();
  expect(wb.get('表1').peek('B2')).toMatchObject({ value: '=SUM(总计)' });
  expect(wb.get('表1').peek('B2')?.formula).toBeUndefined();
});

test('Excel error codes: ApiNotFound, RangeExceedsLimit, OperationCellsExceedLimit get their own sentences', () => {
  expect(toHostError(new OfficeError('ApiNotFound')).code).toBe('unsupported');
  expect(toHostError(new OfficeError('RangeExceedsLimit')).message).toContain('单元格数');
  expect(toHostError(new OfficeError('OperationCellsExceedLimit')).code).toBe('tooLarge');
});

test('defined names: Excel’s syntax rules, one name per spelling, an existing sheet; a deleted sheet leaves its name as #REF!', async () => {
  const wb = book();
  const rt = fakeRuntime(wb);
  const run = (fn: (ctx: Excel.RequestContext) => void) =>
    rt.run(async (ctx) => {
      fn(ctx);
      await ctx.sync();
    });
  for (const bad of ['A1', 'r1c1', 'C', '1年', 'has space', 'x'.repeat(256)]) {
    await expect(run((ctx) => ctx.workbook.names.add(bad, "='表1'!$A$1"))).rejects.toMatchObject({ code: 'InvalidArgument' });
  }
  await expect(run((ctx) => ctx.workbook.names.add('_x', "='没有'!$A$1"))).rejects.toMatchObject({ code: 'InvalidArgument' });
  await run((ctx) => ctx.workbook.names.add('_x', ctx.workbook.worksheets.getItem('表2').getRange('A1')));
  expect(wb.names).toEqual([{ name: '_x', formula: '=表2!$A$1' }]);
  await expect(run((ctx) => ctx.workbook.names.add('_X', "='表1'!$A$1"))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  await run((ctx) => ctx.workbook.worksheets.getItem('表2').delete());
  expect(wb.names).toEqual([{ name: '_x', formula: '=#REF!$A$1' }]);
  await run((ctx) => ctx.workbook.names.getItem('_x').delete());
  await expect(run((ctx) => ctx.workbook.names.getItem('_x').delete())).rejects.toMatchObject({ code: 'ItemNotFound' });
  await expect(fakeRuntime(wb, '1.3').run(async (ctx) => ctx.workbook.names.add('_y', "='表1'!$A$1"))).rejects.toMatchObject({
    code: 'ApiNotFound',
  });
});

test('page layout: ExcelApi 1.9; a scale and fit to pages exclude each other; print titles are whole rows; no break above row 1', async () => {
  const wb = book();
  const rt = fakeRuntime(wb);
  const run = (fn: (ws: Excel.Worksheet) => void) =>
    rt.run(async (ctx) => {
      fn(ctx.workbook.worksheets.getItem('表1'));
      await ctx.sync();
    });
  await expect(fakeRuntime(wb, '1.8').run(async (ctx) => ctx.workbook.worksheets.getItem('表1').pageLayout)).rejects.toMatchObject({
    code: 'ApiNotFound',
  });
  await expect(run((ws) => (ws.pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 }))).rejects.toMatchObject({
    code: 'InvalidArgument',
  });
  await expect(run((ws) => (ws.pageLayout.zoom = { scale: 5 }))).rejects.toMatchObject({ code: 'InvalidArgument' });
  await expect(run((ws) => ws.pageLayout.setPrintTitleRows('A2:D2'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  await expect(run((ws) => ws.horizontalPageBreaks.add('A1'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  await run((ws) => {
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintTitleRows('$2:$2');
    ws.horizontalPageBreaks.add('A9');
  });
  expect(wb.get('表1').page).toMatchObject({
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printTitleRows: '$2:$2',
    rowBreaks: [9],
  });
});
