// The Excel host over a fake of the Excel JavaScript API (./fakeExcel): reads and writes hit the
// right ranges, the number of context.sync() calls of each operation does not grow with sheets,
// rows or findings, and the journal inside the workbook round-trips — through a save and reopen,
// and across hosts (Excel ↔ the file host's exceljs).
import { promises as fs } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/finding';
import { narrate, narrativeLines } from '../../../src/core/narrative';
import {
  JOURNAL_SHEET,
  NARRATIVE_COLUMN_WIDTH,
  SEVERITY_FILL,
  highlightPlan,
  journalFromChunks,
  narrativeSheetPlan,
  supplementSheetPlan,
  headingLevel,
} from '../../../src/core/plan';
import type { WritePlan } from '../../../src/core/plan';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { charsToPoints } from '../../../src/hosts/excel/values';
import { FINDINGS_SHEET, HostError, SETTINGS_SHEET } from '../../../src/hosts/host';
import { applyPlan as fileApply, clearHighlights as fileClear, undoLast as fileUndo } from '../../../src/hosts/file/apply';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file/load';
import { FakeWorkbook, OfficeError, fakeFromXlsx, fakeRuntime, fakeToXlsx } from './fakeExcel';
import type { FakeSheet } from './fakeExcel';
import { fillSynthetic, syntheticFindings as findingsOn } from '../../helpers/synthetic';
import { longNarrative, writeJournalTo } from '../../helpers/created-sheets';

const SAMPLE = path.resolve(__dirname, '../../../examples/sample.xlsx');

async function sample(): Promise<FakeWorkbook> {
  return fakeFromXlsx(await fs.readFile(SAMPLE));
}

/** Everything a cell of the fake holds, per sheet: what “the original cells” means here. */
function snapshot(wb: FakeWorkbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets) {
    const cells: Record<string, unknown> = {};
    for (const [a, c] of s.cells) {
      const kept = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
      if (Object.keys(kept).length > 0) cells[a] = kept;
    }
    out[s.name] = { visibility: s.visibility, cells, notes: Object.fromEntries(s.notes), widths: Object.fromEntries(s.columnWidths) };
  }
  return out;
}

async function syncsOf<T>(wb: FakeWorkbook, fn: () => Promise<T>): Promise<{ syncs: number; value: T }> {
  const before = wb.syncs;
  const value = await fn();
  return { syncs: wb.syncs - before, value };
}

function journalOf(wb: FakeWorkbook) {
  const s = wb.find(JOURNAL_SHEET);
  if (!s) return undefined;
  const chunks = [...s.cells.entries()]
    .filter(([a]) => /^A\d+$/.test(a))
    .sort((x, y) => Number(x[0].slice(1)) - Number(y[0].slice(1)))
    .map(([, c]) => c.value as string);
  return journalFromChunks(chunks);
}

// ---- synthetic workbooks for the sync counts --------------------------------------------------

function synthetic(sheets: number, rows: number): FakeWorkbook {
  return fillSynthetic(new FakeWorkbook(), sheets, rows);
}

function syntheticFindings(wb: FakeWorkbook, n: number): Finding[] {
  return findingsOn(wb.sheets, n);
}

interface Counts {
  open: number;
  read: number;
  highlight: number;
  rehighlight: number;
  narrative: number;
  select: number;
  clear: number;
  undo: number;
  settings: number;
}

