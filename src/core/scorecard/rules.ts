// The scoring rules of domain.md §5.2 (部门整体) and §5.3 (项目支出) as data. A locality with other
// rules passes its own lists in ScoreSettings; nothing below is read anywhere else.
import { Decimal } from '../money';
import type { EvidenceKeyword, ScoreRule } from './types';

const checklist = (indicator: string, parent: string | undefined, items: string[]): ScoreRule => ({
  indicator,
  parent,
  points: items.reduce((a, b) => a.add(b), new Decimal(0)).toString(),
  kind: 'checklist',
  items,
});

const ALL_DONE: EvidenceKeyword[] = [{ pattern: '全部完成|全面完成|全部办结|均已完成', rate: '100' }];
/** Evidence that says there was no 政府采购 at all (planned 0, actual 0): 不适用 (SC-9). */
const NO_PROCUREMENT = '(?:无|没有|未发生|不涉及|未涉及)(?:年初)?政府采购|政府采购[^，。；]{0,12}均为0';
const NO_ADJUSTMENT: EvidenceKeyword[] = [{ pattern: '无调整|未调整|未作调整|没有调整|未进行调整', rate: '0' }];

/** 部门整体支出绩效自评计分表 (domain.md §5.2). */
export const DEPARTMENT_RULES: ScoreRule[] = [
  checklist('绩效目标合理性', '目标设定', ['1', '0.5', '0.5']),
  checklist('绩效指标明确性', '目标设定', ['1', '0.5', '0.5', '1']),
  { indicator: '在职人员控制率', points: '5', kind: 'staff', cap: '100' },
  {
    indicator: '三公经费变动率',
    points: '5',
    kind: 'sanGongChange',
    ties: { current: 'sanGong.决算' },
  },
  {
    indicator: '重点支出安排率',
    points: '5',
    kind: 'proportional',
    ties: { denominator: 'projectSpending' },
  },
  {
    indicator: '预算完成率',
    points: '4',
    kind: 'proportional',
    ties: { numerator: 'completion.执行额', denominator: 'completion.预算额', rate: 'completion.执行率' },
  },
  { indicator: '预算调整率', points: '2', kind: 'adjustment', keywords: NO_ADJUSTMENT },
  { indicator: '支付进度率', points: '2', kind: 'payment', yearEnd: '1', quarterly: '1' },
  {
    indicator: '结转结余率',
    points: '2',
    kind: 'belowThreshold',
    threshold: '5',
    step: '5',
    deduct: '1',
    ties: { numerator: 'completion.当年结转结余额', denominator: 'completion.预算额', rate: 'completion.结转结余率' },
  },
  { indicator: '结转结余变动率', points: '2', kind: 'belowThreshold', threshold: '15', step: '5', deduct: '1' },
  { indicator: '公用经费控制率', points: '2', kind: 'overCap', cap: '100', step: '1', deduct: '0.1' },
  {
    indicator: '三公经费控制率',
    points: '2',
    kind: 'overCap',
    cap: '100',
    step: '1',
    deduct: '0.5',
    ties: { numerator: 'sanGong.决算', denominator: 'sanGong.预算' },
  },
  {
    indicator: '政府采购执行率',
    points: '4',
    kind: 'underFloor',
    target: '100',
    step: '1',
    deduct: '0.5',
    notApplicable: [NO_PROCUREMENT],
  },
  checklist('管理制度健全性', '预算管理', ['1', '0.5', '0.5']),
  checklist('资金使用合规性', '预算管理', ['0.2', '0.2', '0.2', '0.2', '0.2']),
  checklist('预决算信息公开性', '预算管理', ['0.5', '0.5']),
  checklist('基础信息完善性', '预算管理', ['0.4', '0.3', '0.3']),
  checklist('管理制度健全性', '资产管理', ['1', '0.5', '0.5']),
  checklist('资产管理安全性', '资产管理', ['0.4', '0.4', '0.4', '0.4', '0.4']),
  { indicator: '固定资产利用率', points: '1', kind: 'underFloor', target: '100', step: '1', deduct: '0.1' },
  { indicator: '实际完成率', points: '8', kind: 'proportional', keywords: ALL_DONE },
  { indicator: '完成及时率', points: '4', kind: 'quarters', perQuarter: '1', quarters: 4 },
  { indicator: '质量达标率', points: '8', kind: 'proportional' },
  { indicator: '重点工作办结率', points: '10', kind: 'proportional', keywords: ALL_DONE },
  { indicator: '经济效益', points: '5', kind: 'proportional' },
  { indicator: '社会效益', points: '5', kind: 'proportional' },
  { indicator: '生态效益', points: '5', kind: 'proportional' },
  {
    indicator: '社会公众或服务对象满意度',
    aliases: ['服务对象满意度', '满意度'],
    points: '5',
    kind: 'proportional',
  },
];

/** 项目支出绩效自评计分表 (domain.md §5.3). */
export const PROJECT_RULES: ScoreRule[] = [
  checklist('项目立项规范性', '项目立项', ['1', '2', '2']),
  checklist('绩效目标合理性', '项目立项', ['1', '1', '1', '1']),
  checklist('绩效指标明确性', '项目立项', ['2', '1', '1', '2']),
  { indicator: '资金到位率', points: '5', kind: 'underFloor', target: '100', step: '1', deduct: '1' },
  { indicator: '到位及时率', points: '5', kind: 'underFloor', target: '100', step: '1', deduct: '1' },
  checklist('管理制度健全性', '业务管理', ['2', '2']),
  checklist('制度执行有效性', '业务管理', ['1', '1', '2', '2']),
  checklist('项目质量可控性', '业务管理', ['1', '2']),
  checklist('管理制度健全性', '财务管理', ['2', '1']),
  checklist('资金使用合规性', '财务管理', ['1', '2', '1', '1', '2']),
  checklist('财务监控有效性', '财务管理', ['1', '1']),
  { indicator: '实际完成率', points: '4', kind: 'proportional', keywords: ALL_DONE },
  { indicator: '完成及时率', points: '6', kind: 'quarters', perQuarter: '1.5', quarters: 4 },
  { indicator: '质量达标率', points: '5', kind: 'proportional' },
  {
    indicator: '成本节约率',
    points: '5',
    kind: 'costSaving',
    ties: { rate: 'completion.成本节约率' },
  },
  { indicator: '经济效益', points: '5', kind: 'proportional' },
  { indicator: '社会效益', points: '5', kind: 'proportional' },
  { indicator: '生态效益', points: '5', kind: 'proportional' },
  { indicator: '可持续影响', aliases: ['可持续影响程度'], points: '5', kind: 'proportional' },
  {
    indicator: '社会公众或服务对象满意度',
    aliases: ['服务对象满意度', '满意度'],
    points: '10',
    kind: 'proportional',
  },
];
