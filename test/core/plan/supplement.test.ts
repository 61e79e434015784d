import { readSupplement, SUPPLEMENT_ROWS, labelWithUnit } from '../../../src/core/supplement';
import { supplementSheetPlan, SUPPLEMENT_HEADER } from '../../../src/core/plan';
import { supplementAction } from '../../../src/core/engine';
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

  it("leaves out the rows only another template's sentences read", () => {
    const grids = [gridOf('表1', ['收入支出决算总表'])];
    const labels = (template?: string) =>
      applyToGrids([], supplementSheetPlan(grids, template))[0]
        .cells.slice(2)
        .map((r) => r[0]);
    const shanghaiOnly = SUPPLEMENT_ROWS.filter((d) => d.templates && !d.templates.includes('sichuan14')).map(labelWithUnit);
    expect(shanghaiOnly).toContain('绩效自评平均得分（分）');
    expect(labels('sichuan14')).toEqual(SUPPLEMENT_ROWS.map(labelWithUnit).filter((l) => !shanghaiOnly.includes(l)));
    expect(labels('shanghai9')).toEqual(SUPPLEMENT_ROWS.map(labelWithUnit));
    // the engine's action reads the template from the workbook, or from 设置
    const action = (settings = {}) => applyToGrids([], supplementAction(grids, settings))[0].cells.map((r) => r[0]);
    expect(action({ template: 'shanghai9' })).toContain('绩效自评平均得分（分）');
    expect(action({ template: 'sichuan14' })).not.toContain('绩效自评平均得分（分）');
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
