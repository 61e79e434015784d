// applyPlan / undoLast / clearHighlights on real .xlsx files: built with exceljs, saved, loaded
// back (so cells share style objects the way they do in any file exceljs reads), changed, saved
// and reloaded again.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Finding } from '../../../src/core/finding';
import {
  JOURNAL_CHUNK_CHARS,
  JOURNAL_SHEET,
  NARRATIVE_TITLE,
  findNarrativeGrid,
  highlightPlan,
  narrativeSheetPlan,
  supplementSheetPlan,
} from '../../../src/core/plan';
import type { WritePlan } from '../../../src/core/plan';
import { NARRATIVE_COLUMN_WIDTH } from '../../../src/core/plan';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file';
import { applyPlan, clearHighlights, readJournal, undoLast } from '../../../src/hosts/file/apply';

const T1 = '收入支出决算总表';
const T2 = '收入决算表';
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
// a theme colour with a tint, as Excel writes it (exceljs's Color type knows only argb)
const THEME = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { theme: 5, tint: 0.5999938962981048 },
  bgColor: { indexed: 64 },
} as unknown as ExcelJS.Fill;
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

/** Two table sheets with merged titles, shared fills, borders, number formats, notes and odd values. */
async function fixtureBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const t1 = wb.addWorksheet(T1);
  t1.getCell('A1').value = T1;
  t1.mergeCells('A1:D1');
  t1.getCell('A2').value = '公开01表';
  t1.getCell('D2').value = '金额单位：万元';
  ['项目', '本年收入', '本年支出', '年末结转'].forEach((t, i) => (t1.getRow(3).getCell(i + 1).value = t));
  for (let r = 4; r <= 7; r++) {
    t1.getCell(`A${r}`).value = `项目${r}`;
    for (const c of ['B', 'C', 'D']) {
      const cell = t1.getCell(`${c}${r}`);
      cell.value = r * 10 + c.charCodeAt(0) - 64;
      cell.fill = YELLOW;
      cell.border = BORDER;
      cell.numFmt = '#,##0.00';
    }
  }
  t1.getCell('C4').note = '会计备注：已核对';
  t1.getCell('D5').note = { texts: [{ text: '富文本', font: { bold: true, size: 9 } }, { text: '备注' }] } as ExcelJS.Comment;
  t1.getColumn('A').width = 30;

  const t2 = wb.addWorksheet(T2);
  t2.getCell('A1').value = T2;
  t2.getCell('B3').value = { formula: 'SUM(B4:B5)', result: 30 } as ExcelJS.CellValue;
  t2.getCell('B4').value = 10;
  t2.getCell('B5').value = 20;
  for (const a of ['B3', 'B4', 'B5']) t2.getCell(a).fill = THEME;
  t2.getCell('C3').value = { richText: [{ text: '一般公共' }, { text: '服务', font: { bold: true } }] };
  t2.getCell('C4').value = new Date(Date.UTC(2024, 0, 1));
  t2.getCell('C5').value = { text: '链接', hyperlink: 'https://example.com' };
  t2.getCell('E2').value = '合并';
  t2.mergeCells('E2:F3');
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function fixture(): Promise<ExcelJS.Workbook> {
  return (await loadWorkbook(await fixtureBytes())).workbook;
}

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return (await loadWorkbook(await saveWorkbook(wb))).workbook;
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null));
const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;

function cellState(cell: ExcelJS.Cell) {
  return json({ value: cell.value, style: cell.style, note: cell.note });
}

/** Every cell (value, full style, note), column widths, merges and state of every user sheet. */
function workbookState(wb: ExcelJS.Workbook) {
  return wb.worksheets
    .filter((ws) => ws.name !== JOURNAL_SHEET)
    .map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => (cells[c.address] = cellState(c))));
      const widths = (ws.columns ?? []).map((c) => c.width ?? null);
      const heights: Record<number, number> = {};
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        if (row.height !== undefined) heights[n] = row.height;
      });
      return { name: ws.name, state: ws.state, cells, widths, heights, merges: json(ws.model.merges) };
    });
}

const finding = (rule: string, severity: Finding['severity'], message: string, ...cells: [string, string][]): Finding => ({
  rule,
  severity,
  message,
  cells: cells.map(([s, address]) => ({ sheet: s, address })),
});

