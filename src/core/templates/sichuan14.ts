// 四川省 部门决算公开: 14 附表 (公开01表 … 公开14表), 情况说明 in 第二部分, sections 一 … 十（四）.
// The two Sichuan seeds (资阳市人大常委会 2023, 安岳县人大常委会办公室 2021) follow it.
import { EMPTY_NOTES, HEADINGS_ONE_TO_NINE, KEEP_FORMAT_INSTRUCTIONS, SECTIONS_ONE_TO_NINE } from './common';
import type { Template } from './types';

export const sichuan14: Template = {
  id: 'sichuan14',
  name: '四川省部门决算（14张表）',
  tables: [
    { id: 'T01', number: '公开01表', title: '收入支出决算总表' },
    { id: 'T02', number: '公开02表', title: '收入决算表' },
    { id: 'T03', number: '公开03表', title: '支出决算表' },
    { id: 'T04', number: '公开04表', title: '财政拨款收入支出决算总表' },
    { id: 'T05', number: '公开05表', title: '财政拨款支出决算明细表' },
    { id: 'T06', number: '公开06表', title: '一般公共预算财政拨款支出决算表' },
    { id: 'T07', number: '公开07表', title: '一般公共预算财政拨款支出决算明细表' },
    { id: 'T08', number: '公开08表', title: '一般公共预算财政拨款基本支出决算表' },
    { id: 'T09', number: '公开09表', title: '一般公共预算财政拨款项目支出决算表' },
    { id: 'T10', number: '公开10表', title: '一般公共预算财政拨款“三公”经费支出决算表' },
    { id: 'T11', number: '公开11表', title: '政府性基金预算财政拨款收入支出决算表', optional: true },
    { id: 'T12', number: '公开12表', title: '政府性基金预算财政拨款“三公”经费支出决算表', optional: true },
    { id: 'T13', number: '公开13表', title: '国有资本经营预算财政拨款收入支出决算表', optional: true },
    { id: 'T14', number: '公开14表', title: '国有资本经营预算财政拨款支出决算表', optional: true },
  ],
  detect: { tables: ['T05', 'T07', 'T09', 'T12'], partHeading: '^第二部分.*情况说明' },
  emptyNotes: EMPTY_NOTES,
  instructions: KEEP_FORMAT_INSTRUCTIONS,
  narrative: {
    part: 2,
    partTitle: '部门决算情况说明',
    headings: [
      ...HEADINGS_ONE_TO_NINE,
      { section: '十（一）', level: 1, ordinal: '十、', titles: ['其他重要事项的情况说明', '其他重要事项情况说明'] },
      { section: '十（一）', level: 2, ordinal: '（一）', titles: ['机关运行经费支出情况', '机关运行经费情况'] },
      { section: '十（二）', level: 2, ordinal: '（二）', titles: ['政府采购支出情况', '政府采购情况'] },
      { section: '十（三）', level: 2, ordinal: '（三）', titles: ['国有资产占有使用情况', '国有资产占用情况'] },
      { section: '十（四）', level: 2, ordinal: '（四）', titles: ['预算绩效管理情况', '预算绩效情况'] },
    ],
    sections: [...SECTIONS_ONE_TO_NINE, '十（一）', '十（二）', '十（三）', '十（四）'],
    settings: {},
    shareAdjustment: true,
    completionBasis: '调整预算',
  },
  rules: { exclude: [] },
};
