// SC-1…SC-7 and CT-1…CT-6 on small made-up sheets (the seeds cover the published layouts).
import { Decimal } from '../../../src/core/money';
import { checkScorecards, DEPARTMENT_RULES } from '../../../src/core/scorecard';
import type { ScoreRule } from '../../../src/core/scorecard';
import type { Grid } from '../../../src/core/grid';
import type { Cell, ScorecardFixture, TableFixture } from './build-workbook';
import { gridsOf } from './build-workbook';
import { brief, only } from './helpers';

const HEADER = ['一级指标', '二级指标', '三级指标', '指标解释', '指标说明（评价计分标准）', '自评分数', '自评依据及说明'];

const CRITERIA = {
  staff: '在职人员控制率=（在职人员数/编制数）×100%。（小于或等于1计5分，否则按比例计分）',
  publicFunds: '公用经费控制率=（实际支出公用经费总额/预算安排公用经费总额）×100%。（为100%的计2分，每超过1个百分点扣0.1分，扣完为止）',
  procurement: '政府采购执行率=（实际政府采购金额/政府采购预算数）×100%。（为100%的计4分，每低于1个百分点扣0.5分，扣完为止）',
  payment: '支付进度率=（实际支付进度/既定支付进度）×100%。完成年终进度的计1分，按季度完成预算进度的计1分。',
  goals: '①是否符合国家法律法规；(1分）②是否符合“三定”方案；（0.5分）③是否符合中长期规划。（0.5分）',
};

/** Σ of the numeric scores, exactly. */
const sumOf = (cells: Cell[]): number => cells.reduce((a, b) => (typeof b === 'number' ? a.add(String(b)) : a), new Decimal(0)).toNumber();

/** A small 部门整体 card: 投入 10 = 在职人员控制率 5 + 绩效目标合理性 2 + …; totals to 15. */
function card(opts: {
  scores?: Cell[];
  evidence?: Cell[];
  total?: Cell;
  grade?: string;
  goalsCriteria?: string;
  title?: string | null;
}): ScorecardFixture {
  const s = opts.scores ?? [5, 2, 2, 4, 2];
  const e = opts.evidence ?? ['在职人员48人，编制52人', '', '', '', ''];
  return {
    sheet: '计分表',
    title: opts.title === undefined ? '2023年度部门整体支出绩效自评计分表' : (opts.title ?? ''),
    preamble: [[`部门（单位）名称：某单位  预算单位编码：001  自评等级：${opts.grade ?? '差'}`]],
    header: HEADER,
    rows: [
      ['投入（7分）', '预算配置（5分）', '在职人员控制率（5分）', '', CRITERIA.staff, s[0], e[0]],
      [null, '目标设定（2分）', '绩效目标合理性（2分）', '', opts.goalsCriteria ?? CRITERIA.goals, s[1], e[1]],
      ['过程（8分）', '预算执行（8分）', '公用经费控制率（2分）', '', CRITERIA.publicFunds, s[2], e[2]],
      [null, null, '政府采购执行率（4分）', '', CRITERIA.procurement, s[3], e[3]],
      [null, null, '支付进度率（2分）', '', CRITERIA.payment, s[4], e[4]],
    ],
    total: opts.total === null ? null : { label: '合计', score: opts.total ?? sumOf(s), evidence: '' },
  };
}

const SMALL = {
  totalPoints: '15',
  bands: [
    { grade: '优', min: '13.5' },
    { grade: '良', min: '12' },
    { grade: '中', min: '9' },
    { grade: '差', min: '0' },
  ],
};

async function run(fx: ScorecardFixture, options: Parameters<typeof checkScorecards>[1] = {}) {
  const grids = await gridsOf([{ name: '计分表', parts: [{ scorecard: fx }] }]);
  return checkScorecards(grids, { ...options, settings: { ...SMALL, ...(options.settings ?? {}) } });
}

describe('a clean card has no findings', () => {
  test('all consistent', async () => {
    const { findings, scorecards } = await run(card({ grade: '优' }));
    expect(scorecards[0].computedTotal.toString()).toBe('15');
    expect(findings).toEqual([]);
  });
});

