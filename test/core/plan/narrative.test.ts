import type { Grid } from '../../../src/core/grid';
import {
  appendEntry,
  emptyJournal,
  findNarrativeGrid,
  headingLevel,
  keepWithNextBreaks,
  narrativeSheetPlan,
  NARRATIVE_TITLE,
  NARRATIVE_COLUMN_WIDTH,
  textUnits,
  wrappedLines,
} from '../../../src/core/plan';
import type { Journal, WritePlan } from '../../../src/core/plan';
import { applyToGrids, columnA, gridOf } from './helpers';

const H1 = '一、收入支出决算总体情况说明';
const H2 = '二、收入决算情况说明';
const H5 = '五、一般公共预算财政拨款支出决算情况说明';
const H51 = '（一）一般公共预算财政拨款支出决算总体情况';
const H52 = '（二）一般公共预算财政拨款支出决算结构情况';

function lines(total: string): string[] {
  return [
    H1,
    `2023年度收、支总计均为${total}万元。`,
    H2,
    `2023年度收入合计${total}万元。`,
    '其中：财政拨款收入80.00万元，占80.00%。',
    H5,
    H51,
    '一般公共预算财政拨款支出完成预算的98%。',
    H52,
    '一般公共服务支出占比最大。',
  ];
}

/** Runs the action the way a host would: plan from the sheet as it is, journal the marker. */
function run(ls: string[], grids: Grid[], journal: Journal): { grids: Grid[]; journal: Journal; plan: WritePlan } {
  const plan = narrativeSheetPlan(ls, findNarrativeGrid(grids), journal);
  const next = applyToGrids(grids, plan);
  const written = plan.marker.written;
  return {
    plan,
    grids: next,
    journal: written ? appendEntry(journal, { action: 'narrative', createdSheets: [], cells: [], columns: [], written }) : journal,
  };
}

/** Column A without the two full-width spaces juesuan indents its paragraphs with. */
const sheetOf = (grids: Grid[]) =>
  columnA(grids.find((g) => g.sheet === NARRATIVE_TITLE) as Grid).map((t) => (typeof t === 'string' ? t.replace(/^\u3000\u3000/, '') : t));
const valueOps = (plan: WritePlan) => plan.ops.filter((o) => o.kind === 'value' || o.kind === 'createSheet');

describe('narrativeSheetPlan: a new sheet', () => {
  const plan = narrativeSheetPlan(lines('100.00'));

  it('creates the sheet with the title, then one line per cell in column A', () => {
    expect(plan.ops[0]).toEqual({ kind: 'createSheet', sheet: NARRATIVE_TITLE });
    const values = plan.ops
      .filter((o) => o.kind === 'value')
      .map((o) => [(o as { address: string }).address, (o as { value: unknown }).value]);
    // paragraphs are indented two full-width spaces; headings are not
    expect(values).toEqual([
      ['A1', NARRATIVE_TITLE],
      ...lines('100.00').map((t, i) => [`A${i + 2}`, headingLevel(t) ? t : `\u3000\u3000${t}`]),
    ]);
  });

  it('titles a new sheet “第二部分 {年}年度部门决算情况说明” when the year is known', () => {
    const withYear = narrativeSheetPlan(lines('100.00'), undefined, undefined, { year: 2023 });
    expect(withYear.ops).toContainEqual({
      kind: 'value',
      sheet: NARRATIVE_TITLE,
      address: 'A1',
      value: '第二部分 2023年度部门决算情况说明',
    });
  });

  it('prints A4 portrait, one page wide', () => {
    expect(plan.ops).toContainEqual({
      kind: 'pageSetup',
      sheet: NARRATIVE_TITLE,
      setup: { orientation: 'portrait', paper: 'A4', fitToWidth: true, margins: { top: 0.79, bottom: 0.79, left: 0.75, right: 0.75 } },
    });
  });

  it('styles the title, the two heading levels and the paragraphs apart; wraps every row', () => {
    const formats = plan.ops.filter((o) => o.kind === 'format');
    const title = { bold: true, fontName: '黑体', size: 16, horizontal: 'center', vertical: 'center' };
    const h1 = { bold: true, fontName: '黑体', size: 12, horizontal: 'left', vertical: 'top' };
    const h2 = { bold: true, fontName: '楷体', size: 12, horizontal: 'left', vertical: 'top' };
    const body = { bold: false, fontName: '宋体', size: 11, horizontal: 'left', vertical: 'top' };
    const f = (range: string, style: object) => ({ kind: 'format', sheet: NARRATIVE_TITLE, range, wrap: true, ...style });
    expect(formats).toEqual([
      f('A1', title),
      f('A2', h1),
      f('A3', body),
      f('A4', h1),
      f('A5:A6', body),
      f('A7', h1),
      f('A8', h2),
      f('A9', body),
      f('A10', h2),
      f('A11', body),
    ]);
    expect(plan.ops).toContainEqual({ kind: 'columnWidth', sheet: NARRATIVE_TITLE, column: 'A', width: NARRATIVE_COLUMN_WIDTH });
  });

  it('sets a row height for every row: taller for long paragraphs, default for one line', () => {
    const long = '2023年度一般公共预算财政拨款支出1795.99万元，占本年支出合计的96.11%。'.repeat(4);
    const p = narrativeSheetPlan([H1, long, '短段。']);
    const heights = p.ops.filter((o) => o.kind === 'rowHeight');
    expect(heights.map((o) => (o as { row: number }).row)).toEqual([1, 2, 3, 4]);
    // the 16-point title and 12-point heading get their own heights; one 11-point line keeps the default
    expect(heights.map((o) => (o as { height: number | null }).height)).toEqual([
      Math.round(16 * (16 / 11) + 2),
      Math.round(16 * (12 / 11) + 2),
      wrappedLines(`\u3000\u3000${long}`, NARRATIVE_COLUMN_WIDTH) * 16 + 2,
      null,
    ]);
    expect(wrappedLines(long, 100)).toBe(3); // 146 CJK units + 36 digits at 99 units a line
  });

  it('names what it wrote in the marker', () => {
    expect(plan.marker).toEqual({ action: 'narrative', written: { sheet: NARRATIVE_TITLE, texts: [NARRATIVE_TITLE, ...lines('100.00')] } });
  });
});

