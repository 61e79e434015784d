// Every identity of domain.md §3.1/§3.2: holds on a consistent department (baseline), and
// fails when one number is broken.
import type { Model } from '../../../src/core/model';
import { checkIdentities, equationInstances, RULES } from '../../../src/core/rules';
import { hierarchyInstances } from '../../../src/core/rules/hierarchy';
import { isEquation, isHierarchy } from '../../../src/core/rules/types';
import { baseline, baselineAux } from './baseline';
import { set } from './helpers';

const REQUIRED_IDS = [
  'T01-1',
  'T01-2',
  'T01-3',
  'T01-4',
  'T01-5',
  'T01-6',
  'T02-1',
  'T02-2',
  'T03-1',
  'T03-2',
  'T04-1',
  'T04-2',
  'T04-3',
  'T04-4',
  'T04-5',
  'T04-6',
  'T04-7',
  'T04-8',
  'T05-1',
  'T05-2',
  'T07-1',
  'T07-2',
  'T09-1',
  'T06-1',
  'T06-2',
  'T08-1',
  'T08-2',
  'T08-3',
  'T08-4',
  'T10-1',
  'T10-2',
  'T10-3',
  'T11-1',
  'T11-2',
  'T12-1',
  'T13-1',
  'T13-2',
  'T14-1',
  'ALL-1',
  'ALL-2',
  'X01',
  'X02',
  'X03',
  'X04',
  'X05',
  'X06',
  'X07',
  'X08',
  'X09',
  'X10',
  'X11',
  'X12',
  'X13',
  'X14',
  'X15',
  'X16',
  'X17',
  'X18',
  'X19',
  'X20',
  'X22',
  'X23',
];

describe('the rule list', () => {
  it('declares every identity of §3.1 and §3.2 except the narrative-only X21', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.has('X21')).toBe(false);
  });

  it('maps 强制 to error and 提示 to warning', () => {
    const severity = (id: string) => new Set(RULES.filter((r) => r.id === id).map((r) => r.severity));
    for (const id of ['T01-1', 'T04-7', 'X01', 'X17', 'ALL-2']) expect(severity(id)).toEqual(new Set(['error']));
    for (const id of ['T01-6', 'T04-8', 'T10-3', 'T11-2', 'T13-2', 'X18', 'X19', 'X20', 'X22', 'X23', 'ALL-1']) {
      expect(severity(id)).toEqual(new Set(['warning']));
    }
  });
});

describe('a consistent department', () => {
  it('passes every identity', () => {
    expect(checkIdentities(baseline(), { aux: baselineAux() })).toEqual([]);
  });

  it('actually evaluates every declaration (none is skipped for lack of cells)', () => {
    const m = baseline();
    const aux = baselineAux();
    const idle = RULES.filter((rule) => {
      if (isEquation(rule)) return equationInstances(m, rule, aux).length === 0;
      if (isHierarchy(rule)) return hierarchyInstances(m, rule).length === 0;
      return false;
    }).map((r) => `${r.id} ${r.description}`);
    expect(idle).toEqual([]);
  });
});

type Case = [id: string, what: string, breakIt: (m: Model) => void, severity: 'error' | 'warning'];