const FINDINGS: Finding[] = [
  finding('X01', 'error', '本年收入不等于收入决算表合计', [T1, 'C4'], [T2, 'B3']),
  finding('T01-2', 'warning', '年末结转偏大', [T1, 'C4']),
  finding('T01-9', 'info', '取整误差0.01万元', [T1, 'A6']),
];

function narrativeLines(total: string): string[] {
  return [
    '一、收入支出决算总体情况说明',
    `2023年度收、支总计均为${total}万元。与2022年相比，收、支总计各增加12.30万元，增长10.00%。主要原因是【请填写原因】。`,
    '二、收入决算情况说明',
    `2023年度收入合计${total}万元，其中：财政拨款收入${total}万元，占100.00%；其他收入0.00万元，占0.00%。`,
    '五、一般公共预算财政拨款支出决算情况说明',
    '（一）一般公共预算财政拨款支出决算总体情况',
    '2023年度一般公共预算财政拨款支出100.00万元，占本年支出合计的100.00%。',
  ];
}

async function gridsOf(wb: ExcelJS.Workbook) {
  return (await loadWorkbook(await saveWorkbook(wb))).grids;
}

async function narrate(wb: ExcelJS.Workbook, total: string) {
  const grids = await gridsOf(wb);
  return applyPlan(wb, narrativeSheetPlan(narrativeLines(total), findNarrativeGrid(grids), readJournal(wb)));
}

/** Column A, without the two full-width spaces juesuan indents its paragraphs with. */
function columnA(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    out.push(typeof v === 'string' ? v.replace(/^\u3000\u3000/, '') : v);
  }
  while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
  return out;
}

describe('the fixture', () => {
  it('has cells that share one style object, as any loaded file does', async () => {
    const wb = await fixture();
    const t1 = sheet(wb, T1);
    expect(t1.getCell('B4').style).toBe(t1.getCell('C4').style);
    expect(t1.getCell('B4').style).toBe(t1.getCell('D7').style);
  });
});

