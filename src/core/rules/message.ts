// Chinese messages for findings: both sides named by table title and row/column labels,
// both amounts, the difference and the tolerance.
import { sum, wanExact, type Decimal } from '../money';
import type { Instance } from './evaluate';
import { isZeroOperand, type Operand } from './refs';
import type { ToleranceDecision } from './tolerance';

export interface Outcome {
  actual: Decimal;
  expected: Decimal;
  difference: Decimal;
  decision: ToleranceDecision;
  /** Σ of each side's values, exact (when the caller has them; else summed here). */
  leftTotal?: Decimal;
  rightTotal?: Decimal;
}

/** "948.06": at least two decimals, more when the source (a 元 table) had them. */
export function amountText(v: Decimal): string {
  return wanExact(v);
}

function toleranceText(tol: Decimal): string {
  return tol.isZero() ? '0' : wanExact(tol);
}

/**
 * One side of an identity:
 *   收入决算表“合计·本年收入合计”948.60万元
 *   收入支出决算总表“上级补助收入”10.00 + “事业收入”5.00 + 收入决算表“…”1.00 = 16.00万元
 */
export function describeSide(operands: readonly Operand[], total?: Decimal): string {
  if (operands.length === 0) return '0';
  if (operands.length === 1) return `${describeOperand(operands[0], true)}万元`;
  // Zero addends are left out of the text (their cells stay in the finding), unless all are zero.
  const nonZero = operands.filter((o) => !isZeroOperand(o));
  const shown = nonZero.length > 0 ? nonZero : operands;
  const terms = shown.map((o, i) => describeOperand(o, i === 0 || shown[i - 1].title !== o.title));
  const omitted = operands.length - shown.length;
  const totalText = `${amountText(total ?? sum(operands.map((o) => o.value)))}万元`;
  return `${terms.join(' + ')} = ${totalText}${omitted > 0 ? `（另有${omitted}项为0）` : ''}`;
}

function describeOperand(o: Operand, withTitle: boolean): string {
  return `${withTitle ? o.title : ''}“${o.label}”${amountText(o.value)}`;
}

export function errorMessage(instance: Instance, outcome: Outcome): string {
  const left = describeSide(instance.left, outcome.leftTotal);
  const right = describeSide(instance.right, outcome.rightTotal);
  const d = amountText(outcome.difference);
  const tol = `允许误差${toleranceText(outcome.decision.tolerance)}万元${outcome.decision.basis === 'yuan' ? '，元表按0.01元判断' : ''}`;
  const text =
    instance.compare === 'le'
      ? `${left} > ${right}，相差${d}万元（前者应不大于后者，${tol}）`
      : `${left} ≠ ${right}，相差${d}万元（${tol}）`;
  return instance.rule.note ? `${text}；${instance.rule.note}` : text;
}

export function roundingMessage(instance: Instance, outcome: Outcome): string {
  const { decision } = outcome;
  const d = amountText(outcome.difference);
  const tol = toleranceText(decision.tolerance);
  const why =
    decision.basis === 'mixed'
      ? `其中${decision.addends}个金额以万元公布、各自四舍五入到0.01万元，允许误差±${tol}万元`
      : `${decision.addends > 1 ? `${decision.addends}个加数各自` : '合计与加数各自'}四舍五入到0.01万元，允许误差±${tol}万元`;
  const parts = [
    `${describeSide(instance.left, outcome.leftTotal)} 与 ${describeSide(instance.right, outcome.rightTotal)} 相差${d}万元，属取整误差：${why}，差额${d}万元在允许范围内`,
  ];
  const residue = largestResidue([...instance.left, ...instance.right]);
  if (residue) {
    const { operand, value } = residue;
    parts.push(
      `舍入残差（原值−公开值）最大的是${operand.title}“${operand.label}”：原值${operand.raw!.toFixed()}万元，公开${amountText(operand.value)}万元，残差${value.toFixed()}万元`,
    );
  }
  return `${parts.join('；')}。`;
}

function largestResidue(operands: readonly Operand[]): { operand: Operand; value: Decimal } | undefined {
  let best: { operand: Operand; value: Decimal } | undefined;
  for (const operand of operands) {
    if (!operand.raw) continue;
    const value = operand.raw.sub(operand.value);
    if (!best || value.abs().gt(best.value.abs())) best = { operand, value };
  }
  return best;
}
