// 二、收入决算 and 三、支出决算: 本年收入合计 / 本年支出合计 and their items with shares.
import { EXPENSE_ITEMS } from '../../narrative/sections/three';
import { T01_INCOME_ITEMS } from '../../tables';
import { nameKey } from '../normalize';
import { findAmount } from '../patterns';
import type { Reader } from '../reader';
import type { Para } from '../types';
import { readList } from './list';

export function readTwo(paras: Para[], r: Reader): void {
  const totalFact = r.facts.t01('收', '本年收入合计');
  for (const p of paras) {
    if (p.heading) continue;
    const found = findAmount(p.text, /本年收入合计(?:为)?/);
    if (!found) continue;
    const total = r.amount(p, found, '本年收入合计', totalFact);
    const items = readList(r, p, {
      list: '收入',
      start: /其中：/,
      separator: '；',
      from: found.end,
      total,
      totalName: '本年收入合计',
      denominator: totalFact,
      resolve: (name) => {
        const label = T01_INCOME_ITEMS.find((l) => nameKey(name) === l);
        return label ? { what: label, fact: r.facts.t01('收', label) } : undefined;
      },
    });
    r.sum('本年收入合计的各项收入', total, items);
  }
}

export function readThree(paras: Para[], r: Reader): void {
  const totalFact = r.facts.t03('本年支出合计') ?? r.facts.t01('支', '本年支出合计');
  for (const p of paras) {
    if (p.heading) continue;
    const found = findAmount(p.text, /本年支出合计(?:为)?/);
    if (!found) continue;
    const total = r.amount(p, found, '本年支出合计', totalFact);
    const items = readList(r, p, {
      list: '支出',
      start: /其中：/,
      separator: '；',
      from: found.end,
      total,
      totalName: '本年支出合计',
      denominator: totalFact,
      resolve: (name) => {
        const col = EXPENSE_ITEMS.find((c) => nameKey(name) === c);
        return col ? { what: col, fact: r.facts.t03(col) } : undefined;
      },
    });
    r.sum('本年支出合计的各项支出', total, items);
  }
}
