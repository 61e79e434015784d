// “{total}万元，其中：{item}{amt}万元，占{p}%；{item}…。” — a stated total, its items and their shares.
import { NUM, dec, pctOf } from '../patterns';
import type { Reader } from '../reader';
import { operand } from '../reader';
import type { AmountClaim, Fact, Para } from '../types';

export interface ListOptions {
  /** The list's id for the 100% check and its name in messages. */
  list: string;
  /** Where the items start, searched from `from`: /其中：/. */
  start: RegExp;
  /** Item separator: '；' or '、'. */
  separator: string;
  /** An item name → what it is and the table value it must equal. */
  resolve: (name: string) => { what: string; fact?: Fact } | undefined;
  /** The denominator of the shares (table value). */
  denominator?: Fact;
  /** The total as stated (name and number) when the paragraph states one. */
  total?: AmountClaim;
  totalName: string;
  from?: number;
}

const ITEM = new RegExp(`^(.*?)(${NUM})(万元)?(?:，?占[^\\d；。、，]*?(${NUM})%)?`);

/** Reads the items; returns their amount claims (in order). */
export function readList(r: Reader, p: Para, opts: ListOptions): AmountClaim[] {
  const start = opts.start.exec(p.text.slice(opts.from ?? 0));
  if (!start) return [];
  const begin = (opts.from ?? 0) + start.index + start[0].length;
  const stop = p.text.indexOf('。', begin);
  const segment = p.text.slice(begin, stop < 0 ? undefined : stop);
  const items: AmountClaim[] = [];
  for (const piece of segment.split(opts.separator)) {
    const m = ITEM.exec(piece);
    if (!m) continue;
    const name = m[1].replace(/^其中：/, '').replace(/[，：]$/, '');
    const resolved = opts.resolve(name);
    const amountToken = `${name}${m[2]}${m[3] ?? ''}`;
    const amount = r.amount(
      p,
      { value: dec(m[2]), number: m[2], token: amountToken, index: 0, end: 0, hasUnit: m[3] !== undefined },
      resolved?.what ?? name,
      resolved?.fact,
    );
    items.push(amount);
    if (m[4] !== undefined) {
      const shareToken = `${name}${m[0].slice(m[1].length)}`;
      r.share(
        p,
        { pct: pctOf(m[4]), token: shareToken, index: 0, end: 0 },
        operand(amount.what, resolved?.fact, amount.value),
        operand(opts.totalName, opts.denominator, opts.total?.value),
        opts.list,
      );
    }
  }
  return items;
}
