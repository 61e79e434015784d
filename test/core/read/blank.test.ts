// What the reader records for writers (填表): which amount cells were empty, and where rows and
// columns are in the sheet.
import { readWorkbook } from '../../../src/core/read';
import { findRow, getAmount } from '../../../src/core/model';
import { isBlankValue } from '../../../src/core/read/value';
import { grid, table } from './helpers';

const N = null;

describe('blank amount cells', () => {
  it('an empty cell (nothing, or only spaces) is blank; a typed 0 or a dash is not', () => {
    expect([null, undefined, '', '  ', '\u3000'].map((v) => isBlankValue(v as never))).toEqual([true, true, true, true, true]);
    expect([0, '0', '-', '—', '0.00'].map((v) => isBlankValue(v))).toEqual([false, false, false, false, false]);

    const model = readWorkbook([
      grid('支出', [
        ['一般公共预算财政拨款支出决算表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [N, '合计', N, 0, '-'],
        ['201', '一般公共服务支出', 10, ' ', 10],
      ]),
    ]);
    const t = table(model, 'T06');
    expect(getAmount(t, '合计', '合计')).toMatchObject({ blank: true, cell: { sheet: '支出', address: 'C4' } });
    expect(getAmount(t, '合计', '合计')?.value.toFixed(2)).toBe('0.00');
    expect(getAmount(t, '合计', '基本支出')?.blank).toBeUndefined();
    expect(getAmount(t, '合计', '项目支出')?.blank).toBeUndefined();
    expect(getAmount(t, '201', '基本支出')?.blank).toBe(true);
    expect(getAmount(t, '201', '合计')?.blank).toBeUndefined();
  });

  it('records the sheet row of each row and the sheet column of each column key', () => {
    const model = readWorkbook([
      grid('支出', [
        ['一般公共预算财政拨款支出决算表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [N, '合计', 10, 0, 10],
        ['201', '一般公共服务支出', 10, N, 10],
      ]),
    ]);
    const t = table(model, 'T06');
    expect(t.columnIndex).toEqual({ 合计: 2, 基本支出: 3, 项目支出: 4 });
    expect(t.rows.map((r) => r.rowIndex)).toEqual([3, 4]);
  });

  it('T01/T04: the 支 side’s label and amount columns, each side’s rows', () => {
    const model = readWorkbook([
      grid('总表', [
        ['收入支出决算总表'],
        ['金额单位：万元'],
        ['项目', '行次', '金额', '项目', '行次', '金额'],
        ['一、一般公共预算财政拨款收入', 1, 100, '一、一般公共服务支出', 9, 100],
        ['二、上级补助收入', 2, N, N, 10, N],
        ['本年收入合计', 3, 100, '本年支出合计', 11, 100],
        ['总计', 4, 100, '总计', 12, 100],
      ]),
    ]);
    const t = table(model, 'T01');
    expect(t.expenseLabelColumn).toBe(3);
    expect(t.columnIndex).toEqual({ 金额: 5 });
    expect(findRow(t, '支:本年支出合计')?.rowIndex).toBe(5);
    expect(findRow(t, '收:上级补助收入')?.rowIndex).toBe(4);
    expect(getAmount(t, '收:上级补助收入', '金额')?.blank).toBe(true);
  });
});
