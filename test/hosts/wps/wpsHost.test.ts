// The WPS host over a fake of the WPS 表格 JSAPI (./fakeWps, counting every call into WPS):
// the sample reads as the file host reads it, 检查 and 生成说明 give the same findings and write
// the same cells as the file host, 清除标记 and 撤销 give the workbook back (also after a save and
// reopen, and across hosts), and the number of calls follows the sheets, merged areas and
// colour groups — never the cells (the sample against a workbook with 10× its cells).
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildWorkbookBuffer } from '../../../examples/build-workbook';
import { largeDataset } from '../../../examples/sample-data';
import { checkWorkbook } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/finding';
import { narrate, narrativeLines, resolveSettings } from '../../../src/core/narrative';
import {
  JOURNAL_SHEET,
  SEVERITY_FILL,
  highlightPlan,
  journalFromChunks,
  narrativeSheetPlan,
  supplementSheetPlan,
} from '../../../src/core/plan';
import type { WritePlan } from '../../../src/core/plan';
import { loadWorkbook } from '../../../src/hosts/file/load';
import { FINDINGS_SHEET, HostError, SETTINGS_SHEET } from '../../../src/hosts/host';
import { WpsHost } from '../../../src/hosts/wps';
import { hexToBgr } from '../../../src/hosts/wps/values';
import { Runner } from '../../../src/app/runner';
import type { PaneState } from '../../../src/app/runner';
import { FileHost } from '../../../src/hosts/file/fileHost';
import { FakeApplication, FakeBook, defaultPage, scaling } from './fakeWps';
import { fakeFromXlsx, fakeToXlsx } from './xlsx';
import { fillSynthetic, syntheticFindings as findingsOn } from '../../helpers/synthetic';
import { longNarrative, writeJournalTo } from '../../helpers/created-sheets';

const SAMPLE = path.resolve(__dirname, '../../../examples/sample.xlsx');
/** A snapshot without the settings sheet (WPS formats its A1 as text, exceljs leaves it General). */
function withoutSettings(snap: Record<string, unknown>): Record<string, unknown> {
  const { [SETTINGS_SHEET]: _settings, ...rest } = snap;
  return rest;
}
/** The status line an action leaves. */
const said = async (p: Promise<PaneState>) => (await p).status?.text;

let sampleBytes: Buffer;
let largeBytes: Buffer;

beforeAll(async () => {
  sampleBytes = await fs.readFile(SAMPLE);
  largeBytes = await buildWorkbookBuffer(largeDataset(1000));
}, 60000);

const sample = () => fakeFromXlsx(sampleBytes);
const large = () => fakeFromXlsx(largeBytes);
const hostOf = (book: FakeBook, options = {}) => new WpsHost(new FakeApplication(book).api(), options);

/** What a user sees of the workbook: every sheet but the journal, cell by cell. */
function snapshot(book: FakeBook, withJournal = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of book.sheets) {
    if (s.name === JOURNAL_SHEET && !withJournal) continue;
    const cells: Record<string, unknown> = {};
    for (const [a, c] of s.cells) {
      const kept = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
      if (Object.keys(kept).length > 0) cells[a] = kept;
    }
    out[s.name] = {
      visible: s.visible,
      cells,
      comments: Object.fromEntries(s.comments),
      merges: s.merges,
      widths: Object.fromEntries(s.widths),
      heights: Object.fromEntries(s.heights),
    };
  }
  return out;
}

function journalOf(book: FakeBook) {
  const s = book.find(JOURNAL_SHEET);
  if (!s) return undefined;
  const rows = [...s.cells.entries()].filter(([a]) => /^A\d+$/.test(a)).sort((x, y) => Number(x[0].slice(1)) - Number(y[0].slice(1)));
  return journalFromChunks(rows.map(([, c]) => c.value as string));
}

/** Calls one operation makes, in all and by member. */
async function callsOf<T>(book: FakeBook, fn: () => Promise<T>): Promise<{ calls: number; by: Record<string, number>; value: T }> {
  const before = book.calls;
  const by = new Map(book.byMember);
  const value = await fn();
  return { calls: book.calls - before, by: FakeBook.diff(book.byMember, by), value };
}

function cellCount(book: FakeBook): number {
  return book.sheets.reduce((n, s) => n + [...s.cells.values()].filter((c) => c.value !== undefined || c.formula || c.error).length, 0);
}

// ---- reading ----------------------------------------------------------------------------------

