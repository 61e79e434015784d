// 五、一般公共预算财政拨款支出决算情况说明: （一）总体 （二）结构 （三）具体 — from T06.
import type { Amount, TableRow } from '../../model';
import { reasonLead } from '../completion';
import type { NarrativeContext } from '../context';
import { detailName, levelOf, structureName } from '../names';
import type { Value } from '../paragraph';
import { known } from '../paragraph';
import type { Paragraph, Section } from '../types';
import type { ListItem } from './common';
import { fiveThreeFromForms, listedExpenditureRows, T06_TOTAL } from './five-forms';
import {
  caption,
  isZeroValue,
  section,
  writeCompletionClause,
  writeReason,
  writeShareList,
  writeSingleShare,
  writeYoySentence,
  yearLead,
} from './common';

function t06Total(ctx: NarrativeContext): Value {
  return ctx.tableValue('T06', '合计', T06_TOTAL, '合计');
}

/** （一）总体情况 — share of T01 本年支出合计 (domain §4.1.3; both seeds used another denominator). */
export function sectionFiveOne(ctx: NarrativeContext): Section {
  const total = t06Total(ctx);
  const t01 = ctx.cell('T01', '支:本年支出合计', ['金额']);
  const denominator = t01 ? known(t01.value, [t01.cell]) : ctx.tableValue('T03', '合计', ['本年支出合计'], '合计·本年支出合计');
  const p = ctx.paragraph();
  p.add(`${yearLead(ctx)}一般公共预算财政拨款支出`)
    .amount(total)
    .add('万元，占本年支出合计的');
  writeSingleShare(p, ctx, total, denominator);
  p.add('。');
  writeYoySentence(p, ctx, total, {
    subject: '一般公共预算财政拨款',
    each: false,
    label: '一般公共预算财政拨款支出',
    what: '一般公共预算财政拨款支出',
    beforeReason: '。',
    reasonLead: ctx.forms?.reasonLead ?? (ctx.style === 'A' ? '主要变动原因：' : '主要变动原因是'),
  });
  return section(ctx, '五（一）', [p.build(), ...caption(ctx, '五（一）')]);
}

/** （二）结构情况 — one entry per 类 row of T06, shares of T06 合计. */
export function sectionFiveTwo(ctx: NarrativeContext): Section {
  const total = t06Total(ctx);
  const t06 = ctx.table('T06');
  const items: ListItem[] = [];
  for (const row of t06?.rows ?? []) {
    if (!row.code || levelOf(row) !== 1) continue;
    const a = ctx.amountOf(row, T06_TOTAL);
    if (a) items.push({ name: structureName(row, ctx.settings), value: known(a.value, [a.cell]) });
  }
  const shown = ctx.settings.omitZeroItems ? items.filter((i) => !isZeroValue(i.value)) : items;
  const p = ctx.paragraph();
  p.add(`${yearLead(ctx)}一般公共预算财政拨款支出`)
    .amount(total)
    .add('万元');
  if (shown.length > 0) {
    p.add('，主要用于以下方面：');
    writeShareList(p, ctx, shown, total, { separator: '；', zeroShare: true, listName: '各类支出' });
  }
  p.add('。');
  return section(ctx, '五（二）', [p.build(), ...caption(ctx, '五（二）')]);
}

/** （三）具体情况 — lead with the 完成预算 rate, then one numbered item per 项 (or 款) of T06. */
export function sectionFiveThree(ctx: NarrativeContext): Section {
  const sentences = ctx.forms?.sentences;
  if (sentences?.['五（三）'] && sentences['五（三）明细']) return fiveThreeFromForms(ctx, sentences);
  const total = t06Total(ctx);
  const lead = ctx.paragraph();
  lead
    .add(ctx.forms ? `${yearLead(ctx)}一般公共预算财政拨款支出决算为` : `${ctx.yearText}年一般公共预算支出决算数为`)
    .amount(total)
    .add('万元');
  const budget = ctx.suppValue('一般公共预算财政拨款支出', '预算数');
  // the lead states the rate only; the items below give the reasons of each difference
  writeCompletionClause(lead, ctx, total, budget, ctx.forms?.completion ?? '，完成预算');
  lead.add('。');

  const paragraphs: Paragraph[] = [];
  const { t06, listed } = listedExpenditureRows(ctx);
  if (listed.length > 0) lead.add('其中：');
  paragraphs.push(lead.build());
  const dot = ctx.style === 'A' ? '．' : '.';
  listed.forEach((row, i) => {
    const a = ctx.amountOf(row, T06_TOTAL) as Amount;
    paragraphs.push(detailItem(ctx, `${i + 1}${dot}`, row, a, detailName(t06 as NonNullable<typeof t06>, row, ctx.settings)));
  });
  return section(ctx, '五（三）', paragraphs);
}

function detailItem(ctx: NarrativeContext, number: string, row: TableRow, a: Amount, name: string): Paragraph {
  const code = row.code as string;
  const actual = known(a.value, [a.cell]);
  const p = ctx.paragraph();
  p.add(`${number}${name}：支出决算为`).amount(actual).add('万元');
  const budget = ctx.budgetOf(code, name);
  const completion = writeCompletionClause(p, ctx, actual, budget, ctx.forms?.completion ?? '，完成预算');
  if (!completion) {
    // budget unknown: ask for the reason too only once the budget shows a difference
    p.add('。');
    return p.build();
  }
  const leadText = reasonLead(completion.case, '调整预算数');
  const because =
    completion.case === 'unbudgeted'
      ? `科目${code}“${name}”未安排预算但有支出`
      : `科目${code}“${name}”决算数${completion.case === 'under' ? '小于' : '大于'}调整预算数`;
  const reason = ctx.reasonOfCode(code, name, completion.reasonRequired, because);
  if (reason) {
    p.add('，');
    writeReason(p, leadText ?? '主要原因是', reason);
  } else {
    p.add('。');
  }
  return p.build();
}