async function measure(sheets: number, rows: number, findings: number, maxVersion = '1.20'): Promise<Counts> {
  const wb = synthetic(sheets, rows);
  const rt = fakeRuntime(wb, maxVersion);
  // opening the pane: the host, then the settings (Session.loadSettings reads no sheet but ours)
  const created = await syncsOf(wb, async () => {
    const h = await ExcelHost.create(rt);
    await h.readWorkbook([]);
    return h;
  });
  const host = created.value;
  const read = await syncsOf(wb, () => host.readWorkbook());
  expect(read.value.grids).toHaveLength(sheets);
  const f = syntheticFindings(wb, findings);
  const highlight = await syncsOf(wb, () => host.applyPlan(highlightPlan(f), { replaceHighlights: true }));
  expect(highlight.value.changed).toBe(true);
  const rehighlight = await syncsOf(wb, () =>
    host.applyPlan(highlightPlan(f.slice(0, Math.ceil(findings / 2))), { replaceHighlights: true }),
  );
  const lines = Array.from({ length: Math.max(10, rows / 4) }, (_, i) =>
    i % 10 === 0 ? `${'一二三四五六七八九十'[(i / 10) % 10]}、标题${i}` : `第${i}段：收入${i}.00万元。`,
  );
  const narrative = await syncsOf(wb, () => host.applyPlan(narrativeSheetPlan(lines, undefined, read.value.journal)));
  const select = await syncsOf(wb, () => host.select(wb.sheets[0].name, ['B2']));
  const undo = await syncsOf(wb, () => host.undoLast());
  expect(undo.value.done).toBe(true);
  const clear = await syncsOf(wb, () => host.clearHighlights());
  expect(clear.value.done).toBe(true);
  const settings = await syncsOf(wb, () => host.saveSettings({ percentDecimals: 2 }));
  return {
    open: created.syncs,
    read: read.syncs,
    highlight: highlight.syncs,
    rehighlight: rehighlight.syncs,
    narrative: narrative.syncs,
    select: select.syncs,
    clear: clear.syncs,
    undo: undo.syncs,
    settings: settings.syncs,
  };
}

const EXPECTED: Counts = { open: 2, read: 1, highlight: 2, rehighlight: 2, narrative: 2, select: 1, clear: 2, undo: 2, settings: 1 };

describe('round trips', () => {
  // 600 findings mark 1,200 cells: the most a plan of the usual workbook writes in one request
  // (./requests: about 2,500 cells); larger plans are split, see 'writing in parts' below.
  test('each operation takes the same number of syncs for 2 sheets × 10 rows × 6 findings and 40 sheets × 1500 rows × 600 findings', async () => {
    const small = await measure(2, 10, 6);
    const large = await measure(40, 1500, 600);
    expect(small).toEqual(EXPECTED);
    expect(large).toEqual(EXPECTED);
  });

  test('the same holds at the minimum requirement set (ExcelApi 1.7: no notes, no merges)', async () => {
    const small = await measure(2, 10, 6, '1.7');
    const large = await measure(25, 800, 400, '1.7'); // without notes each finding also writes a 审核结果 row
    expect(small).toEqual(EXPECTED);
    expect(large).toEqual(EXPECTED);
  });

  test('a sheet added or removed behind the host costs one more sync, once', async () => {
    const wb = synthetic(3, 5);
    const host = await ExcelHost.create(fakeRuntime(wb));
    wb.add('新表').set('A1', '新');
    const added = await syncsOf(wb, () => host.readGrids());
    expect(added.value.map((g) => g.sheet)).toEqual(['数据1', '数据2', '数据3', '新表']);
    expect(added.syncs).toBe(2);
    expect((await syncsOf(wb, () => host.readGrids())).syncs).toBe(1);
    wb.sheets = wb.sheets.filter((s) => s.name !== '数据2');
    const removed = await syncsOf(wb, () => host.readGrids());
    expect(removed.value.map((g) => g.sheet)).toEqual(['数据1', '数据3', '新表']);
    expect(removed.syncs).toBeLessThanOrEqual(3);
  });
});

