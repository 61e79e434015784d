import { readWorkbook } from '../../../src/core/read';
import { findRow } from '../../../src/core/model';
import { cellOf, grid, rowKeys, table, wan } from './helpers';

const N = null;

describe('T08 一般公共预算财政拨款基本支出决算表', () => {
  it('reads the MoF three-group layout under 人员经费 / 公用经费', () => {
    const g = grid(
      '基本支出',
      [
        ['一般公共预算财政拨款基本支出决算表'],
        [N, N, N, N, N, N, N, N, '公开06表'],
        ['部门：某某局', N, N, N, N, N, N, N, '金额单位：万元'],
        ['人员经费', N, N, '公用经费'],
        ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
        ['301', '工资福利支出', 300, '302', '商品和服务支出', 80, '307', '债务利息及费用支出', 0],
        ['30101', '基本工资', 100, '30201', '办公费', 10, '310', '资本性支出', 5],
        ['30102', '津贴补贴', 200, '30202', '印刷费', 70, '31002', '办公设备购置', 5],
        ['303', '对个人和家庭的补助', 20, N, N, N, N, N, N],
        ['30302', '退休费', 20, N, N, N, N, N, N],
        ['人员经费合计', N, 320, '公用经费合计', N, N, N, N, 85],
      ],
      ['A4:C4', 'D4:I4', 'A11:B11', 'D11:H11'],
    );
    const t = table(readWorkbook([g]), 'T08');
    expect(t.columns).toEqual(['金额']);
    expect(rowKeys(t)).toEqual([
      '301',
      '30101',
      '30102',
      '303',
      '30302',
      '302',
      '30201',
      '30202',
      '307',
      '310',
      '31002',
      '人员经费合计',
      '公用经费合计',
    ]);
    expect(findRow(t, '30101')).toMatchObject({ code: '30101', level: 2, group: '人员经费', label: '基本工资' });
    expect(findRow(t, '310')).toMatchObject({ level: 1, group: '公用经费' });
    expect(wan(t, '30202', '金额')).toBe('70.00');
    expect(cellOf(t, '30202', '金额')).toBe('基本支出!F8');
    expect(wan(t, '人员经费合计', '金额')).toBe('320.00');
    expect(findRow(t, '人员经费合计')?.group).toBe('人员经费');
    expect(wan(t, '公用经费合计', '金额')).toBe('85.00');
    expect(cellOf(t, '公用经费合计', '金额')).toBe('基本支出!I11');
  });

  it('reads a two-group layout without group headers (group from the code) and a 基本支出合计 row', () => {
    const g = grid('T8', [
      ['一般公共预算财政拨款基本支出决算明细表'],
      ['单位：元'],
      ['经济分类科目编码', '科目名称', '金额', '经济分类科目编码', '科目名称', '金额'],
      ['301', '工资福利支出', 10000, '302', '商品和服务支出', 5000],
      ['303', '对个人和家庭的补助', 2000, '310', '资本性支出', 0],
      ['人员经费合计', N, 12000, '公用经费合计', N, 5000],
      ['基本支出合计', N, N, N, N, 17000],
    ]);
    const t = table(readWorkbook([g]), 'T08');
    expect(rowKeys(t)).toEqual(['301', '303', '302', '310', '人员经费合计', '公用经费合计', '基本支出合计']);
    expect(t.rows.map((r) => r.group)).toEqual(['人员经费', '人员经费', '公用经费', '公用经费', '人员经费', '公用经费', undefined]);
    expect(wan(t, '基本支出合计', '金额')).toBe('1.70');
    expect(cellOf(t, '基本支出合计', '金额')).toBe('T8!F7');
    expect(t.unit).toBe('元');
  });
});

describe('T09 一般公共预算财政拨款项目支出决算表', () => {
  it('reads a plain classified layout with one amount column', () => {
    const g = grid(
      '项目支出',
      [
        ['一般公共预算财政拨款项目支出决算表'],
        ['单位：万元'],
        ['科目编码', N, '科目名称', '决算数'],
        ['类', '款'],
        ['合计', N, N, 30.2],
        ['302', N, '商品和服务支出', 30.2],
        ['302', '15', '会议费', 20],
        ['302', '16', '培训费', 10.2],
        ['注：本表反映部门本年度一般公共预算财政拨款项目支出情况。'],
      ],
      ['A3:B3', 'C3:C4', 'D3:D4', 'A5:C5'],
    );
    const t = table(readWorkbook([g]), 'T09');
    expect(rowKeys(t)).toEqual(['302', '30215', '30216', '合计']);
    expect(findRow(t, '30216')?.group).toBeUndefined();
    expect(wan(t, '合计', '金额')).toBe('30.20');
    expect(cellOf(t, '合计', '金额')).toBe('项目支出!D5');
    expect(t.notes).toHaveLength(1);
  });

  it('reads a two-group layout with 项目支出合计', () => {
    const g = grid(
      'T9',
      [
        ['一般公共预算财政拨款项目支出决算表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
        ['302', '商品和服务支出', 20, '310', '资本性支出', 10],
        ['项目支出合计', N, N, N, N, 30],
      ],
      ['A5:E5'],
    );
    const t = table(readWorkbook([g]), 'T09');
    expect(rowKeys(t)).toEqual(['302', '310', '合计']);
    expect(cellOf(t, '合计', '金额')).toBe('T9!F5');
  });
});
