// TXT-SUM: the items a paragraph lists under a total must add up to it, within the rounding
// tolerance of domain §3.6 (提示: “主要包括” lists may leave out small items). And the change of
// the “三公” total must be the sum of its items' changes (an error: the three items are all of it).
import type { Finding } from '../../finding';
import { Decimal, sum } from '../../money';
import { roundingTolerance } from '../../rules/tolerance';
import { cellsOf, finding, place, wan } from '../message';
import type { ChangeClaim, ChangeSumClaim, Claim, SumClaim } from '../types';
import { isAlternative, statesZero } from './change';

export function checkSums(claims: Claim[]): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    const f = c.kind === 'sum' ? itemSum(c) : c.kind === 'changeSum' ? changeSum(c) : undefined;
    if (f) out.push(f);
  }
  return out;
}

function itemSum(c: SumClaim): Finding | undefined {
  const members = [c.total, ...c.items];
  if (members.some((m) => m.flagged)) return undefined;
  const total = c.total.value;
  const added = sum(c.items.map((i) => i.value));
  const diff = total.sub(added).abs();
  const amounts = c.total.kind === 'amount';
  const nonZero = c.items.filter((i) => !i.value.isZero()).length;
  const tolerance = amounts ? roundingTolerance(Math.max(1, nonZero)) : new Decimal(0);
  if (diff.lte(tolerance)) return undefined;
  const unit = amounts ? '万元' : '';
  const show = (v: Decimal) => (amounts ? wan(v) : v.toFixed());
  const hint = added.lt(total) && amounts ? '可能漏列了部分项目（“主要包括”可省略小项），请核对。' : '请核对。';
  return finding(
    'TXT-SUM',
    'warning',
    `${place(c.total.para, c.total.where)}“${c.total.token}”与所列${c.what}之和不符：各项合计${show(added)}${unit}，相差${show(diff)}${unit}` +
      `${amounts ? `（允许取整误差${wan(tolerance)}万元）` : ''}；${hint}`,
    cellsOf(uniqueParas(members.map((m) => m.para)), c.total.fact),
    { expected: show(total), actual: show(added), difference: show(diff), ...(amounts ? { tolerance: wan(tolerance) } : {}) },
  );
}

function signed(c: ChangeClaim): Decimal | undefined {
  const k = c.clause;
  if (isAlternative(c)) return undefined;
  if (k.flat || statesZero(c)) return new Decimal(0);
  if (k.amount === undefined) return undefined;
  if (k.amountWord === '增加') return k.amount;
  if (k.amountWord === '减少') return k.amount.neg();
  return undefined;
}

function changeText(v: Decimal): string {
  return v.isZero() ? '持平' : `${v.gt(0) ? '增加' : '减少'}${wan(v.abs())}万元`;
}

function changeSum(c: ChangeSumClaim): Finding | undefined {
  const total = signed(c.total);
  const parts = c.parts.map(signed);
  if (total === undefined || parts.some((p) => p === undefined)) return undefined;
  const added = sum(parts as Decimal[]);
  const diff = total.sub(added).abs();
  const tolerance = roundingTolerance(2 * c.parts.length);
  if (diff.lte(tolerance)) return undefined;
  const terms = c.parts.map((p, i) => `${p.what}${changeText(parts[i] as Decimal)}`).join('，');
  return finding(
    'TXT-SUM',
    'error',
    `${place(c.total.para, c.total.where)}“${c.total.clause.token}”与各项的增减矛盾：${terms}，合计应为${changeText(added)}，而总额写${changeText(total)}，相差${wan(diff)}万元。`,
    cellsOf(uniqueParas([c.total.para, ...c.parts.map((p) => p.para)]), c.total.prev, ...c.parts.map((p) => p.prev)),
    { expected: wan(added), actual: wan(total), difference: wan(diff), tolerance: wan(tolerance) },
  );
}

function uniqueParas<T>(paras: T[]): T[] {
  return [...new Set(paras)];
}
