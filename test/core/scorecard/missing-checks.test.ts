// Issue 15's scorecard checks on small workbooks built here: SC-9 不适用 (0/0), SC-10 a rate that
// cannot exceed 100% printed above it, SC-11 the 满意度 score against the 完成情况表 under the rule
// text printed beside it, SC-5 the 自评报告's stated score or deduction against the sheet.
import { checkScorecards } from '../../../src/core/scorecard';
import { parseRuleText } from '../../../src/core/scorecard/rule-text';
import type { Cell, ScorecardFixture, TableFixture } from './build-workbook';
import { gridsOf } from './build-workbook';
import { brief, only } from './helpers';

const HEADER = ['一级指标', '二级指标', '三级指标', '指标解释', '指标说明（评价计分标准）', '自评分数', '自评依据及说明'];
const STAFF = '在职人员控制率=（在职人员数/编制数）×100%。（小于或等于1计5分，否则按比例计分）';
const PROCUREMENT = '政府采购执行率=（实际政府采购金额/政府采购预算数）×100%。（为100%的计4分，每低于1个百分点扣0.5分，扣完为止）';
const PROPORTIONAL = '社会公众或服务对象是指部门（单位）履行职责而影响到的部门、群体或个人。（按收到的服务对象的满意率计算得分）';
const STEP = '满意度≥90%得满分，每降低1个百分点扣0.5分，扣完为止。';
const BANDS = '满意度90%（含）以上得10分，80%（含）-90%得8分，低于80%不得分。';

interface CardOptions {
  procurement?: { score: Cell; evidence: string };
  satisfaction?: { score: Cell; criteria: string; evidence?: string };
  staffEvidence?: string;
}

/** 部门整体: 在职人员控制率 5 + 政府采购执行率 4 + 满意度 10 = 19 points. */
function card(o: CardOptions = {}): ScorecardFixture {
  const p = o.procurement ?? { score: 4, evidence: '（78.07/78.07）×100%=100%' };
  const q = o.satisfaction ?? { score: 9.5, criteria: PROPORTIONAL };
  const scores = [5, p.score, q.score];
  return {
    sheet: '计分表',
    title: '2023年度部门整体支出绩效自评计分表',
    preamble: [['部门（单位）名称：某单位']],
    header: HEADER,
    rows: [
      ['投入（5分）', '预算配置（5分）', '在职人员控制率（5分）', '', STAFF, 5, o.staffEvidence ?? '在职人员48人，编制52人'],
      ['过程（4分）', '预算执行（4分）', '政府采购执行率（4分）', '', PROCUREMENT, p.score, p.evidence],
      ['效果（10分）', '满意度（10分）', '社会公众或服务对象满意度（10分）', '', q.criteria, q.score, q.evidence ?? ''],
    ],
    total: { label: '合计', score: scores.reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0), evidence: '' },
  };
}

interface TableOptions {
  satisfaction?: string[];
  rows?: Cell[][];
}

/** The 年度绩效指标 block of a 部门整体 完成情况表 (no 预算执行情况 block: CT-1…CT-5 stay silent). */
function table(o: TableOptions = {}): TableFixture {
  const satisfaction = o.satisfaction ?? ['95%'];
  return {
    title: '2023年度部门整体支出绩效目标完成情况表',
    rows: [
      [
        '年度绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '预算指标值(包含数字及文字描述)',
        '预算指标值执行结果(包含数字及文字描述)',
        '预算指标值与预算指标值执行结果偏差情况及原因分析',
      ],
      [null, '产出指标', '数量指标', '指标1:', '开展视察调研>=5次', '6次', '无偏差'],
      [null, null, '质量指标', '指标1:', '参会率≥80%', '参会率95%', '无偏差'],
      ...(o.rows ?? []),
      ...satisfaction.map((r, i): Cell[] => [
        null,
        i === 0 ? '满意度指标' : null,
        i === 0 ? '满意度指标' : null,
        `指标${i + 1}:`,
        '代表满意度≥80%',
        r,
        '无偏差',
      ]),
    ],
    merges: [],
  };
}