const CASES: Case[] = [
  ['T01-1', '本年收入合计 off', (m) => set(m, 'T01', '收:本年收入合计', '金额', '875.70'), 'error'],
  ['T01-2', 'a 类 row off', (m) => set(m, 'T01', '支:卫生健康支出', '金额', '41.00'), 'error'],
  ['T01-3', '收入总计 off', (m) => set(m, 'T01', '收:总计', '金额', '905.70'), 'error'],
  ['T01-4', '年末结转和结余 off', (m) => set(m, 'T01', '支:年末结转和结余', '金额', '45.70'), 'error'],
  ['T01-5', '支出总计 ≠ 收入总计', (m) => set(m, 'T01', '支:总计', '金额', '905.70'), 'error'],
  ['T01-6', '使用非财政拨款结余 non-zero', (m) => set(m, 'T01', '收:使用非财政拨款结余', '金额', '3.00'), 'warning'],
  ['T02-1', 'row total ≠ columns', (m) => set(m, 'T02', '2010104', '本年收入合计', '100.50'), 'error'],
  [
    'T02-2',
    '项 row consistent but 款 ≠ Σ项',
    (m) => {
      set(m, 'T02', '2010104', '本年收入合计', '101.00');
      set(m, 'T02', '2010104', '财政拨款收入', '101.00');
    },
    'error',
  ],
  ['T03-1', 'row total ≠ columns', (m) => set(m, 'T03', '2010101', '基本支出', '499.00'), 'error'],
  [
    'T03-2',
    '项 row consistent but hierarchy broken',
    (m) => {
      set(m, 'T03', '2120801', '本年支出合计', '26.30');
      set(m, 'T03', '2120801', '项目支出', '26.30');
    },
    'error',
  ],
  ['T04-1', '本年收入合计 off', (m) => set(m, 'T04', '收:本年收入合计', '金额', '821.00'), 'error'],
  ['T04-2', '年初 sub-row off', (m) => set(m, 'T04', '收:年初财政拨款结转和结余.一般公共预算财政拨款', '金额', '21.00'), 'error'],
  ['T04-3', '收入总计 off', (m) => set(m, 'T04', '收:总计', '金额', '846.00'), 'error'],
  ['T04-4', '支 row 合计 ≠ funds', (m) => set(m, 'T04', '支:卫生健康支出', '合计', '41.00'), 'error'],
  [
    'T04-5',
    '类 row consistent but column sum broken',
    (m) => {
      set(m, 'T04', '支:卫生健康支出', '合计', '41.00');
      set(m, 'T04', '支:卫生健康支出', '一般公共预算财政拨款', '41.00');
    },
    'error',
  ],
  ['T04-6', '年末 off', (m) => set(m, 'T04', '支:年末财政拨款结转和结余', '合计', '40.70'), 'error'],
  ['T04-7', '支出总计 ≠ 收入总计', (m) => set(m, 'T04', '支:总计', '合计', '846.00'), 'error'],
  ['T04-8', 'fund balance broken', (m) => set(m, 'T04', '收:一般公共预算财政拨款', '金额', '781.00'), 'warning'],
  [
    'T05-1',
    '款 off (row consistent)',
    (m) => {
      for (const c of ['合计', '基本支出', '公用经费']) set(m, 'T05', '30201', c, '121.00');
    },
    'error',
  ],
  ['T05-2', '基本支出 off', (m) => set(m, 'T05', '301', '基本支出', '471.00'), 'error'],
  ['T06-1', '基本支出 off', (m) => set(m, 'T06', '2010101', '基本支出', '499.00'), 'error'],
  [
    'T06-2',
    '项 off (row consistent)',
    (m) => {
      set(m, 'T06', '2101103', '合计', '11.00');
      set(m, 'T06', '2101103', '基本支出', '11.00');
    },
    'error',
  ],
  [
    'T07-1',
    '款 off (row consistent)',
    (m) => {
      for (const c of ['合计', '基本支出', '公用经费']) set(m, 'T07', '30211', c, '41.00');
    },
    'error',
  ],
  ['T07-2', '人员经费 off', (m) => set(m, 'T07', '30101', '人员经费', '301.00'), 'error'],
  ['T08-1', '款 off', (m) => set(m, 'T08', '30201', '金额', '121.00'), 'error'],
  ['T08-2', '人员经费合计 off', (m) => set(m, 'T08', '人员经费合计', '金额', '491.00'), 'error'],
  ['T08-3', '公用经费合计 off', (m) => set(m, 'T08', '公用经费合计', '金额', '181.00'), 'error'],
  ['T08-4', '基本支出合计 off', (m) => set(m, 'T08', '基本支出合计', '金额', '671.00'), 'error'],
  ['T09-1', '款 off', (m) => set(m, 'T09', '30215', '金额', '61.00'), 'error'],
  ['T10-1', '决算数合计 off', (m) => set(m, 'T10', '决算数', '合计', '21.00'), 'error'],
  ['T10-2', '用车小计 ≠ 购置 + 运行', (m) => set(m, 'T10', '预算数', '公务用车运行费', '16.00'), 'error'],
  [
    'T10-3',
    '决算数 > 预算数',
    (m) => {
      set(m, 'T10', '决算数', '公务接待费', '11.00');
      set(m, 'T10', '决算数', '合计', '26.00');
    },
    'warning',
  ],
  ['T11-1', '本年支出 ≠ 基本 + 项目', (m) => set(m, 'T11', '2120801', '基本支出', '1.00'), 'error'],
  ['T11-2', '年末 does not balance', (m) => set(m, 'T11', '2120801', '年末结转和结余', '9.80'), 'warning'],
  ['T12-1', '合计 ≠ items', (m) => set(m, 'T12', '决算数', '合计', '1.00'), 'error'],
  ['T13-1', '本年支出 ≠ 基本 + 项目', (m) => set(m, 'T13', '223', '项目支出', '9.00'), 'error'],
  ['T13-2', '年初 does not balance', (m) => set(m, 'T13', '22301', '年初结转和结余', '1.00'), 'warning'],
  ['T14-1', '合计 ≠ 基本 + 项目', (m) => set(m, 'T14', '2230101', '项目支出', '9.00'), 'error'],
  ['ALL-1', 'a negative amount', (m) => set(m, 'T03', '2010104', '经营支出', '-1.00'), 'warning'],
  [
    'ALL-2',
    'an empty table without its note',
    (m) => {
      m.tables.T12!.notes = [];
    },
    'error',
  ],
  ['X01', 'T02 合计 off', (m) => set(m, 'T02', '合计', '本年收入合计', '875.70'), 'error'],
  ['X02', 'T02 财政拨款收入 off', (m) => set(m, 'T02', '合计', '财政拨款收入', '821.00'), 'error'],
  ['X03', 'T02 事业收入 off', (m) => set(m, 'T02', '合计', '事业收入', '51.00'), 'error'],
  ['X04', 'T03 合计 off', (m) => set(m, 'T03', '合计', '本年支出合计', '861.00'), 'error'],
  ['X05', 'T03 类 off', (m) => set(m, 'T03', '221', '本年支出合计', '51.00'), 'error'],
  ['X06', 'T04 基金收入 off', (m) => set(m, 'T04', '收:政府性基金预算财政拨款', '金额', '31.00'), 'error'],
  ['X07', 'T04 本年收入合计 off', (m) => set(m, 'T04', '收:本年收入合计', '金额', '821.00'), 'error'],
  ['X08', 'T06 类 off', (m) => set(m, 'T06', '221', '合计', '51.00'), 'error'],
  ['X09', 'T07 合计 off', (m) => set(m, 'T07', '合计', '合计', '771.00'), 'error'],
  ['X10', 'T06 基本支出 off', (m) => set(m, 'T06', '合计', '基本支出', '671.00'), 'error'],
  ['X11', 'T09 合计 off', (m) => set(m, 'T09', '合计', '金额', '101.00'), 'error'],
  ['X12', 'T06 合计 off', (m) => set(m, 'T06', '合计', '合计', '771.00'), 'error'],
  ['X13', 'T07 款 基本支出 ≠ T08', (m) => set(m, 'T07', '30201', '基本支出', '121.00'), 'error'],
  ['X14', 'T05 合计 off', (m) => set(m, 'T05', '合计', '合计', '806.30'), 'error'],
  ['X15', 'T11 本年收入 off', (m) => set(m, 'T11', '合计', '本年收入', '31.00'), 'error'],
  ['X16', 'T13 本年收入 off', (m) => set(m, 'T13', '合计', '本年收入', '11.00'), 'error'],
  ['X17', 'T14 项 off', (m) => set(m, 'T14', '2230101', '合计', '11.00'), 'error'],
  ['X18', 'T06 科目 > T03', (m) => set(m, 'T06', '2010104', '项目支出', '160.00'), 'warning'],
  ['X19', '年初财政拨款结转 > 年初结转', (m) => set(m, 'T04', '收:年初财政拨款结转和结余', '金额', '31.00'), 'warning'],
  ['X20', 'T07 30217 ≠ 三公 公务接待费', (m) => set(m, 'T07', '30217', '合计', '6.00'), 'warning'],
  ['X23', 'T07 30113 ≠ T06 2210201', (m) => set(m, 'T07', '30113', '合计', '51.00'), 'warning'],
];