describe('reading', () => {
  test('a workbook too big for one round trip (Excel on the web: ~5 MB) is read a sheet at a time', async () => {
    const wb = synthetic(4, 100); // 4 × 101 rows × 6 columns, values and types: ~4,800 cells read
    const host = await ExcelHost.create(fakeRuntime(wb));
    await host.readWorkbook([]);
    wb.maxCellsPerSync = 2000;
    const read = await syncsOf(wb, () => host.readGrids());
    expect(read.value.map((g) => g.sheet)).toEqual(['数据1', '数据2', '数据3', '数据4']);
    expect(read.value[3].cells[100][5]).toBe(1015);
    expect(read.syncs).toBe(1 + 4);
    wb.maxCellsPerSync = 500; // even one sheet is too big: a Chinese message, not a crash
    await expect(host.readGrids()).rejects.toThrow('超出了 Excel 的单次传输上限');
  });

  test('the sample workbook reads as the file host reads it: same grids, same findings', async () => {
    const wb = await sample();
    const host = await ExcelHost.create(fakeRuntime(wb));
    const excel = await host.readGrids();
    const { grids: file } = await loadWorkbook(await fs.readFile(SAMPLE));
    expect(excel.map((g) => g.sheet)).toEqual(file.map((g) => g.sheet));
    const strip = (cells: unknown[][]) => cells.map((r) => (r ?? []).map((v) => (v === '' ? null : v)));
    for (let i = 0; i < file.length; i++) {
      expect(strip(excel[i].cells)).toEqual(strip(file[i].cells));
      expect(excel[i].merges).toEqual(file[i].merges);
    }
    expect(checkWorkbook(excel).findings).toEqual(checkWorkbook(file).findings);
  });

  test('only the named sheets, errors as errors, journal and settings kept out of the grids', async () => {
    const wb = synthetic(3, 2);
    wb.get('数据2').cell('B2').error = '#REF!';
    delete wb.get('数据2').cell('B2').value;
    const host = await ExcelHost.create(fakeRuntime(wb));
    await host.saveSettings({ style: 'B' });
    const snap = await host.readWorkbook(['数据2', '不存在']);
    expect(snap.grids.map((g) => g.sheet)).toEqual(['数据2']);
    expect(snap.grids[0].cells[1][1]).toEqual({ error: '#REF!' });
    expect(snap.settings).toEqual({ style: 'B' });
    expect(wb.get(SETTINGS_SHEET).visibility).toBe('VeryHidden');
    expect((await host.readGrids()).map((g) => g.sheet)).toEqual(['数据1', '数据2', '数据3']);
  });
});

