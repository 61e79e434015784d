// Which section a paragraph belongs to when no heading says so: its lead words (normalised text).
// The first matching cue wins, so the more specific come first.
import type { SectionId } from '../narrative/types';

export const CUES: [RegExp, SectionId][] = [
  [/财政拨款收、?支总计/, '四'],
  [/收、?支总计/, '一'],
  [/本年收入合计/, '二'],
  [/一般公共预算财政拨款基本支出/, '六'],
  [/^(?:\d{4}年)?本年支出合计(?:均为|为)?\d/, '三'],
  [/一般公共预算(?:财政拨款)?支出决算数为?/, '五（三）'],
  [/一般公共预算财政拨款支出[\d.]*(?:万元)?，?主要用于/, '五（二）'],
  [/一般公共预算财政拨款(?:支出)?.*(?:占本年支出合计|相比)/, '五（一）'],
  [/三公经费(?:财政拨款)?支出决算中/, '七（二）'],
  [/三公经费(?:财政拨款)?支出决算(?:数)?(?:为)?\d/, '七（一）'],
  [/政府性基金预算(?:财政)?拨款支出/, '八'],
  [/国有资本经营预算(?:财政)?拨款支出/, '九'],
  [/运行经费支出/, '十（一）'],
  [/政府采购支出总额/, '十（二）'],
  [/共有车辆|单价\d+万元以上(?:通用|专用)设备/, '十（三）'],
  [/预算绩效管理要求|绩效目标完成情况自评|开展绩效监控/, '十（四）'],
  [/^(?:其中：)?(?:人员经费|公用经费)\d/, '六'],
  [/^(?:\d+[．.、])?(?:因公出国（境）(?:经)?费|公务用车购置及运行维护费|公务接待费)支出/, '七（二）'],
  [/公务用车购置支出|共有公务用车|国内公务接待|外事接待/, '七（二）'],
];

export function cueSection(text: string): SectionId | undefined {
  for (const [re, id] of CUES) if (re.test(text)) return id;
  return undefined;
}
