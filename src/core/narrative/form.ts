// A sentence form of a template (“机关运行经费支出{本年}万元，比{上年}年度{变动}。”): literal words
// from the template file, named slots filled by the section writer. Which slots each form may use
// is data too (FORM_SLOTS), so a template file is checked without running a workbook.
import { VEHICLE_CATEGORIES } from '../supplement/rows';
import type { ParagraphBuilder } from './paragraph';

/** The forms a template may give, with the slots each one may name. */
export const FORM_SLOTS = {
  /** 五（三） lead: budget, actual and the completion rate. */
  '五（三）': ['预算', '决算', '完成率'],
  /** 五（三） lead when no rate exists (年初预算 0). */
  '五（三）无比率': ['预算', '决算'],
  /** 五（三） one item per 项级科目. */
  '五（三）明细': ['序号', '名称', '用途', '预算', '决算'],
  /** After a budget and its actual: the reason of the difference, or 持平. */
  决算大于预算: ['原因'],
  决算小于预算: ['原因'],
  决算等于预算: [],
  /** 七（一）: budget, actual and rate of the total and of each item. */
  '七（一）': ['预算', '决算', '完成率', '出国决算', '出国完成率', '公车决算', '公车完成率', '接待决算', '接待完成率'],
  '七（一）大于预算': ['年', '原因'],
  '七（一）小于预算': ['年', '原因'],
  '七（一）等于预算': ['年'],
  /** 七（一）: the change on the prior year, of the total and of each item, then each item's reason. */
  '七（一）变动': ['年', '上年', '变动', '出国变动', '公车变动', '接待变动'],
  '七（一）持平': ['年', '上年'],
  '七（一）变动原因': ['项目', '增减', '原因'],
  /** 七（二）: the items' shares, then one paragraph per item. */
  '七（二）': ['出国决算', '出国占比', '公车决算', '公车占比', '接待决算', '接待占比'],
  '七（二）出国': ['出国决算', '团组数', '人次', '开支内容'],
  '七（二）公车': ['公车决算'],
  '七（二）购置': ['购置决算', '购置用途', '购置数'],
  '七（二）运行': ['运行决算', '运行用途', '年', '单位', '保有量'],
  '七（二）接待': ['接待决算'],
  '七（二）国内接待': ['接待决算', '外宾接待', '接待用途', '批次', '人次', '外宾批次', '外宾人次'],
  /** 预算绩效管理情况 (Shanghai 十). */
  '十（四）': [
    '单位',
    '年',
    '制度',
    '目标项目数',
    '目标金额',
    '跟踪项目数',
    '跟踪金额',
    '自评项目数',
    '自评金额',
    '平均得分',
    '优',
    '良',
    '合格',
    '不合格',
    '问题数',
    '整改',
  ],
  /** The 整改 clause of 十（四）, written only when problems were found. */
  '十（四）整改': ['已整改', '正在整改'],
  /** 机关运行经费: changed, flat, none. */
  '十（一）': ['本年', '上年', '变动', '原因'],
  '十（一）持平': ['本年', '上年'],
  '十（一）无': ['单位', '年'],
  /** 政府采购: amounts, then the 中小企业 paragraph. */
  '十（二）': ['单位', '年', '总额', '货物', '工程', '服务'],
  '十（二）中小企业': ['年', '中小企业预留', '小微企业预留', '中小企业成交', '小微企业成交', '其他中小企业成交'],
  /** 国有资产占有使用: vehicles by category and large equipment. */
  '十（三）': ['单位', '年', '车辆总数', ...VEHICLE_CATEGORIES, '大型设备'],
} as const;

export type FormId = keyof typeof FORM_SLOTS;

const SLOT = /\{([^{}]+)\}/g;

/** The slot names a form uses, in order. */
export function slotsOf(form: string): string[] {
  return [...form.matchAll(SLOT)].map((m) => m[1]);
}

/** Writes `form` into `p`: literal words as they are, each {slot} through its writer. */
export function writeForm(p: ParagraphBuilder, form: string, slots: Record<string, (p: ParagraphBuilder) => void>): void {
  let last = 0;
  for (const m of form.matchAll(SLOT)) {
    p.add(form.slice(last, m.index));
    const write = slots[m[1]];
    if (!write) throw new Error(`句式“${form}”中的“{${m[1]}}”无法填写`);
    write(p);
    last = (m.index as number) + m[0].length;
  }
  p.add(form.slice(last));
}
