// 四、财政拨款收入支出决算总体情况说明: T04 总计 (and, style B, 年初财政拨款结转和结余).
import type { NarrativeContext } from '../context';
import type { Section } from '../types';
import { caption, section, writeYoySentence } from './common';

export function sectionFour(ctx: NarrativeContext): Section {
  const total = ctx.tableValue('T04', '收:总计', ['金额', '合计'], '总计');
  const p = ctx.paragraph();
  if (ctx.forms) {
    const f = ctx.forms;
    p.add(`${ctx.yearText}${f.yearWord}${f.fundTotal}`).amount(total).add('万元。');
    writeYoySentence(p, ctx, total, {
      subject: f.fundTotal,
      each: false,
      label: '财政拨款收支总计',
      what: f.fundTotal,
      beforeReason: '。',
      reasonLead: f.reasonLead,
    });
    return section(ctx, '四', [p.build(), ...caption(ctx, '四')]);
  }
  if (ctx.style === 'A') {
    p.add(`${ctx.yearText}年财政拨款收、支总计均为`).amount(total).add('万元。');
  } else {
    const carried = ctx.tableValue('T04', '收:年初财政拨款结转和结余', ['金额', '合计'], '年初财政拨款结转和结余');
    p.add(`${ctx.yearText}年财政拨款收、支总计`).amount(total).add('万元（其中上年结转').amount(carried).add('万元）。');
  }
  writeYoySentence(p, ctx, total, {
    subject: '财政拨款收、支总计',
    each: true,
    label: '财政拨款收支总计',
    what: '财政拨款收、支总计',
    beforeReason: '。',
    reasonLead: ctx.style === 'A' ? '主要变动原因：' : '主要变动原因是',
  });
  return section(ctx, '四', [p.build(), ...caption(ctx, '四')]);
}
