// 八、政府性基金预算支出决算情况说明: T11 合计·本年支出.
import type { TableId } from '../../model';
import { ZERO } from '../../money';
import type { NarrativeContext } from '../context';
import type { Value } from '../paragraph';
import { known } from '../paragraph';
import type { Section } from '../types';
import { isZeroValue, noneParagraph, section } from './common';

export function sectionEight(ctx: NarrativeContext): Section {
  const v = fundSpending(ctx, [{ id: 'T11', columns: ['本年支出', '本年支出小计', '本年支出合计'] }], '政府性基金预算财政拨款');
  const none = ctx.forms?.none?.八;
  if (none && isZeroValue(v)) return section(ctx, '八', [noneParagraph(ctx, none)]);
  const p = ctx.paragraph();
  p.add(`${ctx.yearText}年${ctx.style === 'A' ? '政府性基金预算财政拨款支出' : '政府性基金预算拨款支出'}`)
    .amount(v)
    .add('万元。');
  return section(ctx, '八', [p.build()]);
}

/**
 * The 合计 of the first source table that has one. A source table printed without a 合计 row is an
 * empty table (空表) and means 0. With no source table the T04 column of the fund is used, else a
 * placeholder asks for the first source.
 */
export function fundSpending(ctx: NarrativeContext, sources: { id: TableId; columns: string[] }[], t04Column: string): Value {
  for (const s of sources) {
    const a = ctx.cell(s.id, '合计', s.columns);
    if (a) return known(a.value, [a.cell]);
  }
  const t04 = ctx.cell('T04', '支:本年支出合计', [t04Column]);
  if (t04) return known(t04.value, [t04.cell]);
  if (sources.some((s) => ctx.table(s.id)?.rows.length === 0)) return known(ZERO, []);
  return ctx.tableValue(sources[0].id, '合计', sources[0].columns, '合计');
}