describe('reading', () => {
  test('the sample reads as the file host reads it: same values, same merged areas, same findings; one Value2 per sheet', async () => {
    const book = await sample();
    const host = hostOf(book);
    const read = await callsOf(book, () => host.readGrids());
    const { grids: file } = await loadWorkbook(sampleBytes);
    expect(read.value.map((g) => g.sheet)).toEqual(file.map((g) => g.sheet));
    for (let i = 0; i < file.length; i++) {
      expect(read.value[i].cells).toEqual(file[i].cells);
      expect(read.value[i].merges).toEqual(file[i].merges);
    }
    expect(checkWorkbook(read.value).findings).toEqual(checkWorkbook(file).findings);
    expect(read.by['Range.Value2']).toBe(file.length); // never cell by cell
    expect(read.by['Worksheet.Range()']).toBeUndefined(); // no cell is addressed on its own
    expect(host.merges).toBe('find');
    expect(book.byMember.get('CellFormat.Clear()')).toBe(2); // search format set, then cleared for the user
  });

  test('a WPS that does not search by format: halving the used range finds the same merged areas', async () => {
    const book = await sample();
    book.findFormatHonoured = false;
    const host = hostOf(book);
    const grids = await host.readGrids();
    const { grids: file } = await loadWorkbook(sampleBytes);
    grids.forEach((g, i) => expect(g.merges).toEqual(file[i].merges));
    expect(host.merges).toBe('halve');
    expect(checkWorkbook(grids).findings).toEqual(checkWorkbook(file).findings);
  });

  test('errors as errors, hidden sheets kept, journal and settings kept out of the grids; only the named sheets', async () => {
    const book = new FakeBook();
    book.add('表A').set('A1', '标题').set('B2', 12.5);
    book.get('表A').cell('C2').error = '#REF!';
    book.add('隐藏').set('A1', '藏');
    book.get('隐藏').visible = 0;
    const host = hostOf(book);
    await host.saveSettings({ style: 'B' });
    expect(book.get(SETTINGS_SHEET).visible).toBe(2);
    expect(book.active).toBe('表A'); // adding the settings sheet did not move the user
    const snap = await host.readWorkbook();
    expect(snap.grids.map((g) => g.sheet)).toEqual(['表A', '隐藏']);
    expect(snap.grids[0].cells).toEqual([['标题'], [null, 12.5, { error: '#REF!' }]]);
    expect(snap.settings).toEqual({ style: 'B' });
    expect((await host.readWorkbook(['隐藏', '没有'])).grids.map((g) => g.sheet)).toEqual(['隐藏']);
  });

  test('no workbook open: a Chinese sentence saying what to do', async () => {
    const host = new WpsHost(new FakeApplication(null).api());
    await expect(host.readGrids()).rejects.toThrow('没有打开的工作簿');
    await expect(host.readGrids()).rejects.toBeInstanceOf(HostError);
  });
});

// ---- against the file host ---------------------------------------------------------------------

