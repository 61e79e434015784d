// Each scoring rule of domain.md §5.2/§5.3 at its boundaries, in every §5.1 step mode; bands; 0/0.
import { Decimal } from '../../../src/core/money';
import { band, canonicalGrade, DEPARTMENT_RULES, deriveScore, PROJECT_RULES, resolveSettings, steps } from '../../../src/core/scorecard';
import type { RateInput, ScoreRule, StepMode } from '../../../src/core/scorecard';

const MODES: StepMode[] = ['linear', 'perFullStep', 'perStartedStep'];

function rule(list: ScoreRule[], name: string, parent?: string): ScoreRule {
  const r = list.find((x) => x.indicator === name && (!parent || x.parent === parent));
  if (!r) throw new Error(name);
  return r;
}

const rate = (r: string): RateInput => ({ kind: 'rate', rate: new Decimal(r) });

/** Score (as a plain string) the rule gives to each rate, in the mode. */
function scores(r: ScoreRule, rates: string[], mode: StepMode): (string | undefined)[] {
  const s = resolveSettings({ stepMode: mode });
  return rates.map((x) => deriveScore(r, new Decimal(r.points), rate(x), s)?.score.toString());
}

/** rates → [linear, perFullStep, perStartedStep] scores */
function table(r: ScoreRule, rows: [string, string, string, string][]) {
  for (const [x, lin, full, started] of rows) {
    const got = MODES.map((m) => scores(r, [x], m)[0]);
    expect([x, ...got]).toEqual([x, lin, full, started]);
  }
}

describe('steps (§5.1)', () => {
  test('linear / perFullStep / perStartedStep', () => {
    const k = new Decimal(5);
    expect(MODES.map((m) => steps(new Decimal('7.5'), k, m).toString())).toEqual(['1.5', '1', '2']);
    expect(MODES.map((m) => steps(new Decimal('10'), k, m).toString())).toEqual(['2', '2', '2']);
    expect(MODES.map((m) => steps(new Decimal('0'), k, m).toString())).toEqual(['0', '0', '0']);
  });
});

describe('overCap “为100%的计M分，每超过k个百分点扣d分”', () => {
  test('“三公经费”控制率 (2, 1, 0.5)', () => {
    table(rule(DEPARTMENT_RULES, '三公经费控制率'), [
      ['50.76', '2', '2', '2'],
      ['100', '2', '2', '2'],
      ['100.01', '2', '2', '1.5'], // linear 1.995 rounds half-up to 2.00
      ['101', '1.5', '1.5', '1.5'],
      ['101.5', '1.25', '1.5', '1'],
      ['103.99', '0.01', '0.5', '0'],
      ['104', '0', '0', '0'],
      ['115.51', '0', '0', '0'], // seed000
    ]);
  });
  test('公用经费控制率 (2, 1, 0.1)', () => {
    table(rule(DEPARTMENT_RULES, '公用经费控制率'), [
      ['99.83', '2', '2', '2'], // seed000
      ['100', '2', '2', '2'],
      ['100.5', '1.95', '2', '1.9'],
      ['119.99', '0', '0.1', '0'],
      ['120', '0', '0', '0'],
    ]);
  });
  test('the why: “2 − 0.5 × 15.51 = −5.755 < 0 → 0分”', () => {
    const r = rule(DEPARTMENT_RULES, '三公经费控制率');
    const calc = (mode: StepMode, x: string) => deriveScore(r, new Decimal(2), rate(x), resolveSettings({ stepMode: mode }))?.calc;
    expect(calc('linear', '115.51')).toBe('2 − 0.5 × 15.51 = −5.755 < 0 → 0分');
    expect(calc('perFullStep', '101.5')).toBe('2 − 0.5 × ⌊1.5⌋ = 2 − 0.5 × 1 = 1.5 → 1.5分');
    expect(calc('perStartedStep', '101.5')).toBe('2 − 0.5 × ⌈1.5⌉ = 2 − 0.5 × 2 = 1 → 1分');
    expect(calc('linear', '100')).toBe('≤ 100% → 2分');
  });
});

