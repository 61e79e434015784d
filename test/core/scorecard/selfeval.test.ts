// The national 项目支出绩效自评表 (财预〔2020〕10号《项目支出绩效评价管理办法》附件1): 年度指标值 |
// 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, a 项目资金（万元） block above, 总分 below.
//
// Source: 池州市贵池区棠溪镇人民政府《项目支出绩效自评表（2022年度）》, 项目 委托业务项目, published
// as a .doc attachment (stored copy: http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2,
// found with the `search` tool, pages corpus). The stored text is the document's flat text (no cell
// borders) and stops at “满意度指标(10分) 满意度指标 公众满”: every row above is transcribed as
// printed, in the cells the form's layout puts them in (reading “其中:本年财政拨款 90 89.974 89.974” as
// 年初预算数 | 全年预算数 | 全年执行数). Completed from the form, not from the document: the 满意度 row's
// 三级指标 name after “公众满”, its 年度指标值, 实际完成值 and scores, and the 总分 row (分值 100, 得分
// the sum of the printed 得分).
//
// Found by hand in the printed rows: 年度资金总额 prints 0 | 0 | 0 (and 执行率 0, 得分 0) over its only
// 其中 row 当年财政拨款 90 | 89.974 | 89.974 — 0 ≠ 90, 0 ≠ 89.974, 0 ≠ 89.974 (CT-3, three errors).
// Everything else adds up: 产出 8+8+8+8+8+10 = 50 = “产出指标(50分)”, 效益 10+10+10 = 30 =
// “效益指标(30分)”, 满意度 10, and 10 (资金) + 50 + 30 + 10 = 100.
import { checkScorecards } from '../../../src/core/scorecard';
import type { Cell, TableFixture } from './build-workbook';
import { gridsOf } from './build-workbook';
import { brief, only } from './helpers';

const TITLE = '项目支出绩效自评表';
const HEADER: Cell[] = [
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];

type Row = [level1: string | null, level2: string | null, level3: string, target: Cell, result: Cell, points: number, score: Cell];

/** The indicator rows as printed (the 满意度 row completed, see the header). */
const PRINTED: Row[] = [
  ['产出指标(50分)', '数量指标', '基建工程委托业务项目数量', '≥50个', '50', 8, 8],
  [null, '质量指标', '委托业务报告合格率', '≥100百分比', '100', 8, 8],
  [null, null, '经费支出合规性', '严格执行相关制度规定', '达成预期指标', 8, 8],
  [null, '时效指标', '提交报告及时性', '在项目计划完成时间内完成', '达成预期指标', 8, 8],
  [null, '成本指标', '项目总成本', '≤90万元', '90', 8, 8],
  [null, null, '单项业务成本', '符合相关规定', '达成预期指标', 10, 10],
  ['效益指标(30分)', '社会效益指标', '对维护基建市场公平的影响程度', '效果明显', '达成预期指标', 10, 10],
  [null, '生态效益指标', '对控制基建项目成本影响程度', '效果明显', '达成预期指标', 10, 10],
  [null, '可持续影响指标', '对推动基建项目“四项制度”健全和落实的持续性影响', '效果明显', '达成预期指标', 10, 10],
  ['满意度指标(10分)', '满意度指标', '公众满意度', '≥90%', '95%', 10, 10],
];

type Funds = [年初预算数: Cell, 全年预算数: Cell, 全年执行数: Cell, 分值: Cell, 执行率: Cell, 得分: Cell];

interface Options {
  funds?: Funds;
  parts?: Funds;
  rows?: Row[];
  /** 总分 row's 得分; default Σ of every 得分 printed */
  total?: Cell;
  /** lines under the table; default a 满意度 scoring rule (NOTE) */
  notes?: string[];
}

/** A scoring rule for 满意度 printed under the table (not in the document: its text stops before). */
const NOTE = '注：满意度指标按“满意度≥90%得满分，每降低1个百分点扣0.5分”计分。';