describe('检查 and 生成说明, against the file host', () => {
  test('the whole check and fill on the sample: same findings and written cells as the file host; 清除标记 and 撤销 restore it', async () => {
    const book = await sample();
    const original = snapshot(book);
    const wps = new Runner(hostOf(book));
    const fileHost = await FileHost.open(sampleBytes, 'sample.xlsx');
    const file = new Runner(fileHost);

    const [c1, c2] = [await wps.check(), await file.check()];
    expect(c1.view!.findings.length).toBeGreaterThan(0);
    expect(c1.view!.findings).toEqual(c2.view!.findings);
    expect(c1.status).toEqual(c2.status);
    const [n1, n2] = [await wps.narrate(), await file.narrate()];
    expect(n1.view!.findings).toEqual(n2.view!.findings);
    expect(n1.status).toEqual(n2.status);
    expect(n1.narrative).toEqual(n2.narrative);
    const [t1, t2] = [await wps.textcheck(), await file.textcheck()];
    expect(t1.view!.findings).toEqual(t2.view!.findings);

    // every cell the same: values, fills, comments, bold, wrap, alignment, widths, heights
    const viaFile = await fakeFromXlsx(await fileHost.save());
    expect(snapshot(book)).toEqual(snapshot(viaFile));
    for (const f of c1.view!.findings) {
      for (const c of f.cells) expect(book.get(c.sheet).peek(c.address)?.fill).toBe(hexToBgr(SEVERITY_FILL[f.severity]));
    }
    expect(book.get(JOURNAL_SHEET).visible).toBe(2);
    const j1 = journalOf(book)!;
    const j2 = journalOf(viaFile)!;
    expect(j1.entries.map((e) => e.action)).toEqual(['highlight', 'narrative']);
    expect(j1.entries.map((e) => [e.action, e.createdSheets, e.cells.map((c) => `${c.sheet}!${c.address}`)])).toEqual(
      j2.entries.map((e) => [e.action, e.createdSheets, e.cells.map((c) => `${c.sheet}!${c.address}`)]),
    );

    expect(await said(wps.clear())).toBe(await said(file.clear()));
    // 撤销: the clear, the narrative, the marks of 检查; then nothing
    for (const action of ['清除标记', '生成说明', '标记']) {
      const [u1, u2] = [await said(wps.undo()), await said(file.undo())];
      expect(u1).toBe(u2);
      expect(u1).toContain(`已撤销上一次${action}`);
    }
    expect(await said(wps.undo())).toBe('没有可撤销的操作。');
    expect(snapshot(book, true)).toEqual(original);
    expect(snapshot(await fakeFromXlsx(await fileHost.save()), true)).toEqual(original);
    expect(book.alertsShown).toBe(0);
    expect(book.active).toBe('表1');
  });

  test('the journal is shared with the file host, also after a save and reopen: WPS marks, the file host undoes — and the other way round', async () => {
    const book = await sample();
    const wps = new Runner(hostOf(book));
    await wps.check();
    await wps.narrate();

    // saved in WPS, opened in the browser page: 撤销 and 清除标记 there
    const opened = await FileHost.open(await fakeToXlsx(book), 'saved.xlsx');
    const file = new Runner(opened);
    expect(await said(file.undo())).toContain('生成说明');
    expect(await said(file.clear())).toContain('已清除标记');
    expect(snapshot(await fakeFromXlsx(await opened.save()))).toEqual(snapshot(await fakeFromXlsx(await fakeToXlsx(await sample()))));

    // marked in the browser page, opened in WPS: 撤销 there
    const browser = await FileHost.open(sampleBytes, 'sample.xlsx');
    await new Runner(browser).check();
    const reopened = await fakeFromXlsx(await browser.save());
    const host = hostOf(reopened);
    expect(await host.undoLast()).toMatchObject({ done: true, action: 'highlight' });
    expect(reopened.find(JOURNAL_SHEET)).toBeUndefined();
    expect(snapshot(reopened)).toEqual(snapshot(await sample()));
  });

  test('a changed 设置 rewrites the narrative sheet in place (as the file host does); 撤销 brings the first text back', async () => {
    const book = await sample();
    const wps = new Runner(hostOf(book));
    const fileHost = await FileHost.open(sampleBytes, 'sample.xlsx');
    const file = new Runner(fileHost);
    for (const s of [wps, file]) await s.narrate();
    const changed = resolveSettings({ percentDecimals: 2, style: 'B' });
    for (const s of [wps, file]) await s.saveSettings(changed);
    const first = snapshot(book);
    const [r1, r2] = [await wps.narrate(), await file.narrate()];
    expect(r1.status).toEqual(r2.status);
    expect(withoutSettings(snapshot(book))).toEqual(withoutSettings(snapshot(await fakeFromXlsx(await fileHost.save()))));
    expect(snapshot(book)).not.toEqual(first);
    expect(await said(wps.undo())).toBe(await said(file.undo()));
    expect(snapshot(book)).toEqual(first);
    expect(withoutSettings(snapshot(book))).toEqual(withoutSettings(snapshot(await fakeFromXlsx(await fileHost.save()))));
  });

  test('检查 again: cells no longer in a finding lose their mark; 撤销 brings the earlier marks back', async () => {
    const book = synthetic(2, 12);
    const host = hostOf(book);
    const all = syntheticFindings(book, 6);
    await host.applyPlan(highlightPlan(all), { replaceHighlights: true });
    const marks = () =>
      book.sheets.flatMap((s) => [...s.cells].filter(([, c]) => c.fill !== undefined).map(([a, c]) => `${s.name}!${a}=${c.fill}`)).sort();
    const first = marks();
    expect(first).toHaveLength(12);
    const again = await callsOf(book, () => host.applyPlan(highlightPlan(all), { replaceHighlights: true }));
    expect(again.value.changed).toBe(false); // nothing to do, nothing written
    expect(Object.keys(again.by).some((k) => k.endsWith('='))).toBe(false);
    await host.applyPlan(highlightPlan(all.slice(0, 2)), { replaceHighlights: true });
    expect(marks()).toHaveLength(4);
    expect(book.sheets.reduce((n, s) => n + s.comments.size, 0)).toBe(4);
    await host.undoLast();
    expect(marks()).toEqual(first);
    await host.clearHighlights();
    expect(marks()).toEqual([]);
    expect(book.sheets.reduce((n, s) => n + s.comments.size, 0)).toBe(0);
    expect(book.find(JOURNAL_SHEET)).toBeUndefined();
    expect(snapshot(book)).toEqual(snapshot(synthetic(2, 12)));
  });

  test('a user comment on a marked cell is kept by 清除标记; a user fill comes back too', async () => {
    const book = synthetic(1, 5);
    book.get('数据1').comments.set('B2', '会计备注');
    book.get('数据1').cell('C2').fill = hexToBgr('#00FF00')!;
    const before = snapshot(book);
    const host = hostOf(book);
    await host.applyPlan(highlightPlan(syntheticFindings(book, 1)), { replaceHighlights: true });
    expect(book.get('数据1').comments.get('B2')).toContain('T01-1');
    expect(book.get('数据1').peek('C2')?.fill).toBe(hexToBgr(SEVERITY_FILL.error));
    await host.clearHighlights();
    expect(snapshot(book)).toEqual(before);
  });

  test('text WPS would turn into a number, date or formula stays text; the journal is text too', async () => {
    const book = synthetic(1, 2);
    const host = hostOf(book);
    const texts = ['2024', '1,234.56', '=SUM(A1)', '-5', '2024-1-1', '12:30', 'TRUE', '#REF!', '普通文字'];
    const plan: WritePlan = {
      marker: { action: 'supplement' },
      ops: [
        { kind: 'createSheet', sheet: '文字' },
        ...texts.map((t, i) => ({ kind: 'value' as const, sheet: '文字', address: `A${i + 1}`, value: t })),
      ],
    };
    const r = await callsOf(book, () => host.applyPlan(plan));
    texts.forEach((t, i) => expect(book.get('文字').peek(`A${i + 1}`)).toEqual({ value: t }));
    expect(r.by['Range.Value2=']).toBe(2); // the nine cells in one rectangle, plus the journal
    expect(book.get(JOURNAL_SHEET).peek('A1')?.numberFormat).toBe('@');
    expect(journalOf(book)!.entries).toHaveLength(1);
    expect(book.sheets.map((s) => s.name)).toEqual(['数据1', '文字', JOURNAL_SHEET]); // new sheets after the user's, the journal last
  });
});