describe('SC-1 / SC-3 / SC-4', () => {
  test('scores out of range, not a number; 合计 ≠ Σ; grade ≠ band', async () => {
    const { findings } = await run(card({ scores: [6, '好', 2, -1, 2], total: 10, grade: '优' }));
    expect(brief(findings.filter((f) => f.rule !== 'SC-7'))).toEqual([
      'SC-1 error 计分表!F4',
      'SC-1 error 计分表!F5',
      'SC-1 error 计分表!F7',
      'SC-3 error 计分表!F9',
      'SC-4 error 计分表!A2',
    ]);
    const msgs = findings.map((f) => f.message).join('\n');
    expect(msgs).toContain('“在职人员控制率”自评分数6分超过满分5分，超出1分');
    expect(msgs).toContain('“绩效目标合理性”自评分数“好”不是数字');
    expect(msgs).toContain('“政府采购执行率”自评分数-1分小于0');
    expect(msgs).toContain('合计10分 ≠ 三级指标得分合计9分，相差1分');
    expect(msgs).toContain('自评等级“优”与合计10分对应的等级“中”不符');
    // 在职 48/52 gives 5, not 6
    expect(only(findings, 'SC-7').map((f) => f.message)).toEqual([
      '部门整体计分表在职人员控制率92.31%（依据：在职48人/编制52人）：≤ 100% → 5分，表中填写为6分，相差1分',
    ]);
  });

  test('an unknown grade is an error; a blank 合计 cell is SC-3', async () => {
    const { findings } = await run(card({ grade: '甲', total: '' }));
    expect(brief(findings)).toEqual(['SC-3 error 计分表!F9', 'SC-4 error 计分表!A2']);
    expect(findings.map((f) => f.message).join('\n')).toContain('自评等级“甲”不是优/良/中/差之一');
  });
});

describe('SC-2 template integrity', () => {
  test('checklist points that do not add up to the indicator, and a wrong 一级 label', async () => {
    const fx = card({ grade: '优', goalsCriteria: '①…（1分）②…（0.5分）' });
    fx.rows[0][0] = '投入（8分）';
    const { findings } = await run(fx);
    expect(brief(findings)).toEqual(['SC-2 error 计分表!A4', 'SC-2 error 计分表!E5']);
    expect(findings.map((f) => f.message).join('\n')).toContain(
      '“绩效目标合理性”指标说明各项分值1+0.5计1.5分，与指标分值2分不符，相差0.5分',
    );
  });

  test('Σ 三级 ≠ total points', async () => {
    const { findings } = await run(card({ grade: '优' }), { settings: { totalPoints: '100' } });
    expect(only(findings, 'SC-2').map((f) => f.message)).toEqual(['部门整体计分表三级指标分值合计15分，应为100分，相差85分']);
  });
});