const PRINTED_FUNDS: Funds = [0, 0, 0, 10, 0, 0];
const PRINTED_PARTS: Funds = [90, 89.974, 89.974, '—', null, '—'];
/** 年度资金总额 as the form means it: the sum of its parts, 执行率 89.974/89.974 = 100%, full marks. */
const SUMMED_FUNDS: Funds = [90, 89.974, 89.974, 10, '100%', 10];

const num = (c: Cell) => (typeof c === 'number' ? c : 0);

/** The 自评表 as a table of a sheet (rows from the sheet's row 3: title 1, “（2022年度）” 2). */
function selfEvaluation(o: Options = {}): TableFixture {
  const funds = o.funds ?? SUMMED_FUNDS;
  const rows = o.rows ?? PRINTED;
  const total = o.total ?? rows.reduce((a, r) => a + num(r[6]), num(funds[5]));
  return {
    title: TITLE,
    subtitle: '（2022年度）',
    rows: [
      ['项目名称', '委托业务项目'],
      ['主管部门', '219-池州市贵池区棠溪镇人民政府', null, null, null, '实施单位', '219001-池州市贵池区棠溪镇人民政府'],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', ...funds],
      [null, '其中：本年财政拨款', ...(o.parts ?? PRINTED_PARTS)],
      [null, '上年结转资金', null, null, null, '—', null, '—'],
      [null, '其他资金', null, null, null, '—', null, '—'],
      ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
      [
        null,
        '本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；30万元用于基建工程项目设计、规划、测绘。',
        null,
        null,
        null,
        '本项目共完成预算资金89.97万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；29.99万元用于基建工程项目设计、规划、测绘。',
      ],
      HEADER,
      ...rows.map(([l1, l2, l3, target, result, points, score]): Cell[] => [null, l1, l2, l3, target, result, points, score, null]),
      ['总分', null, null, null, null, null, 100, total, null],
      ...(o.notes ?? [NOTE]).map((n): Cell[] => [n]),
    ],
    merges: [],
  };
}

async function run(o: Options = {}, reportText?: string[]) {
  const grids = await gridsOf([{ name: '自评表', parts: [{ table: selfEvaluation(o) }] }]);
  return checkScorecards(grids, { reportText });
}

// Sheet rows: 年度资金总额 6, 其中 7, header 12, indicators 13–22 (满意度 22), 总分 23, notes from 24.
// Columns: E 年度指标值 / 全年预算数 (D 年初, E 全年, F 全年执行数 in the 资金 block), F 实际完成值,
// G 分值, H 得分.

test('read by its headers: 100 points, the 项目资金 row as 预算执行率, the indicator rows as its own 完成情况表', async () => {
  const { scorecards, completionTables, findings } = await run();
  expect(findings).toEqual([]);
  const [sc] = scorecards;
  expect([sc.kind, sc.label, sc.projectName, sc.unitName]).toEqual([
    'project',
    '项目支出绩效自评表（委托业务项目）',
    '委托业务项目',
    '219001-池州市贵池区棠溪镇人民政府',
  ]);
  expect(sc.indicators.map((i) => `${i.name} ${i.max} ${i.score}`)).toEqual([
    '预算执行率 10 10',
    '基建工程委托业务项目数量 8 8',
    '委托业务报告合格率 8 8',
    '经费支出合规性 8 8',
    '提交报告及时性 8 8',
    '项目总成本 8 8',
    '单项业务成本 10 10',
    '对维护基建市场公平的影响程度 10 10',
    '对控制基建项目成本影响程度 10 10',
    '对推动基建项目四项制度健全和落实的持续性影响 10 10',
    '公众满意度 10 10',
  ]);
  expect([sc.total?.value?.toString(), sc.total?.cell.address, sc.computedTotal.toString()]).toEqual(['100', 'H23', '100']);
  expect(completionTables).toHaveLength(1);
  expect(sc.completion).toBe(completionTables[0]);
  expect(completionTables[0].performance.map((r) => [r.level1, r.level2, r.target.text, r.result.text])[9]).toEqual([
    '满意度指标',
    '满意度指标',
    '≥90%',
    '95%',
  ]);
});

