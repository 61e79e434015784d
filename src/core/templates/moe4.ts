// 教育部直属高校部门决算 (e.g. 西南大学 2024): 4 tables (高等学校收支决算总表, 收入决算表, 支出决算表,
// 财政拨款支出决算表), then “三、决算报表说明” in five parts （一）…（五） whose sentences say
// “收入总计 / 支出总计” for 本年收入合计 / 本年支出合计, shares “占总收入的 58.61%” with two decimals.
// Its 收支决算总表 prints 财政拨款收入 as one item with “其中：政府性基金预算财政拨款”, and 合计 for
// 总计; its 财政拨款支出决算表 covers every 财政拨款 (read as the catalog's T06 layout: 合计 =
// 基本支出 + 项目支出 by 功能分类) with a 合计 row on the 类|款|项 line and a “其中：基本建设资金支出”
// column. Each table carries “注：因四舍五入进位，分项金额与合计金额可能存在尾数误差。”: the template
// accepts rounding differences, so shares are not moved to add to 100%.
import { EMPTY_NOTES, KEEP_FORMAT_INSTRUCTIONS } from './common';
import type { Template, TextStatement } from './types';

const T01_INCOME = ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];

/** The 功能分类 类 its 收支决算总表 prints (一般公共服务支出 … 抗疫特别国债安排的支出). */
const EXPENSE_CLASSES = [
  '一般公共服务支出',
  '外交支出',
  '国防支出',
  '公共安全支出',
  '教育支出',
  '科学技术支出',
  '文化旅游体育与传媒支出',
  '社会保障和就业支出',
  '卫生健康支出',
  '节能环保支出',
  '城乡社区支出',
  '农林水支出',
  '交通运输支出',
  '资源勘探工业信息等支出',
  '商业服务业等支出',
  '金融支出',
  '援助其他地区支出',
  '自然资源海洋气象等支出',
  '住房保障支出',
  '粮油物资储备支出',
  '国有资本经营预算支出',
  '灾害防治及应急管理支出',
  '其他支出',
  '债务还本支出',
  '债务付息支出',
  '抗疫特别国债安排的支出',
];

