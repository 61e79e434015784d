// seed002 (安岳县人大常委会办公室 2021): the department scorecard, two project scorecards and their
// 绩效目标完成情况表, written AS PUBLISHED into a real .xlsx, read back as Grids, checked.
// Every finding expected below is a real inconsistency of the seed; nothing else may be reported.
import { checkScorecards } from '../../../src/core/scorecard';
import type { Grid } from '../../../src/core/grid';
import { gridsOf } from './build-workbook';
import { brief, modelWith, only } from './helpers';
import { SEED002_DEPARTMENT, SEED002_PROJECT_1, SEED002_PROJECT_2 } from './seed-scorecards';
import { SEED002_DEPARTMENT_COMPLETION, SEED002_PROJECT_1_COMPLETION, SEED002_PROJECT_2_COMPLETION } from './seed-completion';

/** 自评报告 paragraphs of seed002 (lines 215, 249, 255, 373, 433, 435). */
const REPORT = [
  '安岳县人大常委会办公室 2021 年度部门整体支出绩效自评报告',
  '2021 年，我单位整体支出情况较好，财政资金使用方向符合预算安排，确保了单位职能职责所需；年初设定的整体绩效目标具体，符合工作实际，指标清晰，量化程度较高。根据《2021 年度安岳县部门整体支出绩效自评计分表》评分，得分 98 分，绩效评价等级为“优”。',
  '自评得分 99 分，扣分 1 分，主要扣分原因是截止 2021 年末，财政拨款未达到进度，欠拨款较大，全年预算实际支付有不均衡的情况，主要第四季度支出比重较高。',
  '安岳县人大常委会办公室 2021 年度项目支出绩效自评报告',
  '安岳县第十七届人民代表大会第一次会议会期 4 天，参会代表现场报到，参会代表达到全县代表总人数 2/3 以上，会议期间召开全体会议 3 次，主席团会议 4 次，各代表团分组审议 5 次、中共党员会议 1 次、各代表团临时召集人会议 1 次、预备会议 1 次。各类会议召开有详实的时间和参会人员安排，会议审议通过事项达到 100.0%。代表大会会议召开符合法律规定，实现既定的目标。根据《2021 年度安岳县项目支出绩效自评计分表》评分，得分 98 分，绩效评价等级为“优”。',
  '人大代表专项经费项目根据规定，在第一季度项目已开始实施，至 2021 年 12 月 31 日，按工作安排已完成订阅报刊、杂志各类每人 2 份、开展县人大代表培训次数 2 次、组织县人大代表开展专项视察 3 次，收集代表建议意见 60 余条。项目经费为人大代表依法履行职责提供财力的保证。今年县人大组织代表参加各种调研视察、执法检查并完成调研，代表提出建议意见，达到预期主要的经济、政治和社会效益。根据《2021 年度安岳县项目支出绩效自评计分表》评分，得分 95 分，绩效评价等级为“优”。',
];

/**
 * Workbook rows: department — title 1, three blank header lines 2–4, column header 5, indicators from 6;
 * projects — title 1, subtitle 2, header line 3, column header 4, indicators from 5.
 */
const EXPECTED = [
  // line 294: 自评等级 left blank (合计 98 → 优).
  'SC-4 warning 部门整体!B4',
  // line 255: “自评得分 99 分，扣分 1 分” but the sheet's 合计 is 98 (扣 2: 支付进度率 1 + 公用经费控制率 1).
  'SC-5 error 部门整体!F34',
  'SC-5 error 部门整体!F34',
  // line 302: 三公经费变动率 evidence “(225000-225000)/225000×100%=100%” is 0%.
  'SC-6 error 部门整体!G9',
  // line 315: 政府采购执行率 evidence “78070/78070×100%=98%” is 100%.
  'SC-6 error 部门整体!G18',
  // line 309: 结转结余率(2分) but its 计分标准 says “低于5%的计1分”.
  'SC-2 error 部门整体!E14',
  // line 315: 政府采购执行率(4分) but its 计分标准 says “为100%的计2分”.
  'SC-2 error 部门整体!E18',
  // line 599: 人大代表专项经费 prints “投入(30分)” over 项目立项 15 + 资金落实 10.
  'SC-2 error 项目计分表2!A5',
  // both project sheets print “可持续影响” without its (5分).
  'SC-2 warning 项目计分表1!C23',
  'SC-2 warning 项目计分表2!C23',
  // SC-11 未核验: the three 完成情况表 print “已完成” as the 满意度 执行结果 (target “>=95%”), so the
  // 满意度 scores (5, 10, 10) cannot be checked against the rule “按收到的服务对象的满意率计算得分”.
  'SC-11 warning 部门整体!F33',
  'SC-11 warning 项目计分表1!F24',
  'SC-11 warning 项目计分表2!F24',
].sort();

