// seed000 (资阳市人大常委会 2023): the department scorecard, five project scorecards and their
// 绩效目标完成情况表, written AS PUBLISHED into a real .xlsx, read back as Grids, checked.
// Every finding expected below is a real inconsistency of the seed; nothing else may be reported.
import { checkScorecards } from '../../../src/core/scorecard';
import type { Grid } from '../../../src/core/grid';
import type { SheetSpec } from './build-workbook';
import { gridsOf } from './build-workbook';
import { brief, modelWith, only } from './helpers';
import {
  SEED000_DEPARTMENT,
  SEED000_PROJECT_1,
  SEED000_PROJECT_2,
  SEED000_PROJECT_3,
  SEED000_PROJECT_4,
  SEED000_PROJECT_5,
} from './seed-scorecards';
import {
  SEED000_DEPARTMENT_COMPLETION,
  SEED000_PROJECT_1_COMPLETION,
  SEED000_PROJECT_2_COMPLETION,
  SEED000_PROJECT_3_COMPLETION,
  SEED000_PROJECT_4_COMPLETION,
  SEED000_PROJECT_5_COMPLETION,
} from './seed-completion';

const SHEETS: SheetSpec[] = [
  // the department scorecard and its 完成情况表 share one sheet (two title blocks)
  { name: '部门整体', parts: [{ scorecard: SEED000_DEPARTMENT }, { table: SEED000_DEPARTMENT_COMPLETION }] },
  { name: '项目1', parts: [{ scorecard: SEED000_PROJECT_1 }, { table: SEED000_PROJECT_1_COMPLETION }] },
  { name: '项目2', parts: [{ scorecard: SEED000_PROJECT_2 }, { table: SEED000_PROJECT_2_COMPLETION }] },
  { name: '项目3', parts: [{ scorecard: SEED000_PROJECT_3 }, { table: SEED000_PROJECT_3_COMPLETION }] },
  { name: '项目4', parts: [{ scorecard: SEED000_PROJECT_4 }, { table: SEED000_PROJECT_4_COMPLETION }] },
  { name: '项目5', parts: [{ scorecard: SEED000_PROJECT_5 }, { table: SEED000_PROJECT_5_COMPLETION }] },
];

/** 自评报告 paragraphs of seed000 that speak about the scorecards (lines 199–227, 986–1016, …, 3072). */
const REPORT = [
  '2023年度市本级部门整体支出绩效自评报告',
  '按照2023年度市本级部门整体支出绩效自评计分表综合评分，市人大常委会机关2023年度市本级部门整体支出绩效自评结论为优秀。',
  '根据机关年初预算编制和目标绩效设定情况、预算执行跟踪和年终决算、政府采购执行情况、预算管理和资产管理制度建设情况、单位年度工作总结等进行评分。主要扣分原因为：因新冠疫情解除，公务接待批次和人数大幅增加，公务接待费超出年初预算15%，扣2分。',
  '2023年市本级项目支出绩效自评报告',
  '（市人代会经费）',
  '按照2023年度市本级项目支出绩效自评计分表综合评分，市人大常委会办公室2023年市人代会经费项目支出绩效自评结论为优秀。',
  '2023年市本级项目支出绩效自评报告',
  '（地方立法专项经费）',
  '按照2023年度市本级项目支出绩效自评计分表综合评分，市人大常委会办公室2023年度人大立法项目支出绩效自评结论为优秀。',
  '2023年市本级项目支出绩效自评报告',
  '（常委会组成人员及人大干部培训经费）',
  '按照2023年度市本级项目支出绩效自评计分表综合评分，市人大常委会办公室2023年度市人大常委会组成人员及人大干部培训经费项目支出绩效自评结论为优秀。',
  '2023年市本级项目支出绩效自评报告',
  '（预算审查及监督经费）',
  '按照2023年度市本级项目支出绩效自评计分表综合评分，市人大常委会办公室2023年度预算审查及监督经费项目支出绩效自评结论为优秀。',
  '2023年市本级项目支出绩效自评报告',
  '（代表活动经费）',
  '按照2023年度市本级项目支出绩效自评计分表综合评分，市人大常委会办公室代表活动经费项目支出绩效自评结论为优秀。',
];