const SETTINGS = {
  totalPoints: '19',
  bands: [
    { grade: '优', min: '17' },
    { grade: '差', min: '0' },
  ],
};

async function run(c: ScorecardFixture, t: TableFixture | null = table(), reportText?: string[], settings = {}) {
  const grids = await gridsOf([{ name: '自评', parts: t ? [{ scorecard: c }, { table: t }] : [{ scorecard: c }] }]);
  return checkScorecards(grids, { settings: { ...SETTINGS, ...settings }, reportText });
}

// Workbook rows: title 1, preamble 2, column header 3, indicators 4–6, 合计 7, blank 8, table title 9,
// table header 10, rows from 11.

test('the fixture itself is clean', async () => {
  const { findings, completionTables } = await run(card());
  expect(findings).toEqual([]);
  expect(completionTables[0].performance.map((r) => [r.level1, r.level2, r.target.text, r.result.text])).toEqual([
    ['产出指标', '数量指标', '开展视察调研>=5次', '6次'],
    ['产出指标', '质量指标', '参会率≥80%', '参会率95%'],
    ['满意度指标', '满意度指标', '代表满意度≥80%', '95%'],
  ]);
});

describe('SC-9 不适用 (0/0)', () => {
  const none = '本年度无政府采购预算，也未发生政府采购。';

  test('evidence saying there was no 政府采购: full marks is right, and a 提示 says 不适用', async () => {
    const { findings } = await run(card({ procurement: { score: 4, evidence: none } }));
    expect(brief(findings)).toEqual(['SC-9 info 自评!F5']);
    expect(findings[0].message).toBe(
      '部门整体计分表政府采购执行率（依据：无政府采购）：0/0 不适用 → 满分4分（不适用，按满分计），表中填写为4分',
    );
  });

  test('scored 0 (or as if 0/0 were 0%): 不适用 means full marks', async () => {
    const { findings } = await run(card({ procurement: { score: 0, evidence: none } }));
    expect(brief(findings)).toEqual(['SC-9 warning 自评!F5']);
    expect(findings[0].message).toContain('0/0 不适用 → 满分4分，表中填写为0分，相差4分');
    expect(findings[0].cells.map((c) => c.address)).toEqual(['F5', 'G5']);
  });

  test('a formula 0/0 written as “=100%” is 不适用, not a rate of 100% (no SC-6, no SC-7)', async () => {
    const { findings } = await run(card({ procurement: { score: 4, evidence: '政府采购预算0元，实际0元，（0/0）×100%=100%' } }));
    expect(brief(findings)).toEqual(['SC-9 info 自评!F5']);
  });

  test('a 年度绩效指标 row planned 0 (or 无) and done 0 (or 无) is 不适用; planned 5, done 0 is not', async () => {
    const rows: Cell[][] = [
      [null, null, '成本指标', '指标1:', '政府采购金额0万元', '0', '无偏差'],
      [null, '效益指标', '经济效益指标', '指标1:', '无', '无', ''],
      [null, null, '社会效益指标', '指标1:', '开展宣讲>=5次', '0次', '未开展'],
    ];
    const { findings } = await run(card(), table({ rows }));
    expect(brief(findings)).toEqual(['SC-9 info 自评!E13', 'SC-9 info 自评!E14']);
    expect(findings[0].message).toBe(
      '部门整体绩效目标完成情况表“成本指标·指标1:”预算指标值“政府采购金额0万元”、执行结果“0”均为0或无：不适用（0/0），该指标按满分计，不按100%或0%计算',
    );
    expect(findings[0].cells.map((c) => c.address)).toEqual(['E13', 'F13']);
  });
});