describe('narrativeSheetPlan: regenerating', () => {
  const base: Grid[] = [gridOf('表1', ['收入支出决算总表'])];

  it('is idempotent: the second run writes no value', () => {
    const first = run(lines('100.00'), base, emptyJournal());
    const second = run(lines('100.00'), first.grids, first.journal);
    expect(valueOps(second.plan)).toEqual([]);
    expect(second.grids).toEqual(first.grids);
  });

  it('replaces its own paragraphs and keeps a typed one after the same paragraph', () => {
    const first = run(lines('100.00'), base, emptyJournal());
    // the accountant types a paragraph after the first paragraph of 二, and one at the end of 五（一）
    const typed = sheetOf(first.grids);
    typed.splice(typed.indexOf('2023年度收入合计100.00万元。') + 1, 0, '（手工）收入增加主要是新增项目。');
    typed.splice(typed.indexOf(H52), 0, '（手工）完成率较高。');
    const edited = [base[0], gridOf(NARRATIVE_TITLE, typed)];

    const second = run(lines('120.00'), edited, first.journal);
    expect(sheetOf(second.grids)).toEqual([
      NARRATIVE_TITLE,
      H1,
      '2023年度收、支总计均为120.00万元。',
      H2,
      '2023年度收入合计120.00万元。',
      '（手工）收入增加主要是新增项目。',
      '其中：财政拨款收入80.00万元，占80.00%。',
      H5,
      H51,
      '一般公共预算财政拨款支出完成预算的98%。',
      '（手工）完成率较高。',
      H52,
      '一般公共服务支出占比最大。',
    ]);
    // and once more: nothing moves
    const third = run(lines('120.00'), second.grids, second.journal);
    expect(valueOps(third.plan)).toEqual([]);
  });

  it('keeps typed text above the first heading right under the title', () => {
    const first = run(lines('100.00'), base, emptyJournal());
    const typed = sheetOf(first.grids);
    typed.splice(1, 0, '本部门2023年度决算情况说明如下。');
    const second = run(lines('100.00'), [base[0], gridOf(NARRATIVE_TITLE, typed)], first.journal);
    expect(sheetOf(second.grids).slice(0, 3)).toEqual([NARRATIVE_TITLE, '本部门2023年度决算情况说明如下。', H1]);
  });

  it('clears rows left over when the new text is shorter', () => {
    const first = run(lines('100.00'), base, emptyJournal());
    const shorter = [H1, '只有一段。'];
    const second = run(shorter, first.grids, first.journal);
    expect(sheetOf(second.grids)).toEqual([NARRATIVE_TITLE, H1, '只有一段。']);
  });

  it('moves typed text of a section that is gone to the end of the section before it', () => {
    const first = run(lines('100.00'), base, emptyJournal());
    const typed = sheetOf(first.grids);
    typed.splice(typed.indexOf(H5), 0, '（手工）二的补充。');
    typed.push('（手工）结构的补充。');
    const without52 = lines('100.00').slice(0, 8);
    const second = run(without52, [base[0], gridOf(NARRATIVE_TITLE, typed)], first.journal);
    expect(sheetOf(second.grids)).toEqual([
      NARRATIVE_TITLE,
      H1,
      '2023年度收、支总计均为100.00万元。',
      H2,
      '2023年度收入合计100.00万元。',
      '其中：财政拨款收入80.00万元，占80.00%。',
      '（手工）二的补充。',
      H5,
      H51,
      '一般公共预算财政拨款支出完成预算的98%。',
      '（手工）结构的补充。',
    ]);
  });

  it('keeps a paragraph the accountant edited in place, next to the fresh one', () => {
    const first = run(lines('100.00'), base, emptyJournal());
    const typed = sheetOf(first.grids).map((t) => (t === '一般公共服务支出占比最大。' ? '一般公共服务支出占比最大，主要是人员经费。' : t));
    const second = run(lines('100.00'), [base[0], gridOf(NARRATIVE_TITLE, typed)], first.journal);
    expect(sheetOf(second.grids).slice(-3)).toEqual([H52, '一般公共服务支出占比最大，主要是人员经费。', '一般公共服务支出占比最大。']);
  });

  it('without a journal, treats text equal to a new line as its own (no duplicates)', () => {
    const pasted = gridOf('说明', ['2023年度某某部门决算情况说明', H1, '2023年度收、支总计均为100.00万元。', '（手工）说明。']);
    const plan = narrativeSheetPlan([H1, '2023年度收、支总计均为100.00万元。'], pasted);
    // the one change: the paragraph gets its first-line indent
    expect(plan.ops.filter((o) => o.kind === 'value')).toEqual([
      { kind: 'value', sheet: '说明', address: 'A3', value: '\u3000\u30002023年度收、支总计均为100.00万元。' },
    ]);
    expect(plan.marker.written?.texts[0]).toBe('2023年度某某部门决算情况说明');
  });

  it('leaves rows above the title alone and keeps the accountant’s title', () => {
    const sheet = gridOf('第二部分', ['第二部分', '2023年度某某部门决算情况说明', H1, '旧的一段。']);
    const plan = narrativeSheetPlan([H1, '新的一段。'], sheet, emptyJournal());
    const after = applyToGrids([sheet], plan)[0];
    expect(columnA(after)).toEqual(['第二部分', '2023年度某某部门决算情况说明', H1, '旧的一段。', '\u3000\u3000新的一段。']);
    expect(plan.ops.some((o) => o.kind === 'value' && o.address === 'A1')).toBe(false);
  });
});

