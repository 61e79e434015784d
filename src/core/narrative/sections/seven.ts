// 七、“三公”经费: （一）总体 （二）具体 (items 1–3 with their 其中 sentences).
// Amounts: T10 (+ T12 when present) 决算数 / 预算数 (domain §3.3 X21); counts and the split of
// 公务接待费 from the 补充信息 sheet.
import type { Change } from '../change';
import { changeOf } from '../change';
import type { Completion } from '../completion';
import { reasonLead } from '../completion';
import type { NarrativeContext } from '../context';
import type { Value } from '../paragraph';
import { known } from '../paragraph';
import type { Paragraph, Section } from '../types';
import { sevenFromForms } from './seven-forms';
import {
  ParagraphBuilder,
  caption,
  section,
  stripLead,
  writeChangeOrPlaceholder,
  writeCompletionClause,
  writeReason,
  writeShareList,
  writeText,
  isZeroValue,
  noneParagraph,
} from './common';

type SanGongColumn = '合计' | '因公出国（境）费' | '公务用车购置及运行费' | '公务用车购置费' | '公务用车运行费' | '公务接待费';

/** T10 + T12 of one block and column; a placeholder when T10 lacks it. */
function sanGong(ctx: NarrativeContext, block: '预算数' | '决算数', column: SanGongColumn): Value {
  const t10 = ctx.tableValue('T10', block, [column], `${block}·${column}`);
  if (!t10.ok) return t10;
  const t12 = ctx.cell('T12', block, [column]);
  return t12 ? known(t10.value.add(t12.value), [...t10.cells, t12.cell]) : t10;
}

export function sectionSevenOne(ctx: NarrativeContext): Section {
  const actual = sanGong(ctx, '决算数', '合计');
  const budget = sanGong(ctx, '预算数', '合计');
  const none = ctx.forms?.none?.['七（一）'];
  if (none && isZeroValue(actual) && isZeroValue(budget)) return { ...section(ctx, '七（一）', [noneParagraph(ctx, none)]), alone: true };
  const forms = ctx.forms?.sentences;
  if (forms?.['七（一）']) return sevenFromForms(ctx, forms, (block, column) => sanGong(ctx, block, column)).one();
  const p = ctx.paragraph();
  p.add(`${ctx.yearText}年“三公”经费财政拨款支出决算为`).amount(actual).add('万元');
  const completion = writeCompletionClause(p, ctx, actual, budget, '，完成预算');
  if (ctx.style === 'A') {
    const prev = ctx.suppValue('“三公”经费', '上年数');
    const change = changeOf(actual, prev);
    if (change?.kind === 'flat') p.add('，与上年持平');
    else {
      p.add('，较上年');
      writeChangeOrPlaceholder(p, ctx, change, actual, prev);
    }
    p.add('。');
    const reason = ctx.reason('“三公”经费', needsReason(change, completion), becauseOf('“三公”经费', change, completion));
    writeReason(p, '主要原因是', reason);
  } else {
    // style B (seed002): no year-on-year clause; “决算数小于预算数的主要原因是…”
    const lead = completion ? reasonLead(completion.case, '预算数') : null;
    const reason = ctx.reason('“三公”经费', !completion || completion.reasonRequired, becauseOf('“三公”经费', undefined, completion));
    if (reason) {
      p.add('，');
      writeReason(p, lead ?? '主要原因是', reason);
    } else {
      p.add('。');
    }
  }
  return section(ctx, '七（一）', [p.build()]);
}

function needsReason(change: Change | undefined, completion: Completion | undefined): boolean {
  return !change || change.reasonRequired || !completion || completion.reasonRequired;
}

function becauseOf(what: string, change: Change | undefined, completion: Completion | undefined): string {
  const parts: string[] = [];
  if (completion?.case === 'under') parts.push('决算数小于预算数');
  if (completion?.case === 'over' || completion?.case === 'unbudgeted') parts.push('决算数大于预算数');
  if (change && change.kind !== 'flat') parts.push(`较上年${change.kind === 'increase' ? '增加' : '减少'}`);
  return `${what}${parts.length > 0 ? parts.join('且') : '可能有变动'}`;
}

