// Section ids and titles (interfaces.md §3, domain.md §4.2).
import type { NarrativeSettings } from './settings';
import type { Section, SectionId } from './types';

export const SECTION_IDS: readonly SectionId[] = [
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
  '十（一）',
  '十（二）',
  '十（三）',
  '十（四）',
];

export const SECTION_TITLES: Record<SectionId, string> = {
  一: '收入支出决算总体情况说明',
  二: '收入决算情况说明',
  三: '支出决算情况说明',
  四: '财政拨款收入支出决算总体情况说明',
  '五（一）': '一般公共预算财政拨款支出决算总体情况',
  '五（二）': '一般公共预算财政拨款支出决算结构情况',
  '五（三）': '一般公共预算财政拨款支出决算具体情况',
  六: '一般公共预算财政拨款基本支出决算情况说明',
  '七（一）': '“三公”经费财政拨款支出决算总体情况说明',
  '七（二）': '“三公”经费财政拨款支出决算具体情况说明',
  八: '政府性基金预算支出决算情况说明',
  九: '国有资本经营预算支出决算情况说明',
  '十（一）': '机关运行经费支出情况',
  '十（二）': '政府采购支出情况',
  '十（三）': '国有资产占有使用情况',
  '十（四）': '预算绩效管理情况',
};

/** 一级 headings of the sections that have sub-sections. 七 is worded differently by the seeds. */
export function parentOf(id: SectionId, style: NarrativeSettings['style']): Section['parent'] {
  if (id.startsWith('五')) return { id: '五', title: '一般公共预算财政拨款支出决算情况说明' };
  if (id.startsWith('七')) {
    return { id: '七', title: style === 'A' ? '财政拨款“三公”经费支出决算情况说明' : '“三公”经费财政拨款支出决算情况说明' };
  }
  if (id.startsWith('十')) return { id: '十', title: '其他重要事项的情况说明' };
  return undefined;
}

/** Chart captions of style A (seed000), placed after the section's first paragraph. */
export const CHART_CAPTIONS: Partial<Record<SectionId, string>> = {
  一: '（图1：收、支决算总计变动情况图）（柱状图）',
  二: '（图2：收入决算结构图）（饼状图）',
  三: '（图3：支出决算结构图）（饼状图）',
  四: '（图4：财政拨款收、支决算总计变动情况）（柱状图）',
  '五（一）': '（图5：一般公共预算财政拨款支出决算变动情况）（柱状图）',
  '五（二）': '（图6：一般公共预算财政拨款支出决算结构）（饼状图）',
  '七（二）': '（图7：“三公”经费财政拨款支出结构）（饼状图）',
};
