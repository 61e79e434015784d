// TXT-RATE and the comparative words: “完成预算X%” = 决算数 ÷ 预算数 (domain §4.1.5), and
// “决算数小于（调整）预算数” must agree with the two amounts (or, without a budget, the rate).
import type { Finding } from '../../finding';
import { Decimal } from '../../money';
import { fmtRate } from '../../narrative/completion';
import type { PctStyle } from '../message';
import { cellsOf, describe, exactPct, finding, fmtStyled, place, valueOf, wan } from '../message';
import type { Claim, RateClaim } from '../types';
import { effectiveDecimals, withinHalfUnit } from './percent';

const HUNDRED = new Decimal(100);

export function checkRates(claims: Claim[], style: PctStyle): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    if (c.kind !== 'rate') continue;
    const found = [rateFinding(c, style), comparativeFinding(c)].filter((f): f is Finding => f !== undefined);
    if (found.length > 0) c.flagged = true;
    out.push(...found);
  }
  return out;
}

function rateFinding(c: RateClaim, style: PctStyle): Finding | undefined {
  const actual = valueOf(c.actual);
  const budget = c.budget?.value;
  if (!c.pct || actual === undefined || budget === undefined) return undefined;
  const at = `${place(c.para, c.where)}“${c.token}”`;
  const cells = cellsOf([c.para], c.actual.fact, c.budget);
  if (budget.isZero()) {
    if (actual.isZero()) {
      return finding(
        'TXT-RATE',
        'info',
        `${at}：${c.what}预算数和决算数均为0，完成预算的比例是0÷0，没有意义，建议删去该句或写“未安排预算”。`,
        cells,
      );
    }
    return finding(
      'TXT-RATE',
      'warning',
      `${at}：${c.what}预算数为0而决算数${wan(actual)}万元，无法计算完成预算比例，应说明无预算支出的原因。`,
      cells,
    );
  }
  const exact = actual.div(budget).mul(HUNDRED);
  const d = effectiveDecimals(c.pct, style);
  const computation = `${describe(c.actual)} ÷ ${c.budget!.name}${wan(budget)}万元 = ${exactPct(exact)}`;
  if (!withinHalfUnit(c.pct, exact, style)) {
    return finding('TXT-RATE', 'error', `${at}与数字不符：${computation}，应为${fmtStyled(exact, style, d)}。`, cells, {
      expected: fmtStyled(exact, style, d),
      actual: c.pct.text,
    });
  }
  if (c.pct.value.eq(HUNDRED) && !actual.eq(budget)) {
    const shown = fmtRate(exact, actual, budget, d, style.keep);
    return finding(
      'TXT-RATE',
      'warning',
      `${at}：决算数与预算数并不相等（${computation}），写100%会与“决算数${actual.lt(budget) ? '小于' : '大于'}预算数”自相矛盾，建议写${shown}。`,
      cells,
    );
  }
  return undefined;
}

function comparativeFinding(c: RateClaim): Finding | undefined {
  if (!c.comparative) return undefined;
  const actual = valueOf(c.actual);
  const budget = c.budget?.value;
  let real: '小于' | '大于' | '等于' | undefined;
  let basis: string;
  if (actual !== undefined && budget !== undefined) {
    real = actual.lt(budget) ? '小于' : actual.gt(budget) ? '大于' : '等于';
    basis = `决算数${wan(actual)}万元，预算数${wan(budget)}万元`;
  } else if (c.pct) {
    real = c.pct.value.lt(HUNDRED) ? '小于' : c.pct.value.gt(HUNDRED) ? '大于' : '等于';
    basis = `文中完成预算${c.pct.text}`;
  } else {
    return undefined;
  }
  if (real === c.comparative.word) return undefined;
  return finding(
    'TXT-DIRECTION',
    'error',
    `${place(c.para, c.where)}“${c.comparative.token}”与数字矛盾：${basis}，决算数实际${real}预算数。`,
    cellsOf([c.para], c.actual.fact, c.budget),
  );
}