describe('writing and the journal', () => {
  async function checked() {
    const wb = await sample();
    const original = snapshot(wb);
    const host = await ExcelHost.create(fakeRuntime(wb));
    const snap = await host.readWorkbook();
    const result = checkWorkbook(snap.grids);
    return { wb, original, host, snap, result };
  }

  test('highlight: fills by severity and the messages in notes, on exactly the finding cells', async () => {
    const { wb, original, host, result } = await checked();
    expect(result.findings.length).toBeGreaterThan(0);
    const applied = await host.applyPlan(highlightPlan(result.findings), { replaceHighlights: true });
    const marked = new Set<string>();
    for (const f of result.findings) {
      for (const c of f.cells) {
        marked.add(`${c.sheet}!${c.address}`);
        expect(wb.get(c.sheet).peek(c.address)?.fill).toBe(SEVERITY_FILL[f.severity]);
        expect(wb.get(c.sheet).notes.get(c.address)).toContain(f.message);
      }
    }
    expect(applied.cellsWritten).toBe(marked.size);
    // nothing else changed: every other cell is as it was
    const now = snapshot(wb) as Record<string, { cells: Record<string, unknown> }>;
    const was = original as Record<string, { cells: Record<string, unknown> }>;
    for (const [sheet, s] of Object.entries(was)) {
      for (const [a, c] of Object.entries(s.cells)) if (!marked.has(`${sheet}!${a}`)) expect(now[sheet].cells[a]).toEqual(c);
    }
    expect(wb.get(JOURNAL_SHEET).visibility).toBe('VeryHidden');
    const journal = journalOf(wb)!;
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0].action).toBe('highlight');
    expect(journal.entries[0].cells.every((c) => c.fill?.color === null && c.note?.text === null)).toBe(true);
    // running 检查 again changes nothing and journals nothing
    const again = await syncsOf(wb, () => host.applyPlan(highlightPlan(result.findings), { replaceHighlights: true }));
    expect(again.value.changed).toBe(false);
    expect(again.syncs).toBe(1);
    expect(journalOf(wb)!.entries).toHaveLength(1);
  });

  test('narrative + highlight, then (after a save and reopen) 清除标记 and 撤销 restore every original cell', async () => {
    const { wb, original, host, snap, result } = await checked();
    await host.applyPlan(highlightPlan(result.findings), { replaceHighlights: true });
    const lines = narrativeLines(narrate(result.model, result.supplement));
    const plan = narrativeSheetPlan(lines, undefined, snap.journal);
    const applied = await host.applyPlan(plan);
    expect(applied.sheetsCreated).toEqual(['部门决算情况说明']);
    const sheet = wb.get('部门决算情况说明');
    expect(sheet.peek('A1')?.value).toBe('部门决算情况说明');
    expect(sheet.peek('A1')?.bold).toBe(true);
    // paragraphs carry their first-line indent (two full-width spaces); headings do not
    lines.forEach((l, i) => expect(sheet.peek(`A${i + 2}`)?.value).toBe(headingLevel(l) ? l : `\u3000\u3000${l}`));
    expect(sheet.peek('A3')?.wrap).toBe(true);
    expect(sheet.columnWidths.get('A')).toBe(charsToPoints(NARRATIVE_COLUMN_WIDTH)); // characters → points
    expect(journalOf(wb)!.entries.map((e) => e.action)).toEqual(['highlight', 'narrative']);

    // save, close, reopen: a new host over the saved file
    const reopened = await fakeFromXlsx(await fakeToXlsx(wb));
    const host2 = await ExcelHost.create(fakeRuntime(reopened));
    const cleared = await host2.clearHighlights();
    expect(cleared.done).toBe(true);
    const undone = await host2.undoLast();
    expect(undone).toMatchObject({ done: true, action: 'narrative', sheetsDeleted: ['部门决算情况说明'] });
    expect(await host2.undoLast()).toMatchObject({ done: false });
    expect(reopened.find(JOURNAL_SHEET)).toBeUndefined();
    expect(snapshot(reopened)).toEqual(await snapshot(await fakeFromXlsx(await fakeToXlsx(await sample()))));
    // and without the save in between, on the first host
    await host.clearHighlights();
    await host.undoLast();
    expect(snapshot(wb)).toEqual(original);
  });

  test('the journal is shared with the file host: Excel writes, exceljs undoes — and the other way round', async () => {
    const { wb, host, snap, result } = await checked();
    await host.applyPlan(highlightPlan(result.findings), { replaceHighlights: true });
    await host.applyPlan(supplementSheetPlan(snap.grids)); // the sample has one: nothing to do
    const lines = narrativeLines(narrate(result.model, result.supplement));
    await host.applyPlan(narrativeSheetPlan(lines, undefined, snap.journal));
    // Excel → file host
    const loaded = await loadWorkbook(await fakeToXlsx(wb));
    expect(fileUndo(loaded.workbook)?.action).toBe('narrative');
    expect(fileClear(loaded.workbook)).toBeGreaterThan(0);
    const back = await fakeFromXlsx(Buffer.from(await saveWorkbook(loaded.workbook)));
    expect(snapshot(back)).toEqual(snapshot(await fakeFromXlsx(await fakeToXlsx(await sample()))));

    // file host → Excel
    const viaFile = await loadWorkbook(await fs.readFile(SAMPLE));
    fileApply(viaFile.workbook, highlightPlan(result.findings));
    const fake = await fakeFromXlsx(Buffer.from(await saveWorkbook(viaFile.workbook)));
    const f = result.findings[0].cells[0];
    expect(fake.get(f.sheet).peek(f.address)?.fill).toBe(SEVERITY_FILL[result.findings[0].severity]);
    const host3 = await ExcelHost.create(fakeRuntime(fake));
    expect(await host3.undoLast()).toMatchObject({ done: true, action: 'highlight' });
    expect(fake.get(f.sheet).peek(f.address)?.fill).toBeUndefined();
    expect(fake.get(f.sheet).notes.has(f.address)).toBe(false);
    expect(fake.find(JOURNAL_SHEET)).toBeUndefined();
  });

  test('检查 again: cells no longer in a finding lose their mark; 撤销 brings the earlier marks back', async () => {
    const wb = synthetic(2, 10);
    const host = await ExcelHost.create(fakeRuntime(wb));
    const all = syntheticFindings(wb, 6);
    await host.applyPlan(highlightPlan(all), { replaceHighlights: true });
    const marks = (w: FakeWorkbook) =>
      w.sheets
        .flatMap((s: FakeSheet) => [...s.cells.entries()].filter(([, c]) => c.fill).map(([a, c]) => `${s.name}!${a}=${c.fill}`))
        .sort();
    const first = marks(wb);
    expect(first).toHaveLength(12);
    await host.applyPlan(highlightPlan(all.slice(0, 2)), { replaceHighlights: true });
    expect(marks(wb)).toHaveLength(4);
    expect(wb.sheets.reduce((n, s) => n + s.notes.size, 0)).toBe(4);
    await host.undoLast();
    expect(marks(wb)).toEqual(first);
    await host.applyPlan(highlightPlan(all.slice(3)), { replaceHighlights: true });
    await host.clearHighlights();
    expect(marks(wb)).toEqual([]);
    expect(wb.sheets.reduce((n, s) => n + s.notes.size, 0)).toBe(0);
    expect(wb.find(JOURNAL_SHEET)).toBeUndefined();
  });

  test('text that Excel would turn into a number, date or formula stays text', async () => {
    const wb = synthetic(1, 2);
    const host = await ExcelHost.create(fakeRuntime(wb));
    const texts = ['2024', '1,234.56', '=SUM(A1)', '-5', '2024-1-1', '12:30', 'TRUE', '普通文字'];
    const plan: WritePlan = {
      marker: { action: 'supplement' },
      ops: [
        { kind: 'createSheet', sheet: '文字' },
        ...texts.map((t, i) => ({ kind: 'value' as const, sheet: '文字', address: `A${i + 1}`, value: t })),
      ],
    };
    await host.applyPlan(plan);
    texts.forEach((t, i) => expect(wb.get('文字').peek(`A${i + 1}`)).toEqual({ value: t }));
    // and the journal (chunks of JSON that may start with digits) is text too
    expect(journalOf(wb)!.entries).toHaveLength(1);
    expect(wb.get(JOURNAL_SHEET).peek('A1')?.numberFormat).toBe('@');
  });
});