describe('SC-10 a rate that cannot exceed 100%', () => {
  test('a participation rate of 120% in the 完成情况表 is an error naming the cell', async () => {
    const t = table();
    t.rows[2] = [null, null, '质量指标', '指标1:', '参会率≥80%', '参会率120%', '无偏差'];
    const { findings } = await run(card(), t);
    expect(brief(findings)).toEqual(['SC-10 error 自评!F12']);
    expect(findings[0].message).toBe(
      '部门整体绩效目标完成情况表“质量指标·指标1:”执行结果“参会率120%”写为120%，参会率不会超过100%：上限100%，超出20个百分点',
    );
  });

  test('a bare number is a percent when the row speaks in % (“覆盖率(%)”)', async () => {
    const rows: Cell[][] = [[null, null, '质量指标', '培训覆盖率(%)', '>= 95', '105', '']];
    const { findings } = await run(card(), table({ rows }));
    expect(brief(findings)).toEqual(['SC-10 error 自评!F13']);
  });

  test('in 自评依据: “代表满意率105%” is an error; 预算完成率 105% is not (it may exceed 100%)', async () => {
    const over = await run(
      card({ satisfaction: { score: 10, criteria: PROPORTIONAL, evidence: '代表满意率105%' } }),
      table({ satisfaction: ['100%'] }),
    );
    expect(brief(over.findings)).toEqual(['SC-10 error 自评!G6']);
    expect(over.findings[0].message).toBe(
      '部门整体计分表“社会公众或服务对象满意度”自评依据“105%”写为105%，社会公众或服务对象满意度不会超过100%：上限100%，超出5个百分点',
    );
    const budget = await run(card({ staffEvidence: '在职人员48人，编制52人；预算完成率105%' }));
    expect(budget.findings).toEqual([]);
  });

  test('the list is data: without 预算完成率 among the exceptions it is flagged too', async () => {
    const { findings } = await run(card({ staffEvidence: '在职人员48人，编制52人；预算完成率105%' }), table(), undefined, {
      unboundedRates: [],
    });
    expect(brief(findings)).toEqual(['SC-10 error 自评!G4']);
    expect(findings[0].message).toContain('“预算完成率105%”写为105%，完成率不会超过100%');
  });
});