// ---- calls into WPS ----------------------------------------------------------------------------

/** Reading costs: the sheet list, then per sheet UsedRange/Address/Value2/MergeCells, per merged area 4. */
function readCost(book: FakeBook): number {
  const sheets = book.sheets.length;
  const merged = book.sheets.filter((s) => s.merges.length > 0).length;
  const areas = book.sheets.reduce((n, s) => n + s.merges.length, 0);
  return 3 + 3 * sheets + 4 * sheets + 4 * sheets + 2 * merged + 4 * areas + 5; // 4 per sheet: the last value cell (2 × Find, Address)
}

describe('calls into WPS', () => {
  test('reading: a fixed number per sheet and per merged area, whatever the number of cells (sample vs 10× the cells)', async () => {
    const small = await sample();
    const big = await large();
    expect(cellCount(big)).toBeGreaterThanOrEqual(10 * cellCount(small));
    const a = await callsOf(small, () => hostOf(small).readGrids());
    const b = await callsOf(big, () => hostOf(big).readGrids());
    expect(a.calls).toBe(readCost(small));
    expect(b.calls).toBe(readCost(big));
    expect(a.by['Range.Value2']).toBe(small.sheets.length);
    expect(b.by['Range.Value2']).toBe(big.sheets.length);
  });

  test('writing the same marks and the same narrative costs the same on the sample and on 10× the cells', async () => {
    const findings = checkWorkbook((await loadWorkbook(sampleBytes)).grids).findings;
    const { model, supplement } = checkWorkbook((await loadWorkbook(sampleBytes)).grids);
    const lines = narrativeLines(narrate(model, supplement, resolveSettings()));
    const run = async (book: FakeBook) => {
      const host = hostOf(book);
      const snap = await host.readWorkbook([]);
      const out: Record<string, number> = {};
      out.highlight = (await callsOf(book, () => host.applyPlan(highlightPlan(findings), { replaceHighlights: true }))).calls;
      out.narrative = (await callsOf(book, () => host.applyPlan(narrativeSheetPlan(lines, undefined, snap.journal)))).calls;
      out.select = (await callsOf(book, () => host.select('表3', ['C8']))).calls;
      out.clear = (await callsOf(book, () => host.clearHighlights())).calls;
      out.undo = (await callsOf(book, () => host.undoLast())).calls;
      out.settings = (await callsOf(book, () => host.saveSettings({ style: 'B' }))).calls;
      return out;
    };
    const small = await run(await sample());
    const big = await run(await large());
    expect(big).toEqual(small);
  });

  test('检查, 生成说明, 清除标记, 撤销 on the sample and on 10× the cells', async () => {
    const measure = async (book: FakeBook) => {
      const s = new Runner(hostOf(book));
      const out: Record<string, number> = {};
      out.open = (await callsOf(book, () => s.start())).calls;
      out.check = (await callsOf(book, () => s.check())).calls;
      out.checkAgain = (await callsOf(book, () => s.check())).calls;
      out.narrate = (await callsOf(book, () => s.narrate())).calls;
      out.textcheck = (await callsOf(book, () => s.textcheck())).calls;
      out.clear = (await callsOf(book, () => s.clear())).calls;
      out.undo = (await callsOf(book, () => s.undo())).calls;
      return out;
    };
    const smallBook = await sample();
    const bigBook = await large();
    const small = await measure(smallBook);
    const big = await measure(bigBook);
    // Both: 15 sheets. The sample: 1,706 cells, 141 merged areas, 3 findings marking 9 cells on 2
    // sheets. The 10× workbook: 18,612 cells, 140 merged areas, 4 findings marking 4 cells on 1
    // sheet. (Each sheet read costs 4 calls for its last value cell.) The differences come from
    // those alone: 4 calls per merged area and read, 2 per comment
    // written, 4 per comment read back, 9 per marked sheet — none per cell.
    process.stdout.write(`WPS calls, sample (${cellCount(smallBook)} cells): ${JSON.stringify(small)}\n`);
    process.stdout.write(`WPS calls, 10× (${cellCount(bigBook)} cells):    ${JSON.stringify(big)}\n`);
    // open, 生成说明, 清除标记 and 撤销 also read the workbook once more (the runner shows what it holds).
    // 生成说明 creates the 说明 sheet: + 4 for its marker (Names, Count; Names, Add), + 12 for its
    // print layout (./page; no row break on the sample's text).
    expect(small).toEqual({ open: 767, check: 864, checkAgain: 885, narrate: 1677, textcheck: 788, clear: 187, undo: 891 });
    // The 10× workbook also prints made-up 款/项 names under real codes (largeDataset: 20101 “综合管理事务”
    // …): 9 CODE-NAME findings (20101, 2010199, 20502, 20602, 20805, 2080599, 21201, 21202, 22102)
    // marking 29 more cells on 4 more sheets (表2, 表3, 表6, 表11).
    expect(big).toEqual({ open: 763, check: 959, checkAgain: 1046, narrate: 1671, textcheck: 784, clear: 367, undo: 989 });
  });

  test('fills: one call group per colour and address chunk, not per cell; values: one Value2 per rectangle', async () => {
    const fills = (rows: number, colours: string[]): WritePlan => {
      const ops: WritePlan['ops'] = [];
      for (let r = 2; r < 2 + rows; r++)
        for (let c = 0; c < 6; c++)
          ops.push({
            kind: 'fill',
            sheet: '数据1',
            address: `${'ABCDEF'[c]}${r}`,
            color: colours[Math.floor(((r - 2) * colours.length) / rows)],
          });
      return { marker: { action: 'highlight' }, ops };
    };
    const cost = async (rows: number, colours: string[]) => {
      const book = synthetic(1, 2000);
      const r = await callsOf(book, () => hostOf(book).applyPlan(fills(rows, colours)));
      return r.by;
    };
    const one = await cost(10, ['#FFC7CE']);
    const many = await cost(1000, ['#FFC7CE']);
    expect(one['Interior.Color=']).toBe(1);
    expect(many['Interior.Color=']).toBe(1);
    expect(many).toEqual(one); // 60 cells or 6,000: the same calls
    const three = await cost(1000, ['#FFC7CE', '#FFEB9C', '#DDEBF7']);
    expect(three['Interior.Color=']).toBe(3); // one per colour group

    const book = synthetic(1, 2);
    const lines = Array.from({ length: 500 }, (_, i) => `第${String(i + 1).padStart(3, '0')}段：${'收入支出决算'.repeat(20)}`);
    const r = await callsOf(book, () => hostOf(book).applyPlan(narrativeSheetPlan(lines, undefined, undefined)));
    expect(r.by['Range.Value2=']).toBe(2); // 501 cells in one rectangle, plus the journal
    expect(r.by['Range.RowHeight=']).toBe(2); // 500 rows of one height: one call, and one for the 16-point title
  });
});

