// 七、“三公”经费 in a template's own sentence forms (Shanghai): （一）budget, actual and rate of the
// total and each item, the reason of the difference, the change on the prior year with each
// item's reason; （二）the items' shares, then 因公出国（境）, 公务用车 (购置, 运行维护) and 公务接待.
// Amounts from the “三公” table; counts, uses and reasons from the 补充信息 sheet.
import type { SentenceForms } from '../../templates/types';
import { changeOf } from '../change';
import { computeCompletion } from '../completion';
import type { NarrativeContext, TextValue } from '../context';
import { writeForm } from '../form';
import type { ParagraphBuilder, Value } from '../paragraph';
import { missingPlaceholder } from '../paragraph';
import type { Paragraph, Section } from '../types';
import { cellsOf, section, writeChangeOrPlaceholder, writeSingleShare, writeText } from './common';

type Sentences = NonNullable<SentenceForms['sentences']>;
type Slots = Record<string, (p: ParagraphBuilder) => void>;
type Column = '合计' | '因公出国（境）费' | '公务用车购置及运行费' | '公务用车购置费' | '公务用车运行费' | '公务接待费';

/** The items: T10 column, 补充信息 row (上年数, 原因说明), slot prefix, the name the reason sentence gives. */
const ITEMS = [
  { column: '因公出国（境）费', label: '因公出国（境）费', slot: '出国', name: '因公出国（境）费' },
  { column: '公务用车购置及运行费', label: '公务用车购置及运行维护费', slot: '公车', name: '公务用车购置及运行维护费' },
  { column: '公务接待费', label: '公务接待费', slot: '接待', name: '公务接待费' },
] as const;

