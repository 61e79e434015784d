// Wordings several templates share.
import type { TemplateHeading } from './types';

/** Every wording that says a table is empty on purpose. */
export const EMPTY_NOTES = ['空表', '本表无数据', '本表为空', '本表无内容', '(?:没有|无|未发生|不涉及).{0,60}(?:收入|支出|经费|数据)'];

/** The instruction the 9-table templates print above the empty-table note. */
export const KEEP_FORMAT_INSTRUCTIONS = ['仍保留该表格式', '作下述说明[:：]?$', '按上述格式依次说明', '不涉及的不列', '如持平作持平表述'];

/** 一 … 九 as every template numbers them. */
export const HEADINGS_ONE_TO_NINE: TemplateHeading[] = [
  { section: '一', level: 1, ordinal: '一、', titles: ['收入支出决算总体情况说明'] },
  { section: '二', level: 1, ordinal: '二、', titles: ['收入决算情况说明'] },
  { section: '三', level: 1, ordinal: '三、', titles: ['支出决算情况说明'] },
  { section: '四', level: 1, ordinal: '四、', titles: ['财政拨款收入支出决算总体情况说明'] },
  { section: '五（一）', level: 1, ordinal: '五、', titles: ['一般公共预算财政拨款支出决算情况说明'] },
  { section: '六', level: 1, ordinal: '六、', titles: ['一般公共预算财政拨款基本支出决算情况说明'] },
  {
    section: '七（一）',
    level: 1,
    ordinal: '七、',
    titles: ['财政拨款“三公”经费支出决算情况说明', '“三公”经费财政拨款支出决算情况说明', '一般公共预算财政拨款“三公”经费支出决算情况说明'],
  },
  {
    section: '八',
    level: 1,
    ordinal: '八、',
    titles: ['政府性基金预算支出决算情况说明', '政府性基金预算财政拨款支出决算情况说明', '政府性基金预算财政拨款收入支出决算情况说明'],
  },
  {
    section: '九',
    level: 1,
    ordinal: '九、',
    titles: [
      '国有资本经营预算支出决算情况说明',
      '国有资本经营预算财政拨款支出决算情况说明',
      '国有资本经营预算财政拨款收入支出决算情况说明',
    ],
  },
  { section: '五（一）', level: 2, ordinal: '（一）', titles: ['一般公共预算财政拨款支出决算总体情况'] },
  { section: '五（二）', level: 2, ordinal: '（二）', titles: ['一般公共预算财政拨款支出决算结构情况'] },
  { section: '五（三）', level: 2, ordinal: '（三）', titles: ['一般公共预算财政拨款支出决算具体情况'] },
  { section: '七（一）', level: 2, ordinal: '（一）', titles: ['“三公”经费财政拨款支出决算总体情况说明'] },
  { section: '七（二）', level: 2, ordinal: '（二）', titles: ['“三公”经费财政拨款支出决算具体情况说明'] },
];

export const SECTIONS_ONE_TO_NINE = [
  '一',
  '二',
  '三',
  '四',
  '五（一）',
  '五（二）',
  '五（三）',
  '六',
  '七（一）',
  '七（二）',
  '八',
  '九',
] as const;
