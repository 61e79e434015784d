// §3.6: tol(n) = floor((n+1)/2) × 0.01 万元; 0 < diff ≤ tol → info 取整误差; diff > tol → the rule's
// severity; copies and 元 tables: tolerance 0.
import { checkIdentities } from '../../../src/core/rules';
import { roundingTolerance } from '../../../src/core/rules/tolerance';
import { model, table } from './helpers';

const only = (id: string, findings: ReturnType<typeof checkIdentities>) => findings.filter((f) => f.rule === id);
/** What was judged: these one-table models leave the identities on rows they lack 未核验. */
const judged = (findings: ReturnType<typeof checkIdentities>) => findings.filter((f) => !f.unchecked);

/** T06 with one row: 合计 = 基本支出 + 项目支出 (T06-1, 2 addends). */
const t06 = (total: string, basic: string, project: string, unit: '万元' | '元' = '万元') =>
  model(table('T06', [['2010101', { 合计: total, 基本支出: basic, 项目支出: project }]], { unit }));

/** T02 with one row: 本年收入合计 = 财政拨款 + 事业 + 其他 (3 non-zero addends). */
const t02 = (total: string) =>
  model(
    table('T02', [
      [
        '2010101',
        {
          本年收入合计: total,
          财政拨款收入: '10.00',
          上级补助收入: '0',
          事业收入: '20.00',
          经营收入: '0',
          附属单位上缴收入: '0',
          其他收入: '30.00',
        },
      ],
    ]),
  );

describe('tol(n)', () => {
  it.each([
    [1, '0.01'],
    [2, '0.01'],
    [3, '0.02'],
    [4, '0.02'],
    [5, '0.03'],
    [8, '0.04'],
  ])('n=%i → %s', (n, tol) => {
    expect(roundingTolerance(n).toFixed(2)).toBe(tol);
  });
});

