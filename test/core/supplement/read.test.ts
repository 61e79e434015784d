// The 补充信息 sheet reader (interfaces.md §2).
import type { Grid } from '../../../src/core/grid';
import {
  findSupplementGrid,
  labelWithUnit,
  matchSupplementLabel,
  parseNumber,
  readSupplement,
  SUPPLEMENT_ROWS,
  supplementRowDef,
} from '../../../src/core/supplement';

const grid = (cells: Grid['cells'], sheet = '补充信息'): Grid => ({ sheet, cells, merges: [] });

describe('SUPPLEMENT_ROWS', () => {
  test('holds every label of interfaces.md §2, once', () => {
    const labels = [
      '决算年度',
      '单位名称',
      '收支总计',
      '财政拨款收支总计',
      '一般公共预算财政拨款支出',
      '“三公”经费',
      '因公出国（境）费',
      '公务用车购置及运行维护费',
      '公务接待费',
      '因公出国（境）团组数',
      '因公出国（境）人数',
      '公务用车购置数',
      '轿车购置数',
      '越野车购置数',
      '载客汽车购置数',
      '其他车型购置数',
      '轿车购置金额',
      '越野车购置金额',
      '载客汽车购置金额',
      '其他车型购置金额',
      '公务用车保有量',
      '轿车保有量',
      '越野车保有量',
      '载客汽车保有量',
      '其他车型保有量',
      '国内公务接待费',
      '外事接待费',
      '国内公务接待批次',
      '国内公务接待人次',
      '外事接待批次',
      '外事接待人数',
      '机关运行经费',
      '政府采购支出总额',
      '政府采购货物支出',
      '政府采购工程支出',
      '政府采购服务支出',
      '授予中小企业合同金额',
      '授予小微企业合同金额',
      '车辆总数',
      '主要领导干部用车',
      '机要通信用车',
      '应急保障用车',
      '执法执勤用车',
      '特种专业技术用车',
      '其他用车',
      '单价50万元以上通用设备',
      '单价100万元以上专用设备',
      '事前绩效评估项目数',
      '绩效目标项目数',
      '绩效监控项目数',
      '绩效自评项目数',
      '绩效公开项目数',
      // the Shanghai template's 五（三）、十、十一 (shanghai9)
      '一般公共预算财政拨款支出预决算差异',
      '“三公”经费预决算差异',
      '因公出国（境）开支内容',
      '公务用车购置用途',
      '公务用车运行维护用途',
      '预算绩效管理制度',
      '绩效目标涉及预算金额',
      '绩效跟踪评价项目数',
      '绩效跟踪评价涉及预算金额',
      '绩效自评涉及预算金额',
      '绩效自评平均得分',
      '绩效评级为优的项目数',
      '绩效评级为良的项目数',
      '绩效评级为合格的项目数',
      '绩效评级为不合格的项目数',
      '绩效自评发现问题数',
      '绩效自评问题已整改数',
      '绩效自评问题正在整改数',
      '面向中小企业预留项目预算金额',
      '面向小微企业预留项目预算金额',
      '中小企业预留项目中小企业成交金额',
      '小微企业预留项目小微企业成交金额',
      '其他项目中小企业成交金额',
      '部级领导干部用车',
      '离退休干部用车',
      '单价100万元（含）以上设备',
    ];
    expect(SUPPLEMENT_ROWS.map((r) => r.label).sort()).toEqual([...labels].sort());
  });

  test('columns and units as the spec table', () => {
    expect(supplementRowDef('一般公共预算财政拨款支出')?.columns).toEqual(['上年数', '预算数', '原因说明']);
    expect(supplementRowDef('机关运行经费')?.columns).toEqual(['本年数', '上年数', '原因说明']);
    expect(supplementRowDef('单位名称')?.kind).toBe('text');
    expect(labelWithUnit(supplementRowDef('机关运行经费')!)).toBe('机关运行经费（万元）');
    expect(labelWithUnit(supplementRowDef('轿车保有量')!)).toBe('轿车保有量（辆）');
    expect(labelWithUnit(supplementRowDef('决算年度')!)).toBe('决算年度');
  });
});

