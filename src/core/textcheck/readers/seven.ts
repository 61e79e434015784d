// 七、“三公”经费: （一）total, completion, change; （二）the three items with shares, then item by
// item: amount, completion, counts, change, and the 其中 parts (购置/运行, 国内/外事接待).
import type { SanGongColumn } from '../facts';
import { NUM, RATE_LEAD, beforeReason, dec, findAmount, findCount, findPct, sentences } from '../patterns';
import type { Reader } from '../reader';
import { operand } from '../reader';
import type { AmountClaim, ChangeClaim, CountClaim, Fact, Para } from '../types';
import { readRate } from './five';
import { readList } from './list';

interface ItemDef {
  /** Regex source of the item's name in the text. */
  re: string;
  column: SanGongColumn;
  /** 补充信息 row with its 上年数. */
  label: string;
}

export const SAN_GONG_ITEMS: ItemDef[] = [
  { re: '因公出国（境）(?:经费|费用|费)?', column: '因公出国（境）费', label: '因公出国（境）费' },
  { re: '公务用车购置及运行(?:维护)?费', column: '公务用车购置及运行费', label: '公务用车购置及运行维护费' },
  { re: '公务接待费', column: '公务接待费', label: '公务接待费' },
];

// The items' name patterns, compiled once.
const ITEM_STARTS = SAN_GONG_ITEMS.map((def) => ({ def, start: new RegExp(`^${def.re}`) }));
const NUMBERED_ITEM = new RegExp(`^\\d+[．.、](${SAN_GONG_ITEMS.map((d) => d.re).join('|')})`);

const itemOf = (name: string) => ITEM_STARTS.find((i) => i.start.test(name))?.def;

export function readSevenOne(paras: Para[], r: Reader): void {
  const total = r.facts.sanGong('决算数', '合计');
  for (const p of paras) {
    if (p.heading) continue;
    if (readShanghaiChange(p, r)) continue;
    const found =
      findAmount(p.text, /三公经费(?:财政拨款)?支出决算(?:数)?(?:为)?/) ??
      (/^三公经费(?:财政拨款)?支出(?:年初|全年|调整)?预算/.test(p.text) ? findAmount(p.text, /支出决算(?:数)?为/) : undefined);
    if (!found) continue;
    readShanghaiItems(p, r, found.end);
    r.named.set('七.合计', r.amount(p, found, '“三公”经费财政拨款支出', total));
    const actual = operand('“三公”经费', total, found.value);
    readRate(p, r, found.end, '“三公”经费', actual, r.facts.sanGong('预算数', '合计'));
    const changes = r.changes(p, p.text, '“三公”经费', actual, r.facts.supp('“三公”经费', '上年数'));
    if (changes.length === 1) r.named.set('七.变动', changes[0]);
  }
}

/**
 * Shanghai's 七（一）: “…年初预算为X万元，支出决算为Y万元，完成预算的p%，其中：因公出国（境）费决算为…万元，
 * 完成预算的…%；…” — the stated budget and each item's amount and rate (its clause only: the
 * comparison after the list is the total's).
 */
function readShanghaiItems(p: Para, r: Reader, from: number): void {
  const budget = findAmount(p.text, /年初预算(?:数)?为/);
  if (budget && budget.index < from) r.amount(p, budget, '“三公”经费预算数', r.facts.sanGong('预算数', '合计'));
  const list = p.text.indexOf('其中：', from);
  if (list < 0) return;
  for (const def of SAN_GONG_ITEMS) {
    const found = findAmount(p.text, `${def.re}(?:支出)?决算(?:数)?为`, list);
    if (!found) continue;
    const fact = r.facts.sanGong('决算数', def.column);
    r.amount(p, found, def.label, fact, `·${def.label}`);
    const clause = p.text.slice(found.end).split(/[；。]/)[0];
    const pct = findPct(clause, RATE_LEAD);
    if (pct) {
      const budgetFact = r.facts.sanGong('预算数', def.column);
      r.rate(p, {
        token: pct.token,
        what: def.label,
        actual: operand(def.label, fact, found.value),
        pct: pct.pct,
        ...(budgetFact ? { budget: budgetFact } : {}),
        where: `·${def.label}`,
      });
    }
  }
}

/** Shanghai's “…三公经费财政拨款支出决算数比2023年度增加…，其中：因公出国（境）费支出决算持平；…” */
function readShanghaiChange(p: Para, r: Reader): boolean {
  if (!/三公经费(?:财政拨款)?支出决算数?比(?:\d{4}|上)年/.test(p.text)) return false;
  const text = beforeReason(p.text);
  const [head, rest = ''] = text.split('其中：');
  const total = r.facts.sanGong('决算数', '合计');
  const changes = r.changes(p, head, '“三公”经费', operand('“三公”经费', total), r.facts.supp('“三公”经费', '上年数'));
  if (changes.length === 1) r.named.set('七.变动', changes[0]);
  for (const clause of rest.split(/[；。]/)) {
    const def = itemOf(clause);
    if (!def) continue;
    const cur = operand(def.label, r.facts.sanGong('决算数', def.column));
    r.changes(p, clause, def.label, cur, r.facts.supp(def.label, '上年数'), `·${def.label}`);
  }
  return true;
}