describe('the sheets juesuan creates: marker and print layout', () => {
  test('each carries its marker name and its print layout; 撤销 deletes sheet, marker and layout together', async () => {
    const wb = synthetic(2, 5);
    const original = snapshot(wb);
    const host = await ExcelHost.create(fakeRuntime(wb));
    const snap = await host.readWorkbook();
    await host.applyPlan(supplementSheetPlan(snap.grids));
    expect(wb.names).toEqual([{ name: '_juesuan_created_1', formula: '=补充信息!$A$1', comment: expect.stringContaining('juesuan') }]);
    expect(wb.get('补充信息').page).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      margins: { top: 43.2, bottom: 43.2, left: 36, right: 36 },
      printTitleRows: '$2:$2',
      rowBreaks: [],
    });
    const plan = narrativeSheetPlan(longNarrative(), undefined, snap.journal);
    const breaks = plan.ops.find((o) => o.kind === 'rowBreaks');
    expect(breaks?.kind === 'rowBreaks' && breaks.rows.length).toBeGreaterThan(0);
    await host.applyPlan(plan);
    const page = wb.get('部门决算情况说明').page;
    expect(page).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(page.rowBreaks).toEqual(breaks?.kind === 'rowBreaks' ? breaks.rows : []);
    expect(wb.names.map((n) => [n.name, n.formula])).toEqual([
      ['_juesuan_created_1', '=补充信息!$A$1'],
      ['_juesuan_created_2', '=部门决算情况说明!$A$1'],
    ]);

    expect(await host.undoLast()).toMatchObject({ done: true, sheetsDeleted: ['部门决算情况说明'] });
    expect(wb.names.map((n) => n.name)).toEqual(['_juesuan_created_1']); // no name left over as #REF!
    expect(await host.undoLast()).toMatchObject({ done: true, sheetsDeleted: ['补充信息'] });
    expect(wb.names).toEqual([]);
    expect(snapshot(wb)).toEqual(original);
  });

  test('a tampered journal naming the user’s own 补充信息 and a 附表 as created is refused; nothing is deleted', async () => {
    const wb = synthetic(2, 5);
    wb.add('补充信息').set('A1', '单位自己整理的补充信息');
    const host = await ExcelHost.create(fakeRuntime(wb));
    await host.applyPlan(highlightPlan(syntheticFindings(wb, 3)));
    const journal = journalOf(wb)!;
    writeJournalTo(wb, { entries: [{ ...journal.entries[0], createdSheets: ['补充信息', '数据1'] }] });
    const before = snapshot(wb);
    const undo = await host.undoLast().catch((e) => e);
    expect(undo).toBeInstanceOf(HostError);
    expect(undo.message).toMatch(/修改记录.*无法安全地撤销.*“补充信息”是 juesuan 新建的，但该表没有 juesuan 的新建标记/);
    expect(undo.message).toContain('本次没有做任何修改');
    await expect(host.clearHighlights()).rejects.toThrow(/无法安全地清除标记.*“补充信息”/);
    expect(snapshot(wb)).toEqual(before);
    expect(wb.find('补充信息')?.peek('A1')?.value).toBe('单位自己整理的补充信息');
  });

  test('a sheet an older juesuan created (no marker) is not deleted: 撤销 says what to do, and goes on once it is gone', async () => {
    const wb = synthetic(2, 5);
    const host = await ExcelHost.create(fakeRuntime(wb));
    const snap = await host.readWorkbook();
    await host.applyPlan(narrativeSheetPlan(['一、概况', '正文。'], undefined, snap.journal));
    wb.names = []; // as an older juesuan left it
    await expect(host.undoLast()).rejects.toThrow(
      /“部门决算情况说明”.*没有 juesuan 的新建标记（旧版 juesuan 新建的表也没有这个标记）.*请手动删除它后再点一次/,
    );
    expect(wb.find('部门决算情况说明')).toBeDefined();
    wb.sheets = wb.sheets.filter((s) => s.name !== '部门决算情况说明'); // the user deletes it by hand
    expect(await host.undoLast()).toMatchObject({ done: true, sheetsDeleted: [] });
    expect(wb.find(JOURNAL_SHEET)).toBeUndefined();
  });

  test('without notes (ExcelApi 1.7) the 审核结果 sheet a 检查 creates gets the next marker; 清除标记 deletes sheet and marker', async () => {
    const wb = synthetic(2, 5);
    const host = await ExcelHost.create(fakeRuntime(wb, '1.7'));
    await host.applyPlan(supplementSheetPlan((await host.readWorkbook()).grids));
    await host.applyPlan(highlightPlan(syntheticFindings(wb, 2)), { replaceHighlights: true });
    expect(wb.names.map((n) => [n.name, n.formula])).toEqual([
      ['_juesuan_created_1', '=补充信息!$A$1'],
      ['_juesuan_created_2', `=${FINDINGS_SHEET}!$A$1`],
    ]);
    await host.clearHighlights();
    expect(wb.find(FINDINGS_SHEET)).toBeUndefined();
    expect(wb.names.map((n) => n.name)).toEqual(['_juesuan_created_1']);
  });

  test('print layout goes only on sheets the action creates: a user’s own 说明 sheet keeps its layout; Excel before 1.9 sets none', async () => {
    const wb = synthetic(1, 3);
    wb.add('部门决算情况说明').set('A1', '部门决算情况说明').set('A2', '旧的一段。');
    const host = await ExcelHost.create(fakeRuntime(wb));
    const snap = await host.readWorkbook();
    const existing = snap.grids.find((g) => g.sheet === '部门决算情况说明');
    const r = await host.applyPlan(narrativeSheetPlan(longNarrative(), existing, snap.journal));
    expect(r.changed).toBe(true);
    expect(wb.get('部门决算情况说明').page).toEqual({ margins: {}, rowBreaks: [] });

    const old = synthetic(1, 3);
    const host18 = await ExcelHost.create(fakeRuntime(old, '1.8'));
    await host18.applyPlan(supplementSheetPlan((await host18.readWorkbook()).grids));
    expect(old.get('补充信息').page).toEqual({ margins: {}, rowBreaks: [] });
    expect(old.names.map((n) => n.name)).toEqual(['_juesuan_created_1']);
    expect(await host18.undoLast()).toMatchObject({ sheetsDeleted: ['补充信息'] });
    expect(old.names).toEqual([]);
  });
});