export const moe4: Template = {
  id: 'moe4',
  name: '教育部直属高校部门决算（4张表）',
  tables: [
    {
      id: 'T01',
      number: '表1',
      title: '高等学校收支决算总表',
      rowAliases: { 合计: '总计', '使用非财政拨款结余（含专用结余）': '使用非财政拨款结余', 上年结转和结余: '年初结转和结余' },
    },
    {
      id: 'T02',
      number: '表2',
      title: '高等学校收入决算表',
      layout: { totalRow: 'bottom' },
      columns: [{ key: '教育收费', aliases: ['其中：教育收费'] }],
    },
    { id: 'T03', number: '表3', title: '高等学校支出决算表', layout: { totalRow: 'bottom' } },
    {
      id: 'T06',
      number: '表4',
      title: '高等学校财政拨款支出决算表',
      layout: { totalRow: 'withSubHeader' },
      columns: [{ key: '基本建设资金支出', aliases: ['其中：基本建设资金支出'] }],
    },
  ],
  detect: {
    tables: [],
    titles: ['高等学校收支决算总表', '高等学校财政拨款支出决算表'],
    headings: ['^[一二三四五六七八九十]+、决算报表说明$', '^（[一二三四五]）高等学校收支决算总表说明$'],
  },
  emptyNotes: EMPTY_NOTES,
  instructions: KEEP_FORMAT_INSTRUCTIONS,
  narrative: {
    part: 3,
    partTitle: '决算报表说明',
    partName: '决算报表说明',
    amountFormat: 'grouped',
    headings: [
      { section: '一', level: 2, ordinal: '（一）', titles: ['高等学校收支决算总表说明'] },
      { section: '二', level: 2, ordinal: '（二）', titles: ['高等学校收入决算表说明'] },
      { section: '三', level: 2, ordinal: '（三）', titles: ['高等学校支出决算表说明'] },
      { section: '四', level: 2, ordinal: '（四）', titles: ['高等学校财政拨款支出决算表说明'] },
      { section: '十（二）', level: 2, ordinal: '（五）', titles: ['其他说明'] },
    ],
    sections: ['一', '二', '三', '四', '十（二）'],
    settings: { percentDecimals: 2, keepTrailingZeros: true, shareMode: 'independent', decreaseVerb: '减少' },
    shareAdjustment: false,
    completionBasis: '调整预算',
    statements: [
      // the document says 收入总计 / 支出总计 for 本年收入合计 / 本年支出合计: read as it says (the
      // total is then compared with 总计), read the right words too, write the right words
      ...(['收入', '支出'] as const).flatMap((side) => {
        const s = side === '收入' ? '收' : '支';
        return [
          { section: '一', lead: `${side}总计(?:为)?`, what: `${side}总计`, cell: `T01[${s}:总计].金额`, changes: true },
          {
            section: '一',
            lead: `本年${side}合计(?:为)?`,
            what: `本年${side}合计`,
            cell: `T01[${s}:本年${side}合计].金额`,
            changes: true,
            write: { text: `学校{年}年度本年${side}合计`, cell: `T01[${s}:本年${side}合计].金额` },
          },
        ] satisfies TextStatement[];
      }),
      ...[
        { lead: '收入总计(?:为)?', what: '收入总计', cell: 'T01[收:总计].金额' },
        { lead: '本年收入合计(?:为)?', what: '本年收入合计', cell: 'T01[收:本年收入合计].金额', write: true },
      ].map((form): TextStatement => ({
        section: '二',
        lead: form.lead,
        what: form.what,
        cell: form.cell,
        ...(form.write
          ? { write: { text: '学校{年}年度本年收入合计', cell: 'T01[收:本年收入合计].金额', shareLead: '，占总收入的' } }
          : {}),
        list: {
          start: '其中：',
          items: Object.fromEntries(T01_INCOME.map((item) => [item, `T01[收:${item}].金额`])),
          denominator: 'T01[收:本年收入合计].金额',
          denominatorName: '本年收入合计',
        },
      })),
      ...[
        { lead: '(?:各项)?支出总计(?:为)?', what: '支出总计', cell: 'T01[支:总计].金额' },
        { lead: '本年支出合计(?:为)?', what: '本年支出合计', cell: 'T03[合计].本年支出合计', write: true },
      ].map((form): TextStatement => ({
        section: '三',
        lead: form.lead,
        what: form.what,
        cell: form.cell,
        ...(form.write ? { write: { text: '学校{年}年度本年支出合计', cell: 'T03[合计].本年支出合计', shareLead: '，占总支出的' } } : {}),
        list: {
          start: '其中：',
          items: { 基本支出: 'T03[合计].基本支出', 项目支出: 'T03[合计].项目支出' },
          denominator: 'T03[合计].本年支出合计',
          denominatorName: '本年支出合计',
        },
      })),
      {
        section: '三',
        write: { text: '按照支出功能科目划分，', shareLead: '，占总支出的' },
        list: {
          start: '按照支出功能科目划分，',
          items: Object.fromEntries(EXPENSE_CLASSES.map((c) => [c, `T01[支:${c}].金额`])),
          denominator: 'T01[支:本年支出合计].金额',
          denominatorName: '本年支出合计',
        },
      },
      {
        section: '四',
        lead: '财政拨款支出(?:总计|合计)(?:为)?',
        what: '财政拨款支出总计',
        cell: 'T06[合计].合计',
        write: { text: '学校{年}年度财政拨款支出总计为', cell: 'T06[合计].合计', shareLead: '，占总支出的' },
        list: {
          start: '其中：',
          items: { 基本支出: 'T06[合计].基本支出', 项目支出: 'T06[合计].项目支出' },
          denominator: 'T06[合计].合计',
          denominatorName: '财政拨款支出合计',
        },
      },
      { section: '四', codes: 'T06[$code].合计', what: '决算数', write: { text: '{n}.{name}（{code}），{年}年度决算数为' } },
    ],
  },
  rules: {
    // T01-1/X02: 财政拨款收入 is one item here (its 其中：政府性基金预算财政拨款 is not an addend);
    // T01-6: a university is a 事业单位, 使用非财政拨款结余 and 结余分配 are expected; X06: no T04.
    exclude: ['T01-1', 'T01-6', 'X02', 'X06'],
    add: [
      {
        id: 'MOE-T01-1',
        severity: 'error',
        tolerance: 'sum',
        description: '高等学校收支决算总表：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入',
        left: ['T01[收:本年收入合计].金额'],
        right: T01_INCOME.map((item) => `T01[收:${item}].金额?`),
      },
      {
        id: 'MOE-T01-2',
        severity: 'error',
        tolerance: 'copy',
        compare: 'le',
        description: '高等学校收支决算总表：其中政府性基金预算财政拨款 ≤ 财政拨款收入',
        left: ['T01[收:政府性基金预算财政拨款收入].金额'],
        right: ['T01[收:财政拨款收入].金额'],
      },
      {
        id: 'MOE-T01-2',
        severity: 'error',
        tolerance: 'copy',
        compare: 'le',
        description: '高等学校收支决算总表：其中捐赠收入 ≤ 其他收入',
        left: ['T01[收:捐赠收入].金额'],
        right: ['T01[收:其他收入].金额'],
      },
      {
        id: 'MOE-X02',
        severity: 'error',
        tolerance: 'copy',
        description: '高等学校收支决算总表财政拨款收入 = 收入决算表合计行财政拨款收入',
        left: ['T01[收:财政拨款收入].金额'],
        right: ['T02[合计].财政拨款收入'],
      },
      {
        id: 'MOE-T02-1',
        severity: 'error',
        tolerance: 'copy',
        compare: 'le',
        description: '高等学校收入决算表每行：其中教育收费 ≤ 事业收入',
        each: { rowsOf: 'T02' },
        left: ['T02[$row].教育收费'],
        right: ['T02[$row].事业收入'],
      },
      {
        id: 'MOE-T04-1',
        severity: 'error',
        tolerance: 'copy',
        compare: 'le',
        description: '高等学校财政拨款支出决算表每行：其中基本建设资金支出 ≤ 项目支出',
        each: { rowsOf: 'T06' },
        left: ['T06[$row].基本建设资金支出'],
        right: ['T06[$row].项目支出'],
      },
    ],
  },
};