describe('findSupplementGrid', () => {
  test('finds the title 补充信息 anywhere in the first rows', () => {
    const other = grid([['收入支出决算总表']], '表1');
    const sup = grid([[null], [null, '2023年度补充信息']], 'Sheet9');
    expect(findSupplementGrid([other, sup])?.sheet).toBe('Sheet9');
  });

  test('ignores the word deeper down or in a long sentence', () => {
    const deep = grid([[null], [null], [null], [null], [null], [null], ['补充信息']]);
    const long = grid([['本表为决算公开补充信息表，用于填写附表中没有的数据，请按说明逐项填写完整']]);
    expect(findSupplementGrid([deep, long])).toBeUndefined();
  });
});

describe('matchSupplementLabel', () => {
  test.each([
    ['机关运行经费（万元）', '机关运行经费'],
    ['“三公”经费', '“三公”经费'],
    ['"三公"经费（万元）', '“三公”经费'],
    ['三公经费', '“三公”经费'],
    ['因公出国（境）费', '因公出国（境）费'],
    ['因公出国(境)费(万元)', '因公出国（境）费'],
    ['公务用车购置及运行费', '公务用车购置及运行维护费'],
    ['单价50万元以上通用设备（台（套））', '单价50万元以上通用设备'],
    ['单价100万元以上专用设备（不含车辆）', '单价100万元以上专用设备'],
    [' 收支总计 ', '收支总计'],
    ['1.收支总计', '收支总计'],
  ])('%s → %s', (text, label) => expect(matchSupplementLabel(text)?.label).toBe(label));

  test('unknown labels do not match', () => {
    expect(matchSupplementLabel('收支总计表')).toBeUndefined();
    expect(matchSupplementLabel('')).toBeUndefined();
  });
});

describe('parseNumber', () => {
  test.each([
    [1234.56, '1234.56'],
    ['1,234.56', '1234.56'],
    [' 12.3 ', '12.3'],
    ['１２.５', '12.5'],
    ['-', '0'],
    ['—', '0'],
    ['－', '0'],
    ['0', '0'],
    ['-5', '-5'],
  ])('%p → %s', (v, out) => {
    const p = parseNumber(v);
    expect(p.kind).toBe('number');
    expect(p.kind === 'number' && p.value.toString()).toBe(out);
  });

  test('blank is unknown, text and errors are bad', () => {
    expect(parseNumber(null).kind).toBe('blank');
    expect(parseNumber('  ').kind).toBe('blank');
    expect(parseNumber('12万').kind).toBe('bad');
    expect(parseNumber('1,23.4').kind).toBe('bad');
    expect(parseNumber({ error: '#REF!' })).toEqual({ kind: 'bad', text: '#REF!' });
    expect(parseNumber(true).kind).toBe('bad');
  });
});