interface ItemDef {
  column: SanGongColumn;
  /** 补充信息 row with 上年数 and 原因说明. */
  label: string;
  /** Name in the lead list: “因公出国（境）费支出决算”. */
  leadName: string;
  /** Head of the item: “因公出国（境）经费支出”. */
  itemName: string;
  /** Subject of the YoY sentence: “因公出国（境）支出决算”. */
  yoyName: string;
}

const ITEMS: ItemDef[] = [
  {
    column: '因公出国（境）费',
    label: '因公出国（境）费',
    leadName: '因公出国（境）费支出决算',
    itemName: '因公出国（境）经费支出',
    yoyName: '因公出国（境）支出决算',
  },
  {
    column: '公务用车购置及运行费',
    label: '公务用车购置及运行维护费',
    leadName: '公务用车购置及运行维护费支出决算',
    itemName: '公务用车购置及运行维护费支出',
    yoyName: '公务用车购置及运行维护费支出决算',
  },
  { column: '公务接待费', label: '公务接待费', leadName: '公务接待费支出决算', itemName: '公务接待费支出', yoyName: '公务接待费支出决算' },
];

export function sectionSevenTwo(ctx: NarrativeContext): Section {
  const forms = ctx.forms?.sentences;
  if (forms?.['七（二）']) return sevenFromForms(ctx, forms, (block, column) => sanGong(ctx, block, column)).two();
  const total = sanGong(ctx, '决算数', '合计');
  const values = ITEMS.map((d) => sanGong(ctx, '决算数', d.column));
  const lead = ctx.paragraph();
  lead.add(`${ctx.yearText}年“三公”经费财政拨款支出决算中，`);
  // style A prints “占0%” for zero items (seed000); style B leaves their share out (seed002)
  writeShareList(
    lead,
    ctx,
    ITEMS.map((d, i) => ({ name: d.leadName, value: values[i] })),
    total,
    { separator: '；', zeroShare: ctx.style === 'A', listName: '“三公”经费各项' },
  );
  lead.add('。具体情况如下：');

  const dot = ctx.style === 'A' ? '．' : '.';
  const paragraphs: Paragraph[] = [lead.build(), ...caption(ctx, '七（二）')];
  ITEMS.forEach((def, i) => {
    const head = itemHead(ctx, `${i + 1}${dot}`, def, values[i]);
    if (def.column === '因公出国（境）费') paragraphs.push(head(abroadCounts(ctx)));
    else if (def.column === '公务用车购置及运行费') paragraphs.push(head(), ...vehicleParagraphs(ctx));
    else paragraphs.push(head(undefined, '其中：'), ...receptionParagraphs(ctx));
  });
  return section(ctx, '七（二）', paragraphs);
}

/**
 * “{n}．{item}支出{a}万元，完成预算{rate}。[counts]{yoy subject}比{Y-1}年{change}。主要原因是{reason}。[tail]”
 * — returned as a function so the caller can put its count sentence in the middle.
 */
function itemHead(ctx: NarrativeContext, number: string, def: ItemDef, actual: Value) {
  return (middle?: (p: ParagraphBuilder) => void, tail?: string): Paragraph => {
    const p = ctx.paragraph();
    p.add(`${number}${def.itemName}`).amount(actual).add('万元');
    const budget = sanGong(ctx, '预算数', def.column);
    const completion = writeCompletionClause(p, ctx, actual, budget, '，完成预算');
    p.add('。');
    middle?.(p);
    const prev = ctx.suppValue(def.label, '上年数');
    const change = changeOf(actual, prev);
    if (change?.kind === 'flat') p.add(`${def.yoyName}与${ctx.prevYearText}年持平。`);
    else {
      p.add(`${def.yoyName}比${ctx.prevYearText}年`);
      writeChangeOrPlaceholder(p, ctx, change, actual, prev);
      p.add('。');
    }
    const reason = ctx.reason(def.label, needsReason(change, completion), becauseOf(def.label, change, completion));
    writeReason(p, '主要原因是', reason);
    if (tail) p.add(tail);
    return p.build();
  };
}