describe('the document as printed', () => {
  test('年度资金总额 0 over its 其中 row 90 | 89.974 | 89.974: three CT-3 errors, no 0/0', async () => {
    const { findings } = await run({ funds: PRINTED_FUNDS });
    expect(brief(findings)).toEqual(['CT-3 error 自评表!C6', 'CT-3 error 自评表!D6', 'CT-3 error 自评表!E6']);
    expect(findings.map((f) => f.message)).toEqual([
      '项目支出绩效自评表（委托业务项目）“年度资金总额·年初预算数”0万元，其中各项之和为“本年财政拨款”90 = 90万元，相差90万元',
      '项目支出绩效自评表（委托业务项目）“年度资金总额·全年预算数”0万元，其中各项之和为“本年财政拨款”89.974 = 89.974万元，相差89.974万元',
      '项目支出绩效自评表（委托业务项目）“年度资金总额·全年执行数”0万元，其中各项之和为“本年财政拨款”89.974 = 89.974万元，相差89.974万元',
    ]);
  });
});

describe('SC-9 不适用 (0/0) on the 自评表', () => {
  const procurement = (score: number): Row => [null, '成本指标', '政府采购金额', '0万元', '0', 8, score];
  const rows = (score: number) => PRINTED.map((r) => (r[2] === '项目总成本' ? procurement(score) : r));

  test('a row whose 年度指标值 and 实际完成值 are both 0 and scored full marks: a 提示', async () => {
    const { findings } = await run({ rows: rows(8) });
    expect(brief(findings)).toEqual(['SC-9 info 自评表!E17']);
    expect(findings[0].message).toBe(
      '项目支出绩效自评表（委托业务项目）“成本指标·政府采购金额”年度指标值“0万元”、实际完成值“0”均为0或无：不适用（0/0），该指标按满分计，不按100%或0%计算',
    );
  });

  test('scored less than its 分值: 不适用 means full marks', async () => {
    const { findings } = await run({ rows: rows(0) });
    expect(brief(findings)).toEqual(['SC-9 warning 自评表!H17']);
    expect(findings[0].message).toContain('不适用（0/0），该指标应按满分8分计，表中得分0分，相差8分');
  });

  test('年度资金总额 with nothing budgeted and nothing spent anywhere: 执行率 0/0, full marks', async () => {
    const none: Funds = [0, 0, 0, 10, null, 10];
    const parts: Funds = [0, 0, 0, '—', null, '—'];
    expect(brief((await run({ funds: none, parts })).findings)).toEqual(['SC-9 info 自评表!H6']);
    const { findings } = await run({ funds: [0, 0, 0, 10, null, 0], parts });
    expect(brief(findings)).toEqual(['SC-9 warning 自评表!H6']);
    expect(findings[0].message).toBe(
      '项目支出绩效自评表（委托业务项目）“年度资金总额”全年预算数、全年执行数均为0：执行率不适用（0/0），应按满分10分计，表中得分0分，相差10分',
    );
  });
});