describe('SC-6 / SC-7 evidence', () => {
  const withEvidence = (score: number, evidence: string) =>
    card({ grade: '优', scores: [5, 2, score, 4, 2], evidence: ['', '', evidence, '', ''] });

  test('the step mode decides what 101.5% gives: linear 1.85, perFullStep 1.9, perStartedStep 1.8', async () => {
    const fx = withEvidence(1.85, '（101.5/100）×100%=101.5%');
    for (const [mode, expected] of [
      ['linear', []],
      ['perFullStep', ['1.9']],
      ['perStartedStep', ['1.8']],
    ] as const) {
      const { findings } = await run({ ...fx, total: { label: '合计', score: 14.85, evidence: '' } }, { settings: { stepMode: mode } });
      const sc7 = only(findings, 'SC-7');
      expect(sc7.map((f) => /→ ([\d.]+)分，表中填写为1\.85分/.exec(f.message)?.[1])).toEqual([...expected]);
      expect(findings.filter((f) => f.rule !== 'SC-7' && f.rule !== 'SC-4')).toEqual([]);
    }
  });

  test('0/0 is 不适用: full marks, info, no SC-6', async () => {
    const fx = card({ grade: '优', evidence: ['', '', '', '政府采购预算0元，实际采购0元，（0/0）×100%=100%', ''] });
    const { findings } = await run(fx);
    expect(brief(findings)).toEqual(['SC-9 info 计分表!F7']);
    expect(findings[0].message).toContain('0/0 不适用 → 满分4分');
  });

  test('a wrong written result is SC-6; the score follows from the recomputed rate', async () => {
    const fx = withEvidence(2, '（382.73/383.39）×100%=99.82%');
    const { findings } = await run(fx);
    expect(brief(findings)).toEqual(['SC-6 error 计分表!G6']);
  });

  test('evidence nested too deep or too long is one SC-6 warning on its cell; the other cells are still checked', async () => {
    const deep = `${'（'.repeat(2400)}1${'）'.repeat(2400)}/1×100%=100%`;
    const chain = `${Array(2400).fill('1').join('+')}=2400`;
    const huge = `${Array(20000).fill('1').join('+')}=20000`;
    const fx = card({ grade: '优', scores: [5, 2, 2, 4, 2], evidence: [deep, chain, '（382.73/383.39）×100%=99.82%', huge, ''] });
    const { findings } = await run(fx);
    expect(brief(findings.filter((f) => f.rule === 'SC-6'))).toEqual([
      'SC-6 error 计分表!G6',
      'SC-6 warning 计分表!G4',
      'SC-6 warning 计分表!G5',
      'SC-6 warning 计分表!G7',
    ]);
    const warnings = findings.filter((f) => f.rule === 'SC-6' && f.severity === 'warning').map((f) => f.message);
    expect(warnings).toEqual([
      '未核验：部门整体计分表“在职人员控制率”的自评依据括号嵌套超过20层，其中的算式未核对（请拆成几个简短的算式）',
      '未核验：部门整体计分表“绩效目标合理性”的自评依据一个算式中的运算符超过60个，其中的算式未核对（请拆成几个简短的算式）',
      '未核验：部门整体计分表“政府采购执行率”的自评依据超过5000个字符，其中的算式未核对（请拆成几个简短的算式）',
    ]);
  });

  test('a locality’s own rule list: “每超过一个百分点扣0.5分” for 在职人员控制率', async () => {
    const fx = card({ grade: '优', scores: [2, 2, 2, 4, 2], evidence: ['在职人员53人，编制50人', '', '', '', ''] });
    const local: ScoreRule[] = DEPARTMENT_RULES.map((r) =>
      r.indicator === '在职人员控制率'
        ? { indicator: '在职人员控制率', points: '5', kind: 'overCap', cap: '100', step: '1', deduct: '0.5' }
        : r,
    );
    const byDefault = await run(fx);
    expect(only(byDefault.findings, 'SC-7').map((f) => f.message)).toEqual([
      '部门整体计分表在职人员控制率106%（依据：在职53人/编制50人）：5 × 100/106 = 4.717 → 4.72分，表中填写为2分，相差2.72分',
    ]);
    const byLocal = await run(fx, { settings: { departmentRules: local } });
    expect(only(byLocal.findings, 'SC-7')).toEqual([]);
  });
});

describe('recognition', () => {
  test('a scorecard with only its column header (no title) is still read', async () => {
    const { scorecards } = await run(card({ grade: '优', title: null }));
    expect(scorecards).toHaveLength(1);
    expect(scorecards[0].kind).toBe('department');
    expect(scorecards[0].indicators.map((i) => i.name)).toEqual([
      '在职人员控制率',
      '绩效目标合理性',
      '公用经费控制率',
      '政府采购执行率',
      '支付进度率',
    ]);
  });

  test('an untitled 完成情况表 right under a scorecard without 合计 does not add indicators', async () => {
    const table: TableFixture = {
      title: '',
      rows: [
        ['预算执行情况', '项目', '预算额(百元)', '执行额(百元)', '当年结转结余额(百元)', '结转结余率%', '结转结余变动率%'],
        [null, '合计', 1000, 900, 100, 10, null],
      ],
      merges: [[0, 0, 1, 0]],
    };
    const grids = await gridsOf([{ name: '计分表', parts: [{ scorecard: card({ grade: '优', total: null }) }, { table }] }]);
    const { scorecards } = checkScorecards(grids, { settings: SMALL });
    expect(scorecards[0].indicators).toHaveLength(5);
  });

  test('paragraphs that mention a 计分表 are not titles', async () => {
    const grids: Grid[] = [{ sheet: '说明', cells: [['按照2023年度部门整体支出绩效自评计分表综合评分，结论为优秀。']], merges: [] }];
    expect(checkScorecards(grids).scorecards).toEqual([]);
  });
});