export function sevenFromForms(
  ctx: NarrativeContext,
  s: Sentences,
  sanGong: (block: '预算数' | '决算数', column: Column) => Value,
): { one: () => Section; two: () => Section } {
  const base: Slots = {
    年: (p) => p.add(ctx.yearText),
    上年: (p) => p.add(ctx.prevYearText),
    单位: (p) => writeText(p, ctx.unitName()),
  };
  const paragraph = (form: string, slots: Slots): Paragraph => {
    const p = ctx.paragraph();
    writeForm(p, form, { ...base, ...slots });
    return p.build();
  };
  const rate = (actual: Value, budget: Value, what: string) => (p: ParagraphBuilder) => {
    const cells = cellsOf(actual, budget);
    if (!actual.ok || !budget.ok) return void p.placeholder(missingPlaceholder(budget, actual), cells);
    const c = computeCompletion(actual.value, budget.value, ctx.settings.percentDecimals, ctx.settings.keepTrailingZeros);
    if (c.rateText) return void p.slot(c.rateText, 'percent', cells);
    // 预算数 0: no rate exists; the sentence is the accountant's to reword, never a made-up rate
    ctx.need(`七|${what}|rate`, cells, `第二部分${ctx.section}：${what}预算数为0，无法计算“完成预算的”比例，请改写这一句。`);
    p.placeholder('【预算数为0，无法计算完成比例】', cells);
  };

  const one = (): Section => {
    const actual = sanGong('决算数', '合计');
    const budget = sanGong('预算数', '合计');
    const slots: Slots = { 预算: (p) => p.amount(budget), 决算: (p) => p.amount(actual), 完成率: rate(actual, budget, '“三公”经费') };
    for (const item of ITEMS) {
      const a = sanGong('决算数', item.column);
      slots[`${item.slot}决算`] = (p) => p.amount(a);
      slots[`${item.slot}完成率`] = rate(a, sanGong('预算数', item.column), item.name);
    }
    const first = ctx.paragraph();
    writeForm(first, s['七（一）'] as string, { ...base, ...slots });
    if (actual.ok && budget.ok && !(actual.value.isZero() && budget.value.isZero())) {
      const c = actual.value.cmp(budget.value);
      const form = c === 0 ? s['七（一）等于预算'] : c < 0 ? s['七（一）小于预算'] : s['七（一）大于预算'];
      const why = `“三公”经费决算数${c < 0 ? '小于' : '大于'}预算数`;
      if (form) writeForm(first, form, { ...base, 原因: (p) => writeReasonText(p, ctx.reason('“三公”经费预决算差异', true, why)) });
    }

    const prev = ctx.suppValue('“三公”经费', '上年数');
    const change = changeOf(actual, prev);
    const second = ctx.paragraph();
    if (change?.kind === 'flat' && s['七（一）持平']) writeForm(second, s['七（一）持平'], base);
    else {
      const changes: Slots = { 变动: (p) => writeChangeOrPlaceholder(p, ctx, change, actual, prev) };
      for (const item of ITEMS) {
        const a = sanGong('决算数', item.column);
        const before = ctx.suppValue(item.label, '上年数');
        const c = changeOf(a, before);
        changes[`${item.slot}变动`] = (p) => (c?.kind === 'flat' ? p.add('持平') : writeChangeOrPlaceholder(p, ctx, c, a, before));
      }
      writeForm(second, s['七（一）变动'] as string, { ...base, ...changes });
      for (const item of ITEMS) {
        const c = changeOf(sanGong('决算数', item.column), ctx.suppValue(item.label, '上年数'));
        if (c?.kind === 'flat' || !s['七（一）变动原因']) continue;
        const word = c ? (c.kind === 'increase' ? '增加' : '减少') : '增加（减少）';
        writeForm(second, s['七（一）变动原因'], {
          项目: (p) => p.add(item.name),
          增减: (p) => p.add(word),
          原因: (p) => writeReasonText(p, ctx.reason(item.label, true, `${item.name}较上年${c ? word : '有变动时'}`)),
        });
      }
    }
    return section(ctx, '七（一）', [first.build(), second.build()]);
  };

  const two = (): Section => {
    const total = sanGong('决算数', '合计');
    const amounts = Object.fromEntries(ITEMS.map((i) => [i.slot, sanGong('决算数', i.column)])) as Record<string, Value>;
    const shares: Slots = {};
    for (const item of ITEMS) {
      shares[`${item.slot}决算`] = (p) => p.amount(amounts[item.slot]);
      shares[`${item.slot}占比`] = (p) => writeSingleShare(p, ctx, amounts[item.slot], total);
    }
    const count = (label: string) => (p: ParagraphBuilder) => p.count(ctx.suppValue(label, '本年数'));
    const text = (label: string) => (p: ParagraphBuilder) => writeText(p, ctx.textOf(label));
    const paragraphs = [paragraph(s['七（二）'] as string, shares)];
    const optional = (id: keyof Sentences, slots: Slots) => {
      const form = s[id];
      if (form) paragraphs.push(paragraph(form, slots));
    };
    optional('七（二）出国', {
      出国决算: (p) => p.amount(amounts.出国),
      团组数: count('因公出国（境）团组数'),
      人次: count('因公出国（境）人数'),
      开支内容: text('因公出国（境）开支内容'),
    });
    optional('七（二）公车', { 公车决算: (p) => p.amount(amounts.公车) });
    optional('七（二）购置', {
      购置决算: (p) => p.amount(sanGong('决算数', '公务用车购置费')),
      购置用途: text('公务用车购置用途'),
      购置数: count('公务用车购置数'),
    });
    optional('七（二）运行', {
      运行决算: (p) => p.amount(sanGong('决算数', '公务用车运行费')),
      运行用途: text('公务用车运行维护用途'),
      保有量: count('公务用车保有量'),
    });
    optional('七（二）接待', { 接待决算: (p) => p.amount(amounts.接待) });
    // 国内公务接待 “含外宾接待”: the whole 公务接待费 of the table, 外宾 from 外事接待费
    const use = ctx.note('国内公务接待费');
    optional('七（二）国内接待', {
      接待决算: (p) => p.amount(amounts.接待),
      外宾接待: (p) => p.amount(ctx.suppValue('外事接待费', '本年数')),
      接待用途: (p) => writeText(p, use ?? purposeNeeded(ctx)),
      批次: count('国内公务接待批次'),
      人次: count('国内公务接待人次'),
      外宾批次: count('外事接待批次'),
      外宾人次: count('外事接待人数'),
    });
    return section(ctx, '七（二）', paragraphs);
  };
  return { one, two };
}

function writeReasonText(p: ParagraphBuilder, reason: TextValue | undefined): void {
  if (reason) writeText(p, reason);
}

/** 国内公务接待's 主要用途 is its row's 原因说明: asked for when blank. */
function purposeNeeded(ctx: NarrativeContext): TextValue {
  return ctx.reason('国内公务接待费', true, '公务接待费需要说明主要用途') ?? { ok: false, placeholder: '【请填写原因】', cells: [] };
}