describe('older Excel (ExcelApi 1.7): no notes', () => {
  test('messages go to a 审核结果 sheet, rewritten by the next 检查, removed by 清除标记', async () => {
    const wb = synthetic(2, 10);
    const host = await ExcelHost.create(fakeRuntime(wb, '1.7'));
    expect(host.capabilities().notes).toBe(false);
    const all = syntheticFindings(wb, 6);
    const first = await host.applyPlan(highlightPlan(all), { replaceHighlights: true });
    expect(first.notesAsSheet).toBe(12);
    const sheet = wb.get(FINDINGS_SHEET);
    expect(sheet.peek('A1')?.value).toBe('工作表');
    expect(sheet.peek('C1')?.bold).toBe(true);
    expect(sheet.peek('A2')?.value).toBe('数据1');
    expect(String(sheet.peek('C2')?.value)).toContain('T0');
    expect(sheet.peek('B13')?.value).toBeDefined();
    const before = snapshot(wb);
    // a narrower check rewrites the sheet in place and clears the rows it no longer needs
    const second = await host.applyPlan(highlightPlan(all.slice(0, 1)), { replaceHighlights: true });
    expect(second.notesAsSheet).toBe(2);
    expect(sheet.peek('A3')?.value).toBe('数据1');
    expect(sheet.peek('A4')?.value).toBeUndefined();
    await host.undoLast();
    expect(snapshot(wb)).toEqual(before);
    await host.clearHighlights();
    expect(wb.find(FINDINGS_SHEET)).toBeUndefined();
    expect(wb.find(JOURNAL_SHEET)).toBeUndefined();
    expect(snapshot(wb)).toEqual(snapshot(synthetic(2, 10)));
  });

  test('run options: merged undo group and waiting for cell edit only where supported', async () => {
    const a = synthetic(1, 2);
    await ExcelHost.create(fakeRuntime(a, '1.20'));
    expect(a.runOptions.every((o) => JSON.stringify(o) === JSON.stringify({ delayForCellEdit: true, mergeUndoGroup: true }))).toBe(true);
    const b = synthetic(1, 2);
    const old = await ExcelHost.create(fakeRuntime(b, '1.7'));
    expect(b.runOptions.every((o) => o === undefined)).toBe(true);
    expect(old.capabilities()).toMatchObject({ notes: false, mergedUndo: false, selectCells: true });
  });
});

