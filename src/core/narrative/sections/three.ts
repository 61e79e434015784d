// 三、支出决算情况说明: T03 合计 row, items 基本支出 … 对附属单位补助支出 with shares.
import type { NarrativeContext } from '../context';
import { known } from '../paragraph';
import type { Section } from '../types';
import type { ListItem } from './common';
import { caption, section, yearLead } from './common';
import { writeItems } from './two';

export const EXPENSE_ITEMS = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'] as const;

export function sectionThree(ctx: NarrativeContext): Section {
  const total = ctx.tableValue('T03', '合计', ['本年支出合计'], '合计·本年支出合计');
  const items: ListItem[] = [];
  for (const col of EXPENSE_ITEMS) {
    const a = ctx.cell('T03', '合计', [col]);
    if (a) items.push({ name: col, value: known(a.value, [a.cell]) });
  }
  const p = ctx.paragraph();
  p.add(`${yearLead(ctx)}本年支出合计`)
    .amount(total)
    .add('万元');
  writeItems(p, ctx, items, total, '支出');
  return section(ctx, '三', [p.build(), ...caption(ctx, '三')]);
}