describe('SC-5 report text', () => {
  test('scores, deductions and grades quoted in the report', async () => {
    const fx = card({ grade: '优', scores: [5, 2, 2, 4, 1] }); // 合计 14, 支付进度率 扣1
    const report = [
      '部门整体支出绩效自评报告',
      '根据部门整体支出绩效自评计分表评分，得分14分，绩效评价等级为“优”。',
      '主要扣分原因：“支付进度率”扣1分；公用经费控制率扣1分。公用经费控制率每超过1个百分点扣0.1分。',
      '自评得分 13.5 分，扣分 2 分，评价结论为良。',
    ];
    const { findings } = await run(fx, { reportText: report });
    expect(
      only(findings, 'SC-5')
        .map((f) => f.message)
        .sort(),
    ).toEqual(
      [
        '自评报告第4段“自评得分13.5分”与部门整体计分表不符：计分表合计14分，相差0.5分',
        '自评报告第4段“扣分2分”与部门整体计分表不符：计分表合计14分即共扣1分，相差1分',
        '自评报告第4段“结论为良”与部门整体计分表不符：计分表合计14分对应等级“优”',
        '自评报告第3段“扣1分”与部门整体计分表不符：计分表“公用经费控制率”扣0分（满分2分，得2分），相差1分',
      ].sort(),
    );
  });

  test('with two cards and no context, a claim matching neither is reported', async () => {
    const a = card({ grade: '优' });
    const b: ScorecardFixture = {
      ...card({ grade: '优', scores: [5, 2, 2, 4, 1] }),
      title: '2023年度项目支出绩效自评计分表',
      preamble: [['（甲项目）'], ['自评等级：优']],
    };
    const grids = await gridsOf([
      { name: '部门', parts: [{ scorecard: a }] },
      { name: '项目', parts: [{ scorecard: b }] },
    ]);
    const run2 = (text: string) => only(checkScorecards(grids, { reportText: [text], settings: SMALL }).findings, 'SC-5');
    expect(run2('得分14分')).toEqual([]);
    expect(run2('得分15分')).toEqual([]);
    expect(run2('得分13分').map((f) => f.message)).toEqual([
      '自评报告第1段“得分13分”与任何一张计分表都不符（部门整体计分表合计15分，项目计分表（甲项目）合计14分）',
    ]);
    expect(run2('甲项目自评得分15分').map((f) => f.message)).toEqual([
      '自评报告第1段“自评得分15分”与项目计分表（甲项目）不符：计分表合计14分，相差1分',
    ]);
  });
});

