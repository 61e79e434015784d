// 六、一般公共预算财政拨款基本支出决算情况说明: T08 人员经费 / 公用经费 and their 款 items.
import type { TableRow } from '../../model';
import { PERSONNEL_CLASSES } from '../../tables';
import type { NarrativeContext } from '../context';
import type { Value } from '../paragraph';
import { known } from '../paragraph';
import type { Section } from '../types';
import { ParagraphBuilder, section, yearLead } from './common';

const AMOUNT_COLUMNS = ['金额', '决算数', '合计'];
type Group = '人员经费' | '公用经费';

function groupOf(row: TableRow): Group {
  return row.group ?? (PERSONNEL_CLASSES.includes((row.code ?? '').slice(0, 3)) ? '人员经费' : '公用经费');
}

function rowValue(ctx: NarrativeContext, row: TableRow): Value | undefined {
  const a = ctx.amountOf(row, AMOUNT_COLUMNS) ?? Object.values(row.cells)[0];
  return a ? known(a.value, [a.cell]) : undefined;
}

export function sectionSix(ctx: NarrativeContext): Section {
  const basic = basicTotal(ctx);
  const lead = ctx.paragraph();
  lead
    .add(`${yearLead(ctx)}一般公共预算财政拨款基本支出`)
    .amount(basic)
    .add('万元，其中：');
  const personnel = groupParagraph(ctx, '人员经费', ctx.style === 'B' ? lead : ctx.paragraph());
  const publicUse = groupParagraph(ctx, '公用经费', ctx.paragraph());
  const paragraphs = ctx.style === 'B' ? [personnel, publicUse] : [lead.build(), personnel, publicUse];
  return section(ctx, '六', paragraphs);
}

/**
 * The published 基本支出 total: T08 基本支出合计 when printed, else T06 合计·基本支出 (N6 —
 * never re-added from 人员 + 公用, which may differ by a rounding cent: seed000 1499.61).
 */
function basicTotal(ctx: NarrativeContext): Value {
  const t08 = ctx.cell('T08', '基本支出合计', AMOUNT_COLUMNS);
  if (t08) return known(t08.value, [t08.cell]);
  return ctx.tableValue('T06', '合计', ['基本支出'], '合计·基本支出');
}

/** “人员经费{X}万元，主要包括：{款}{amt}万元、…。” — the non-zero 款 rows of the group in table order. */
function groupParagraph(ctx: NarrativeContext, group: Group, p: ParagraphBuilder) {
  const total = ctx.tableValue('T08', `${group}合计`, AMOUNT_COLUMNS, `${group}合计`);
  p.add(group).amount(total).add('万元');
  const items = (ctx.table('T08')?.rows ?? [])
    .filter((r) => r.code && r.code.length === 5 && groupOf(r) === group)
    .map((r) => ({ row: r, value: rowValue(ctx, r) }))
    .filter((i): i is { row: TableRow; value: Value & { ok: true } } => !!i.value && i.value.ok && !i.value.value.isZero());
  if (items.length > 0) {
    p.add('，主要包括：');
    items.forEach((item, i) => {
      if (i > 0) p.add('、');
      p.add(item.row.label.replace(/[\s\u3000]+/g, ''))
        .amount(item.value)
        .add('万元');
    });
  }
  p.add('。');
  return p.build();
}
