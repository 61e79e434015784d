import type { Grid } from '../../../src/core/grid';
import {
  appendEntry, emptyJournal, findNarrativeGrid, headingLevel, narrativeSheetPlan, NARRATIVE_TITLE, NARRATIVE_COLUMN_WIDTH, textUnits, wrappedLines,
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
    H1, `2023年度收、支总计均为${total}万元。`,
    H2, `2023年度收入合计${total}万元。`, '其中：财政拨款收入80.00万元，占80.00%。',
    H5, H51, '一般公共预算财政拨款支出完成预算的98%。',
    H52, '一般公共服务支出占比最大。',
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

const sheetOf = (grids: Grid[]) => columnA(grids.find((g) => g.sheet === NARRATIVE_TITLE) as Grid);
const valueOps = (plan: WritePlan) => plan.ops.filter((o) => o.kind === 'value' || o.kind === 'createSheet');

describe('narrativeSheetPlan: a new sheet', () => {
  const plan = narrativeSheetPlan(lines('100.00'));

  it('creates the sheet with the title, then one line per cell in column A', () => {
    expect(plan.ops[0]).toEqual({ kind: 'createSheet', sheet: NARRATIVE_TITLE });
    const values = plan.ops.filter((o) => o.kind === 'value').map((o) => [(o as { address: string }).address, (o as { value: unknown }).value]);
    expect(values).toEqual([['A1', NARRATIVE_TITLE], ...lines('100.00').map((t, i) => [`A${i + 2}`, t])]);
  });

  it('makes the title and headings bold, paragraphs not, wraps every row, column A 100 wide', () => {
    const formats = plan.ops.filter((o) => o.kind === 'format');
    expect(formats).toEqual([
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A1:A2', bold: true, wrap: true, vertical: 'top' },
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A3', bold: false, wrap: true, vertical: 'top' },
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A4', bold: true, wrap: true, vertical: 'top' },
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A5:A6', bold: false, wrap: true, vertical: 'top' },
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A7:A8', bold: true, wrap: true, vertical: 'top' },
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A9', bold: false, wrap: true, vertical: 'top' },
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A10', bold: true, wrap: true, vertical: 'top' },
      { kind: 'format', sheet: NARRATIVE_TITLE, range: 'A11', bold: false, wrap: true, vertical: 'top' },
    ]);
    expect(plan.ops).toContainEqual({ kind: 'columnWidth', sheet: NARRATIVE_TITLE, column: 'A', width: NARRATIVE_COLUMN_WIDTH });
  });

  it('sets a row height for every row: taller for long paragraphs, default for one line', () => {
    const long = '2023年度一般公共预算财政拨款支出1795.99万元，占本年支出合计的96.11%。'.repeat(4);
    const p = narrativeSheetPlan([H1, long, '短段。']);
    const heights = p.ops.filter((o) => o.kind === 'rowHeight');
    expect(heights.map((o) => (o as { row: number }).row)).toEqual([1, 2, 3, 4]);
    expect(heights.map((o) => (o as { height: number | null }).height)).toEqual([null, null, wrappedLines(long, NARRATIVE_COLUMN_WIDTH) * 16 + 2, null]);
    expect(wrappedLines(long, 100)).toBe(4); // at the old width of 100
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
      H1, '2023年度收、支总计均为120.00万元。',
      H2, '2023年度收入合计120.00万元。', '（手工）收入增加主要是新增项目。', '其中：财政拨款收入80.00万元，占80.00%。',
      H5, H51, '一般公共预算财政拨款支出完成预算的98%。', '（手工）完成率较高。',
      H52, '一般公共服务支出占比最大。',
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
      NARRATIVE_TITLE, H1, '2023年度收、支总计均为100.00万元。',
      H2, '2023年度收入合计100.00万元。', '其中：财政拨款收入80.00万元，占80.00%。', '（手工）二的补充。',
      H5, H51, '一般公共预算财政拨款支出完成预算的98%。', '（手工）结构的补充。',
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
    expect(plan.ops.filter((o) => o.kind === 'value')).toEqual([]);
    expect(plan.marker.written?.texts[0]).toBe('2023年度某某部门决算情况说明');
  });

  it('leaves rows above the title alone and keeps the accountant’s title', () => {
    const sheet = gridOf('第二部分', ['第二部分', '2023年度某某部门决算情况说明', H1, '旧的一段。']);
    const plan = narrativeSheetPlan([H1, '新的一段。'], sheet, emptyJournal());
    const after = applyToGrids([sheet], plan)[0];
    expect(columnA(after)).toEqual(['第二部分', '2023年度某某部门决算情况说明', H1, '旧的一段。', '新的一段。']);
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
    expect(findNarrativeGrid([gridOf('目录', ['第一部分 部门概况', '第二部分 部门决算情况说明以及其他很长的目录文字说明内容在这里'])])).toBeUndefined();
  });
});

describe('text width', () => {
  it('counts CJK and full-width punctuation about twice a digit', () => {
    expect(textUnits('1234')).toBe(4);
    expect(textUnits('收入，“三公”')).toBeCloseTo(7 * 2.1);
    expect(wrappedLines('', 100)).toBe(1);
    expect(wrappedLines('字'.repeat(44), 100)).toBe(1);
    expect(wrappedLines('字'.repeat(45), 100)).toBe(2);
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