describe('SC-10 a rate that cannot exceed 100%', () => {
  test('委托业务报告合格率 105%: an error naming the cell; 100% is not', async () => {
    const over = PRINTED.map((r): Row =>
      r[2] === '委托业务报告合格率' ? [null, '质量指标', '委托业务报告合格率', '100%', '105%', 8, 8] : r,
    );
    const { findings } = await run({ rows: over });
    expect(brief(findings)).toEqual(['SC-10 error 自评表!F14']);
    expect(findings[0].message).toBe(
      '项目支出绩效自评表（委托业务项目）“质量指标·委托业务报告合格率”实际完成值“105%”写为105%，合格率不会超过100%：上限100%，超出5个百分点',
    );
  });

  test('年度资金总额 执行率 105%', async () => {
    const { findings } = await run({ funds: [90, 89.974, 89.974, 10, '105%', 10] });
    // and it is not 89.974 ÷ 89.974 either (CT-2)
    expect(brief(findings)).toEqual(['CT-2 error 自评表!G6', 'SC-10 error 自评表!G6']);
    expect(only(findings, 'SC-10')[0].message).toContain('执行率”写为105%，执行率不会超过100%');
  });
});

describe('SC-11 the 满意度 得分 against its 实际完成值', () => {
  const satisfaction = (result: string, score: number): Row[] =>
    PRINTED.map((r): Row => (r[2] === '公众满意度' ? ['满意度指标(10分)', '满意度指标', '公众满意度', '≥90%', result, 10, score] : r));

  test('under the rule printed under the table: 85% → 10 − 0.5 × 5 = 7.5', async () => {
    expect((await run({ rows: satisfaction('85%', 7.5), notes: [NOTE] })).findings).toEqual([]);
    const { findings } = await run({ rows: satisfaction('85%', 10), notes: [NOTE] });
    expect(brief(findings)).toEqual(['SC-11 warning 自评表!H22']);
    expect(findings[0].message).toBe(
      '项目支出绩效自评表（委托业务项目）“公众满意度”自评10分，与项目支出绩效自评表（委托业务项目）的满意度结果不符：按指标说明“≥90%得满分，每降低1个百分点扣0.5分”，公众满意度85%：10 − 0.5 × 5 = 7.5 → 7.5分；相差2.5分',
    );
    expect(findings[0].cells.map((c) => c.address)).toEqual(['H22', 'F22', 'A24']);
  });

  test('no rule printed: a 提示 saying the score was not checked, not a 未核验 that blocks printing', async () => {
    const { findings } = await run({ rows: satisfaction('85%', 10), notes: [] });
    expect(brief(findings)).toEqual(['SC-11 warning 自评表!D22']);
    expect(findings[0].unchecked).toBeUndefined();
    expect(findings[0].message).toBe(
      '项目支出绩效自评表（委托业务项目）“公众满意度”10分未与项目支出绩效自评表（委托业务项目）的满意度结果核对：表中没有印出满意度的计分规则（无指标说明列，表下也未注明），不影响打印；如需核对，可在表下注明计分规则（如“满意度≥90%得满分，每降低1个百分点扣0.5分”）',
    );
  });

  test('a result that is not a percent: 未核验, naming the 实际完成值', async () => {
    const { findings } = await run({ rows: satisfaction('达成预期指标', 10), notes: [NOTE] });
    expect(brief(findings)).toEqual(['SC-11 warning 自评表!H22']);
    expect(findings[0].message).toContain('的满意度实际完成值写为“达成预期指标”，不是满意度百分比');
  });
});

describe('the total score', () => {
  test('SC-3: 总分 得分 not the sum of the rows’ 得分 (资金 10 included)', async () => {
    const { findings } = await run({ total: 95 });
    expect(brief(findings)).toEqual(['SC-3 error 自评表!H23']);
    expect(findings[0].message).toBe('项目支出绩效自评表（委托业务项目）合计95分 ≠ 三级指标得分合计100分，相差5分');
  });

  test('SC-2: 分值 that do not add up to 100, or to the points in the 一级 label', async () => {
    const rows = PRINTED.map((r): Row =>
      r[2] === '单项业务成本' ? [null, null, '单项业务成本', '符合相关规定', '达成预期指标', 12, 10] : r,
    );
    const { findings } = await run({ rows });
    expect(only(findings, 'SC-2').map((f) => f.message)).toEqual([
      '项目支出绩效自评表（委托业务项目）三级指标分值合计102分，应为100分，相差2分',
      '项目支出绩效自评表（委托业务项目）一级指标“产出指标”标注50分，下属二级指标分值合计52分，相差2分',
    ]);
  });

  test('SC-5: the 自评报告’s stated score against the 总分', async () => {
    expect((await run({}, ['委托业务项目自评得分100分，等级为优。'])).findings).toEqual([]);
    const { findings } = await run({}, ['委托业务项目自评得分98分。']);
    expect(brief(findings)).toEqual(['SC-5 error 自评表!H23']);
    expect(findings[0].message).toBe('自评报告第1段“自评得分98分”与项目支出绩效自评表（委托业务项目）不符：计分表合计100分，相差2分');
  });
});