// ---- the sheets juesuan creates ----------------------------------------------------------------

describe('the sheets juesuan creates: marker and print layout', () => {
  test('each carries its marker name and its print layout; 撤销 deletes sheet, marker and layout together', async () => {
    const book = synthetic(2, 5);
    const before = snapshot(book);
    const host = hostOf(book);
    const snap = await host.readWorkbook();
    await host.applyPlan(supplementSheetPlan(snap.grids));
    expect(book.names).toEqual([{ name: '_juesuan_created_1', refersTo: "='补充信息'!$A$1" }]);
    const supplement = book.get('补充信息').page;
    expect(supplement).toMatchObject({
      orientation: 2,
      paperSize: 9,
      printTitleRows: '$2:$2',
      margins: { top: 43.2, bottom: 43.2, left: 36, right: 36 },
    });
    expect(scaling(supplement)).toEqual({ wide: 1, tall: false }); // Zoom = False: fit to one page wide
    const plan = narrativeSheetPlan(longNarrative(), undefined, snap.journal);
    const breaks = plan.ops.find((o) => o.kind === 'rowBreaks');
    expect(breaks?.kind === 'rowBreaks' && breaks.rows.length).toBeGreaterThan(0);
    await host.applyPlan(plan);
    const page = book.get('部门决算情况说明').page;
    expect(page).toMatchObject({ orientation: 1, paperSize: 9 });
    expect(scaling(page)).toEqual({ wide: 1, tall: false });
    expect(page.rowBreaks).toEqual(breaks?.kind === 'rowBreaks' ? breaks.rows : []);
    expect(book.names.map((n) => n.name)).toEqual(['_juesuan_created_1', '_juesuan_created_2']);

    expect(await host.undoLast()).toMatchObject({ done: true, sheetsDeleted: ['部门决算情况说明'] });
    expect(book.names.map((n) => n.refersTo)).toEqual(["='补充信息'!$A$1"]); // no name left over as #REF!
    expect(await host.undoLast()).toMatchObject({ done: true, sheetsDeleted: ['补充信息'] });
    expect(book.names).toEqual([]);
    expect(snapshot(book)).toEqual(before);
  });

  test('a marker is never written over: a name juesuan already uses keeps its sheet', async () => {
    const book = synthetic(2, 5);
    book.names.push({ name: '_JUESUAN_CREATED_1', refersTo: '=数据1!$A$1' }); // Names.Add would redefine it
    const host = hostOf(book);
    await host.applyPlan(supplementSheetPlan((await host.readWorkbook()).grids));
    expect(book.names).toEqual([
      { name: '_JUESUAN_CREATED_1', refersTo: '=数据1!$A$1' },
      { name: '_juesuan_created_2', refersTo: "='补充信息'!$A$1" },
    ]);
  });

  test('a tampered journal naming the user’s own 补充信息 and a 附表 as created is refused; nothing is deleted', async () => {
    const book = synthetic(2, 5);
    book.add('补充信息').set('A1', '单位自己整理的补充信息');
    const host = hostOf(book);
    await host.applyPlan(highlightPlan(syntheticFindings(book, 3)));
    const journal = journalOf(book)!;
    writeJournalTo(book, { entries: [{ ...journal.entries[0], createdSheets: ['补充信息', '数据1'] }] });
    const before = snapshot(book, true);
    const undo = await host.undoLast().catch((e) => e);
    expect(undo).toBeInstanceOf(HostError);
    expect(undo.message).toMatch(/修改记录.*无法安全地撤销.*“补充信息”是 juesuan 新建的，但该表没有 juesuan 的新建标记/);
    expect(undo.message).toContain('本次没有做任何修改');
    await expect(host.clearHighlights()).rejects.toThrow(/无法安全地清除标记.*“补充信息”/);
    expect(snapshot(book, true)).toEqual(before);
  });

  test('a sheet an older juesuan created (no marker) is not deleted: 撤销 says what to do, and goes on once it is gone', async () => {
    const book = synthetic(2, 5);
    const host = hostOf(book);
    const snap = await host.readWorkbook();
    await host.applyPlan(narrativeSheetPlan(['一、概况', '正文。'], undefined, snap.journal));
    book.names = []; // as an older juesuan left it
    await expect(host.undoLast()).rejects.toThrow(/“部门决算情况说明”.*旧版 juesuan.*请手动删除它后再点一次/);
    expect(book.find('部门决算情况说明')).toBeDefined();
    book.sheets = book.sheets.filter((s) => s.name !== '部门决算情况说明'); // the user deletes it by hand
    expect(await host.undoLast()).toMatchObject({ done: true, sheetsDeleted: [] });
    expect(book.find(JOURNAL_SHEET)).toBeUndefined();
  });

  test('without comments the 审核结果 sheet a 检查 creates gets the next marker; 清除标记 deletes sheet and marker', async () => {
    const book = synthetic(2, 5);
    book.noComments = true;
    const host = hostOf(book);
    await host.applyPlan(supplementSheetPlan((await host.readWorkbook()).grids));
    await host.applyPlan(highlightPlan(syntheticFindings(book, 2)), { replaceHighlights: true });
    expect(book.names).toEqual([
      { name: '_juesuan_created_1', refersTo: "='补充信息'!$A$1" },
      { name: '_juesuan_created_2', refersTo: `='${FINDINGS_SHEET}'!$A$1` },
    ]);
    await host.clearHighlights();
    expect(book.find(FINDINGS_SHEET)).toBeUndefined();
    expect(book.names.map((n) => n.name)).toEqual(['_juesuan_created_1']);
  });

  test('print layout goes only on sheets the action creates: a user’s own 说明 sheet keeps its layout', async () => {
    const book = synthetic(1, 3);
    book.add('部门决算情况说明').set('A1', '部门决算情况说明').set('A2', '旧的一段。');
    const host = hostOf(book);
    const snap = await host.readWorkbook();
    const existing = snap.grids.find((g) => g.sheet === '部门决算情况说明');
    expect((await host.applyPlan(narrativeSheetPlan(longNarrative(), existing, snap.journal))).changed).toBe(true);
    expect(book.get('部门决算情况说明').page).toEqual(defaultPage());
    expect(book.names).toEqual([]);
  });

  test('the WPS fake’s rules: names as Excel spells them, page setup values, breaks from a Range of the sheet', async () => {
    const book = synthetic(2, 3);
    const wb = new FakeApplication(book).api().ActiveWorkbook!;
    for (const bad of ['A1', 'R1C1', 'c', '1年', 'has space']) expect(() => wb.Names.Add(bad, '=数据1!$A$1')).toThrow('名称无效');
    expect(() => wb.Names.Add('_x', "='没有'!$A$1")).toThrow('引用无效');
    wb.Names.Add('_x', '数据1!$A$1'); // no "=": a text constant, not a reference
    expect(book.names).toEqual([{ name: '_x', refersTo: '="数据1!$A$1"' }]);
    wb.Names.Add('_X', "='数据2'!$A$1"); // an existing name is redefined
    expect(book.names).toEqual([{ name: '_x', refersTo: "='数据2'!$A$1" }]);
    wb.Sheets.Item('数据2').Delete();
    expect(book.names).toEqual([{ name: '_x', refersTo: '=#REF!$A$1' }]);
    expect(() => wb.Names.Item('_y')).toThrow();
    const ws = wb.Sheets.Item('数据1');
    expect(() => (ws.PageSetup.Zoom = 5)).toThrow('缩放比例无效');
    ws.PageSetup.FitToPagesWide = 1;
    expect(scaling(book.get('数据1').page)).toEqual({ zoom: 100 }); // ignored while Zoom is a percentage
    expect(() => (ws.PageSetup.PrintTitleRows = 'A2:B2')).toThrow('顶端标题行无效');
    expect(() => (ws.PageSetup.TopMargin = -1)).toThrow('页边距无效');
    expect(() => ws.HPageBreaks.Add('A5' as never)).toThrow('Before');
    expect(() => ws.HPageBreaks.Add(ws.Range('A1'))).toThrow('第 1 行');
    ws.HPageBreaks.Add(ws.Range('A5'));
    expect(book.get('数据1').page.rowBreaks).toEqual([5]);
  });
});