describe('applyPlan: highlight', () => {
  it('colours and notes only the finding cells; cells that shared their style keep theirs', async () => {
    const wb = await fixture();
    const before = workbookState(wb);
    const entry = applyPlan(wb, highlightPlan(FINDINGS));

    const t1 = sheet(wb, T1);
    const t2 = sheet(wb, T2);
    expect(t1.getCell('C4').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(t1.getCell('C4').note).toBe('X01：本年收入不等于收入决算表合计\nT01-2：年末结转偏大');
    expect(t1.getCell('C4').border).toEqual(BORDER); // the rest of its style stays
    expect(t1.getCell('C4').numFmt).toBe('#,##0.00');
    expect(t1.getCell('A6').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(t2.getCell('B3').fill?.type).toBe('pattern');
    expect((t2.getCell('B3').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FFFFC7CE' });

    // everything else is exactly as it was
    const after = workbookState(wb);
    const touched = new Set([`${T1}!C4`, `${T1}!A6`, `${T2}!B3`]);
    for (const [i, s] of before.entries()) {
      for (const [addr, state] of Object.entries(s.cells)) {
        if (!touched.has(`${s.name}!${addr}`)) expect([s.name, addr, after[i].cells[addr]]).toEqual([s.name, addr, state]);
      }
    }
    expect(t1.getCell('B4').fill).toEqual(YELLOW);
    expect(t1.getCell('D4').fill).toEqual(YELLOW);
    expect(t2.getCell('B4').fill).toEqual(THEME);

    // the entry records what was there
    expect(entry.action).toBe('highlight');
    expect(entry.cells.find((c) => c.address === 'C4')).toEqual({
      sheet: T1,
      address: 'C4',
      fill: { color: '#FFFF00', raw: json(YELLOW) },
      note: { text: '会计备注：已核对', raw: '会计备注：已核对' },
    });
    expect(entry.cells.find((c) => c.address === 'A6')).toEqual({
      sheet: T1,
      address: 'A6',
      fill: { color: null, raw: null },
      note: { text: null, raw: null },
    });
    expect(readJournal(wb).entries).toEqual([entry]);
  });

  it('applied twice changes nothing the second time and journals it once', async () => {
    const wb = await fixture();
    applyPlan(wb, highlightPlan(FINDINGS));
    const again = await reload(wb);
    const state = workbookState(again);
    const second = applyPlan(again, highlightPlan(FINDINGS));
    expect(second.cells).toEqual([]);
    expect(workbookState(again)).toEqual(state);
    expect(readJournal(again).entries).toHaveLength(1);
  });

  it('skips findings on sheets the workbook does not have', async () => {
    const wb = await fixture();
    const entry = applyPlan(wb, highlightPlan([finding('NEED', 'warning', '请填写', ['补充信息', 'C5'], [T1, 'B4'])]));
    expect(entry.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual([`${T1}!B4`]);
  });
});

describe('undoLast', () => {
  it('after save and reload puts every touched cell back exactly and removes created sheets', async () => {
    const original = await fixture();
    const expected = workbookState(await reload(original));

    let wb = await fixture();
    applyPlan(wb, supplementSheetPlan(await gridsOf(wb)));
    await narrate(wb, '100.00');
    applyPlan(wb, highlightPlan([...FINDINGS, finding('TXT1', 'error', '数字不符', [NARRATIVE_TITLE, 'A3'])]));
    wb = await reload(wb);
    expect(readJournal(wb).entries.map((e) => e.action)).toEqual(['supplement', 'narrative', 'highlight']);

    expect(undoLast(wb)?.action).toBe('highlight');
    wb = await reload(wb);
    expect((sheet(wb, NARRATIVE_TITLE).getCell('A3').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    expect(sheet(wb, NARRATIVE_TITLE).getCell('A3').note).toBeUndefined();
    expect(undoLast(wb)?.action).toBe('narrative');
    wb = await reload(wb);
    expect(wb.getWorksheet(NARRATIVE_TITLE)).toBeUndefined();
    expect(undoLast(wb)?.action).toBe('supplement');
    wb = await reload(wb);

    expect(workbookState(wb)).toEqual(expected);
    expect(wb.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
    expect(undoLast(wb)).toBeUndefined();
  });

  it('restores formulas, rich text, dates and hyperlinks a plan overwrote', async () => {
    let wb = await fixture();
    const expected = workbookState(await reload(wb));
    const plan: WritePlan = {
      marker: { action: 'fill' },
      ops: ['B3', 'C3', 'C4', 'C5', 'E2', 'G9'].map((address, i) => ({ kind: 'value' as const, sheet: T2, address, value: i })),
    };
    plan.ops.push({ kind: 'value', sheet: T2, address: 'B4', value: { formula: '=B5*2', result: 40 } });
    plan.ops.push({ kind: 'format', sheet: T2, range: 'B3:C4', bold: true, wrap: true });
    plan.ops.push({ kind: 'columnWidth', sheet: T2, column: 'C', width: 50 });
    applyPlan(wb, plan);
    wb = await reload(wb);
    expect(sheet(wb, T2).getCell('B4').value).toEqual({ formula: 'B5*2', result: 40 });
    expect(sheet(wb, T2).getCell('C3').font?.bold).toBe(true);
    undoLast(wb);
    wb = await reload(wb);
    expect(workbookState(wb)).toEqual(expected);
  });

  it('refuses, before changing anything, to write into a merged non-anchor cell', async () => {
    const wb = await fixture();
    const state = workbookState(wb);
    const plan: WritePlan = {
      marker: { action: 'fill' },
      ops: [
        { kind: 'value', sheet: T2, address: 'B4', value: 1 },
        { kind: 'value', sheet: T2, address: 'F3', value: 2 },
      ],
    };
    expect(() => applyPlan(wb, plan)).toThrow(/合并单元格/);
    expect(workbookState(wb)).toEqual(state);
    expect(() => applyPlan(wb, { marker: { action: 'fill' }, ops: [{ kind: 'value', sheet: '没有', address: 'A1', value: 1 }] })).toThrow(
      /找不到工作表/,
    );
    expect(() => applyPlan(wb, { marker: { action: 'fill' }, ops: [{ kind: 'createSheet', sheet: T1 }] })).toThrow(/已存在/);
    expect(() => applyPlan(wb, { marker: { action: 'fill' }, ops: [{ kind: 'createSheet', sheet: '说明[1]' }] })).toThrow(/名称/);
    expect(workbookState(wb)).toEqual(state);
  });

  it('keeps the active tab on a visible sheet when it removes the sheet that was active', async () => {
    let wb = await fixture();
    await narrate(wb, '100.00');
    wb.views[0].activeTab = 2; // the accountant was looking at the narrative
    wb = await reload(wb);
    undoLast(wb);
    wb = await reload(wb);
    expect(wb.worksheets.map((w) => w.name)).toEqual([T1, T2]);
    expect(wb.views[0].activeTab).toBe(1);
  });
});

describe('clearHighlights', () => {
  it('after save and reload restores the previous fills and notes, and leaves other actions undoable', async () => {
    let wb = await fixture();
    const before = workbookState(await reload(wb));
    await narrate(wb, '100.00');
    wb = await reload(wb);
    const narrated = workbookState(wb);
    applyPlan(wb, highlightPlan([...FINDINGS, finding('TXT1', 'error', '数字不符', [NARRATIVE_TITLE, 'A3'])]));
    wb = await reload(wb);
    applyPlan(wb, highlightPlan([finding('X09', 'warning', '再查一次', [T1, 'C4'], [T1, 'B5'])]));
    wb = await reload(wb);
    expect(sheet(wb, T1).getCell('B5').fill).not.toEqual(YELLOW);

    expect(clearHighlights(wb)).toBe(5);
    wb = await reload(wb);
    expect(workbookState(wb)).toEqual(narrated);
    expect(sheet(wb, T1).getCell('C4').note).toBe('会计备注：已核对');
    expect(readJournal(wb).entries.map((e) => e.action)).toEqual(['narrative']);
    expect(clearHighlights(wb)).toBe(0);

    undoLast(wb);
    wb = await reload(wb);
    expect(workbookState(wb)).toEqual(before);
  });
});

describe('the narrative sheet', () => {
  it('written twice (with a save in between) is the same, and journaled once', async () => {
    let wb = await fixture();
    await narrate(wb, '100.00');
    wb = await reload(wb);
    const once = workbookState(wb);
    const second = await narrate(wb, '100.00');
    expect(second.cells).toEqual([]);
    expect(second.createdSheets).toEqual([]);
    wb = await reload(wb);
    expect(workbookState(wb)).toEqual(once);
    expect(readJournal(wb).entries).toHaveLength(1);

    const ws = sheet(wb, NARRATIVE_TITLE);
    expect(columnA(ws)).toEqual([NARRATIVE_TITLE, ...narrativeLines('100.00')]);
    expect(String(ws.getCell('A3').value).startsWith('\u3000\u3000')).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
    expect(ws.getColumn('A').width).toBe(NARRATIVE_COLUMN_WIDTH);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('A3').alignment?.wrapText).toBe(true);
  });

  it('keeps a paragraph the accountant typed when it is regenerated with new numbers', async () => {
    let wb = await fixture();
    await narrate(wb, '100.00');
    wb = await reload(wb);
    const ws = sheet(wb, NARRATIVE_TITLE);
    ws.spliceRows(4, 0, ['收入增加的主要原因是新增了专项业务经费。']); // typed under 一, after its paragraph
    wb = await reload(wb);

    await narrate(wb, '120.00');
    wb = await reload(wb);
    const lines = narrativeLines('120.00');
    expect(columnA(sheet(wb, NARRATIVE_TITLE))).toEqual([
      NARRATIVE_TITLE,
      lines[0],
      lines[1],
      '收入增加的主要原因是新增了专项业务经费。',
      ...lines.slice(2),
    ]);
    // undo brings back the sheet as the accountant left it
    undoLast(wb);
    wb = await reload(wb);
    expect(columnA(sheet(wb, NARRATIVE_TITLE))).toEqual([
      NARRATIVE_TITLE,
      ...narrativeLines('100.00').slice(0, 2),
      '收入增加的主要原因是新增了专项业务经费。',
      ...narrativeLines('100.00').slice(2),
    ]);
  });
});

describe('a narrative sheet the accountant made', () => {
  it('is rewritten in place, and undo puts back its text, formats, width and row heights', async () => {
    const base = await fixture();
    const ws = base.addWorksheet('情况说明');
    ws.getCell('A1').value = '2023年度某某部门决算情况说明';
    ws.getCell('A1').font = { name: '方正小标宋简体', size: 18 };
    ws.getCell('A2').value = '一、收入支出决算总体情况说明';
    ws.getCell('A3').value = '本部门收支总计100万元（手工写的）。';
    ws.getCell('A3').alignment = { wrapText: true, vertical: 'middle' };
    ws.getRow(3).height = 40;
    ws.getColumn('A').width = 60;
    let wb = await reload(base);
    const expected = workbookState(wb);

    await narrate(wb, '100.00');
    wb = await reload(wb);
    const lines = narrativeLines('100.00');
    const sheetNow = sheet(wb, '情况说明');
    // typed before any juesuan paragraph of its section: it stays first in the section
    expect(columnA(sheetNow)).toEqual(['2023年度某某部门决算情况说明', lines[0], '本部门收支总计100万元（手工写的）。', ...lines.slice(1)]);
    expect(sheetNow.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true }); // the title gets the title style; undo puts its own font back
    expect(sheetNow.getCell('A1').font?.bold).toBe(true);
    expect(sheetNow.getColumn('A').width).toBe(NARRATIVE_COLUMN_WIDTH);
    expect(sheetNow.getRow(3).height).toBeUndefined(); // one line now: default height
    expect(sheetNow.getRow(4).height).toBeGreaterThan(20); // a long paragraph: two lines or more
    expect(wb.getWorksheet(NARRATIVE_TITLE)).toBeUndefined();

    undoLast(wb);
    wb = await reload(wb);
    expect(workbookState(wb)).toEqual(expected);
  });
});

describe('the journal sheet', () => {
  it('is very hidden, last, ASCII, in cells of at most 30000 characters, and survives save', async () => {
    let wb = await fixture();
    const many: Finding[] = [];
    for (let r = 1; r <= 600; r++) many.push(finding('X01', 'error', '很长的说明文字'.repeat(10), [T2, `H${r}`]));
    applyPlan(wb, highlightPlan(many));
    await narrate(wb, '100.00'); // a sheet created after the journal exists
    const bytes = await saveWorkbook(wb);
    wb = (await loadWorkbook(bytes)).workbook;

    const journal = sheet(wb, JOURNAL_SHEET);
    expect(journal.state).toBe('veryHidden');
    expect(wb.worksheets.map((w) => w.name)).toEqual([T1, T2, NARRATIVE_TITLE, JOURNAL_SHEET]);
    const chunks = columnA(journal) as string[];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(typeof c).toBe('string');
      expect(c.length).toBeLessThanOrEqual(JOURNAL_CHUNK_CHARS);
      expect(/^[\x20-\x7e]*$/.test(c)).toBe(true);
    }
    expect(readJournal(wb).entries.map((e) => e.action)).toEqual(['highlight', 'narrative']);

    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(
      new RegExp(`name="${JOURNAL_SHEET}"[^>]*state="veryHidden"|state="veryHidden"[^>]*name="${JOURNAL_SHEET}"`),
    );
  });

  it('a damaged journal reads as empty and is replaced by the next action', async () => {
    let wb = await fixture();
    applyPlan(wb, highlightPlan(FINDINGS));
    sheet(wb, JOURNAL_SHEET).getCell('A1').value = '{"format":"juesuan-journal", broken';
    wb = await reload(wb);
    expect(readJournal(wb).entries).toEqual([]);
    applyPlan(wb, highlightPlan([finding('X02', 'info', 'x', [T1, 'B7'])]));
    expect(readJournal(wb).entries).toHaveLength(1);
  });
});

describe('the 补充信息 sheet', () => {
  it('is created once, and undo removes it', async () => {
    let wb = await fixture();
    applyPlan(wb, supplementSheetPlan(await gridsOf(wb)));
    wb = await reload(wb);
    const ws = sheet(wb, '补充信息');
    expect(ws.getRow(2).values).toEqual([undefined, '项目', '科目编码', '本年数', '上年数', '预算数', '原因说明']);
    expect(ws.getCell('A3').value).toBe('决算年度');
    expect(supplementSheetPlan(await gridsOf(wb)).ops).toEqual([]);
    undoLast(wb);
    expect(wb.getWorksheet('补充信息')).toBeUndefined();
  });
});
