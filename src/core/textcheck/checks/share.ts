// TXT-SHARE: “占X%” recomputed from the table values with the denominators of domain §4.1.3.
// A share of a list that was moved one display unit so the list adds to exactly 100% is a
// warning (the accountant should see it), any other difference an error.
import type { Finding } from '../../finding';
import { Decimal, roundHalfUp, sum } from '../../money';
import type { Facts } from '../facts';
import type { PctStyle } from '../message';
import { cellsOf, describe, exactPct, finding, fmtStyled, place, valueOf } from '../message';
import type { Claim, Fact, ShareClaim } from '../types';
import { displayUnit, effectiveDecimals, withinHalfUnit } from './percent';

const HUNDRED = new Decimal(100);

export function exactShare(c: ShareClaim): Decimal | undefined {
  const part = valueOf(c.part);
  const total = valueOf(c.total);
  if (part === undefined || total === undefined) return undefined;
  return total.isZero() ? new Decimal(0) : part.div(total).mul(HUNDRED);
}

/** `adjustment`: the template lets a share move one display unit to make its list add to 100%. */
export function checkShares(claims: Claim[], style: PctStyle, facts: Facts, adjustment = true): Finding[] {
  const shares = claims.filter((c): c is ShareClaim => c.kind === 'share');
  const out: Finding[] = [];
  for (const c of shares) {
    const exact = exactShare(c);
    if (exact === undefined || withinHalfUnit(c.pct, exact, style)) continue;
    const d = effectiveDecimals(c.pct, style);
    const rounded = roundHalfUp(exact, d);
    const list = c.list ? shares.filter((s) => s.list === c.list && s.para === c.para) : [];
    const computation = `${describe(c.part)} ÷ ${describe(c.total)} = ${exactPct(exact)}`;
    const cells = cellsOf([c.para], c.part.fact, c.total.fact);
    c.flagged = true;
    if (adjustment && adjustedForHundred(c, exact, list, style)) {
      out.push(
        finding(
          'TXT-SHARE',
          'warning',
          `${place(c.para, c.where)}“${c.token}”是为使${c.list}占比合计为100%而调整的：${computation}，四舍五入应为${fmtStyled(exact, style, d)}。调整一个显示单位可以接受，请确认。`,
          cells,
          { expected: fmtStyled(exact, style, d), actual: c.pct.text },
        ),
      );
      continue;
    }
    const hint = c.list ? '' : denominatorHint(c, facts, style);
    out.push(
      finding(
        'TXT-SHARE',
        'error',
        `${place(c.para, c.where)}“${c.token}”与附表不符：${computation}，应为${fmtStyled(rounded, style, d)}${hint}。`,
        cells,
        { expected: fmtStyled(rounded, style, d), actual: c.pct.text },
      ),
    );
  }
  return out;
}

/**
 * Moved by the 100% adjustment: one display unit off at most, the printed shares of its list add
 * to exactly 100, and plain rounding would not.
 */
function adjustedForHundred(c: ShareClaim, exact: Decimal, list: ShareClaim[], style: PctStyle): boolean {
  if (list.length < 2) return false;
  const d = effectiveDecimals(c.pct, style);
  if (c.pct.value.sub(exact).abs().gte(displayUnit(d))) return false;
  const exacts = list.map(exactShare);
  if (exacts.some((e) => e === undefined)) return false;
  const printed = sum(list.map((s) => s.pct.value));
  const plain = sum(exacts.map((e, i) => roundHalfUp(e as Decimal, effectiveDecimals(list[i].pct, style))));
  return printed.eq(HUNDRED) && !plain.eq(HUNDRED);
}

/** Which other published total the printed share was divided by (五（一）: both seeds used one). */
function denominatorHint(c: ShareClaim, facts: Facts, style: PctStyle): string {
  const part = valueOf(c.part);
  if (!part) return '';
  const candidates: (Fact | undefined)[] = [
    facts.t04('总计'),
    facts.cell('T04', '支:本年支出合计', ['合计', '金额'], '本年支出合计'),
    facts.t01('收', '总计'),
    facts.t01('收', '本年收入合计'),
    facts.t04('本年收入合计'),
  ];
  for (const f of candidates) {
    if (!f || f.value.isZero() || (c.total.fact && f.value.eq(c.total.fact.value))) continue;
    if (withinHalfUnit(c.pct, part.div(f.value).mul(HUNDRED), style)) {
      return `（文中的${c.pct.text}相当于以${f.name}${f.value.toFixed(2)}万元为分母）`;
    }
  }
  return '';
}
