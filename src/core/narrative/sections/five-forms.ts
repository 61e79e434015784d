// 五（三） in a template's own sentence forms (Shanghai: “一般公共预算财政拨款支出年初预算为…万元，
// 支出决算为…万元，完成年初预算的…%。决算数大于（小于）预算数的主要原因：…。其中：” then
// “1、…（类）…（款）…（项）。主要用于：…。年初预算为…万元，支出决算为…万元。…”).
import type { Amount, Table, TableRow } from '../../model';
import type { SentenceForms } from '../../templates/types';
import type { Completion } from '../completion';
import { computeCompletion } from '../completion';
import type { NarrativeContext, TextValue } from '../context';
import { writeForm } from '../form';
import { detailName, detailRows } from '../names';
import type { ParagraphBuilder, Value } from '../paragraph';
import { known, missingPlaceholder } from '../paragraph';
import type { Paragraph, Section } from '../types';
import { cellsOf, section, writeText } from './common';

type Sentences = NonNullable<SentenceForms['sentences']>;

export const T06_TOTAL = ['合计'];

/** The 一般公共预算财政拨款支出 rows 五（三） lists one by one: the detail level asked, zeros left out when asked. */
export function listedExpenditureRows(ctx: NarrativeContext): { t06: Table | undefined; listed: TableRow[] } {
  const t06 = ctx.table('T06');
  const rows = t06 ? detailRows(t06, ctx.settings.detailLevel) : [];
  const listed = rows.filter((r) => {
    const a = ctx.amountOf(r, T06_TOTAL);
    return a && !(ctx.settings.omitZeroItems && a.value.isZero());
  });
  return { t06, listed };
}

function completionOf(ctx: NarrativeContext, actual: Value, budget: Value): Completion | undefined {
  if (!actual.ok || !budget.ok) return undefined;
  return computeCompletion(actual.value, budget.value, ctx.settings.percentDecimals, ctx.settings.keepTrailingZeros);
}

/** “决算数大于预算数的主要原因：{原因}。” / “…小于…” / “决算数与预算数持平。” — nothing while the budget is unknown. */
function writeDifference(
  p: ParagraphBuilder,
  sentences: Sentences,
  completion: Completion | undefined,
  reason: (required: boolean) => TextValue | undefined,
): void {
  if (!completion || completion.case === 'none') return;
  const form =
    completion.case === 'equal' ? sentences.决算等于预算 : completion.case === 'under' ? sentences.决算小于预算 : sentences.决算大于预算;
  if (!form) return;
  const r = completion.case === 'equal' ? undefined : reason(true);
  writeForm(p, form, { 原因: (q) => r && writeText(q, r) });
}

export function fiveThreeFromForms(ctx: NarrativeContext, sentences: Sentences): Section {
  const total = ctx.tableValue('T06', '合计', T06_TOTAL, '合计');
  const budget = ctx.suppValue('一般公共预算财政拨款支出', '预算数');
  const completion = completionOf(ctx, total, budget);
  const lead = ctx.paragraph();
  const rated = !completion || completion.rateText !== undefined;
  writeForm(lead, (rated ? sentences['五（三）'] : sentences['五（三）无比率']) ?? (sentences['五（三）'] as string), {
    预算: (p) => p.amount(budget),
    决算: (p) => p.amount(total),
    完成率: (p) =>
      completion?.rateText
        ? p.slot(completion.rateText, 'percent', cellsOf(total, budget))
        : p.placeholder(missingPlaceholder(budget, total), cellsOf(total, budget)),
  });
  writeDifference(lead, sentences, completion, (required) =>
    ctx.reason(
      '一般公共预算财政拨款支出预决算差异',
      required,
      `一般公共预算财政拨款支出决算数${completion?.case === 'under' ? '小于' : '大于'}${ctx.budgetBasis}数`,
    ),
  );

  const { t06, listed } = listedExpenditureRows(ctx);
  if (listed.length > 0) lead.add('其中：');
  const paragraphs: Paragraph[] = [lead.build()];
  listed.forEach((row, i) => {
    const a = ctx.amountOf(row, T06_TOTAL) as Amount;
    const code = row.code as string;
    const name = detailName(t06 as NonNullable<typeof t06>, row, ctx.settings);
    const actual = known(a.value, [a.cell]);
    const itemBudget = ctx.budgetOf(code, name);
    const p = ctx.paragraph();
    writeForm(p, sentences['五（三）明细'] as string, {
      序号: (q) => q.add(String(i + 1)),
      名称: (q) => q.add(name),
      用途: (q) => writeText(q, ctx.purposeOfCode(code, name)),
      预算: (q) => q.amount(itemBudget),
      决算: (q) => q.amount(actual),
    });
    const c = completionOf(ctx, actual, itemBudget);
    writeDifference(p, sentences, c, (required) =>
      ctx.reasonOfCode(code, name, required, `科目${code}“${name}”决算数${c?.case === 'under' ? '小于' : '大于'}${ctx.budgetBasis}数`),
    );
    paragraphs.push(p.build());
  });
  return section(ctx, '五（三）', paragraphs);
}
