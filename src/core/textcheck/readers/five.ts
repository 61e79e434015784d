// 五、一般公共预算财政拨款支出: （一）total, share of 本年支出合计, change; （二）classes with shares;
// （三）total with its completion rate, then one numbered item per 项 (or 款) with its rate.
import { RATE_LEAD, findAllAmounts, findAmount, findComparative, findPct } from '../patterns';
import type { Reader } from '../reader';
import { operand } from '../reader';
import type { AmountClaim, Fact, Operand, Para } from '../types';
import { readList } from './list';
import { matchT06 } from './t06names';

const TOTAL_LEAD = /一般公共预算财政拨款支出(?:决算)?(?:数)?(?:为)?/;

export function readFiveOne(paras: Para[], r: Reader): void {
  const total = r.facts.t06('合计');
  for (const p of paras) {
    if (p.heading) continue;
    const found = findAmount(p.text, TOTAL_LEAD);
    if (found) r.amount(p, found, '一般公共预算财政拨款支出', total);
    const share = findPct(p.text, /占本年支出合计的?/);
    if (share) {
      r.share(p, share, operand('一般公共预算财政拨款支出', total, found?.value), operand('本年支出合计', r.facts.spendingTotal()));
    }
    r.changes(
      p,
      p.text,
      '一般公共预算财政拨款支出',
      operand('一般公共预算财政拨款支出', total, found?.value),
      r.facts.supp('一般公共预算财政拨款支出', '上年数'),
    );
  }
}

export function readFiveTwo(paras: Para[], r: Reader): void {
  const totalFact = r.facts.t06('合计');
  for (const p of paras) {
    if (p.heading) continue;
    const found = findAmount(p.text, TOTAL_LEAD);
    if (!found) continue;
    const total = r.amount(p, found, '一般公共预算财政拨款支出', totalFact);
    const items = readList(r, p, {
      list: '各类支出',
      start: /主要用于(?:以下方面)?：/,
      separator: '；',
      from: found.end,
      total,
      totalName: '一般公共预算财政拨款支出',
      denominator: totalFact,
      resolve: (name) => matchT06(r.facts, name) ?? { what: name },
    });
    r.sum('一般公共预算财政拨款支出的各类支出', total, items);
  }
}

/** “1．…：支出决算为…” (Sichuan) or “1、…（类）…（款）…（项）。主要用于：…” (Shanghai). */
const ITEM_HEAD = /^(\d+)[．.、](.+?（[类款项]）)(?=[。：])|^(\d+)[．.、](.+?)：/;

/** A budget the sentence states (“年初预算为0万元”), checked against the 补充信息's 预算数 when it holds one. */
function readStatedBudget(p: Para, r: Reader, from: number, what: string, fact: Fact | undefined, where?: string): void {
  if (!fact) return;
  const stated = findAmount(p.text, /(?:年初|全年|调整)?预算(?:数)?为/, from);
  if (stated && stated.index < (findAmount(p.text, /支出决算(?:数)?为/, from)?.index ?? Infinity)) {
    r.amount(p, stated, `${what}的预算数`, fact, where);
  }
}

export function readFiveThree(paras: Para[], r: Reader): void {
  const totalFact = r.facts.t06('合计');
  let total: AmountClaim | undefined;
  const items: AmountClaim[] = [];
  for (const p of paras) {
    if (p.heading) continue;
    const head = ITEM_HEAD.exec(p.text);
    if (head) {
      const item = readItem(p, r, head[1] ?? head[3], head[2] ?? head[4], head[0].length);
      if (item) items.push(item);
      continue;
    }
    const found =
      findAmount(p.text, /一般公共预算(?:财政拨款)?支出决算(?:数)?(?:为)?/) ??
      (/^一般公共预算(?:财政拨款)?支出(?:年初|全年|调整)?预算/.test(p.text) ? findAmount(p.text, /支出决算(?:数)?为/) : undefined);
    if (!found) continue;
    total = r.amount(p, found, '一般公共预算财政拨款支出', totalFact);
    readStatedBudget(p, r, 0, '一般公共预算财政拨款支出', r.facts.supp('一般公共预算财政拨款支出', '预算数'));
    readRate(
      p,
      r,
      found.end,
      '一般公共预算财政拨款支出',
      operand('一般公共预算财政拨款支出', totalFact, found.value),
      r.facts.supp('一般公共预算财政拨款支出', '预算数'),
    );
  }
  r.sum('一般公共预算财政拨款支出的各项明细', total, items);
}

function readItem(p: Para, r: Reader, number: string, name: string, from: number): AmountClaim | undefined {
  const where = `第${number}项`;
  const match = matchT06(r.facts, name) ?? { what: name, code: undefined, fact: undefined };
  const found = findAmount(p.text, /支出决算(?:数)?(?:为)?/, from);
  if (!found) return undefined;
  const amount = r.amount(p, found, name, match.fact, where);
  const budget = match.code ? r.facts.budgetOf(match.code) : undefined;
  readStatedBudget(p, r, from, name, budget, where);
  readRate(p, r, found.end, name, operand(name, match.fact, found.value), budget, where);
  return amount;
}

/** “完成预算X%” after `from` and the “决算数小于调整预算数” that may follow it. */
export function readRate(p: Para, r: Reader, from: number, what: string, actual: Operand, given: Fact | undefined, where?: string): void {
  const pct = findPct(p.text, RATE_LEAD, from);
  const comparative = findComparative(p.text, pct?.end ?? from);
  if (!pct && !comparative) return;
  const basis = /(年初|全年|调整)预算/.exec(pct?.token ?? comparative?.token ?? '')?.[1];
  const budget = given ?? statedBudget(p, r, basis, where);
  r.rate(p, {
    token: pct?.token ?? comparative!.token,
    what,
    actual,
    ...(pct ? { pct: pct.pct } : {}),
    ...(budget ? { budget } : {}),
    ...(comparative ? { comparative: { word: comparative.word, token: comparative.token } } : {}),
    ...(where ? { where } : {}),
  });
}

/**
 * The budget the sentence itself states (Shanghai: “年初预算为0万元，全年预算为321.02万元”), the
 * one the rate names (完成年初预算 → 年初预算), else the first: the rate is checked against it when
 * no 补充信息 holds the budget.
 */
function statedBudget(p: Para, r: Reader, basis: string | undefined, where?: string): Fact | undefined {
  const all = findAllAmounts(p.text, /(?:年初|全年|调整)?预算(?:数)?为/);
  if (all.length === 0) return undefined;
  const named = all.map((f) => ({ f, word: /(年初|全年|调整)?预算(?:数)?为/.exec(f.token) }));
  const chosen = named.find((n) => basis !== undefined && n.word?.[1] === basis) ?? named.find(() => basis === undefined) ?? undefined;
  for (const n of named) r.amount(p, n.f, `文中${n.word?.[0].replace(/为$/, '') ?? '预算'}`, undefined, where);
  if (!chosen) return undefined;
  const label = chosen.word?.[0].replace(/(?:数)?为$/, '') ?? '预算';
  return { value: chosen.f.value, cells: [], name: `文中“${label}”`, source: 'text' };
}
