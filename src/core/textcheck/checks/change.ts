// TXT-CHANGE / TXT-DIRECTION: a 增减 clause against the current and prior-year values
// (domain §4.1.4). With no 上年数 in the 补充信息 sheet the prior year is inferred from the text
// itself (本年 ∓ 增减额), so the percentage can still be checked.
import type { Finding } from '../../finding';
import { Decimal, roundHalfUp } from '../../money';
import { fmtWan } from '../../narrative/format';
import type { PctStyle } from '../message';
import { cellsOf, finding, fmtStyled, place, valueOf, wan } from '../message';
import type { ChangeClaim, Claim } from '../types';
import { effectiveDecimals, withinHalfUnit } from './percent';

const HUNDRED = new Decimal(100);

/** +1 增, −1 减, undefined when the clause has no usable direction word. */
export function direction(c: ChangeClaim): 1 | -1 | undefined {
  const k = c.clause;
  if (k.amountWord === '增加') return 1;
  if (k.amountWord === '减少') return -1;
  if (k.pctWord === '增长' || k.pctWord === '增加') return 1;
  if (k.pctWord === '下降' || k.pctWord === '减少') return -1;
  return undefined;
}

export function isAlternative(c: ChangeClaim): boolean {
  return c.clause.amountWord === 'alt' || c.clause.pctWord === 'alt';
}

/** “增加0万元，增长0.0%”: a change clause that states no change. */
export function statesZero(c: ChangeClaim): boolean {
  const k = c.clause;
  return (k.amount === undefined || k.amount.isZero()) && (k.pct === undefined || k.pct.value.isZero()) && !k.flat;
}

/** The clause as it should read: “增加6.28万元，增长1.7%”, “减少23.1万元，下降100%”, “与2022年持平”. */
export function rightClause(cur: Decimal, prev: Decimal, c: ChangeClaim, style: PctStyle): string {
  const d = cur.sub(prev);
  if (d.isZero()) return `与${yearOf(c)}年持平`;
  const up = d.gt(0);
  const amount = `${up ? '增加' : '减少'}${fmtWan(d.abs())}万元`;
  if (prev.isZero()) return amount;
  const dp = c.clause.pct ? effectiveDecimals(c.clause.pct, style) : style.dp;
  const verb = up ? '增长' : c.clause.pctWord === '减少' ? '减少' : '下降';
  return `${amount}，${verb}${fmtStyled(d.abs().div(prev).mul(HUNDRED), style, dp)}`;
}

function yearOf(c: ChangeClaim): string {
  return c.clause.prevYear ?? '上';
}

export function checkChanges(claims: Claim[], style: PctStyle): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    if (c.kind !== 'change' || isAlternative(c)) continue;
    const f = checkOne(c, style);
    if (f) {
      c.flagged = true;
      out.push(f);
    }
  }
  return out;
}

function checkOne(c: ChangeClaim, style: PctStyle): Finding | undefined {
  const k = c.clause;
  const cur = valueOf(c.cur);
  const prev = c.prev?.value;
  const at = `${place(c.para, c.where)}“${k.token}”`;
  const cells = cellsOf([c.para], c.cur.fact, c.prev);
  const known = cur !== undefined && prev !== undefined;
  const facts = known ? `${c.what}本年${wan(cur)}万元、上年${wan(prev)}万元` : '';

  if (k.flat) {
    if (!known || cur.eq(prev)) return undefined;
    return finding('TXT-DIRECTION', 'error', `${at}与数字矛盾：${facts}，应为“${rightClause(cur, prev, c, style)}”。`, cells);
  }
  const amountDir = k.amountWord === '增加' ? 1 : k.amountWord === '减少' ? -1 : undefined;
  const pctDir = k.pctWord === '增长' || k.pctWord === '增加' ? 1 : k.pctWord === '下降' || k.pctWord === '减少' ? -1 : undefined;
  if (amountDir !== undefined && pctDir !== undefined && amountDir !== pctDir) {
    return finding('TXT-DIRECTION', 'error', `${at}前后方向矛盾：增减额与百分比的方向词不一致。`, cells);
  }
  if ((known && cur.eq(prev)) || (!known && statesZero(c))) {
    if (statesZero(c)) {
      return finding(
        'TXT-DIRECTION',
        'warning',
        `${at}：${known ? `${facts}，` : ''}没有增减，不应写“增加/减少”“增长/下降”，应写“与${yearOf(c)}年持平”。`,
        cells,
        known ? { expected: '0.00', actual: wan(k.amount ?? new Decimal(0)) } : {},
      );
    }
    if (known) {
      return finding('TXT-CHANGE', 'error', `${at}与数字不符：${facts}，没有增减，应为“与${yearOf(c)}年持平”。`, cells);
    }
  }
  const dir = direction(c);
  if (known) return againstPrior(c, cur, prev, dir, at, facts, cells, style);
  if (cur !== undefined && k.amount !== undefined && dir !== undefined) return againstItself(c, cur, k.amount, dir, at, cells, style);
  return undefined;
}