describe('readSupplement', () => {
  const sheet = grid([
    ['补充信息'],
    [null],
    // header in another order, with units and aliases
    ['原因说明', '项目', '本年数（万元）', '科目编码', '上年数（万元）', '调整预算数'],
    ['上年结转', '收支总计（万元）', null, null, '1,112.88', null],
    [null, '决算年度', '2021年度'],
    [null, '单位名称', '安岳县人大常委会办公室'],
    [null, '机关运行经费', 78.81, null, 82.01],
    ['严格按预算执行', '行政运行', null, 2010101, null, 1168],
    [null, '2010102 一般行政管理事务', null, null, null, '28.45'],
    [null, '车辆总数', '2.5'],
    [null, '政府采购支出总额', 'abc'],
    [null, '国内公务接待费', { error: '#REF!' }],
    [null, '外事接待费', 1.23456],
    [null, '收支总计', null, null, 1],
    [null, '不认识的项目', 1],
    [null, null, 5],
    [null, '公务接待费', '-'],
    [null, null, null],
  ]);
  const s = readSupplement(sheet);

  test('rows by label, numbers as exact decimals with their cells', () => {
    const total = s.get('收支总计')!;
    expect(total.上年数?.value.toFixed(2)).toBe('1112.88');
    expect(total.上年数?.cell).toEqual({ sheet: '补充信息', address: 'E4' });
    expect(total.原因说明).toEqual({ text: '上年结转', cell: { sheet: '补充信息', address: 'A4' } });
    expect(total.本年数).toBeUndefined();
    expect(total.cells).toEqual({
      本年数: { sheet: '补充信息', address: 'C4' },
      上年数: { sheet: '补充信息', address: 'E4' },
      预算数: { sheet: '补充信息', address: 'F4' },
      原因说明: { sheet: '补充信息', address: 'A4' },
    });
    expect(s.get('机关运行经费（万元）')?.本年数?.value.toString()).toBe('78.81');
    expect(s.get('公务接待费')?.本年数?.value.toString()).toBe('0');
  });

  test('year and text rows', () => {
    expect(s.get('决算年度')?.本年数?.value.toNumber()).toBe(2021);
    expect(s.get('单位名称')?.text).toEqual({ text: '安岳县人大常委会办公室', cell: { sheet: '补充信息', address: 'C6' } });
    expect(s.get('单位名称')?.本年数).toBeUndefined();
  });

  test('per-科目 rows by 科目编码 (a number, or leading the 项目 text)', () => {
    expect(s.byCode('2010101')?.预算数?.value.toString()).toBe('1168');
    expect(s.byCode('2010101')?.原因说明?.text).toBe('严格按预算执行');
    expect(s.byCode('2010101')?.labelCell).toEqual({ sheet: '补充信息', address: 'D8' });
    expect(s.byCode('2010102')).toMatchObject({ label: '一般行政管理事务', code: '2010102' });
    expect(s.byCode('2010102')?.预算数?.value.toString()).toBe('28.45');
    expect(Object.keys(s.budgets)).toEqual(['2010101', '2010102']);
  });

  test('an amount typed as a number reads as the same figure typed as text: value, cell, 0.01元 count, JSON', () => {
    const amountOf = (v: number | string) =>
      readSupplement(
        grid([
          ['项目', '本年数'],
          ['机关运行经费', v],
        ]),
      ).get('机关运行经费')?.本年数;
    const byNumber = amountOf(78.81);
    const byText = amountOf('78.81');
    expect(byNumber?.value.toString()).toBe('78.81');
    expect(byNumber?.cell).toEqual({ sheet: '补充信息', address: 'B2' });
    expect(byNumber?.cell).toEqual(byText?.cell);
    expect(byNumber?.units).toBe(78_810_000);
    expect(JSON.stringify(byNumber)).toBe(JSON.stringify(byText));
  });

  test('amounts keep 2 decimals half-up and the raw value', () => {
    const a = s.get('外事接待费')?.本年数;
    expect(a?.value.toString()).toBe('1.23');
    expect(a?.raw?.toString()).toBe('1.23456');
  });

  test('bad cells: READ findings naming the cell; the value stays unknown', () => {
    const read = s.findings.filter((f) => f.rule === 'READ');
    const at = (addr: string) => read.find((f) => f.cells[0].address === addr);
    expect(at('C10')).toMatchObject({ severity: 'warning' });
    expect(at('C10')?.message).toContain('应为非负整数');
    expect(s.get('车辆总数')?.本年数).toBeUndefined();
    expect(at('C11')?.message).toContain('“abc”不是有效的金额（万元）');
    expect(at('C12')?.message).toContain('#REF!');
    expect(s.get('政府采购支出总额')?.本年数).toBeUndefined();
  });

  test('duplicates keep the first row; unknown labels and values without a label are reported', () => {
    const dup = s.findings.find((f) => f.message.includes('出现了两次'));
    expect(dup?.cells.map((c) => c.address)).toEqual(['B14', 'B4']);
    expect(s.get('收支总计')?.上年数?.value.toString()).toBe('1112.88');
    expect(s.findings.find((f) => f.message.includes('不认识的项目'))).toMatchObject({ severity: 'info' });
    expect(s.findings.find((f) => f.message.includes('没有项目名称'))?.cells).toEqual([{ sheet: '补充信息', address: 'B16' }]);
  });

  test('no header: one READ finding, empty supplement, no throw', () => {
    const empty = readSupplement(grid([['补充信息'], ['随便写点什么']]));
    expect(empty.rows).toEqual({});
    expect(empty.findings).toHaveLength(1);
    expect(empty.findings[0]).toMatchObject({ rule: 'READ', severity: 'warning' });
    expect(empty.get('收支总计')).toBeUndefined();
  });

  test('a sheet without 上年数 or 原因说明 columns still reads what it has', () => {
    const g = readSupplement(grid([['补充信息'], ['项目', '本年数'], ['机关运行经费', 10]]));
    expect(g.get('机关运行经费')?.本年数?.value.toString()).toBe('10');
    expect(g.get('机关运行经费')?.cells).toEqual({ 本年数: { sheet: '补充信息', address: 'B3' } });
  });
});