/** “全年安排因公出国（境）团组{n}次，出国（境）{m}人。” */
function abroadCounts(ctx: NarrativeContext) {
  return (p: ParagraphBuilder) => {
    p.add('全年安排因公出国（境）团组')
      .count(ctx.suppValue('因公出国（境）团组数', '本年数'))
      .add('次，出国（境）')
      .count(ctx.suppValue('因公出国（境）人数', '本年数'))
      .add('人。');
  };
}

const CAR_TYPES = ['轿车', '越野车', '载客汽车', '其他车型'] as const;

/** “其中：公务用车购置支出…截至{Y}年12月底…。” and “公务用车运行维护费支出{b2}万元。” */
function vehicleParagraphs(ctx: NarrativeContext): Paragraph[] {
  const purchase = ctx.paragraph();
  purchase
    .add('其中：公务用车购置支出')
    .amount(sanGong(ctx, '决算数', '公务用车购置费'))
    .add('万元。');
  purchase.add('全年按规定更新购置公务用车').count(ctx.suppValue('公务用车购置数', '本年数')).add('辆，其中：');
  CAR_TYPES.forEach((t, i) => {
    if (i > 0) purchase.add('，');
    purchase
      .add(t)
      .count(ctx.suppValue(`${t}购置数`, '本年数'))
      .add('辆、金额')
      .amount(ctx.suppValue(`${t}购置金额`, '本年数'))
      .add('万元');
  });
  purchase.add(`。截至${ctx.yearText}年12月底，单位共有公务用车`).count(ctx.suppValue('公务用车保有量', '本年数')).add('辆，其中：');
  CAR_TYPES.forEach((t, i) => {
    if (i > 0) purchase.add('、');
    purchase
      .add(t)
      .count(ctx.suppValue(`${t}保有量`, '本年数'))
      .add('辆');
  });
  purchase.add('。');
  const running = ctx.paragraph();
  running
    .add('公务用车运行维护费支出')
    .amount(sanGong(ctx, '决算数', '公务用车运行费'))
    .add('万元。');
  return [purchase.build(), running.build()];
}

/** 国内公务接待 and 外事接待 sentences (c = c1 + c2 is checked by the rules, not here). */
function receptionParagraphs(ctx: NarrativeContext): Paragraph[] {
  const domestic = ctx.paragraph();
  const c1 = ctx.suppValue('国内公务接待费', '本年数');
  domestic.add('国内公务接待支出').amount(c1).add('万元');
  const use = ctx.note('国内公务接待费');
  if (use) {
    domestic.add('，主要用于');
    writeText(domestic, stripLead(use, '主要用于'));
  }
  domestic
    .add('。国内公务接待')
    .count(ctx.suppValue('国内公务接待批次', '本年数'))
    .add('批次，')
    .count(ctx.suppValue('国内公务接待人次', '本年数'))
    .add('人次，共计支出')
    .amount(c1)
    .add('万元');
  const content = ctx.note('国内公务接待批次');
  if (content) {
    domestic.add('，具体内容包括：');
    writeText(domestic, stripLead(content, '具体内容包括'));
  }
  domestic.add('。');

  const foreign = ctx.paragraph();
  const c2 = ctx.suppValue('外事接待费', '本年数');
  foreign
    .add('外事接待支出')
    .amount(c2)
    .add('万元，外事接待')
    .count(ctx.suppValue('外事接待批次', '本年数'))
    .add('批次，')
    .count(ctx.suppValue('外事接待人数', '本年数'))
    .add('人，共计支出')
    .amount(c2)
    .add('万元。');
  return [domestic.build(), foreign.build()];
}
