// What the section readers share: the facts and the claims found so far.
import type { Decimal } from '../money';
import type { Facts } from './facts';
import type { Found, FoundChange, FoundPct } from './patterns';
import { beforeReason, findChanges } from './patterns';
import type {
  AmountClaim,
  ChangeClaim,
  Claim,
  CountClaim,
  Fact,
  NumberClaim,
  Operand,
  Para,
  RateClaim,
  ShareClaim,
  SumClaim,
} from './types';

export class Reader {
  readonly claims: Claim[] = [];
  /** Claims other sections refer to (七（一）'s total and change …). */
  readonly named = new Map<string, Claim>();

  constructor(readonly facts: Facts) {}

  amount(para: Para, found: Found, what: string, fact: Fact | undefined, where?: string): AmountClaim {
    const c: AmountClaim = {
      kind: 'amount',
      para,
      token: found.token,
      what,
      value: found.value,
      ...(fact ? { fact } : {}),
      ...(where ? { where } : {}),
    };
    this.claims.push(c);
    return c;
  }

  count(para: Para, found: Found, what: string, fact: Fact | undefined, where?: string): CountClaim {
    const c: CountClaim = {
      kind: 'count',
      para,
      token: found.token,
      what,
      value: found.value,
      ...(fact ? { fact } : {}),
      ...(where ? { where } : {}),
    };
    this.claims.push(c);
    return c;
  }

  share(para: Para, found: FoundPct, part: Operand, total: Operand, list?: string, where?: string): ShareClaim {
    const c: ShareClaim = {
      kind: 'share',
      para,
      token: found.token,
      pct: found.pct,
      part,
      total,
      ...(list ? { list } : {}),
      ...(where ? { where } : {}),
    };
    this.claims.push(c);
    return c;
  }

  change(para: Para, found: FoundChange, what: string, cur: Operand, prev: Fact | undefined, where?: string): ChangeClaim {
    const c: ChangeClaim = {
      kind: 'change',
      para,
      token: found.clause.token,
      what,
      clause: found.clause,
      cur,
      ...(prev ? { prev } : {}),
      ...(where ? { where } : {}),
    };
    this.claims.push(c);
    return c;
  }

  /** Every 增减 clause of `text` before its reason, as changes of `cur`. */
  changes(para: Para, text: string, what: string, cur: Operand, prev: Fact | undefined, where?: string): ChangeClaim[] {
    return findChanges(beforeReason(text)).map((f) => this.change(para, f, what, cur, prev, where));
  }

  rate(para: Para, c: Omit<RateClaim, 'kind' | 'para'>): RateClaim {
    const claim: RateClaim = { kind: 'rate', para, ...c };
    this.claims.push(claim);
    return claim;
  }

  sum(what: string, total: NumberClaim | undefined, items: NumberClaim[]): SumClaim | undefined {
    if (!total || items.length === 0) return undefined;
    const c: SumClaim = { kind: 'sum', what, total, items };
    this.claims.push(c);
    return c;
  }
}

/** The operand of a stated amount: its table value and the number the text gives. */
export function operand(name: string, fact: Fact | undefined, text?: Decimal): Operand {
  return { name, ...(fact ? { fact } : {}), ...(text !== undefined ? { text } : {}) };
}