function againstPrior(
  c: ChangeClaim,
  cur: Decimal,
  prev: Decimal,
  dir: 1 | -1 | undefined,
  at: string,
  facts: string,
  cells: ReturnType<typeof cellsOf>,
  style: PctStyle,
): Finding | undefined {
  const k = c.clause;
  const delta = roundHalfUp(cur, 2).sub(roundHalfUp(prev, 2));
  const right = rightClause(cur, prev, c, style);
  if (dir !== undefined && dir !== (delta.gt(0) ? 1 : -1)) {
    return finding(
      'TXT-DIRECTION',
      'error',
      `${at}方向与数字相反：${facts}，实际${delta.gt(0) ? '增加' : '减少'}${wan(delta.abs())}万元，应为“${right}”。`,
      cells,
    );
  }
  if (k.amount !== undefined && !k.amount.eq(delta.abs())) {
    return finding('TXT-CHANGE', 'error', `${at}增减额不符：${facts}，相差${wan(delta.abs())}万元，应为“${right}”。`, cells, {
      expected: wan(delta.abs()),
      actual: wan(k.amount),
      difference: wan(k.amount.sub(delta.abs()).abs()),
      tolerance: '0.00',
    });
  }
  if (prev.isZero()) {
    if (!k.pct) return undefined;
    return finding('TXT-CHANGE', 'warning', `${at}：上年为0，无法计算增减百分比，应为“${right}”。`, cells);
  }
  const exact = delta.abs().div(prev).mul(100);
  if (!k.pct) {
    if (k.amount === undefined) return undefined;
    return finding('TXT-CHANGE', 'warning', `${at}缺少增减百分比：${facts}，应为“${right}”。`, cells);
  }
  if (withinHalfUnit(k.pct, exact, style)) return undefined;
  return finding(
    'TXT-CHANGE',
    'error',
    `${at}增减百分比不符：${wan(delta.abs())} ÷ 上年${wan(prev)}万元 = ${exact.toDecimalPlaces(3).toFixed(3)}%，应为“${right}”。`,
    cells,
    { expected: fmtStyled(exact, style, effectiveDecimals(k.pct, style)), actual: k.pct.text },
  );
}

/** No prior-year value: the text's own 本年 and 增减额 give the prior year. */
function againstItself(
  c: ChangeClaim,
  cur: Decimal,
  amount: Decimal,
  dir: 1 | -1,
  at: string,
  cells: ReturnType<typeof cellsOf>,
  style: PctStyle,
): Finding | undefined {
  const k = c.clause;
  const prev = dir > 0 ? cur.sub(amount) : cur.add(amount);
  if (prev.lte(0)) {
    if (prev.lt(0)) {
      return finding('TXT-CHANGE', 'error', `${at}：本年${wan(cur)}万元增加${wan(amount)}万元，推算上年为负数，增减额有误。`, cells);
    }
    return k.pct ? finding('TXT-CHANGE', 'warning', `${at}：按本年${wan(cur)}万元推算上年为0，无法计算增减百分比。`, cells) : undefined;
  }
  const exact = amount.div(prev).mul(HUNDRED);
  const based = `按本年${wan(cur)}万元与增减额${wan(amount)}万元推算上年为${wan(prev)}万元`;
  if (!k.pct) return finding('TXT-CHANGE', 'warning', `${at}缺少增减百分比：${based}，应为“${rightClause(cur, prev, c, style)}”。`, cells);
  if (withinHalfUnit(k.pct, exact, style)) return undefined;
  return finding(
    'TXT-CHANGE',
    'error',
    `${at}增减百分比与增减额不符：${based}，${wan(amount)} ÷ ${wan(prev)} = ${exact.toDecimalPlaces(3).toFixed(3)}%，应为“${rightClause(cur, prev, c, style)}”。`,
    cells,
    { expected: fmtStyled(exact, style, effectiveDecimals(k.pct, style)), actual: k.pct.text },
  );
}
