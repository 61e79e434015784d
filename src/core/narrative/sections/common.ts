// Sentence pieces several sections share.
import type { CellRef } from '../../finding';
import type { Decimal } from '../../money';
import type { Change } from '../change';
import type { Completion } from '../completion';
import { computeCompletion } from '../completion';
import { changeOf, writeChange } from '../change';
import type { NarrativeContext, TextValue } from '../context';
import type { Value } from '../paragraph';
import { ParagraphBuilder, missingPlaceholder, trimSentence } from '../paragraph';
import { computeShares } from '../shares';
import { CHART_CAPTIONS, SECTION_TITLES, parentOf } from '../titles';
import type { Paragraph, Section, SectionId } from '../types';

export function section(ctx: NarrativeContext, id: SectionId, paragraphs: Paragraph[]): Section {
  const parent = parentOf(id, ctx.settings.style);
  return { id, title: SECTION_TITLES[id], ...(parent ? { parent } : {}), paragraphs };
}

/** The style-A chart caption of a section as its own paragraph (none in style B). */
export function caption(ctx: NarrativeContext, id: SectionId): Paragraph[] {
  const text = CHART_CAPTIONS[id];
  const wanted = ctx.forms ? ctx.forms.captions : ctx.style === 'A';
  return wanted && text ? [{ text, slots: [] }] : [];
}

/** Quoted free text (a reason) or its placeholder. */
export function writeText(p: ParagraphBuilder, t: TextValue): void {
  if (t.ok) p.slot(t.text, 'reason', t.cells);
  else p.placeholder(t.placeholder, t.cells);
}

/** “{lead}{reason}。” — nothing when there is no reason to give. */
export function writeReason(p: ParagraphBuilder, lead: string, reason: TextValue | undefined): void {
  if (!reason) return;
  p.add(lead);
  writeText(p, reason);
  p.add('。');
}

/** Free text used as sentence material, with a fixed lead the user may also have typed. */
export function stripLead(t: TextValue, lead: string): TextValue {
  return t.ok && t.text.startsWith(lead) ? { ...t, text: trimSentence(t.text.slice(lead.length).replace(/^[：:]/, '')) } : t;
}

export function cellsOf(...values: Value[]): CellRef[] {
  return values.flatMap((v) => v.cells);
}

export interface YoyOptions {
  /** Who changes: “收、支总计”. */
  subject: string;
  /** “各增加…” when two totals move together (一, 四). */
  each: boolean;
  /** Supplement row holding 上年数 and 原因说明. */
  label: string;
  /** What the reason explains, for the NEED message. */
  what: string;
  /** Text between the change and the reason: '。' or '，'. */
  beforeReason: '。' | '，';
  /** “主要变动原因：” (A) / “主要变动原因是” (B). */
  reasonLead: string;
}

/**
 * “与{Y-1}年相比，{subject}各{增加…}。主要变动原因：{reason}。” or “{subject}与{Y-1}年持平。”
 * (sections 一, 四, 五（一）).
 */
export function writeYoySentence(p: ParagraphBuilder, ctx: NarrativeContext, cur: Value, opts: YoyOptions): Change | undefined {
  const prev = ctx.suppValue(opts.label, '上年数');
  const change = changeOf(cur, prev);
  if (change?.kind === 'flat') {
    p.add(`${opts.subject}与${ctx.prevYearText}年持平。`);
    return change;
  }
  p.add(`与${ctx.prevYearText}${ctx.forms?.yearWord ?? '年'}相比，${opts.subject}${opts.each ? '各' : ''}`);
  writeChangeOrPlaceholder(p, ctx, change, cur, prev);
  const because = change ? `${opts.what}较上年${change.kind === 'increase' ? '增加' : '减少'}` : `${opts.what}较上年有变动时`;
  const reason = ctx.reason(opts.label, true, because);
  p.add(opts.beforeReason);
  writeReason(p, opts.reasonLead, reason);
  return change;
}

/** The change, or the placeholder of whichever input is missing. */
export function writeChangeOrPlaceholder(
  p: ParagraphBuilder,
  ctx: NarrativeContext,
  change: Change | undefined,
  cur: Value,
  prev: Value,
): void {
  if (change) writeChange(p, change, cellsOf(cur, prev), ctx.settings);
  else if (!prev.ok) p.placeholder(prev.placeholder, prev.cells);
  else if (!cur.ok) p.placeholder(cur.placeholder, cur.cells);
}

export interface ListItem {
  /** Text before the amount: “一般公共预算财政拨款收入”. */
  name: string;
  value: Value;
}