describe('selection and errors', () => {
  test('select activates the sheet and selects the cells', async () => {
    const wb = synthetic(3, 5);
    const host = await ExcelHost.create(fakeRuntime(wb));
    await host.select('数据3', ['C4']);
    expect(wb.active).toBe('数据3');
    expect(wb.selection).toEqual({ sheet: '数据3', address: 'C4' });
    await host.select('数据2', ['B2', 'C3']);
    expect(wb.selection).toEqual({ sheet: '数据2', address: 'B2,C3' });
    await expect(host.select('没有这张表', ['A1'])).rejects.toThrow('找不到工作表“没有这张表”');
  });

  test('an Office error becomes a Chinese sentence with what to do', async () => {
    const wb = synthetic(1, 2);
    const rt = fakeRuntime(wb);
    const host = await ExcelHost.create(rt);
    const failing = { ...rt, run: async () => Promise.reject(new OfficeError('AccessDenied')) };
    const blocked = new ExcelHost(failing);
    const err = await blocked.applyPlan(highlightPlan(syntheticFindings(wb, 1))).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toContain('受保护');
    const edit = new ExcelHost({ ...rt, run: async () => Promise.reject(new OfficeError('InvalidOperationInCellEditMode')) });
    await expect(edit.readGrids()).rejects.toThrow('请按 Enter 或 Esc 结束编辑');
    const odd = new ExcelHost({ ...rt, run: async () => Promise.reject(new Error('boom')) });
    const e2 = await odd.readGrids().catch((e) => e);
    expect(e2).toBeInstanceOf(HostError);
    expect(e2.message).not.toContain('boom');
    // a plan for a sheet that is not there stops before writing anything
    const before = snapshot(wb);
    await expect(
      host.applyPlan({ marker: { action: 'narrative' }, ops: [{ kind: 'value', sheet: '不存在', address: 'A1', value: 'x' }] }),
    ).rejects.toThrow('找不到工作表“不存在”');
    expect(snapshot(wb)).toEqual(before);
  });
});
