import {
  JOURNAL_CHUNK_CHARS,
  JournalFormatError,
  appendEntry,
  clearHighlightsPlan,
  emptyJournal,
  isNoChange,
  journalChunks,
  journalFromChunks,
  lastWritten,
  parseJournal,
  planTargets,
  popEntry,
  serializeJournal,
  undoPlan,
  withoutHighlights,
} from '../../../src/core/plan';
import type { Journal, JournalEntry, WritePlan } from '../../../src/core/plan';

const highlight = (cells: JournalEntry['cells']): JournalEntry => ({ action: 'highlight', createdSheets: [], cells, columns: [] });

describe('storage', () => {
  const journal: Journal = {
    entries: [
      {
        action: 'narrative',
        createdSheets: ['部门决算情况说明'],
        cells: [{ sheet: '表1', address: 'A1', value: '收入支出决算总表', fill: { color: null, raw: null } }],
        columns: [{ sheet: '表1', column: 'A', width: 12.5 }],
        rows: [{ sheet: '表1', row: 3, height: null }],
        written: { sheet: '部门决算情况说明', texts: ['一、收入支出决算总体情况说明', '😀 emoji'] },
      },
      highlight([{ sheet: '表1', address: 'C5', note: { text: '会计备注', raw: '会计备注' } }]),
    ],
  };

  it('round-trips through ASCII-only JSON', () => {
    const text = serializeJournal(journal);
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    expect(text).not.toContain('收入');
    expect(parseJournal(text)).toEqual(journal);
    expect(JSON.parse(text)).toMatchObject({ format: 'juesuan-journal', version: 1 });
  });

  it('splits into cells of at most 30000 characters and joins back', () => {
    const big: Journal = { entries: [] };
    for (let i = 0; i < 400; i++) {
      big.entries.push(highlight([{ sheet: '表1', address: `A${i + 1}`, note: { text: '很长的备注'.repeat(20), raw: null } }]));
    }
    const chunks = journalChunks(big);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((c) => c.length <= JOURNAL_CHUNK_CHARS)).toBe(true);
    expect(journalFromChunks(chunks)).toEqual(big);
    expect(journalFromChunks([...chunks.slice(0, 1), null, ...chunks.slice(1)])).toEqual(big);
  });

  it('stores nothing for an empty journal, and reads nothing as empty', () => {
    expect(journalChunks(emptyJournal())).toEqual([]);
    expect(journalFromChunks([])).toEqual(emptyJournal());
  });

  it('rejects text that is not a journal it understands', () => {
    expect(() => parseJournal('{oops')).toThrow(JournalFormatError);
    expect(() => parseJournal('{"format":"other","version":1,"entries":[]}')).toThrow(JournalFormatError);
    expect(() => parseJournal('{"format":"juesuan-journal","version":2,"entries":[]}')).toThrow(/version/);
    expect(() =>
      parseJournal('{"format":"juesuan-journal","version":1,"entries":[{"action":"paint","createdSheets":[],"cells":[],"columns":[]}]}'),
    ).toThrow(/action/);
  });
});

describe('journal', () => {
  it('appends and pops, oldest first', () => {
    const a = highlight([]);
    const b: JournalEntry = { ...highlight([]), action: 'fill' };
    const j = appendEntry(appendEntry(emptyJournal(), a), b);
    const { journal, entry } = popEntry(j);
    expect(entry).toBe(b);
    expect(journal.entries).toEqual([a]);
    expect(popEntry(emptyJournal()).entry).toBeUndefined();
  });

  it('knows an entry that changed nothing', () => {
    expect(isNoChange(highlight([]))).toBe(true);
    expect(isNoChange({ ...highlight([]), createdSheets: ['X'] })).toBe(false);
  });

  it('finds what juesuan last wrote into a narrative sheet, also after a rename', () => {
    const n = (sheet: string, t: string): JournalEntry => ({
      action: 'narrative',
      createdSheets: [],
      cells: [],
      columns: [],
      written: { sheet, texts: [t] },
    });
    const j: Journal = { entries: [n('说明', 'old'), n('说明', 'new'), highlight([]), n('其他', 'other')] };
    expect(lastWritten(j, '说明')?.texts).toEqual(['new']);
    expect(lastWritten(j, '改名了')?.texts).toEqual(['other']);
    expect(lastWritten(undefined, '说明')).toBeUndefined();
  });
});