describe('SC-11 满意度 score against the 完成情况表 under the printed rule text', () => {
  const with_ = (score: number, criteria: string, results: string[]) =>
    run(card({ satisfaction: { score, criteria } }), table({ satisfaction: results }));

  test('“≥90%得满分，每降低1个百分点扣0.5分” and 85%: 10 − 0.5 × 5 = 7.5', async () => {
    expect((await with_(7.5, STEP, ['85%'])).findings).toEqual([]);
    const { findings } = await with_(8, STEP, ['85%']);
    expect(brief(findings)).toEqual(['SC-11 warning 自评!F6']);
    expect(findings[0].message).toBe(
      '部门整体计分表“社会公众或服务对象满意度”自评8分，与部门整体绩效目标完成情况表的满意度结果不符：按指标说明“≥90%得满分，每降低1个百分点扣0.5分”，代表满意度85%：10 − 0.5 × 5 = 7.5 → 7.5分；相差0.5分',
    );
    expect(findings[0].cells.map((c) => c.address)).toEqual(['F6', 'F13', 'E6']);
  });

  test('“按收到的服务对象的满意率计算得分” and 95%: 9.5', async () => {
    expect((await with_(9.5, PROPORTIONAL, ['95%'])).findings).toEqual([]);
    const { findings } = await with_(10, PROPORTIONAL, ['95%']);
    expect(only(findings, 'SC-11').map((f) => f.message)).toEqual([
      '部门整体计分表“社会公众或服务对象满意度”自评10分，与部门整体绩效目标完成情况表的满意度结果不符：按指标说明“按收到的服务对象的满意率计算得分”，代表满意度95%：10 × 95% = 9.5 → 9.5分；相差0.5分',
    ]);
  });

  test('bands “90%（含）以上得10分，80%（含）-90%得8分，低于80%不得分”', async () => {
    expect((await with_(8, BANDS, ['85%'])).findings).toEqual([]);
    expect((await with_(10, BANDS, ['90%'])).findings).toEqual([]);
    expect((await with_(0, BANDS, ['75%'])).findings).toEqual([]);
    const { findings } = await with_(10, BANDS, ['85%']);
    expect(only(findings, 'SC-11')[0].message).toContain('代表满意度85%：≥80% → 8分；相差2分');
  });

  test('two results: the score may follow from either or from their mean; otherwise all are shown', async () => {
    expect((await with_(9, PROPORTIONAL, ['90%', '95%'])).findings).toEqual([]);
    const { findings } = await with_(10, PROPORTIONAL, ['90%', '95%']);
    expect(only(findings, 'SC-11')[0].message).toContain(
      '代表满意度90%：10 × 90% = 9 → 9分；代表满意度95%：10 × 95% = 9.5 → 9.5分；平均92.5%：10 × 92.5% = 9.25 → 9.25分；相差0.5分',
    );
  });

  test('SC-7 scores the evidence’s 满意率 by the same printed rule', async () => {
    const c = card({ satisfaction: { score: 8.5, criteria: STEP, evidence: '代表满意率85%' } });
    const { findings } = await run(c, null);
    expect(only(findings, 'SC-7').map((f) => f.message)).toEqual([
      '部门整体计分表社会公众或服务对象满意度85%（依据：85%）：10 − 0.5 × 5 = 7.5 → 7.5分，表中填写为8.5分，相差1分',
    ]);
    const right = await run(card({ satisfaction: { score: 7.5, criteria: STEP, evidence: '代表满意率85%' } }), null);
    expect(right.findings).toEqual([]);
  });

  test('a rule text it cannot read is 未核验, not a pass', async () => {
    const { findings } = await with_(10, '根据满意度调查情况酌情打分', ['95%']);
    expect(brief(findings)).toEqual(['SC-11 warning 自评!E6']);
    expect(findings[0].unchecked).toBe(true);
    expect(findings[0].message).toMatch(
      /^未核验：部门整体计分表“社会公众或服务对象满意度”10分无法核对：指标说明没有可识别的满意度计分规则；/,
    );
  });

  test('a result that is not a percent (“已完成”) is 未核验', async () => {
    const { findings } = await with_(10, PROPORTIONAL, ['已完成']);
    expect(brief(findings)).toEqual(['SC-11 warning 自评!F6']);
    expect(findings[0].unchecked).toBe(true);
    expect(findings[0].message).toBe(
      '未核验：部门整体计分表“社会公众或服务对象满意度”10分无法核对：部门整体绩效目标完成情况表的满意度执行结果写为“已完成”，不是满意度百分比，指标说明按百分比计分；填写实际满意度（如“95%”）后可核对',
    );
    expect(findings[0].message).not.toMatch(/\n/);
  });

  test('no 完成情况表, or none with a 满意度 row: nothing to compare', async () => {
    expect((await run(card({ satisfaction: { score: 3, criteria: STEP } }), null)).findings).toEqual([]);
    expect((await run(card({ satisfaction: { score: 3, criteria: STEP } }), table({ satisfaction: [] }))).findings).toEqual([]);
  });
});

describe('rule texts read by parseRuleText', () => {
  test.each([
    ['满意度≥90%得满分，每降低1个百分点扣0.5分', { kind: 'underFloor', target: '90', step: '1', deduct: '0.5' }],
    ['满意度大于等于95%的计10分，每降低一个百分点扣1分', { kind: 'underFloor', target: '95', step: '1', deduct: '1' }],
    ['满意度达到90%以上得满分，每低于1%减0.2分', { kind: 'underFloor', target: '90', step: '1', deduct: '0.2' }],
    ['得分=满意度×10分', { kind: 'proportional' }],
    ['按满意度比例计分', { kind: 'proportional' }],
    [
      '≥90%得10分；80%-90%得8分；70%-80%得6分；低于70%得0分',
      {
        kind: 'bands',
        bands: [
          { min: '90', inclusive: true, points: '10' },
          { min: '80', inclusive: true, points: '8' },
          { min: '70', inclusive: true, points: '6' },
        ],
        below: '0',
      },
    ],
  ])('%s', (text, rule) => {
    expect(parseRuleText(text)?.rule).toEqual(rule);
  });

  test('texts without a rule, and a bounded read of a long text', () => {
    expect(parseRuleText('社会公众或服务对象对部门履职效果的满意程度。')).toBeUndefined();
    expect(parseRuleText('90%以上得10分')).toBeUndefined(); // one band, nothing said below it
    expect(parseRuleText(`${'满'.repeat(100000)}≥90%得满分，每降低1个百分点扣0.5分`)).toBeUndefined();
  });
});

