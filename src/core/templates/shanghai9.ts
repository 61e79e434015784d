// 上海市部门决算 (附件2：部门决算模板, 2024): 9 tables without 公开NN表 numbers, 情况说明 in
// 第三部分, sections 一 … 十一 (十、预算绩效管理情况, 十一、其他重要事项的情况说明 with （一）…（三）),
// “收入支出总计”, 财政拨款收入 as one item, shares and rates with two decimals and no 100%
// adjustment, 完成年初预算.
import { EMPTY_NOTES, HEADINGS_ONE_TO_NINE, KEEP_FORMAT_INSTRUCTIONS, SECTIONS_ONE_TO_NINE } from './common';
import type { Template } from './types';

export const shanghai9: Template = {
  id: 'shanghai9',
  name: '上海市部门决算（9张表）',
  tables: [
    { id: 'T01', number: '一', title: '收入支出决算总表' },
    { id: 'T02', number: '二', title: '收入决算表', layout: { totalRow: 'top' } },
    { id: 'T03', number: '三', title: '支出决算表', layout: { totalRow: 'top' } },
    { id: 'T04', number: '四', title: '财政拨款收入支出决算总表' },
    { id: 'T06', number: '五', title: '一般公共预算财政拨款支出决算表', layout: { totalRow: 'bottom' } },
    { id: 'T08', number: '六', title: '一般公共预算财政拨款基本支出决算表' },
    { id: 'T10', number: '七', title: '财政拨款“三公”经费支出决算表', optional: true },
    { id: 'T11', number: '八', title: '政府性基金预算财政拨款收入支出决算表', optional: true, layout: { totalRow: 'withSubHeader' } },
    { id: 'T13', number: '九', title: '国有资本经营预算财政拨款收入支出决算表', optional: true, layout: { totalRow: 'withSubHeader' } },
  ],
  detect: { tables: ['T13'], partHeading: '^第三部分.*情况说明' },
  emptyNotes: EMPTY_NOTES,
  instructions: KEEP_FORMAT_INSTRUCTIONS,
  narrative: {
    part: 3,
    partTitle: '部门决算情况说明',
    headings: [
      ...HEADINGS_ONE_TO_NINE.filter((h) => !['七（一）', '八', '九'].includes(h.section) || h.level === 2),
      { section: '七（一）', level: 1, ordinal: '七、', titles: ['财政拨款“三公”经费支出决算情况说明'] },
      { section: '八', level: 1, ordinal: '八、', titles: ['政府性基金预算财政拨款收入支出决算情况说明'] },
      { section: '九', level: 1, ordinal: '九、', titles: ['国有资本经营预算财政拨款收入支出决算情况说明'] },
      { section: '十（四）', level: 1, ordinal: '十、', titles: ['预算绩效管理情况', '预算绩效管理情况说明'] },
      { section: '十（一）', level: 1, ordinal: '十一、', titles: ['其他重要事项的情况说明', '其他重要事项情况说明'] },
      { section: '十（一）', level: 2, ordinal: '（一）', titles: ['机关运行经费支出情况', '机关运行经费情况'] },
      { section: '十（二）', level: 2, ordinal: '（二）', titles: ['政府采购支出情况', '政府采购情况'] },
      { section: '十（三）', level: 2, ordinal: '（三）', titles: ['国有资产占有使用情况', '国有资产占用情况'] },
    ],
    sections: [...SECTIONS_ONE_TO_NINE, '十（四）', '十（一）', '十（二）', '十（三）'],
    forms: {
      total: '收入支出总计',
      fundTotal: '财政拨款收入支出总计',
      yearWord: '年度',
      reasonLead: '主要原因：',
      amounts: 'twoDecimals',
      incomeFunds: 'one',
      captions: false,
      completion: '，完成年初预算的',
      yearLead: false,
      none: {
        '七（一）': '{单位}{年}年度无“三公”经费财政拨款支出。',
        八: '{单位}{年}年度无政府性基金预算财政拨款收入和支出。',
        九: '{单位}{年}年度无国有资本经营预算财政拨款收入和支出。',
      },
      // 附件2：部门决算模板, 第三部分 五（三）、十、十一, word for word; the template's XXX are the slots
      sentences: {
        '五（三）': '一般公共预算财政拨款支出年初预算为{预算}万元，支出决算为{决算}万元，完成年初预算的{完成率}。',
        '五（三）无比率': '一般公共预算财政拨款支出年初预算为{预算}万元，支出决算为{决算}万元。',
        '五（三）明细': '{序号}、{名称}。主要用于：{用途}。年初预算为{预算}万元，支出决算为{决算}万元。',
        决算大于预算: '决算数大于预算数的主要原因：{原因}。',
        决算小于预算: '决算数小于预算数的主要原因：{原因}。',
        决算等于预算: '决算数与预算数持平。',
        '十（四）':
          '{单位}{年}年度预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度：{制度}；全过程绩效管理实施情况：' +
          '编报绩效目标的{年}年度项目{目标项目数}个，涉及预算金额{目标金额}万元；绩效跟踪评价的{年}年度项目{跟踪项目数}个，涉及预算金额{跟踪金额}万元；' +
          '绩效自评的{年}年度项目{自评项目数}个，涉及预算金额{自评金额}万元，平均得分{平均得分}分（其中，绩效评级为“优”的项目{优}个；' +
          '绩效评级为“良”的项目{良}个；绩效评级为“合格”的项目{合格}个；绩效评级为“不合格”的项目{不合格}个。绩效自评中共发现问题{问题数}个{整改}）。',
        '十（四）整改': '，已经完成整改的{已整改}个，正在整改的{正在整改}个',
        '十（一）': '机关运行经费支出{本年}万元，比{上年}年度{变动}。主要原因是{原因}。',
        '十（一）持平': '机关运行经费支出{本年}万元，与{上年}年度持平。',
        '十（一）无': '{单位}{年}年度无机关运行经费支出。',
        '十（二）':
          '{单位}{年}年度政府采购金额（以合同签订为准）为{总额}万元，其中：货物采购金额{货物}万元、工程采购金额{工程}万元、服务采购金额{服务}万元。',
        '十（二）中小企业':
          '{年}年度本部门面向中小企业预留政府采购项目预算金额{中小企业预留}万元，面向小微企业预留政府采购项目预算金额{小微企业预留}万元。' +
          '在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{中小企业成交}万元；在面向小微企业预留政府采购项目中，' +
          '由小微企业供应商中标或成交的，采购金额{小微企业成交}万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{其他中小企业成交}万元。',
        '十（三）':
          '截至{年}年12月31日，{单位}共有车辆{车辆总数}辆，其中：部级领导干部用车{部级领导干部用车}辆、主要领导干部用车{主要领导干部用车}辆、' +
          '机要通信用车{机要通信用车}辆、应急保障用车{应急保障用车}辆、执法执勤用车{执法执勤用车}辆、特种专业技术用车{特种专业技术用车}辆、' +
          '离退休干部用车{离退休干部用车}辆、其他用车{其他用车}辆。单价100万元（含）以上设备（不含车辆）{大型设备}台（套）。',
      },
    },
    settings: { percentDecimals: 2, keepTrailingZeros: true, shareMode: 'independent', decreaseVerb: '下降', classNames: 'official' },
    shareAdjustment: false,
    completionBasis: '年初预算',
  },
  rules: { exclude: [] },
};