describe('undoPlan', () => {
  it('restores every recorded part, column widths, then deletes created sheets (last first)', () => {
    const entry: JournalEntry = {
      action: 'narrative',
      createdSheets: ['新表1', '新表2'],
      cells: [
        {
          sheet: '表1',
          address: 'A1',
          value: null,
          font: { bold: false, raw: null },
          alignment: { wrap: true, vertical: 'top', raw: { wrapText: true, vertical: 'top' } },
        },
        { sheet: '表1', address: 'B2', fill: { color: '#FFFF00', raw: { type: 'pattern' } }, note: { text: 'x', raw: 'x' } },
        { sheet: '新表1', address: 'A1', value: 'gone anyway' },
      ],
      columns: [{ sheet: '表1', column: 'A', width: null }],
      rows: [
        { sheet: '表1', row: 5, height: 34 },
        { sheet: '新表1', row: 1, height: null },
      ],
    };
    const plan = undoPlan(entry);
    expect(plan.marker).toEqual({ action: 'narrative', revert: true });
    expect(plan.ops).toEqual([
      { kind: 'value', sheet: '表1', address: 'A1', value: null },
      { kind: 'format', sheet: '表1', range: 'A1', bold: false, raw: { font: null } },
      { kind: 'format', sheet: '表1', range: 'A1', wrap: true, vertical: 'top', raw: { alignment: { wrapText: true, vertical: 'top' } } },
      { kind: 'fill', sheet: '表1', address: 'B2', color: '#FFFF00', raw: { type: 'pattern' } },
      { kind: 'note', sheet: '表1', address: 'B2', text: 'x', raw: 'x' },
      { kind: 'columnWidth', sheet: '表1', column: 'A', width: null },
      { kind: 'rowHeight', sheet: '表1', row: 5, height: 34 },
      { kind: 'deleteSheet', sheet: '新表2' },
      { kind: 'deleteSheet', sheet: '新表1' },
    ]);
  });
});

describe('clearHighlightsPlan', () => {
  it('restores what each cell had before the first highlight, and only fills and notes', () => {
    const j: Journal = {
      entries: [
        highlight([{ sheet: 'S', address: 'A1', fill: { color: '#FFFF00', raw: 'yellow' }, note: { text: null, raw: null } }]),
        { action: 'narrative', createdSheets: [], cells: [{ sheet: 'S', address: 'A1', value: 'v' }], columns: [] },
        highlight([
          { sheet: 'S', address: 'A1', fill: { color: '#FFC7CE', raw: 'red' }, note: { text: 'X01：…', raw: 'X01：…' } },
          { sheet: 'S', address: 'B1', fill: { color: null, raw: null } },
        ]),
      ],
    };
    const plan = clearHighlightsPlan(j);
    expect(plan.marker).toEqual({ action: 'highlight', revert: true });
    expect(plan.ops).toEqual([
      { kind: 'fill', sheet: 'S', address: 'A1', color: '#FFFF00', raw: 'yellow' },
      { kind: 'fill', sheet: 'S', address: 'B1', color: null, raw: null },
      { kind: 'note', sheet: 'S', address: 'A1', text: null, raw: null },
    ]);
    expect(withoutHighlights(j).entries.map((e) => e.action)).toEqual(['narrative']);
  });

  it('is empty when nothing was highlighted', () => {
    expect(clearHighlightsPlan(emptyJournal()).ops).toEqual([]);
  });
});

describe('planTargets', () => {
  it('lists the parts each op touches, skipping sheets the plan creates', () => {
    const plan: WritePlan = {
      marker: { action: 'narrative' },
      ops: [
        { kind: 'value', sheet: 'S', address: 'a1', value: 1 },
        { kind: 'format', sheet: 'S', range: 'A1:A2', bold: true },
        { kind: 'format', sheet: 'S', range: 'B1', wrap: true },
        { kind: 'createSheet', sheet: 'N' },
        { kind: 'value', sheet: 'N', address: 'A1', value: 'x' },
        { kind: 'columnWidth', sheet: 'S', column: 'a', width: 10 },
        { kind: 'columnWidth', sheet: 'N', column: 'A', width: 10 },
        { kind: 'rowHeight', sheet: 'S', row: 3, height: 40 },
        { kind: 'format', sheet: 'S', range: 'C1', vertical: 'top' },
      ],
    };
    expect(planTargets(plan)).toEqual({
      cells: [
        { sheet: 'S', address: 'A1', parts: ['value', 'font'] },
        { sheet: 'S', address: 'A2', parts: ['font'] },
        { sheet: 'S', address: 'B1', parts: ['alignment'] },
        { sheet: 'S', address: 'C1', parts: ['alignment'] },
      ],
      columns: [{ sheet: 'S', column: 'A' }],
      rows: [{ sheet: 'S', row: 3 }],
      pages: [],
      createdSheets: ['N'],
      deletedSheets: [],
    });
  });
});