describe('underFloor “为100%的计M分，每低于k个百分点扣d分”', () => {
  test('政府采购执行率 (4, 1, 0.5)', () => {
    table(rule(DEPARTMENT_RULES, '政府采购执行率'), [
      ['100', '4', '4', '4'],
      ['120', '4', '4', '4'],
      ['99.99', '4', '4', '3.5'], // linear 3.995 → 4.00
      ['99', '3.5', '3.5', '3.5'],
      ['98.5', '3.25', '3.5', '3'],
      ['92.01', '0.01', '0.5', '0'],
      ['92', '0', '0', '0'],
    ]);
  });
  test('资金到位率 / 到位及时率 (5, 1, 1) and 固定资产利用率 (1, 1, 0.1)', () => {
    table(rule(PROJECT_RULES, '资金到位率'), [
      ['100', '5', '5', '5'],
      ['96.5', '1.5', '2', '1'],
      ['95', '0', '0', '0'],
      ['94.99', '0', '0', '0'],
    ]);
    table(rule(PROJECT_RULES, '到位及时率'), [['98', '3', '3', '3']]);
    table(rule(DEPARTMENT_RULES, '固定资产利用率'), [
      ['100', '1', '1', '1'],
      ['95', '0.5', '0.5', '0.5'],
      ['94.5', '0.45', '0.5', '0.4'],
      ['90', '0', '0', '0'],
    ]);
  });
});

describe('belowThreshold “低于T%的计M分，每超过k个百分点扣d分”', () => {
  test('结转结余率 (T 5, 2, 5, 1)', () => {
    table(rule(DEPARTMENT_RULES, '结转结余率'), [
      ['0.04', '2', '2', '2'], // seed000
      ['4.99', '2', '2', '2'],
      ['5', '2', '2', '2'], // no excess at the threshold itself
      ['5.01', '2', '2', '1'], // linear 1.998 → 2.00
      ['7.5', '1.5', '2', '1'],
      ['10', '1', '1', '1'],
      ['14.99', '0', '1', '0'],
      ['15', '0', '0', '0'],
    ]);
  });
  test('结转结余变动率 (T 15, 2, 5, 1)', () => {
    table(rule(DEPARTMENT_RULES, '结转结余变动率'), [
      ['-91.21', '2', '2', '2'], // seed000 (0.67 − 7.62)/7.62
      ['15', '2', '2', '2'],
      ['20', '1', '1', '1'],
      ['22.5', '0.5', '1', '0'],
      ['25', '0', '0', '0'],
    ]);
  });
});

describe('rules without step modes', () => {
  test('在职人员控制率: ≤ 100% → 5, else 5 × 100/r', () => {
    const r = rule(DEPARTMENT_RULES, '在职人员控制率');
    for (const mode of MODES) {
      expect(scores(r, ['92.31', '100', '100.01', '106', '125'], mode)).toEqual(['5', '5', '5', '4.72', '4']);
    }
  });
  test('“三公经费”变动率: ≤ 0 → 5, else 5 × (1 − r/100) floored', () => {
    const r = rule(DEPARTMENT_RULES, '三公经费变动率');
    expect(scores(r, ['-82.49', '0', '0.01', '10', '100', '495.7'], 'linear')).toEqual(['5', '5', '5', '4.5', '0', '0']);
  });
  test('预算调整率: 2 × (1 − |r|/100)', () => {
    expect(scores(rule(DEPARTMENT_RULES, '预算调整率'), ['0', '10', '-10', '100', '150'], 'linear')).toEqual(['2', '1.8', '1.8', '0', '0']);
  });
  test('成本节约率: saving or equal → 5, overspend → 5 × (1 − |r|/100)', () => {
    expect(scores(rule(PROJECT_RULES, '成本节约率'), ['19.82', '0', '-0.01', '-10', '-100', '-150'], 'linear')).toEqual([
      '5',
      '5',
      '5',
      '4.5',
      '0',
      '0',
    ]);
  });
  test('proportional “实际得分=率*M” capped at M', () => {
    expect(scores(rule(DEPARTMENT_RULES, '实际完成率'), ['100', '120', '99', '0', '-5'], 'linear')).toEqual(['8', '8', '7.92', '0', '0']);
    expect(scores(rule(PROJECT_RULES, '社会公众或服务对象满意度'), ['95', '100'], 'linear')).toEqual(['9.5', '10']); // 满意率 95% ⇒ 9.5 of 10
    expect(scores(rule(DEPARTMENT_RULES, '社会公众或服务对象满意度'), ['95'], 'linear')).toEqual(['4.75']);
  });
  test('完成及时率: 100% means every quarter on time; a lower rate says nothing per quarter', () => {
    expect(scores(rule(PROJECT_RULES, '完成及时率'), ['100', '75'], 'linear')).toEqual(['6', undefined]);
    expect(scores(rule(DEPARTMENT_RULES, '完成及时率'), ['100'], 'linear')).toEqual(['4']);
  });
  test('checklists and 支付进度率 need item answers, not a rate', () => {
    expect(scores(rule(DEPARTMENT_RULES, '绩效目标合理性'), ['100'], 'linear')).toEqual([undefined]);
    expect(scores(rule(DEPARTMENT_RULES, '支付进度率'), ['100'], 'linear')).toEqual([undefined]);
    expect(rule(DEPARTMENT_RULES, '资产管理安全性').points).toBe('2');
    expect(rule(PROJECT_RULES, '管理制度健全性', '财务管理').points).toBe('3');
  });
  test('rates are rounded to 2 decimals before scoring', () => {
    // 100.004% rounds to 100.00% → full; 100.005% rounds to 100.01% → deduction under perStartedStep
    expect(scores(rule(DEPARTMENT_RULES, '三公经费控制率'), ['100.004', '100.005'], 'perStartedStep')).toEqual(['2', '1.5']);
  });
});