describe('SC-5 the 自评报告 against the sheet (total 18.5 = 5 + 4 + 9.5, 扣 0.5)', () => {
  const sc5 = async (text: string) =>
    only((await run(card(), table(), ['部门整体支出绩效自评报告', text])).findings, 'SC-5').map((f) => f.message);

  test('forms of the stated total that agree', async () => {
    for (const text of [
      '自评得分18.5分。',
      '自评总分18.5分。',
      '自评分为18.5分。',
      '综合评分18.5分，共扣0.5分。',
      '失分0.5分。',
      '取得良好社会效益，自评得分18.5分。',
    ]) {
      expect(await sc5(text)).toEqual([]);
    }
  });

  test('a stated total or deduction that disagrees', async () => {
    expect((await sc5('部门整体自评总分19分，扣分1分。')).sort()).toEqual(
      [
        '自评报告第2段“自评总分19分”与部门整体计分表不符：计分表合计18.5分，相差0.5分',
        '自评报告第2段“扣分1分”与部门整体计分表不符：计分表合计18.5分即共扣0.5分，相差0.5分',
      ].sort(),
    );
    // “满分19分” and “总分19分” state the points available, not the score
    expect(await sc5('计分表满分19分，总分19分，自评得分18.5分。')).toEqual([]);
  });

  test('a score stated for an indicator is compared with that indicator, not the total', async () => {
    expect(await sc5('政府采购执行率得分4分，满意度得分9.5分。')).toEqual([]);
    expect(await sc5('政府采购执行率得分3分。')).toEqual([
      '自评报告第2段“得分3分”与部门整体计分表不符：计分表“政府采购执行率”得4分，相差1分',
    ]);
  });

  test('a 自评报告 held in a sheet of the workbook is read too, and the finding names its cell', async () => {
    const report = (text: string): TableFixture => ({
      title: '2023年度部门整体支出绩效自评报告',
      rows: [['一、部门基本情况'], [text]],
      merges: [],
    });
    const grids = (text: string) =>
      gridsOf([
        { name: '自评', parts: [{ scorecard: card() }, { table: table() }] },
        { name: '自评报告', parts: [{ table: report(text) }] },
      ]);
    const agree = checkScorecards(await grids('经评价，自评得分18.5分，等级为优。'), { settings: SETTINGS });
    expect(agree.findings).toEqual([]);
    const { findings } = checkScorecards(await grids('经评价，自评得分19分，等级为优。'), { settings: SETTINGS });
    expect(brief(findings)).toEqual(['SC-5 error 自评!F7']);
    expect(findings[0].message).toBe('自评报告（自评报告!A3）“自评得分19分”与部门整体计分表不符：计分表合计18.5分，相差0.5分');
    expect(findings[0].cells).toEqual([
      { sheet: '自评', address: 'F7' },
      { sheet: '自评报告', address: 'A3' },
    ]);
    // the same paragraph passed by the caller is not checked twice
    const both = checkScorecards(await grids('经评价，自评得分19分，等级为优。'), {
      settings: SETTINGS,
      reportText: ['经评价，自评得分19分，等级为优。'],
    });
    expect(brief(both.findings)).toEqual(['SC-5 error 自评!F7']);
  });
});
