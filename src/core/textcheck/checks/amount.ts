// TXT-AMOUNT / TXT-COUNT: a stated number that is not the table or 补充信息 value (tolerance 0:
// the narrative copies the published value, domain §3.3).
import type { Finding } from '../../finding';
import { roundHalfUp } from '../../money';
import { cellsOf, finding, place, wan } from '../message';
import type { Claim, NumberClaim } from '../types';

export function checkAmounts(claims: Claim[]): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    if ((c.kind !== 'amount' && c.kind !== 'count') || !c.fact) continue;
    const f = c.kind === 'amount' ? amountFinding(c) : countFinding(c);
    if (f) {
      c.flagged = true;
      out.push(f);
    }
  }
  return out;
}

function source(c: NumberClaim): string {
  return c.fact?.source === 'supplement' ? '补充信息' : '附表';
}

function amountFinding(c: NumberClaim): Finding | undefined {
  const fact = c.fact!;
  const expected = roundHalfUp(fact.value, 2);
  if (c.value.eq(expected)) return undefined;
  const diff = c.value.sub(expected).abs();
  return finding(
    'TXT-AMOUNT',
    'error',
    `${place(c.para, c.where)}“${c.token}”与${source(c)}不符：${fact.name}为${wan(fact.value)}万元，文中写${c.value.toFixed()}万元，相差${wan(diff)}万元。`,
    cellsOf([c.para], fact),
    { expected: wan(fact.value), actual: wan(c.value), difference: wan(diff), tolerance: '0.00' },
  );
}

function countFinding(c: NumberClaim): Finding | undefined {
  const fact = c.fact!;
  if (c.value.eq(fact.value)) return undefined;
  return finding(
    'TXT-COUNT',
    'error',
    `${place(c.para, c.where)}“${c.token}”与${source(c)}不符：${fact.name}为${fact.value.toFixed()}，文中写${c.value.toFixed()}。`,
    cellsOf([c.para], fact),
    { expected: fact.value.toFixed(), actual: c.value.toFixed() },
  );
}