describe('boundaries', () => {
  it('diff 0 → no finding', () => {
    expect(judged(checkIdentities(t02('60.00')))).toEqual([]);
  });

  it('3 addends: diff = tol (0.02) → info; diff = tol + 0.01 → error', () => {
    const [info] = only('T02-1', checkIdentities(t02('60.02')));
    expect(info).toMatchObject({ severity: 'info', difference: '0.02', tolerance: '0.02', actual: '60.02', expected: '60.00' });
    const [error] = only('T02-1', checkIdentities(t02('60.03')));
    expect(error).toMatchObject({ severity: 'error', difference: '0.03', tolerance: '0.02' });
  });

  it('2 addends off by 0.01 → info; by 0.02 → error', () => {
    expect(only('T06-1', checkIdentities(t06('100.01', '60.00', '40.00')))).toEqual([
      expect.objectContaining({ severity: 'info', difference: '0.01', tolerance: '0.01' }),
    ]);
    expect(only('T06-1', checkIdentities(t06('99.98', '60.00', '40.00')))).toEqual([
      expect.objectContaining({ severity: 'error', difference: '0.02', tolerance: '0.01' }),
    ]);
  });

  it('8 addends: 0.04 → info, 0.05 → error', () => {
    const t01 = (total: string) =>
      model(
        table('T01', [
          ['收:一般公共预算财政拨款收入', '1.00'],
          ['收:政府性基金预算财政拨款收入', '1.00'],
          ['收:国有资本经营预算财政拨款收入', '1.00'],
          ['收:上级补助收入', '1.00'],
          ['收:事业收入', '1.00'],
          ['收:经营收入', '1.00'],
          ['收:附属单位上缴收入', '1.00'],
          ['收:其他收入', '1.00'],
          ['收:本年收入合计', total],
        ]),
      );
    expect(only('T01-1', checkIdentities(t01('8.04')))[0]).toMatchObject({ severity: 'info', tolerance: '0.04' });
    expect(only('T01-1', checkIdentities(t01('7.95')))[0]).toMatchObject({ severity: 'error', tolerance: '0.04', difference: '0.05' });
  });

  it('zero addends carry no rounding error: 1 non-zero addend → tol 0.01', () => {
    expect(only('T06-1', checkIdentities(t06('100.01', '100.00', '0')))[0]).toMatchObject({ severity: 'info', tolerance: '0.01' });
    expect(only('T06-1', checkIdentities(t06('100.02', '100.00', '0')))[0]).toMatchObject({ severity: 'error', tolerance: '0.01' });
  });

  it('a hierarchy counts its printed children', () => {
    const m = (total: string) =>
      model(
        table(
          'T06',
          [
            ['合计', { 合计: total }],
            ['201', { 合计: '10.00' }],
            ['208', { 合计: '20.00' }],
            ['210', { 合计: '30.00' }],
          ],
          { columns: ['合计'] },
        ),
      );
    expect(only('T06-2', checkIdentities(m('60.02')))[0]).toMatchObject({ severity: 'info', tolerance: '0.02' });
    expect(only('T06-2', checkIdentities(m('60.03')))[0]).toMatchObject({ severity: 'error', tolerance: '0.02' });
  });

  it('copies have tolerance 0: 0.01 off is an error', () => {
    const m = model(table('T01', [['收:本年收入合计', '100.01']]), table('T02', [['合计', { 本年收入合计: '100.00' }]]));
    expect(only('X01', checkIdentities(m))).toEqual([
      expect.objectContaining({ severity: 'error', difference: '0.01', tolerance: '0.00' }),
    ]);
  });

  it('≤ has no rounding band', () => {
    const m = model(
      table('T06', [['2010101', { 合计: '10.01', 基本支出: '10.01', 项目支出: '0' }]]),
      table('T03', [['2010101', { 本年支出合计: '10.00', 基本支出: '10.00', 项目支出: '0' }]]),
    );
    const x18 = only('X18', checkIdentities(m));
    expect(x18.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(x18[0].message).toContain('>');
  });
});

describe('元 tables', () => {
  it('every amount from 元 tables: 0.01元 off is an error, tolerance 0', () => {
    const [f] = only('T06-1', checkIdentities(t06('1000000.01', '600000.00', '400000.00', '元')));
    expect(f).toMatchObject({ severity: 'error', tolerance: '0.00', actual: '100.00', expected: '100.00', difference: '0.00' });
    expect(f.message).toContain('100.000001万元');
    expect(f.message).toContain('相差0.000001万元');
    expect(f.message).toContain('元表按0.01元判断');
  });

  it('exact in 元 → no finding', () => {
    expect(judged(checkIdentities(t06('1000000.01', '600000.00', '400000.01', '元')))).toEqual([]);
  });

  it('a copy between a 万元 and a 元 table compares at 0.01万元', () => {
    const pair = (yuan: string) =>
      model(table('T01', [['收:本年收入合计', '874.70']]), table('T02', [['合计', { 本年收入合计: yuan }]], { unit: '元' }));
    expect(only('X01', checkIdentities(pair('8747012.34')))).toEqual([]); // 874.701234 → 874.70
    expect(only('X01', checkIdentities(pair('8747050.00')))[0]).toMatchObject({ severity: 'error', expected: '874.71' });
  });

  it('a sum mixing 元 and 万元 allows 0.005万元 per rounded amount', () => {
    const m = (publicUse: string) =>
      model(
        table('T06', [['合计', { 合计: '100.00', 基本支出: '100.00', 项目支出: '0' }]]),
        table(
          'T08',
          [
            ['人员经费合计', '499960.00'],
            ['公用经费合计', publicUse],
          ],
          { unit: '元' },
        ),
      );
    expect(only('X10', checkIdentities(m('500000.00')))[0]).toMatchObject({ severity: 'info', tolerance: '0.01' }); // 0.005
    expect(only('X10', checkIdentities(m('499900.00')))[0]).toMatchObject({ severity: 'error' });
  });
});

describe('the 取整误差 explanation', () => {
  it('names the difference, the number of addends and the allowed range', () => {
    const [f] = only('T02-1', checkIdentities(t02('60.02')));
    expect(f.message).toContain('取整误差');
    expect(f.message).toContain('差额0.02万元');
    expect(f.message).toContain('3个加数');
    expect(f.message).toContain('允许误差±0.02万元');
    expect(f.message).not.toContain('舍入残差');
  });

  it('names the addend with the largest rounding residue when raw values are known', () => {
    const m = model(table('T06', [['2010101', { 合计: '100.01~100.006', 基本支出: '60.00~59.996', 项目支出: '40.00~40.004' }]]));
    const [f] = only('T06-1', checkIdentities(m));
    expect(f.severity).toBe('info');
    expect(f.message).toContain('舍入残差');
    expect(f.message).toContain('“2010101 行政运行·合计”：原值100.006万元，公开100.01万元，残差-0.004万元');
  });

  it('compares the published values, not the raw ones', () => {
    const m = model(table('T06', [['2010101', { 合计: '100.03~100.0251', 基本支出: '60.00~59.998', 项目支出: '40.00' }]]));
    expect(only('T06-1', checkIdentities(m))[0]).toMatchObject({ severity: 'error', actual: '100.03', difference: '0.03' });
  });
});
