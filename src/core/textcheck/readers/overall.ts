// 一、收入支出决算总体情况 and 四、财政拨款收入支出决算总体情况: the total, the carried-over part
// (seed002 wording) and the change against the prior year.
import { findAmount } from '../patterns';
import type { Reader } from '../reader';
import { operand } from '../reader';
import type { Fact, Para } from '../types';

export function readOne(paras: Para[], r: Reader): void {
  readOverall(paras, r, {
    lead: /(?<!财政拨款)收、?支总计(?:均为|为|共计)?/,
    what: '收、支总计',
    total: r.facts.t01('收', '总计'),
    carried: r.facts.t01('收', '年初结转和结余'),
    prev: r.facts.supp('收支总计', '上年数'),
  });
}

export function readFour(paras: Para[], r: Reader): void {
  readOverall(paras, r, {
    lead: /财政拨款收、?支总计(?:均为|为|共计)?/,
    what: '财政拨款收、支总计',
    total: r.facts.t04('总计'),
    carried: r.facts.t04('年初财政拨款结转和结余'),
    prev: r.facts.supp('财政拨款收支总计', '上年数'),
  });
}

interface OverallOptions {
  lead: RegExp;
  what: string;
  total?: Fact;
  carried?: Fact;
  prev?: Fact;
}

function readOverall(paras: Para[], r: Reader, o: OverallOptions): void {
  for (const p of paras) {
    if (p.heading) continue;
    const total = findAmount(p.text, o.lead);
    if (total) r.amount(p, total, o.what, o.total);
    const carried = findAmount(p.text, /(?:其中)?(?:包含|含)?上年结转(?:和结余)?(?:为)?/);
    if (carried) r.amount(p, carried, '上年结转', o.carried);
    r.changes(p, p.text, o.what, operand(o.what, o.total, total?.value), o.prev);
  }
}