/**
 * The seed's real inconsistencies (workbook rows: title 1, header line 2, column header 3, indicators
 * from 4; each 完成情况表 starts one blank row under its scorecard).
 */
const EXPECTED = [
  // seed000 line 371: 三公经费控制率 score cell left blank (rule gives 0 at 115.51%) …
  'SC-1 error 部门整体!F15',
  'SC-7 warning 部门整体!F15',
  // … and its evidence “（4.17/3.61）×100%=115%” is 115.51% truncated, not rounded (116%).
  'SC-6 error 部门整体!G15',
  // seed000 line 362: “（382.73/383.39）×100%=99.82%” is 99.8279% → 99.83%.
  'SC-6 error 部门整体!G14',
  // the department scorecard (lines 248–522) has no 合计 row; Σ = 98.
  'SC-3 error 部门整体!F31',
  // line 249 prints 自评等级：优, the five project sheets print 优秀.
  'SC-4 warning 部门整体!A2',
  // every project sheet prints “可持续影响” without its (5分).
  'SC-2 warning 项目1!C23',
  'SC-2 warning 项目2!C23',
  'SC-2 warning 项目3!C23',
  'SC-2 warning 项目4!C23',
  'SC-2 warning 项目5!C23',
  // line 315: 预算完成率 evidence 1765.3/1765.3 while the 完成情况表 (line 524) has 预算额 177293 / 执行额 177226 百元.
  'CT-6 warning 部门整体!G9',
  // every project: “成本节约率100%” although (预算额 − 执行额)/预算额 is 0%, 19.82%, 0%, 13.39%, 19.64%.
  'CT-6 warning 项目1!G19',
  'CT-6 warning 项目2!G19',
  'CT-6 warning 项目3!G19',
  'CT-6 warning 项目4!G19',
  'CT-6 warning 项目5!G19',
  // line 548–552: 基本支出 结转结余率 printed 0.04 but 67/143536 = 0.0467% → 0.05.
  'CT-2 error 部门整体!F37',
  // 地方立法 (line 1772), 预算审查 (2792), 代表活动 (3313): 当年结转结余额 blank though 预算额 ≠ 执行额
  // (819, 300, 1306 百元), in both blocks.
  'CT-1 error 项目2!E33',
  'CT-1 error 项目2!E34',
  'CT-1 error 项目2!C39',
  'CT-1 error 项目2!D39',
  'CT-1 error 项目4!E33',
  'CT-1 error 项目4!E34',
  'CT-1 error 项目4!C39',
  'CT-1 error 项目4!D39',
  'CT-1 error 项目5!E33',
  'CT-1 error 项目5!E34',
  'CT-1 error 项目5!C39',
  'CT-1 error 项目5!D39',
  // SC-10, seed000 line 3524: 代表活动经费 完成情况表 执行结果 “代表视察调研参与率800%” (target ≥80%):
  // a participation rate cannot exceed 100%; 800 − 100 = 700 points over.
  'SC-10 error 项目5!F53',
  // SC-11: every 满意度 指标说明 reads “按收到的服务对象的满意率计算得分” (score = max × 满意率), but the
  // scores do not follow from the 完成情况表's 满意度 results (预算审查及监督经费 does: 95% → 9.5 ✓):
  // 部门整体 (line 971/979) 代表满意度90%, 部门满意度95% → 5 × 0.90 = 4.5, 5 × 0.95 = 4.75,
  //   mean 92.5% → 4.63; the sheet says 5.
  'SC-11 warning 部门整体!F31',
  // 市人代会经费 (line 1493) 参会人员满意度95% → 10 × 0.95 = 9.5; the sheet says 9.
  'SC-11 warning 项目1!F24',
  // 地方立法专项经费 (lines 2005, 2013) 职能部门满意度85%, 群众满意度85% → 8.5; the sheet says 9.
  'SC-11 warning 项目2!F24',
  // 常委会组成人员及人大干部培训经费 (line 2518) 参会人员满意度95% → 9.5; the sheet says 9.
  'SC-11 warning 项目3!F24',
  // 代表活动经费 (line 3684) 代表满意度90% → 9; the sheet says 10.
  'SC-11 warning 项目5!F24',
].sort();