describe('findNarrativeGrid', () => {
  it('finds the sheet by its title, else by its name, never the journal', () => {
    const byTitle = gridOf('Sheet3', [null, '2023年度部门决算情况说明']);
    const byName = gridOf(NARRATIVE_TITLE, []);
    expect(findNarrativeGrid([gridOf('表1', ['收入支出决算总表']), byName, byTitle])).toBe(byTitle);
    expect(findNarrativeGrid([byName])).toBe(byName);
    expect(findNarrativeGrid([gridOf('_juesuan_journal', ['部门决算情况说明'])])).toBeUndefined();
    expect(
      findNarrativeGrid([gridOf('目录', ['第一部分 部门概况', '第二部分 部门决算情况说明以及其他很长的目录文字说明内容在这里'])]),
    ).toBeUndefined();
  });
});

describe('text width', () => {
  it('counts CJK and full-width punctuation about twice a digit', () => {
    expect(textUnits('1234')).toBe(4);
    expect(textUnits('收入，“三公”')).toBe(7 * 2);
    expect(wrappedLines('', 100)).toBe(1);
    expect(wrappedLines('字'.repeat(49), 100)).toBe(1);
    expect(wrappedLines('字'.repeat(50), 100)).toBe(2);
    // one-line items get one-line rows (the issue: they were given two)
    expect(wrappedLines('\u3000\u30002023年政府性基金预算财政拨款支出0万元。', 80)).toBe(1);
  });
});

describe('no heading alone at the bottom of a page', () => {
  it('breaks before a heading whose next row would not fit on its page', () => {
    // page of 100 points: rows 1–4 fill 90; the heading (row 5) fits but its paragraph does not
    expect(keepWithNextBreaks([30, 30, 20, 10, 10, 40, 10], [false, false, false, false, true, false, false], 1, 100)).toEqual([5]);
    // heading at the top of a page: no break needed
    expect(keepWithNextBreaks([50, 50, 10, 40], [false, false, true, false], 1, 100)).toEqual([]);
  });

  it('the plan gives the breaks as a rowBreaks op', () => {
    // each section: a 19-point heading and two 4-line paragraphs; the 5th heading (row 14) would end page 1
    const many = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? `${'一二三四五六七八'[i / 3]}、标题${i}` : '字'.repeat(100)));
    const p = narrativeSheetPlan(many);
    const op = p.ops.find((o) => o.kind === 'rowBreaks') as { rows: number[] };
    expect(op.rows).toEqual([14]);
    for (const r of op.rows) expect(headingLevel(many[r - 2])).toBe(1); // row r holds line r-2 (row 1 = title)
  });
});

describe('headingLevel', () => {
  it('tells headings from paragraphs', () => {
    expect(headingLevel(H1)).toBe(1);
    expect(headingLevel(H51)).toBe(2);
    expect(headingLevel('（一）本年收入。其中财政拨款……')).toBeUndefined();
    expect(headingLevel('2023年度收、支总计均为100.00万元。')).toBeUndefined();
  });
});
