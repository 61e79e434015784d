// 十（预算绩效管理情况）and 十一（一）…（三） in a template's own sentence forms (Shanghai). Every
// figure comes from the 补充信息 sheet; a blank one is asked for (【请填写…】 + NEED), never 0.
import { VEHICLE_CATEGORIES } from '../../supplement/rows';
import type { SentenceForms } from '../../templates/types';
import { changeOf } from '../change';
import type { NarrativeContext } from '../context';
import { writeForm } from '../form';
import type { ParagraphBuilder, Value } from '../paragraph';
import type { Paragraph, Section, SectionId } from '../types';
import { isZeroValue, section, writeChangeOrPlaceholder, writeText } from './common';

type Sentences = NonNullable<SentenceForms['sentences']>;
type Slots = Record<string, (p: ParagraphBuilder) => void>;

function paragraph(ctx: NarrativeContext, form: string, slots: Slots): Paragraph {
  const p = ctx.paragraph();
  writeForm(p, form, {
    单位: (q) => writeText(q, ctx.unitName()),
    年: (q) => q.add(ctx.yearText),
    上年: (q) => q.add(ctx.prevYearText),
    ...slots,
  });
  return p.build();
}

const amount = (ctx: NarrativeContext, label: string) => (p: ParagraphBuilder) => p.amount(ctx.suppValue(label, '本年数'));
const count = (ctx: NarrativeContext, label: string) => (p: ParagraphBuilder) => p.count(ctx.suppValue(label, '本年数'));

/** A score as printed (“100.00分”): two decimals. */
function score(p: ParagraphBuilder, v: Value): void {
  if (v.ok) p.slot(v.value.toFixed(2), 'amount', v.cells);
  else p.placeholder(v.placeholder, v.cells);
}

/** 十、预算绩效管理情况. */
export function tenFourFromForms(ctx: NarrativeContext, s: Sentences): Section {
  const problems = ctx.suppValue('绩效自评发现问题数', '本年数');
  const text = paragraph(ctx, s['十（四）'] as string, {
    制度: (p) => writeText(p, ctx.textOf('预算绩效管理制度')),
    目标项目数: count(ctx, '绩效目标项目数'),
    目标金额: amount(ctx, '绩效目标涉及预算金额'),
    跟踪项目数: count(ctx, '绩效跟踪评价项目数'),
    跟踪金额: amount(ctx, '绩效跟踪评价涉及预算金额'),
    自评项目数: count(ctx, '绩效自评项目数'),
    自评金额: amount(ctx, '绩效自评涉及预算金额'),
    平均得分: (p) => score(p, ctx.suppValue('绩效自评平均得分', '本年数')),
    优: count(ctx, '绩效评级为优的项目数'),
    良: count(ctx, '绩效评级为良的项目数'),
    合格: count(ctx, '绩效评级为合格的项目数'),
    不合格: count(ctx, '绩效评级为不合格的项目数'),
    问题数: (p) => p.count(problems),
    // no problem found: nothing to rectify, the clause is left out (as the published documents do)
    整改: (p) =>
      !isZeroValue(problems) && s['十（四）整改']
        ? writeForm(p, s['十（四）整改'], { 已整改: count(ctx, '绩效自评问题已整改数'), 正在整改: count(ctx, '绩效自评问题正在整改数') })
        : undefined,
  });
  return section(ctx, '十（四）', [text]);
}

/** 十一（一）机关运行经费: changed, flat, or none at all. */
export function tenOneFromForms(ctx: NarrativeContext, s: Sentences): Section {
  const cur = ctx.suppValue('机关运行经费', '本年数');
  const prev = ctx.suppValue('机关运行经费', '上年数');
  const change = changeOf(cur, prev);
  const none = s['十（一）无'];
  if (none && isZeroValue(cur) && isZeroValue(prev)) return section(ctx, '十（一）', [paragraph(ctx, none, {})]);
  const flat = s['十（一）持平'];
  if (change?.kind === 'flat' && flat) return section(ctx, '十（一）', [paragraph(ctx, flat, { 本年: (p) => p.amount(cur) })]);
  const because = change ? `机关运行经费较上年${change.kind === 'increase' ? '增加' : '减少'}` : '机关运行经费较上年有变动时';
  return section(ctx, '十（一）', [
    paragraph(ctx, s['十（一）'] as string, {
      本年: (p) => p.amount(cur),
      变动: (p) => writeChangeOrPlaceholder(p, ctx, change, cur, prev),
      原因: (p) => {
        const r = ctx.reason('机关运行经费', true, because);
        if (r) writeText(p, r);
      },
    }),
  ]);
}

/** 十一（二）政府采购: the amounts, then the 中小企业 paragraph. */
export function tenTwoFromForms(ctx: NarrativeContext, s: Sentences): Section {
  const paragraphs = [
    paragraph(ctx, s['十（二）'] as string, {
      总额: amount(ctx, '政府采购支出总额'),
      货物: amount(ctx, '政府采购货物支出'),
      工程: amount(ctx, '政府采购工程支出'),
      服务: amount(ctx, '政府采购服务支出'),
    }),
  ];
  const sme = s['十（二）中小企业'];
  if (sme) {
    paragraphs.push(
      paragraph(ctx, sme, {
        中小企业预留: amount(ctx, '面向中小企业预留项目预算金额'),
        小微企业预留: amount(ctx, '面向小微企业预留项目预算金额'),
        中小企业成交: amount(ctx, '中小企业预留项目中小企业成交金额'),
        小微企业成交: amount(ctx, '小微企业预留项目小微企业成交金额'),
        其他中小企业成交: amount(ctx, '其他项目中小企业成交金额'),
      }),
    );
  }
  return section(ctx, '十（二）', paragraphs);
}

/** 十一（三）国有资产占有使用: vehicles by category, equipment of 100万元 or more. */
export function tenThreeFromForms(ctx: NarrativeContext, s: Sentences): Section {
  const slots: Slots = { 车辆总数: count(ctx, '车辆总数'), 大型设备: count(ctx, '单价100万元（含）以上设备') };
  for (const v of VEHICLE_CATEGORIES) slots[v] = count(ctx, v);
  return section(ctx, '十（三）', [paragraph(ctx, s['十（三）'] as string, slots)]);
}

/** The writer of a 十 section from forms, when the template gives that section's form. */
export function tenFromForms(ctx: NarrativeContext, id: SectionId): Section | undefined {
  const s = ctx.forms?.sentences;
  if (!s?.[id as keyof Sentences]) return undefined;
  if (id === '十（一）') return tenOneFromForms(ctx, s);
  if (id === '十（二）') return tenTwoFromForms(ctx, s);
  if (id === '十（三）') return tenThreeFromForms(ctx, s);
  if (id === '十（四）') return tenFourFromForms(ctx, s);
  return undefined;
}
