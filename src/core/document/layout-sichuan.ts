// The Sichuan disclosure's parts, their order and headings, and where its charts go — one data
// object, so a province template can supply its own (seed 000 and 002 print this order).
import type { SectionId } from '../narrative/types';
import type { PartId } from './types';

export type ChartSource = 'totals' | 'income' | 'expense' | 'fiscalTotals' | 'gpbChange' | 'gpbStructure' | 'sanGong';

export interface ChartPlacement {
  id: string;
  /** Caption as seed 000 prints it (without brackets and chart type). */
  caption: string;
  /** The section whose first paragraph the chart illustrates (the chart follows it). */
  section: SectionId;
  kind: 'bar' | 'pie';
  source: ChartSource;
}

export interface DocumentLayout {
  /** {unit} {year} are replaced. */
  coverTitle: string;
  contentsHeading: string;
  parts: { id: Exclude<PartId, 'cover' | 'contents'>; heading: string }[];
  /** 第一部分: the headings asked for when the workbook has no 部门概况 sheet. */
  overviewOutline: { heading: string; level: 1 | 2; ask: string }[];
  /** {year} is replaced. */
  narrativeTitle: string;
  charts: ChartPlacement[];
}

export const SICHUAN_LAYOUT: DocumentLayout = {
  coverTitle: '{unit}\n{year}年度部门决算',
  contentsHeading: '目  录',
  parts: [
    { id: 'overview', heading: '第一部分 部门概况' },
    { id: 'narrative', heading: '第二部分 {year}年度部门决算情况说明' },
    { id: 'glossary', heading: '第三部分 名词解释' },
    { id: 'attachments', heading: '第四部分 附件' },
    { id: 'tables', heading: '第五部分 附表' },
  ],
  overviewOutline: [
    { heading: '一、基本职能及主要工作', level: 1, ask: '' },
    { heading: '（一）主要职能', level: 2, ask: '【请填写部门主要职能】' },
    { heading: '（二）{year}年重点工作完成情况', level: 2, ask: '【请填写本年度重点工作完成情况】' },
    { heading: '二、机构设置', level: 1, ask: '【请填写机构设置：预算单位级次、下属预算单位个数及纳入决算编制范围的单位】' },
  ],
  narrativeTitle: '第二部分 {year}年度部门决算情况说明',
  charts: [
    { id: '图1', caption: '收、支决算总计变动情况图', section: '一', kind: 'bar', source: 'totals' },
    { id: '图2', caption: '收入决算结构图', section: '二', kind: 'pie', source: 'income' },
    { id: '图3', caption: '支出决算结构图', section: '三', kind: 'pie', source: 'expense' },
    { id: '图4', caption: '财政拨款收、支决算总计变动情况', section: '四', kind: 'bar', source: 'fiscalTotals' },
    { id: '图5', caption: '一般公共预算财政拨款支出决算变动情况', section: '五（一）', kind: 'bar', source: 'gpbChange' },
    { id: '图6', caption: '一般公共预算财政拨款支出决算结构', section: '五（二）', kind: 'pie', source: 'gpbStructure' },
    { id: '图7', caption: '“三公”经费财政拨款支出结构', section: '七（二）', kind: 'pie', source: 'sanGong' },
  ],
};