/** What the item paragraphs of 七（二） state, for the sums across them. */
interface ItemState {
  amounts: Map<ItemDef, AmountClaim>;
  changes: Map<ItemDef, ChangeClaim[]>;
  parts: Map<string, AmountClaim>;
}

export function readSevenTwo(paras: Para[], r: Reader): void {
  const state: ItemState = { amounts: new Map(), changes: new Map(), parts: new Map() };
  let current: ItemDef | undefined;
  for (const p of paras) {
    if (p.heading) continue;
    if (/支出决算中/.test(p.text)) {
      readLead(p, r);
      continue;
    }
    const head = NUMBERED_ITEM.exec(p.text);
    if (head) current = itemOf(head[1]);
    for (const s of sentences(p.text)) current = readSentence(p, r, s.text, current, state);
  }
  sums(r, state);
}

function readLead(p: Para, r: Reader): void {
  const total = r.named.get('七.合计') as AmountClaim | undefined;
  const items = readList(r, p, {
    list: '“三公”经费各项',
    start: /支出决算中，/,
    separator: '；',
    total,
    totalName: '“三公”经费合计',
    denominator: r.facts.sanGong('决算数', '合计'),
    resolve: (name) => {
      const def = itemOf(name);
      return def ? { what: def.label, fact: r.facts.sanGong('决算数', def.column) } : undefined;
    },
  });
  r.sum('“三公”经费的三项', total, items);
}

function readSentence(p: Para, r: Reader, sentence: string, current: ItemDef | undefined, state: ItemState): ItemDef | undefined {
  const s = beforeReason(sentence);
  const base = p.text.indexOf(sentence);
  for (const def of SAN_GONG_ITEMS) {
    const found = findAmount(s, `^(?:\\d+[．.、])?${def.re}支出(?:决算)?(?:数)?(?:为)?`);
    if (!found) continue;
    current = def;
    const fact = r.facts.sanGong('决算数', def.column);
    state.amounts.set(def, r.amount(p, found, def.label, fact, `·${def.label}`));
    readRate(
      p,
      r,
      base + found.end,
      def.label,
      operand(def.label, fact, found.value),
      r.facts.sanGong('预算数', def.column),
      `·${def.label}`,
    );
  }
  const subject = new RegExp(`(${SAN_GONG_ITEMS.map((d) => d.re).join('|')})[^。，；]*?(?:比|较)(?:\\d{4}|上)年`).exec(s);
  const changed = subject ? itemOf(subject[1]) : current;
  if (changed) {
    const amount = state.amounts.get(changed);
    const cur = operand(changed.label, r.facts.sanGong('决算数', changed.column), amount?.value);
    const claims = r.changes(p, s, changed.label, cur, r.facts.supp(changed.label, '上年数'), `·${changed.label}`);
    if (claims.length > 0) state.changes.set(changed, [...(state.changes.get(changed) ?? []), ...claims]);
  }
  readCounts(p, r, s);
  readParts(p, r, s, state);
  return current;
}

function readCounts(p: Para, r: Reader, s: string): void {
  const counts: [RegExp | string, string, string][] = [
    ['团组', '次', '因公出国（境）团组数'],
    ['出国（境）', '人', '因公出国（境）人数'],
    ['团组', '个', '因公出国（境）团组数'],
    ['出国（境）团组\\d+个、累计', '人次', '因公出国（境）人数'],
    ['共接待', '批次', '国内公务接待批次'],
    ['共接待\\d+批次、', '人次', '国内公务接待人次'],
    ['接待外宾', '批次', '外事接待批次'],
    ['接待外宾\\d+批次、', '人次', '外事接待人数'],
    ['国内公务接待', '批次', '国内公务接待批次'],
    ['国内公务接待\\d+批次，', '人次', '国内公务接待人次'],
    ['外事接待', '批次', '外事接待批次'],
    ['外事接待\\d+批次，', '人', '外事接待人数'],
  ];
  for (const [lead, counter, label] of counts) {
    const found = findCount(s, lead, counter);
    if (found) r.count(p, found, label, r.facts.supp(label, '本年数'));
  }
}

const CAR_TYPES = ['轿车', '越野车', '载客汽车', '其他车型'];

