// Round trips (context.sync) of each action the task pane offers in Excel, run through the pane's
// own action runner (src/app/runner) over the strict fake: the table in taskpane/README.md. The sample with its summary
// cells blank and a workbook with 10× the cells (largeDataset) must cost the same: a count that
// grows with the workbook fails here.
import { largeDataset, sampleDataset } from '../../../examples/sample-data';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { Runner } from '../../../src/app/runner';
import { blankedWorkbook, isSummaryCell } from '../../core/derive/helpers';
import { fakeFromXlsx, fakeRuntime } from './fakeExcel';
import type { FakeWorkbook } from './fakeExcel';

async function syncs<T>(wb: FakeWorkbook, fn: () => Promise<T>): Promise<[number, T]> {
  const before = wb.syncs;
  const value = await fn();
  return [wb.syncs - before, value];
}

async function roundTrips(data: ReturnType<typeof sampleDataset>): Promise<{ counts: Record<string, number>; cells: number }> {
  // the same few cells blank in both (表1's totals): the same findings and the same fill
  const wb = await fakeFromXlsx((await blankedWorkbook(data, {}, (id, row, col) => id === 'T01' && isSummaryCell(id, row, col))).bytes);
  const cells = wb.sheets.reduce((n, s) => n + s.cells.size, 0);
  const out: Record<string, number> = {};
  let runner!: Runner;
  [out.open] = await syncs(wb, async () => {
    runner = new Runner(await ExcelHost.create(fakeRuntime(wb)), { throwErrors: true });
    await runner.start();
  });
  [out.check] = await syncs(wb, () => runner.check());
  [out.narrate] = await syncs(wb, () => runner.narrate());
  const [preview, shown] = await syncs(wb, () => runner.previewFill('values', null));
  out.fillPreview = preview;
  expect(shown.fill?.plan.ops.length).toBeGreaterThan(0);
  [out.fillConfirm] = await syncs(wb, () => runner.confirmFill());
  [out.undo] = await syncs(wb, () => runner.undo());
  [out.clear] = await syncs(wb, () => runner.clear());
  return { counts: out, cells };
}

test('each pane action costs the same round trips on the sample and on 10× its cells (and a few cells blank in both)', async () => {
  const small = await roundTrips(sampleDataset());
  const large = await roundTrips(largeDataset(1000));
  expect(large.cells).toBeGreaterThan(8 * small.cells);
  // open: the sheet list, then journal + settings; 检查: read, then prepare + write of the marks;
  // 确认填写: read again, apply (2), its 检查 (read, apply 2); 撤销 right after it: the journal,
  // then 2 per entry undone (the 检查's marks and the fill).
  // (the runner reads the workbook again after an action that wrote, so the pane shows what it holds)
  const expected = { open: 2, check: 3, narrate: 4, fillPreview: 1, fillConfirm: 6, undo: 6, clear: 3 };
  expect(small.counts).toEqual(expected);
  expect(large.counts).toEqual(expected);
}, 120000);
