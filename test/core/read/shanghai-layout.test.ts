// Shanghai layouts of the classified tables: 合计 printed on the 类|款|项 sub-header line (read as
// the 合计 row, no READ warning), and 合计 in its own row above the codes (the Putuo fixture).
import type { Grid } from '../../../src/core/grid';
import { readWorkbook } from '../../../src/core/read';
import { checkIdentities } from '../../../src/core/rules';

const grid = (sheet: string, cells: (string | number | null)[][]): Grid => ({ sheet, cells, merges: [] });

const rows = (top: (string | number | null)[][]): (string | number | null)[][] => [
  ['收入决算表', null, null, null, null, null],
  [null, null, null, null, null, '单位：万元'],
  ['项目', null, null, null, '本年收入合计', '财政拨款收入'],
  ['功能分类科目编码', null, null, '科目名称', null, null],
  ...top,
  ['201', null, null, '一般公共服务支出', 264.87, 264.87],
  ['201', '39', null, '社会工作事务', 264.87, 264.87],
  ['201', '39', '01', '行政运行', 51.32, 51.32],
  ['201', '39', '50', '事业运行', 11.31, 11.31],
  ['201', '39', '99', '其他社会工作事务支出', 202.24, 202.24],
  ['221', null, null, '住房保障支出', 42.95, 42.95],
  ['221', '02', null, '住房改革支出', 42.95, 42.95],
  ['221', '02', '01', '住房公积金', 42.95, 42.95],
];

describe('合计 on the 类|款|项 sub-header line', () => {
  it('is the 合计 row; the names are not amounts', () => {
    const model = readWorkbook([grid('收入决算表', rows([['类', '款', '项', '合计', 307.82, 307.82]]))]);
    expect(model.findings.filter((f) => f.cells.length > 0)).toEqual([]);
    const t02 = model.tables.T02!;
    expect(t02.columns).toEqual(['本年收入合计', '财政拨款收入']);
    const total = t02.rows.find((r) => r.key === '合计')!;
    expect(total.cells.本年收入合计.value.toFixed(2)).toBe('307.82');
    expect(total.cells.本年收入合计.cell.address).toBe('E5');
    expect(t02.rows.map((r) => r.key)).toEqual(['合计', '201', '20139', '2013901', '2013950', '2013999', '221', '22102', '2210201']);
    // the hierarchy identity is evaluated over it and holds
    expect(checkIdentities(model).filter((f) => f.rule.startsWith('T02'))).toEqual([]);
  });

  it('a wrong 合计 on that line is flagged at its cell', () => {
    const model = readWorkbook([grid('收入决算表', rows([['类', '款', '项', '合计', 307.28, 307.82]]))]);
    const found = checkIdentities(model).filter((f) => f.rule.startsWith('T02') && f.severity === 'error');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].cells.map((c) => c.address)).toContain('E5');
  });
});