// ---- fallbacks and errors ----------------------------------------------------------------------

describe('fallbacks and errors', () => {
  test('a WPS without AddComment: the messages go to a 审核结果 sheet, which 清除标记 removes', async () => {
    const book = synthetic(2, 10);
    book.noComments = true;
    const host = hostOf(book);
    const first = await host.applyPlan(highlightPlan(syntheticFindings(book, 6)), { replaceHighlights: true });
    expect(host.capabilities().notes).toBe(false);
    expect(first.notesAsSheet).toBe(12);
    const sheet = book.get(FINDINGS_SHEET);
    expect(sheet.peek('A1')?.value).toBe('工作表');
    expect(sheet.peek('A1')?.bold).toBe(true);
    expect(String(sheet.peek('C2')?.value)).toContain('T0');
    expect(book.sheets.reduce((n, s) => n + s.comments.size, 0)).toBe(0);
    const second = await host.applyPlan(highlightPlan(syntheticFindings(book, 1)), { replaceHighlights: true });
    expect(second.notesAsSheet).toBe(2);
    expect(sheet.peek('A4')?.value).toBeUndefined(); // rows it no longer needs cleared
    await host.clearHighlights();
    expect(book.find(FINDINGS_SHEET)).toBeUndefined();
    expect(book.find(JOURNAL_SHEET)).toBeUndefined();
    expect(snapshot(book)).toEqual(snapshot(synthetic(2, 10)));
  });

  test('a protected sheet stops the action before anything is written, with what to do', async () => {
    const book = synthetic(2, 5);
    book.get('数据2').protect = true;
    const before = snapshot(book, true);
    const err = await hostOf(book)
      .applyPlan(highlightPlan(syntheticFindings(book, 4)))
      .catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toContain('工作表“数据2”受保护');
    expect(snapshot(book, true)).toEqual(before);
  });

  test('an action WPS stops half way is still undone completely by 撤销 (the journal is written first)', async () => {
    const book = synthetic(2, 10);
    const before = snapshot(book);
    const host = hostOf(book);
    book.failAt = { member: 'Range.AddComment()', n: 5 };
    const err = await host.applyPlan(highlightPlan(syntheticFindings(book, 6))).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).not.toContain('fake');
    expect(book.sheets.reduce((n, s) => n + s.comments.size, 0)).toBe(4);
    expect(await host.undoLast()).toMatchObject({ done: true, action: 'highlight' });
    expect(snapshot(book)).toEqual(before);
    expect(book.find(JOURNAL_SHEET)).toBeUndefined();
  });

  test('select activates the sheet and selects the cells; a hidden or missing sheet gets a message', async () => {
    const book = synthetic(3, 5);
    book.get('数据3').visible = 0;
    const host = hostOf(book);
    expect((await callsOf(book, () => host.select('数据2', ['C4']))).calls).toBe(8); // a click on a finding: 8 calls
    expect(book.active).toBe('数据2');
    expect(book.selection).toEqual({ sheet: '数据2', address: 'C4' });
    await host.select('数据1', ['B2', 'C3']);
    expect(book.selection).toEqual({ sheet: '数据1', address: 'B2,C3' });
    await expect(host.select('数据3', ['A1'])).rejects.toThrow('隐藏');
    await expect(host.select('没有这张表', ['A1'])).rejects.toThrow('找不到工作表“没有这张表”');
  });

  test('any other WPS error becomes a Chinese sentence, never the raw text', async () => {
    const book = synthetic(1, 2);
    book.failAt = { member: 'Range.Value2', n: 1 };
    const err = await hostOf(book)
      .readGrids()
      .catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/^与 WPS 表格通信时出错/);
  });
});

