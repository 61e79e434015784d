import { readSupplement, SUPPLEMENT_ROWS, labelWithUnit } from '../../../src/core/supplement';
import { supplementSheetPlan, SUPPLEMENT_HEADER } from '../../../src/core/plan';
import { applyToGrids, gridOf } from './helpers';

describe('supplementSheetPlan', () => {
  it('creates a 补充信息 sheet with title, header and every row label', () => {
    const plan = supplementSheetPlan([gridOf('表1', ['收入支出决算总表'])]);
    expect(plan.marker).toEqual({ action: 'supplement' });
    expect(plan.ops[0]).toEqual({ kind: 'createSheet', sheet: '补充信息' });
    const grid = applyToGrids([], plan)[0];
    expect(grid.cells[0][0]).toBe('补充信息');
    expect(grid.cells[1]).toEqual([...SUPPLEMENT_HEADER]);
    expect(grid.cells.slice(2).map((r) => r[0])).toEqual(SUPPLEMENT_ROWS.map(labelWithUnit));
    expect(plan.ops).toContainEqual({ kind: 'format', sheet: '补充信息', range: 'A1:F2', bold: true });
  });

  it('writes a sheet the 补充信息 reader reads without complaint', () => {
    const grid = applyToGrids([], supplementSheetPlan())[0];
    const s = readSupplement(grid);
    expect(s.findings).toEqual([]);
    expect(Object.keys(s.rows)).toEqual(SUPPLEMENT_ROWS.map((d) => d.label)); // every row recognised …
    expect(Object.values(s.rows).filter((r) => r.本年数 || r.上年数 || r.预算数 || r.原因说明)).toEqual([]); // … and blank
  });

  it('writes nothing when the workbook has a 补充信息 sheet (under any name)', () => {
    const existing = applyToGrids([], supplementSheetPlan())[0];
    expect(supplementSheetPlan([{ ...existing, sheet: '附件' }]).ops).toEqual([]);
  });

  it('picks a free name when a sheet is called 补充信息 but is something else', () => {
    const plan = supplementSheetPlan([gridOf('补充信息', ['随便写的']), gridOf('补充信息2', [])]);
    expect(plan.ops[0]).toEqual({ kind: 'createSheet', sheet: '补充信息3' });
  });
});