/**
 * “{name}{amt}万元，占{share}；…” — shares of one list over `total`, forced to 100% per the share
 * mode; zero items are printed with their 0 share unless `zeroShare` is false.
 */
export function writeShareList(
  p: ParagraphBuilder,
  ctx: NarrativeContext,
  items: ListItem[],
  total: Value,
  opts: { separator: string; zeroShare: boolean; listName: string; shareLead?: string },
): void {
  const shares = shareTexts(ctx, items, total, opts.listName);
  items.forEach((item, i) => {
    if (i > 0) p.add(opts.separator);
    p.add(item.name).amount(item.value).add('万元');
    const isZero = item.value.ok && item.value.value.isZero();
    if (isZero && !opts.zeroShare) return;
    p.add(opts.shareLead ?? '，占');
    const s = shares[i];
    if (s) p.slot(s, 'share', cellsOf(item.value, total));
    else p.placeholder(missingPlaceholder(total, item.value), cellsOf(item.value, total));
  });
}

/** Printed shares of the items (undefined where an input is missing); reports adjusted shares. */
function shareTexts(ctx: NarrativeContext, items: ListItem[], total: Value, listName: string): (string | undefined)[] {
  if (!total.ok || items.some((i) => !i.value.ok)) return items.map(() => undefined);
  const parts = items.map((i) => (i.value as { value: Decimal }).value);
  const dp = ctx.settings.percentDecimals;
  const result = computeShares(parts, total.value, dp, ctx.settings.shareMode);
  const texts = result.shares.map((s) => ctx.pct(s));
  if (result.adjusted.length > 0) {
    const method = ctx.settings.shareMode === 'plugLargest' ? '由最大项补足差额' : '按最大余数法';
    const changes = result.adjusted.map(
      (i) => `${items[i].name}占比${ctx.pct(result.exact[i])}→${texts[i]}（精确值${result.exact[i].toDecimalPlaces(3).toFixed(3)}%）`,
    );
    ctx.add({
      rule: 'SHARE',
      severity: 'warning',
      message: `第二部分${ctx.section}${listName}的占比${method}调整为合计100%：${changes.join('；')}。`,
      cells: result.adjusted.flatMap((i) => items[i].value.cells),
    });
  }
  return texts;
}

/** A single share “占…的{p}” (not part of a list): plain half-up rounding; 0/0 prints as 0. */
export function writeSingleShare(p: ParagraphBuilder, ctx: NarrativeContext, part: Value, total: Value): void {
  if (part.ok && total.ok) {
    const exact = total.value.isZero() ? total.value : part.value.div(total.value).mul(100);
    p.slot(ctx.pct(exact), 'share', cellsOf(part, total));
  } else {
    p.placeholder(missingPlaceholder(part, total), cellsOf(part, total));
  }
}

export function isZeroValue(v: Value): boolean {
  return v.ok && v.value.isZero();
}

/**
 * “，完成预算{rate}” / “，未安排预算” / nothing (0 budget, 0 spent) / “，完成预算【请填写预算数】”.
 * Returns the completion when both amounts are known.
 */
export function writeCompletionClause(
  p: ParagraphBuilder,
  ctx: NarrativeContext,
  actual: Value,
  budget: Value,
  lead: string,
): Completion | undefined {
  if (!actual.ok || !budget.ok) {
    p.add(lead).placeholder(missingPlaceholder(budget, actual), cellsOf(actual, budget));
    return undefined;
  }
  const c = computeCompletion(actual.value, budget.value, ctx.settings.percentDecimals, ctx.settings.keepTrailingZeros);
  if (c.case === 'unbudgeted') p.add('，未安排预算');
  else if (c.case !== 'none') p.add(lead).slot(c.rateText as string, 'percent', cellsOf(actual, budget));
  return c;
}

export { ParagraphBuilder };

/** “2023年” before a section's opening words, unless the template's sentences open without it. */
export function yearLead(ctx: NarrativeContext): string {
  return ctx.forms && !ctx.forms.yearLead ? '' : `${ctx.yearText}年`;
}

/** The template's sentence for an empty section, with {单位} and {年} filled in (or asked for). */
export function noneParagraph(ctx: NarrativeContext, form: string): Paragraph {
  const p = ctx.paragraph();
  for (const part of form.split(/(\{单位\}|\{年\})/)) {
    if (part === '{单位}') writeText(p, ctx.unitName());
    else if (part === '{年}') p.add(ctx.yearText);
    else if (part !== '') p.add(part);
  }
  return p.build();
}