// ---- synthetic workbooks ------------------------------------------------------------------------

function synthetic(sheets: number, rows: number): FakeBook {
  return fillSynthetic(new FakeBook(), sheets, rows);
}

function syntheticFindings(book: FakeBook, n: number): Finding[] {
  return findingsOn(book.sheets, n);
}

describe('reading as WPS really answers', () => {
  test('a template formatted down to row 65536 is read only to its last value cell', async () => {
    const book = new FakeBook();
    const s = book.add('表1');
    s.set('A1', '标题').set('B3', 12.5);
    for (let r = 1; r <= 65536; r += 1) s.cell(`C${r}`).numberFormat = '0.00'; // formatted only
    const host = hostOf(book);
    const seen: number[] = [];
    book.value2Shape = (rows) => {
      seen.push(rows.length);
      return rows;
    };
    const [grid] = await host.readGrids();
    expect(grid.cells[2][1]).toBe(12.5);
    expect(Math.max(...seen)).toBe(3);
  });

  test('Value2 in another shape than rows × columns stops the read with a message naming the sheet', async () => {
    const book = new FakeBook();
    book.add('表1').set('A1', 1).set('B2', 2);
    book.value2Shape = (rows) => rows.map((r) => r[0]); // one value per row: a misreadable shape
    const err = await hostOf(book)
      .readGrids()
      .catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('工作表“表1”');
  });
});
