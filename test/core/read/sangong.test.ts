import { readWorkbook } from '../../../src/core/read';
import { SAN_GONG_BLOCKS } from '../../../src/core/tables';
import { cellOf, grid, rowKeys, table, wan } from './helpers';

const N = null;
const KEYS = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费'];

describe('“三公” tables', () => {
  it('reads T10 grouped: 预算数 1–6 then 决算数 7–12, three header levels', () => {
    const g = grid(
      '三公',
      [
        ['一般公共预算财政拨款“三公”经费支出决算表', N, N, N, N, N, N, N, N, N, N, '公开07表'],
        ['部门：某某局', N, N, N, N, N, N, N, N, N, N, '金额单位：万元'],
        ['预算数', N, N, N, N, N, '决算数'],
        [
          '合计',
          '因公出国（境）费',
          '公务用车购置及运行费',
          N,
          N,
          '公务接待费',
          '合计',
          '因公出国（境）费',
          '公务用车购置及运行费',
          N,
          N,
          '公务接待费',
        ],
        [N, N, '小计', '公务用车购置费', '公务用车运行费', N, N, N, '小计', '公务用车购置费', '公务用车运行费'],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        [10.5, 0, 7.2, 0, 7.2, 3.3, 8.1, '-', 5, 0, 5, 3.1],
        ['注：“三公”经费决算数包括当年财政拨款和以前年度结转资金安排的支出。'],
      ],
      ['A3:F3', 'G3:L3', 'A4:A5', 'B4:B5', 'C4:E4', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:K4', 'L4:L5', 'A8:L8'],
    );
    const t = table(readWorkbook([g]), 'T10');
    expect(t.columns).toEqual(KEYS);
    expect(rowKeys(t)).toEqual([...SAN_GONG_BLOCKS]);
    expect(Object.keys(t.rows[0].cells)).toEqual(KEYS);
    expect(wan(t, '预算数', '合计')).toBe('10.50');
    expect(cellOf(t, '预算数', '合计')).toBe('三公!A7');
    expect(wan(t, '预算数', '公务用车购置及运行费')).toBe('7.20');
    expect(cellOf(t, '预算数', '公务用车运行费')).toBe('三公!E7');
    expect(wan(t, '决算数', '因公出国（境）费')).toBe('0.00');
    expect(cellOf(t, '决算数', '公务用车购置及运行费')).toBe('三公!I7');
    expect(wan(t, '决算数', '公务接待费')).toBe('3.10');
    expect(cellOf(t, '决算数', '公务接待费')).toBe('三公!L7');
    expect(t.notes).toHaveLength(1);
  });

  it('reads T12 interleaved per item (预算数/决算数 under each item), straight quotes in the title', () => {
    const g = grid(
      'T12',
      [
        ['2023年度政府性基金预算财政拨款"三公"经费支出决算表'],
        ['单位：元'],
        ['合计', N, '因公出国（境）费用', N, '公务用车购置及运行维护费', N, N, N, N, N, '公务接待费'],
        [N, N, N, N, '小计', N, '公务用车购置费', N, '公务用车运行维护费'],
        ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
        [50000, 40000, 0, 0, 30000, 25000, 0, 0, 30000, 25000, 20000, 15000],
      ],
      ['A3:B4', 'C3:D4', 'E3:J3', 'K3:L4', 'E4:F4', 'G4:H4', 'I4:J4'],
    );
    const t = table(readWorkbook([g]), 'T12');
    expect(t.columns).toEqual(KEYS);
    expect(rowKeys(t)).toEqual(['预算数', '决算数']);
    expect(wan(t, '预算数', '合计')).toBe('5.00');
    expect(wan(t, '决算数', '合计')).toBe('4.00');
    expect(cellOf(t, '决算数', '合计')).toBe('T12!B6');
    expect(cellOf(t, '决算数', '公务用车购置及运行费')).toBe('T12!F6');
    expect(cellOf(t, '预算数', '公务用车运行费')).toBe('T12!I6');
    expect(wan(t, '决算数', '公务接待费')).toBe('1.50');
  });

  it('reads the variant with 预算数 and 决算数 as rows', () => {
    const g = grid(
      'T10',
      [
        ['财政拨款“三公”经费支出决算表'],
        ['单位：万元'],
        ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', N, N, '公务接待费'],
        [N, N, N, '小计', '公务用车购置费', '公务用车运行费'],
        ['预算数', 3, 0, 2, 0, 2, 1],
        ['决算数', 2.5, 0, 1.5, 0, 1.5, 1],
      ],
      ['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'],
    );
    const t = table(readWorkbook([g]), 'T10');
    expect(rowKeys(t)).toEqual(['预算数', '决算数']);
    expect(cellOf(t, '决算数', '公务用车购置费')).toBe('T10!E6');
    expect(wan(t, '决算数', '合计')).toBe('2.50');
  });
});
