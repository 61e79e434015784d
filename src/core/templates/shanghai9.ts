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
      incomeFunds: 'one',
      captions: false,
      completion: '，完成年初预算的',
      yearLead: false,
      none: {
        '七（一）': '{单位}{年}年度无“三公”经费财政拨款支出。',
        八: '{单位}{年}年度无政府性基金预算财政拨款收入和支出。',
        九: '{单位}{年}年度无国有资本经营预算财政拨款收入和支出。',
      },
    },
    settings: { percentDecimals: 2, keepTrailingZeros: true, shareMode: 'independent', decreaseVerb: '下降', classNames: 'official' },
    shareAdjustment: false,
    completionBasis: '年初预算',
  },
  rules: { exclude: [] },
};