/** The 其中 parts of item 2 (购置 / 运行, vehicles) and item 3 (国内 / 外事接待). */
function readParts(p: Para, r: Reader, s: string, state: ItemState): void {
  const amount = (key: string, lead: string, what: string, fact: Fact | undefined) => {
    const found = findAmount(s, lead);
    if (found) state.parts.set(key, r.amount(p, found, what, fact));
  };
  amount('购置', '公务用车购置(?:费)?支出(?:为)?', '公务用车购置费', r.facts.sanGong('决算数', '公务用车购置费'));
  amount('运行', '公务用车运行(?:维护)?(?:费)?支出(?:为)?', '公务用车运行维护费', r.facts.sanGong('决算数', '公务用车运行费'));
  // Shanghai: “国内公务接待支出X万元（含外宾接待支出Y万元）”: X is the whole 公务接待费
  if (/（含外宾接待支出/.test(s)) {
    amount('接待合计', '国内公务接待(?:费)?支出', '公务接待费', r.facts.sanGong('决算数', '公务接待费'));
    amount('外宾', '含外宾接待支出', '外事接待费', r.facts.supp('外事接待费', '本年数'));
  } else {
    amount('国内', '国内公务接待(?:费)?支出', '国内公务接待费', r.facts.supp('国内公务接待费', '本年数'));
    amount('外事', '外事接待(?:费)?支出', '外事接待费', r.facts.supp('外事接待费', '本年数'));
  }
  const boughtShanghai = findCount(s, '，购置公务用车', '辆');
  if (boughtShanghai) r.count(p, boughtShanghai, '公务用车购置数', r.facts.supp('公务用车购置数', '本年数'));
  const ownedShanghai = findCount(s, '公务用车保有量为', '辆');
  if (ownedShanghai) r.count(p, ownedShanghai, '公务用车保有量', r.facts.supp('公务用车保有量', '本年数'));
  const spent = findAmount(s, '共计支出');
  if (spent && /国内公务接待/.test(s)) r.amount(p, spent, '国内公务接待费', r.facts.supp('国内公务接待费', '本年数'));
  else if (spent && /外事接待/.test(s)) r.amount(p, spent, '外事接待费', r.facts.supp('外事接待费', '本年数'));

  const bought = findCount(s, '更新购置公务用车', '辆');
  if (bought) {
    const total = r.count(p, bought, '公务用车购置数', r.facts.supp('公务用车购置数', '本年数'));
    const numbers: CountClaim[] = [];
    const money: AmountClaim[] = [];
    for (const t of CAR_TYPES) {
      const m = new RegExp(`${t}(\\d+)辆(?:[、，]金额(${NUM})(万元)?)?`).exec(s.slice(bought.end));
      if (!m) continue;
      numbers.push(r.count(p, found(`${t}${m[1]}辆`, m[1]), `${t}购置数`, r.facts.supp(`${t}购置数`, '本年数')));
      if (m[2] !== undefined)
        money.push(r.amount(p, found(m[0], m[2], m[3] !== undefined), `${t}购置金额`, r.facts.supp(`${t}购置金额`, '本年数')));
    }
    r.sum('购置公务用车的各车型数量', total, numbers);
    r.sum('公务用车购置支出的各车型金额', state.parts.get('购置'), money);
  }
  const owned = findCount(s, '共有公务用车', '辆');
  if (owned) {
    const total = r.count(p, owned, '公务用车保有量', r.facts.supp('公务用车保有量', '本年数'));
    const numbers: CountClaim[] = [];
    for (const t of CAR_TYPES) {
      const m = new RegExp(`${t}(\\d+)辆`).exec(s.slice(owned.end));
      if (m) numbers.push(r.count(p, found(m[0], m[1]), `${t}保有量`, r.facts.supp(`${t}保有量`, '本年数')));
    }
    r.sum('公务用车保有量的各车型', total, numbers);
  }
}

function found(token: string, number: string, hasUnit = true) {
  return { value: dec(number), number, token, index: 0, end: 0, hasUnit };
}

/** 公务用车 = 购置 + 运行; 公务接待 = 国内 + 外事; the total's change = the items' changes. */
function sums(r: Reader, state: ItemState): void {
  const [, car, reception] = SAN_GONG_ITEMS;
  const pair = (item: ItemDef, a: string, b: string, what: string) => {
    const parts = [state.parts.get(a), state.parts.get(b)].filter((x): x is AmountClaim => x !== undefined);
    if (parts.length === 2) r.sum(what, state.amounts.get(item), parts);
  };
  pair(car, '购置', '运行', '公务用车购置费与运行维护费');
  pair(reception, '国内', '外事', '国内公务接待与外事接待');
  const total = r.named.get('七.变动') as ChangeClaim | undefined;
  const parts = SAN_GONG_ITEMS.map((d) => state.changes.get(d));
  if (total && parts.every((c) => c?.length === 1)) {
    r.claims.push({ kind: 'changeSum', total, parts: parts.map((c) => (c as ChangeClaim[])[0]) });
  }
}