describe('each identity fails when one number is broken', () => {
  it.each(CASES)('%s: %s', (id, _what, breakIt, severity) => {
    const m = baseline();
    breakIt(m);
    const findings = checkIdentities(m, { aux: baselineAux() });
    const hit = findings.filter((f) => f.rule === id);
    expect(hit.length).toBeGreaterThan(0);
    expect(hit.map((f) => f.severity)).toContain(severity);
  });

  it('X22: 机关运行经费 > 公用经费合计 is a 提示', () => {
    const findings = checkIdentities(baseline(), { aux: baselineAux('180.01') });
    const x22 = findings.filter((f) => f.rule === 'X22');
    expect(x22).toHaveLength(1);
    expect(x22[0]).toMatchObject({ severity: 'warning', actual: '180.01', expected: '180.00', difference: '0.01' });
    expect(x22[0].cells).toEqual([{ sheet: '补充信息', address: 'C20' }, expect.objectContaining({ sheet: '表8' })]);
  });

  it('X22: equal is fine; without the aux input it is skipped silently', () => {
    expect(checkIdentities(baseline(), { aux: baselineAux('180.00') })).toEqual([]);
    const m = baseline();
    set(m, 'T08', '公用经费合计', '金额', '1.00');
    expect(checkIdentities(m).filter((f) => f.rule === 'X22')).toEqual([]);
  });
});
