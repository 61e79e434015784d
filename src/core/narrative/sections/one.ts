// 一、收入支出决算总体情况说明 (domain.md §4.2)
import type { NarrativeContext } from '../context';
import type { Section } from '../types';
import { caption, section, writeYoySentence } from './common';

export function sectionOne(ctx: NarrativeContext): Section {
  const total = ctx.tableValue('T01', '收:总计', ['金额'], '总计');
  const p = ctx.paragraph();
  if (ctx.forms) {
    const f = ctx.forms;
    p.add(`${ctx.yearText}${f.yearWord}${f.total}`).amount(total).add('万元。');
    writeYoySentence(p, ctx, total, {
      subject: f.total,
      each: false,
      label: '收支总计',
      what: f.total,
      beforeReason: '。',
      reasonLead: f.reasonLead,
    });
    return section(ctx, '一', [p.build(), ...caption(ctx, '一')]);
  }
  if (ctx.style === 'A') {
    p.add(`${ctx.yearText}年度收、支总计均为`).amount(total).add('万元。');
  } else {
    const carried = ctx.tableValue('T01', '收:年初结转和结余', ['金额'], '年初结转和结余');
    p.add(`${ctx.yearText}年度收、支总计`).amount(total).add('万元（其中包含上年结转').amount(carried).add('万元）。');
  }
  writeYoySentence(p, ctx, total, {
    subject: '收、支总计',
    each: true,
    label: '收支总计',
    what: '收、支总计',
    beforeReason: ctx.style === 'A' ? '。' : '，',
    reasonLead: ctx.style === 'A' ? '主要变动原因：' : '主要变动原因是',
  });
  return section(ctx, '一', [p.build(), ...caption(ctx, '一')]);
}