describe('0/0 and x/0', () => {
  const s = resolveSettings();
  test('0/0 is 不适用 with full marks for every rate rule', () => {
    for (const r of [...DEPARTMENT_RULES, ...PROJECT_RULES]) {
      const d = deriveScore(r, new Decimal(r.points), { kind: 'zeroOverZero' }, s);
      if (r.kind === 'checklist' || r.kind === 'payment') expect(d).toBeUndefined();
      else expect([r.indicator, d?.score.toString(), d?.notApplicable]).toEqual([r.indicator, r.points, true]);
    }
  });
  test('x/0: an unbounded rate scores 0 where a higher rate loses points, full where it gains', () => {
    const div = (name: string, list = DEPARTMENT_RULES) =>
      deriveScore(rule(list, name), new Decimal(rule(list, name).points), { kind: 'divByZero' }, s)?.score.toString();
    expect(div('结转结余变动率')).toBe('0'); // 上年 0, 本年 > 0 (§5.2: default 0)
    expect(div('三公经费控制率')).toBe('0');
    expect(div('政府采购执行率')).toBe('4');
    expect(div('成本节约率', PROJECT_RULES)).toBeUndefined();
  });
  test('an upper bound (“低于15%”) scores full only when the whole range does', () => {
    const below = (name: string, bound: string, inclusive = false) =>
      deriveScore(
        rule(DEPARTMENT_RULES, name),
        new Decimal(2),
        { kind: 'below', bound: new Decimal(bound), inclusive },
        s,
      )?.score.toString();
    expect(below('结转结余变动率', '15')).toBe('2');
    expect(below('结转结余变动率', '15', true)).toBe('2');
    expect(below('结转结余变动率', '20')).toBeUndefined();
    expect(below('结转结余率', '5')).toBe('2');
    expect(below('预算完成率', '5')).toBeUndefined();
  });
});

describe('grade bands (§5.4)', () => {
  const s = resolveSettings();
  test.each([
    ['0', '差'],
    ['59.99', '差'],
    ['60', '中'],
    ['79.99', '中'],
    ['80', '良'],
    ['89.99', '良'],
    ['90', '优'],
    ['98', '优'],
    ['100', '优'],
  ])('%s → %s', (score, grade) => {
    expect(band(new Decimal(score), s)).toBe(grade);
  });
  test('优秀 is an alias of 优; unknown grades are undefined', () => {
    expect(canonicalGrade('优秀', s)).toBe('优');
    expect(canonicalGrade('“优”', s)).toBe('优');
    expect(canonicalGrade('良好', s)).toBe('良');
    expect(canonicalGrade('甲', s)).toBeUndefined();
  });
  test('bands are settings', () => {
    const s2 = resolveSettings({
      bands: [
        { grade: 'A', min: '85' },
        { grade: 'B', min: '0' },
      ],
    });
    expect([band(new Decimal('84.99'), s2), band(new Decimal('85'), s2)]).toEqual(['B', 'A']);
  });
});