describe('seed002 scorecards', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await gridsOf([
      { name: '部门整体', parts: [{ scorecard: SEED002_DEPARTMENT }, { table: SEED002_DEPARTMENT_COMPLETION }] },
      { name: '项目计分表1', parts: [{ scorecard: SEED002_PROJECT_1 }] },
      { name: '项目完成情况1', parts: [{ table: SEED002_PROJECT_1_COMPLETION }] },
      { name: '项目计分表2', parts: [{ scorecard: SEED002_PROJECT_2 }] },
      { name: '项目完成情况2', parts: [{ table: SEED002_PROJECT_2_COMPLETION }] },
    ]);
  });

  test('reads the three scorecards and links the 完成情况表 by project name across sheets', () => {
    const { scorecards } = checkScorecards(grids);
    expect(
      scorecards.map((s) => [
        s.kind,
        s.projectName ?? '',
        s.indicators.length,
        s.computedTotal.toString(),
        s.total?.value?.toString(),
        s.grade?.text,
        s.completion?.projectName ?? s.completion?.kind,
      ]),
    ).toEqual([
      ['department', '', 28, '98', '98', '', 'department'],
      ['project', '安岳县第十七届人民代表大会第一次会议项目', 20, '98', '98', '优', '安岳县第十七届人民代表大会第一次会议'],
      ['project', '人大代表专项经费项目', 20, '95', '95', '优', '人大代表专项经费'],
    ]);
    expect(scorecards[0].unitName).toBeUndefined();
    expect(scorecards[1].unitCode).toBe('114001');
    // the 预算管理 group (anchor on 管理制度健全性) and the 财务管理 group of project 2
    expect(scorecards[0].indicators.filter((i) => i.level2.name === '预算管理').map((i) => i.name)).toEqual([
      '管理制度健全性',
      '资金使用合规性',
      '预决算信息公开性',
      '基础信息完善性',
    ]);
    expect(
      scorecards[2].indicators
        .filter((i) => i.level2.name === '财务管理')
        .map((i) => (i.rule?.kind === 'checklist' ? i.rule.items.join('+') : '')),
    ).toEqual(['2+1', '1+2+1+1+2', '1+1']);
  });

  test('finds exactly the seed inconsistencies', () => {
    const { findings } = checkScorecards(grids, { reportText: REPORT });
    expect(brief(findings)).toEqual(EXPECTED);
  });

  test('messages', () => {
    const { findings } = checkScorecards(grids, { reportText: REPORT });
    const messages = findings.map((f) => f.message);
    const has = (s: string) => expect(messages.some((m) => m.includes(s))).toBe(true);
    has('自评报告第3段“自评得分99分”与部门整体计分表不符：计分表合计98分，相差1分');
    has('自评报告第3段“扣分1分”与部门整体计分表不符：计分表合计98分即共扣2分，相差1分');
    has('“(225000-225000)/225000×100%=100%”：重算为0%（保留0位小数为0%），写为100%，相差100个百分点');
    has('“78070/78070×100%=98%”：重算为100%（保留0位小数为100%），写为98%，相差2个百分点');
    has('三级指标“结转结余率”指标说明“低于5%的计1分”计1分，与指标分值2分不符，相差1分');
    has('三级指标“政府采购执行率”指标说明“为100%的计2分”计2分，与指标分值4分不符，相差2分');
    has('一级指标“投入”标注30分，下属二级指标分值合计25分，相差5分');
    has('自评等级未填写；合计98分对应“优”');
    has(
      '未核验：部门整体计分表“社会公众或服务对象满意度”5分无法核对：部门整体绩效目标完成情况表的满意度执行结果写为“已完成”，不是满意度百分比，指标说明按百分比计分；填写实际满意度（如“95%”）后可核对',
    );
    expect(only(findings, 'SC-11').every((f) => f.unchecked === true)).toBe(true);
  });

  test('with the 决算 Model: 225000元 “三公” and 3902300元 项目支出 do not tie; 执行额 ties to T04', () => {
    // 2021 values from seed002's narrative: 财政拨款支出 958.85 (一般公共预算 933.55 + 基金 25.30),
    // 基本支出 572.45 → 项目支出 361.10; “三公” 决算 11.42 = 50.8% of 预算 22.50.
    const model = modelWith([
      { table: 'T04', row: '支:本年支出合计', col: '合计', value: '958.85' },
      { table: 'T06', row: '合计', col: '项目支出', value: '361.10' },
      { table: 'T10', row: '预算数', col: '合计', value: '22.50' },
      { table: 'T10', row: '决算数', col: '合计', value: '11.42' },
    ]);
    const { findings } = checkScorecards(grids, { reportText: REPORT, model });
    expect(only(findings, 'CT-7')).toEqual([]);
    expect(brief(only(findings, 'SC-8'))).toEqual(['SC-8 warning 部门整体!G10', 'SC-8 warning 部门整体!G17', 'SC-8 warning 部门整体!G9']);
    const text = only(findings, 'SC-8')
      .map((f) => f.message)
      .join('\n');
    expect(text).toContain('分子225000（按元）即22.5万元 ≠ 一般公共预算财政拨款“三公”经费支出决算表“决算数·合计”11.42万元，相差11.08万元');
    expect(text).toContain('本年数225000（按元）即22.5万元 ≠ 一般公共预算财政拨款“三公”经费支出决算表“决算数·合计”11.42万元');
    expect(text).toContain('分母3902300（按元）即390.23万元 ≠ 一般公共预算财政拨款支出决算表“合计·项目支出”361.1万元，相差29.13万元');
    // with the 预算数 basis the 变动率's 本年数 22.5 ties to T10 预算数
    const byBudget = checkScorecards(grids, { model, settings: { sanGongBasis: '预算数' } }).findings;
    expect(brief(only(byBudget, 'SC-8'))).toEqual(['SC-8 warning 部门整体!G10', 'SC-8 warning 部门整体!G17']);
  });
});
