// 九、国有资本经营预算支出决算情况说明: T14 合计 (= T13 合计·本年支出).
import type { NarrativeContext } from '../context';
import type { Section } from '../types';
import { isZeroValue, noneParagraph, section } from './common';
import { fundSpending } from './eight';

export function sectionNine(ctx: NarrativeContext): Section {
  const v = fundSpending(
    ctx,
    [
      { id: 'T14', columns: ['合计'] },
      { id: 'T13', columns: ['本年支出', '本年支出小计', '本年支出合计'] },
    ],
    '国有资本经营预算财政拨款',
  );
  const none = ctx.forms?.none?.九;
  if (none && isZeroValue(v)) return section(ctx, '九', [noneParagraph(ctx, none)]);
  const p = ctx.paragraph();
  p.add(`${ctx.yearText}年${ctx.style === 'A' ? '国有资本经营预算财政拨款支出' : '国有资本经营预算拨款支出'}`)
    .amount(v)
    .add('万元。');
  return section(ctx, '九', [p.build()]);
}