describe('CT-1 … CT-5 on a 完成情况表', () => {
  const table = (over: Partial<Record<string, Cell>> = {}): TableFixture => ({
    title: '2023年度部门整体支出绩效目标完成情况表',
    rows: [
      ['部门（单位）名称', '某单位', null, null, '预算单位编码', '001', null],
      ['预算执行情况', '项目', '预算额(百元)', '执行额(百元)', '当年结转结余额(百元)', '结转结余率%', '结转结余变动率%'],
      [null, '合计', over.P ?? 1000, 900, over.C ?? 100, over.R ?? 10, over.V ?? null],
      [null, '基本支出', 600, 550, 50, 8.33, null],
      [null, '政策和项目支出', 400, 350, 50, 12.5, null],
      ['预算结构', '项目', '合计', '一般公共预算安排', '政府性基金预算安排', '国有资本经营预算安排', '社保基金预算安排'],
      [null, '预算额(百元)', 1000, over.G ?? 900, 100, null, null],
      [null, '执行额(百元)', 900, 800, 100, null, null],
      [null, '当年结转结余额(百元)', 100, 100, 0, null, null],
      [null, '结转结余率%', 10, 11.11, 0, null, null],
      [null, '结转结余变动率%', null, null, null, null, null],
    ],
    merges: [
      [1, 0, 4, 0],
      [5, 0, 10, 0],
    ],
  });
  const check = async (t: TableFixture) => checkScorecards(await gridsOf([{ name: '完成情况', parts: [{ table: t }] }])).findings;

  test('a consistent table', async () => {
    expect(await check(table())).toEqual([]);
  });

  test('CT-1, CT-2, CT-3, CT-4', async () => {
    // 合计 预算额 1100 (parts add to 1000; 预算结构 合计 says 1000); 合计 结转结余率 1 (should be 9.09);
    // 一般公共预算安排 950 (+ 基金 100 ≠ 1000; 950 − 800 ≠ 100; 100/950 ≠ 11.11%)
    const findings = await check(table({ P: 1100, R: 1, G: 950 }));
    expect(brief(findings)).toEqual(
      [
        'CT-1 error 完成情况!E4',
        'CT-2 error 完成情况!F4',
        'CT-3 error 完成情况!C4',
        'CT-4 error 完成情况!C8',
        'CT-4 error 完成情况!C8',
        'CT-1 error 完成情况!D10',
        'CT-2 error 完成情况!D11',
      ].sort(),
    );
    const msgs = findings.map((f) => f.message).join('\n');
    expect(msgs).toContain('合计·当年结转结余额为100百元，预算额1100 − 执行额900 = 200百元，相差100百元');
    expect(msgs).toContain('合计·结转结余率写为1%，按当年结转结余额100 ÷ 预算额1100 × 100 = 9.0909%应为9.09%，相差8.09个百分点');
    expect(msgs).toContain('合计·预算额为1100百元，基本支出600 + 政策和项目支出400 = 1000百元，相差100百元');
    expect(msgs).toContain('预算结构·预算额·合计为1000百元，一般公共预算安排950 + 政府性基金预算安排100 = 1050百元，相差50百元');
    expect(msgs).toContain('预算结构·预算额·合计为1000百元，预算执行情况·合计·预算额 = 1100百元，相差100百元');
    const ct3 = only(findings, 'CT-3')[0];
    expect([ct3.expected, ct3.actual, ct3.difference, ct3.tolerance]).toEqual(['10.00', '11.00', '1.00', '0.015']);
  });

  test('a difference within the §3.6 rounding band is info (取整误差)', async () => {
    const t = table();
    t.rows[2] = [null, '合计', 1000.01, 900, 100.01, 10, null];
    t.rows[6] = [null, '预算额(百元)', 1000.01, 900.01, 100, null, null];
    t.rows[8] = [null, '当年结转结余额(百元)', 100.01, 100.01, 0, null, null];
    const findings = await check(t);
    // 合计 1000.01 / 100.01 against parts 600 + 400 / 50 + 50: off by one hundredth each
    expect(brief(findings)).toEqual(['CT-3 info 完成情况!C4', 'CT-3 info 完成情况!E4']);
    expect(findings[0].message).toContain('相差0.01百元（取整误差，容差0.015百元）');
  });

  test('CT-5: 当年结转结余 0 leaves only −100% or 不适用', async () => {
    const t = table();
    t.rows[2] = [null, '合计', 1000, 1000, 0, 0, 12];
    t.rows[3] = [null, '基本支出', 600, 600, 0, 0, null];
    t.rows[4] = [null, '政策和项目支出', 400, 400, 0, 0, null];
    t.rows[7] = [null, '执行额(百元)', 1000, 900, 100, null, null];
    t.rows[8] = [null, '当年结转结余额(百元)', 0, 0, 0, null, null];
    t.rows[9] = [null, '结转结余率%', 0, 0, 0, null, null];
    const findings = await check(t);
    expect(brief(only(findings, 'CT-5'))).toEqual(['CT-5 error 完成情况!G4']);
  });
});
