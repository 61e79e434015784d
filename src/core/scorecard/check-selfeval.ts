// The 项目资金 block of the national 项目支出绩效自评表 (read-selfeval.ts): 年度资金总额 = Σ 其中 rows
// for each amount (CT-3), 执行率 = 全年执行数 / 全年预算数 to the decimals printed (CT-2), 执行率 above
// 100% (SC-10), and 0/0 — nothing budgeted, nothing spent, in the total and every part — 不适用, full
// marks (SC-9).
import { Decimal } from '../money';
import type { Finding } from '../finding';
import { overHundred, percentIn } from './check-rates';
import { amountFinding, cardName, finding } from './findings';
import type { FundsRow, Scorecard } from './types';
import { asciiDigits, fmt, halfUnit, printedDecimals } from './text';

const AMOUNTS = ['年初预算数', '全年预算数', '全年执行数'] as const;
const HUNDRED = new Decimal(100);
const ZERO = new Decimal(0);

function sumOfParts(parts: FundsRow[], col: (typeof AMOUNTS)[number]) {
  const printed = parts.filter((p) => p.cells[col]?.value !== null && p.cells[col]?.value !== undefined);
  return { printed, sum: printed.reduce((a, p) => a.add(p.cells[col]?.value ?? 0), ZERO) };
}

export function checkFunds(sc: Scorecard): Finding[] {
  const funds = sc.funds ?? [];
  const total = funds.find((f) => f.total);
  if (!total) return [];
  const parts = funds.filter((f) => !f.total);
  const at = `${cardName(sc)}“年度资金总额`;
  const out: Finding[] = [];
  for (const col of AMOUNTS) {
    const cell = total.cells[col];
    const { printed, sum } = sumOfParts(parts, col);
    if (!cell || printed.length === 0) continue;
    const value = cell.value ?? ZERO;
    if (value.sub(sum).abs().gt(new Decimal('0.01'))) {
      const terms = printed.map((p) => `“${p.label}”${p.cells[col]?.text}`).join(' + ');
      out.push(
        amountFinding(
          'CT-3',
          'error',
          `${at}·${col}”${cell.text === '' ? '为空' : `${cell.text}万元`}，其中各项之和为${terms} = ${fmt(sum)}万元，相差${fmt(value.sub(sum).abs())}万元`,
          [cell.cell, ...printed.map((p) => p.cells[col]?.cell ?? p.labelCell)],
          sum,
          value,
        ),
      );
    }
  }
  const rate = total.cells.执行率;
  const rateValue = rate ? percentIn(rate.text, true) : undefined;
  const budget = total.cells.全年预算数?.value;
  const spent = total.cells.全年执行数?.value;
  if (rate && rateValue && budget && spent && !budget.isZero()) {
    const numeral = /(\d+(?:\.\d+)?)/.exec(asciiDigits(rate.text))?.[1] ?? '';
    const decimals = printedDecimals(numeral);
    const exact = spent.div(budget).mul(HUNDRED);
    if (exact.sub(rateValue).abs().gt(halfUnit(decimals))) {
      out.push(
        finding(
          'CT-2',
          'error',
          `${at}·执行率”写为${rate.text}，全年执行数${fmt(spent)} ÷ 全年预算数${fmt(budget)} × 100% = ${fmt(exact, 4)}%（保留${decimals}位小数为${exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals)}%）`,
          [rate.cell, total.cells.全年执行数!.cell, total.cells.全年预算数!.cell],
        ),
      );
    }
  }
  if (rate && rateValue?.gt(HUNDRED)) out.push(overHundred(`${at}·执行率”`, '执行率', rateValue, [rate.cell]));
  const nothing = [total, ...parts].every((f) =>
    ['全年预算数', '全年执行数'].every((c) => (f.cells[c as '全年预算数']?.value ?? ZERO).isZero()),
  );
  const points = total.cells.分值?.value;
  const score = total.cells.得分;
  if (nothing && points && score) {
    const what = `${at}”全年预算数、全年执行数均为0：执行率不适用（0/0）`;
    if (score.value !== null && score.value.lt(points)) {
      out.push(
        finding(
          'SC-9',
          'warning',
          `${what}，应按满分${fmt(points)}分计，表中得分${fmt(score.value)}分，相差${fmt(points.sub(score.value))}分`,
          [score.cell],
        ),
      );
    } else out.push(finding('SC-9', 'info', `${what}，按满分计，不按100%或0%计算`, [score.cell]));
  }
  return out;
}