describe('CT-2 执行率 = 全年执行数 ÷ 全年预算数, on a second published 自评表', () => {
  // 鄂州市行政审批局《项目支出绩效自评表（2021年度）》, 项目 市民中心运行维护费, published 2022-11-04 at
  // https://zwfwzx.ezhou.gov.cn/zwgk/fdzdgknr/sgjfxx/202211/t20221108_506320.html (found with the `search`
  // tool, pages corpus; the stored text stops in the 社会效益指标 rows, so only the rows above are
  // transcribed, as printed, amounts with their “万”). Its 年度资金总额 prints 分值 100 and 得分 98 where
  // the form has 10: left aside here (the rows that would show Σ 分值 ≠ 100 are not in the stored text).
  const ezhou = (rate: string): TableFixture => ({
    title: TITLE,
    subtitle: '（ 2021 年度）',
    rows: [
      ['项目名称', '市民中心运行维护费'],
      ['项目资金 （万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', '150万', '150万', '125.25万', 100, rate, 98],
      [null, '其中：当年财政拨款', '150万', '150万', '125.25万', '—', null, '—'],
      [null, '上年结转资金', 0, 0, 0, '—', null, '—'],
      [null, '其他资金', 0, 0, 0, '—', null, '—'],
      HEADER,
      [null, '产出指标', '数量指标', '预算执行率', '100%', '83.5%', 20, 18, null],
      [null, null, null, '预算资金拨款率', '100%', '100%', 10, 10, null],
      [null, null, '质量指标', '政务服务工作办结率', '100%', '100%', 10, 10, null],
      [null, null, null, '大厅业务日常考核结果', '100%', '100%', 10, 10, null],
      [null, null, '成本指标', '市民中心运行维护费', '150万', '150万', 10, 10, null],
      [null, '效益指标', '经济效益指标', '大厅运行正常率', '100%', '100%', 10, 10, null],
    ],
    merges: [],
  });
  const ct = async (rate: string) =>
    only((await gridsOf([{ name: '鄂州', parts: [{ table: ezhou(rate) }] }]).then((g) => checkScorecards(g))).findings, 'CT-2');

  test('as printed: 125.25 ÷ 150 = 83.5%, and 年度资金总额 = its 其中 rows', async () => {
    const grids = await gridsOf([{ name: '鄂州', parts: [{ table: ezhou('83.5%') }] }]);
    const { findings } = checkScorecards(grids);
    expect(only(findings, 'CT-2')).toEqual([]);
    expect(only(findings, 'CT-3')).toEqual([]);
  });

  test('a 执行率 that is not 全年执行数 ÷ 全年预算数 is an error naming the three cells', async () => {
    const found = await ct('85.3%');
    expect(brief(found)).toEqual(['CT-2 error 鄂州!G5']);
    expect(found[0].message).toBe(
      '项目支出绩效自评表（市民中心运行维护费）“年度资金总额·执行率”写为85.3%，全年执行数125.25 ÷ 全年预算数150 × 100% = 83.5%（保留1位小数为83.5%）',
    );
    expect(found[0].cells.map((c) => c.address)).toEqual(['G5', 'E5', 'D5']);
  });
});
