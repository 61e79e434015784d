// 二、收入决算情况说明: 本年收入合计 and its items with shares (denominator T01 本年收入合计).
import { findRow } from '../../model';
import { T01_INCOME_ITEMS } from '../../tables';
import type { NarrativeContext } from '../context';
import { known } from '../paragraph';
import type { Section } from '../types';
import type { ListItem } from './common';
import { ParagraphBuilder, caption, isZeroValue, section, writeShareList, yearLead } from './common';

export function sectionTwo(ctx: NarrativeContext): Section {
  const total = ctx.tableValue('T01', '收:本年收入合计', ['金额'], '本年收入合计');
  const t01 = ctx.table('T01');
  const items: ListItem[] = [];
  const funds: ListItem[] = [];
  for (const label of T01_INCOME_ITEMS) {
    const a = ctx.amountOf(findRow(t01, `收:${label}`), ['金额']);
    if (!a) continue;
    const item = { name: label, value: known(a.value, [a.cell]) };
    if (ctx.forms?.incomeFunds === 'one' && label.endsWith('财政拨款收入')) funds.push(item);
    else items.push(item);
  }
  if (funds.length > 0) items.unshift({ name: '财政拨款收入', value: sumOf(funds) });
  const p = ctx.paragraph();
  p.add(`${yearLead(ctx)}本年收入合计`)
    .amount(total)
    .add('万元');
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

/** 财政拨款收入 as one item (Shanghai): the three fund rows of 收入支出决算总表 added. */
function sumOf(items: ListItem[]): ListItem['value'] {
  let value = items[0].value.ok ? items[0].value.value : undefined;
  const cells = items.flatMap((i) => i.value.cells);
  for (const i of items.slice(1)) if (value && i.value.ok) value = value.add(i.value.value);
  return value ? known(value, cells) : items[0].value;
}