describe('seed000 scorecards', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await gridsOf(SHEETS);
  });

  test('reads one department and five project scorecards, each linked to its 完成情况表', () => {
    const { scorecards, completionTables } = checkScorecards(grids);
    expect(
      scorecards.map((s) => [
        s.kind,
        s.projectName ?? '',
        s.indicators.length,
        s.computedTotal.toString(),
        s.total?.value?.toString() ?? '-',
        s.grade?.text,
      ]),
    ).toEqual([
      ['department', '', 28, '98', '-', '优'],
      ['project', '市人代会经费', 20, '99', '99', '优秀'],
      ['project', '地方立法专项经费', 20, '99', '99', '优秀'],
      ['project', '常委会组成人员及人大干部培训经费', 20, '99', '99', '优秀'],
      ['project', '预算审查及监督经费', 20, '99.5', '99.5', '优秀'],
      ['project', '代表活动经费', 20, '100', '100', '优秀'],
    ]);
    expect(completionTables).toHaveLength(6);
    expect(scorecards.every((s) => s.completion)).toBe(true);
    const dept = scorecards[0];
    expect(dept.unitName).toBe('资阳市人民代表大会常务委员会');
    expect(dept.unitCode).toBe('102001');
    // merged 一级/二级 cells give every indicator its groups
    const sanGong = dept.indicators.find((i) => i.name === '三公经费控制率');
    expect(sanGong && [sanGong.level1.name, sanGong.level2.name, sanGong.max?.toString(), sanGong.score]).toEqual([
      '过程',
      '预算执行',
      '2',
      null,
    ]);
    expect(dept.indicators.filter((i) => i.level2.name === '预算管理').map((i) => i.name)).toEqual([
      '管理制度健全性',
      '资金使用合规性',
      '预决算信息公开性',
      '基础信息完善性',
    ]);
    expect(dept.indicators.every((i) => i.rule)).toBe(true);
  });

  test('finds exactly the seed inconsistencies', () => {
    const { findings } = checkScorecards(grids, { reportText: REPORT });
    expect(brief(findings)).toEqual(EXPECTED);
  });

  test('messages name both values and the difference', () => {
    const { findings } = checkScorecards(grids, { reportText: REPORT });
    const msg = (rule: string, cell: string) =>
      findings.find((f) => f.rule === rule && `${f.cells[0].sheet}!${f.cells[0].address}` === cell)?.message;
    expect(msg('SC-7', '部门整体!F15')).toContain('三公经费控制率115.51%');
    expect(msg('SC-7', '部门整体!F15')).toContain('2 − 0.5 × 15.51 = −5.755 < 0 → 0分，表中填写为空');
    expect(msg('SC-6', '部门整体!G15')).toMatch(/重算为115\.5125%（保留0位小数为116%），写为115%，相差0\.51个百分点，疑为截断/);
    expect(msg('SC-6', '部门整体!G14')).toMatch(/重算为99\.8279%（保留2位小数为99\.83%），写为99\.82%，相差0\.01个百分点/);
    expect(msg('SC-3', '部门整体!F31')).toContain('没有合计行；三级指标得分合计为98分');
    expect(msg('SC-4', '部门整体!A2')).toContain('“优”1处、“优秀”5处');
    expect(msg('CT-2', '部门整体!F37')).toContain('写为0.04%');
    expect(msg('CT-2', '部门整体!F37')).toContain('应为0.05%');
    expect(msg('CT-1', '项目2!E33')).toContain('预算额4132 − 执行额3313 = 819百元');
    expect(msg('CT-6', '部门整体!G9')).toContain('分子1765.3万元 ≠ 绩效目标完成情况表 合计·执行额177226百元即1772.26万元，相差6.96万元');
    expect(msg('CT-6', '部门整体!G9')).toContain('分母1765.3万元 ≠ 绩效目标完成情况表 合计·预算额177293百元即1772.93万元，相差7.63万元');
    expect(msg('CT-6', '项目2!G19')).toContain('比率100% ≠ 绩效目标完成情况表（预算额−执行额）/预算额19.82%');
    expect(msg('SC-10', '项目5!F53')).toContain('执行结果“代表视察调研参与率800%”写为800%，参与率不会超过100%：上限100%，超出700个百分点');
    expect(msg('SC-11', '项目1!F24')).toContain(
      '自评9分，与项目绩效目标完成情况表（市人代会经费）的满意度结果不符：按指标说明“按收到的服务对象的满意率计算得分”，参会人员满意度95%：10 × 95% = 9.5 → 9.5分；相差0.5分',
    );
    expect(msg('SC-11', '部门整体!F31')).toContain(
      '代表满意度90%：5 × 90% = 4.5 → 4.5分；部门满意度95%：5 × 95% = 4.75 → 4.75分；平均92.5%',
    );
    const ct1 = findings.find((f) => f.rule === 'CT-1');
    expect(ct1 && [ct1.expected, ct1.actual, ct1.difference]).toEqual(['8.19', '0.00', '8.19']);
  });

  test('the report agrees with the sheets: “扣2分” is 100 − 98, 优秀 is 优 (no SC-5)', () => {
    const { findings } = checkScorecards(grids, { reportText: REPORT });
    expect(only(findings, 'SC-5')).toEqual([]);
    const changed = REPORT.map((p) => p.replace('扣2分', '扣1分'));
    const sc5 = only(checkScorecards(grids, { reportText: changed }).findings, 'SC-5');
    expect(sc5.map((f) => f.message)).toEqual(['自评报告第3段“扣1分”与部门整体计分表不符：计分表合计98分即共扣2分，相差1分']);
  });

  test('with the 决算 Model: CT-7 (机关-only 执行额) and SC-8 (项目总支出) are flagged, 三公 ties', () => {
    // 2023 values from seed000's narrative: 一般公共预算财政拨款支出 1843.18 (no 基金), 基本支出 1499.61 → 项目支出 343.57;
    // “三公” 决算 4.17, 完成预算 115.5% of 3.61.
    const model = modelWith([
      { table: 'T04', row: '支:本年支出合计', col: '合计', value: '1843.18' },
      { table: 'T06', row: '合计', col: '项目支出', value: '343.57' },
      { table: 'T10', row: '预算数', col: '合计', value: '3.61' },
      { table: 'T10', row: '决算数', col: '合计', value: '4.17' },
    ]);
    const { findings } = checkScorecards(grids, { reportText: REPORT, model });
    expect(brief(findings)).toEqual([...EXPECTED, 'CT-7 warning 部门整体!D36', 'SC-8 warning 部门整体!G8'].sort());
    const ct7 = only(findings, 'CT-7')[0];
    expect(ct7.message).toContain('执行额177226百元（1772.26万元）≠ 财政拨款收入支出决算总表“本年支出合计·合计”1843.18万元，相差70.92万元');
    expect([ct7.expected, ct7.actual, ct7.difference]).toEqual(['1843.18', '1772.26', '70.92']);
    expect(only(findings, 'SC-8')[0].message).toContain(
      '分母337.57万元 ≠ 一般公共预算财政拨款支出决算表“合计·项目支出”343.57万元，相差6万元',
    );
  });
});
