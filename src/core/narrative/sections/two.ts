// 二、收入决算情况说明: 本年收入合计 and its items with shares (denominator T01 本年收入合计).
import { findRow } from '../../model';
import { T01_INCOME_ITEMS } from '../../tables';
import type { NarrativeContext } from '../context';
import { known } from '../paragraph';
import type { Section } from '../types';
import type { ListItem } from './common';
import { ParagraphBuilder, caption, isZeroValue, section, writeShareList } from './common';

export function sectionTwo(ctx: NarrativeContext): Section {
  const total = ctx.tableValue('T01', '收:本年收入合计', ['金额'], '本年收入合计');
  const t01 = ctx.table('T01');
  const items: ListItem[] = [];
  for (const label of T01_INCOME_ITEMS) {
    const a = ctx.amountOf(findRow(t01, `收:${label}`), ['金额']);
    if (a) items.push({ name: label, value: known(a.value, [a.cell]) });
  }
  const p = ctx.paragraph();
  p.add(`${ctx.yearText}年本年收入合计`).amount(total).add('万元');
  writeItems(p, ctx, items, total, '收入');
  return section(ctx, '二', [p.build(), ...caption(ctx, '二')]);
}

/**
 * “，其中：{item}…，占…；{item}…。” over the non-zero items (all items when omitZeroItems is off).
 * Leaving out zero items cannot move the other shares: a zero part has no remainder to round.
 */
export function writeItems(p: ParagraphBuilder, ctx: NarrativeContext, all: ListItem[], total: ListItem['value'], listName: string): void {
  const shown = ctx.settings.omitZeroItems ? all.filter((i) => !isZeroValue(i.value)) : all;
  if (shown.length === 0) {
    p.add('。');
    return;
  }
  p.add('，其中：');
  writeShareList(p, ctx, shown, total, { separator: '；', zeroShare: true, listName });
  p.add('。');
}
