// 六、基本支出: the total, 人员经费 / 公用经费 and the 款 items “主要包括：…、…。” of each.
import type { T08Group } from '../facts';
import { nameKey } from '../normalize';
import { NUM, dec, findAmount } from '../patterns';
import type { Reader } from '../reader';
import type { AmountClaim, Fact, Para } from '../types';

const GROUPS: T08Group[] = ['人员经费', '公用经费'];
const ITEM = new RegExp(`^(.*?)(${NUM})(万元)?$`);

export function readSix(paras: Para[], r: Reader): void {
  let basic: AmountClaim | undefined;
  const groups: AmountClaim[] = [];
  for (const p of paras) {
    if (p.heading) continue;
    const found = findAmount(p.text, /一般公共预算财政拨款基本支出(?:决算)?(?:为)?/);
    if (found) basic = r.amount(p, found, '基本支出', r.facts.basicTotal());
    for (const group of GROUPS) {
      const g = findAmount(p.text, `${group}(?:支出)?(?:为)?`);
      if (!g) continue;
      const total = r.amount(p, g, group, r.facts.t08Group(group));
      groups.push(total);
      r.sum(`${group}“主要包括”的各项`, total, readItems(p, r, group, g.end));
    }
  }
  if (groups.length === 2) r.sum('人员经费与公用经费', basic, groups);
}

function readItems(p: Para, r: Reader, group: T08Group, from: number): AmountClaim[] {
  const start = /^，?主要包括：/.exec(p.text.slice(from));
  if (!start) return [];
  const begin = from + start[0].length;
  const stop = p.text.indexOf('。', begin);
  const rows = r.facts.t08Items(group);
  const labels = rows.map((x) => x.label);
  const used = new Set<number>();
  const out: AmountClaim[] = [];
  for (const piece of p.text.slice(begin, stop < 0 ? undefined : stop).split('、')) {
    const m = ITEM.exec(piece);
    if (!m) continue;
    const i = matchRow(labels, m[1], used);
    const fact: Fact | undefined = i === undefined ? undefined : rows[i].fact;
    out.push(
      r.amount(p, { value: dec(m[2]), number: m[2], token: m[0], index: 0, end: 0, hasUnit: m[3] !== undefined }, `${group}·${m[1]}`, fact),
    );
  }
  return out;
}

/**
 * The T08 row a listed name means: the same label, else the unused label that starts with it or
 * that it starts with (“其他交通费” for 其他交通费用).
 */
export function matchRow(labels: string[], name: string, used: Set<number>): number | undefined {
  const key = nameKey(name);
  const keys = labels.map((label) => nameKey(label));
  let best: number | undefined;
  keys.forEach((l, i) => {
    if (best !== undefined && keys[best] === key) return;
    if (l === key) best = i;
    else if (!used.has(i) && best === undefined && (l.startsWith(key) || key.startsWith(l))) best = i;
  });
  if (best !== undefined) used.add(best);
  return best;
}
