// Round trips (context.sync) of each action the task pane offers in Excel, run through the pane's
// own Session over the strict fake: the table in taskpane/README.md. The sample with its summary
// cells blank and a workbook with 10× the cells (largeDataset) must cost the same: a count that
// grows with the workbook fails here.
import { largeDataset, sampleDataset } from '../../../examples/sample-data';
import { resolveSettings } from '../../../src/core/narrative';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { Session } from '../../../taskpane/app/controller';
import { blankedWorkbook, isSummaryCell } from '../../core/derive/helpers';
import { fakeFromXlsx, fakeRuntime } from './fakeExcel';
import type { FakeWorkbook } from './fakeExcel';

const noop = () => undefined;

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
  let session!: Session;
  [out.open] = await syncs(wb, async () => {
    session = new Session(await ExcelHost.create(fakeRuntime(wb)));
    await session.loadSettings();
  });
  [out.check] = await syncs(wb, () => session.check(noop));
  [out.narrate] = await syncs(wb, () => session.narrate(resolveSettings(), noop));
  const [preview, shown] = await syncs(wb, () => session.previewFill({ mode: 'values' }, noop));
  out.fillPreview = preview;
  expect(shown.plan.ops.length).toBeGreaterThan(0);
  const [confirm, outcome] = await syncs(wb, () => session.confirmFill(shown, noop));
  out.fillConfirm = confirm;
  expect(outcome.kind).not.toBe('stale');
  [out.undo] = await syncs(wb, () => session.undo(noop));
  [out.clear] = await syncs(wb, () => session.clearHighlights(noop));
  return { counts: out, cells };
}

test('each pane action costs the same round trips on the sample and on 10× its cells (and a few cells blank in both)', async () => {
  const small = await roundTrips(sampleDataset());
  const large = await roundTrips(largeDataset(1000));
  expect(large.cells).toBeGreaterThan(8 * small.cells);
  // open: the sheet list, then journal + settings; 检查: read, then prepare + write of the marks;
  // 确认填写: read again, apply (2), its 检查 (read, apply 2); 撤销 right after it: the journal,
  // then 2 per entry undone (the 检查's marks and the fill).
  const expected = { open: 2, check: 3, narrate: 3, fillPreview: 1, fillConfirm: 6, undo: 5, clear: 2 };
  expect(small.counts).toEqual(expected);
  expect(large.counts).toEqual(expected);
}, 120000);
