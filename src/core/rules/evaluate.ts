// Judging one instance of an identity: both sides resolved to operands, compared within tolerance.
import type { CellRef, Finding } from '../finding';
import { fromMillionths, roundHalfUp, sum, wan2, type Decimal } from '../money';
import { errorMessage, roundingMessage } from './message';
import { operandUnits, type Operand, type UnitSum } from './refs';
import { decideTolerance } from './tolerance';
import type { Comparison, RuleSeverity, ToleranceKind } from './types';

/** A concrete identity: `Σ left (= | ≤) Σ right` with every operand resolved. */
export interface Instance {
  rule: { id: string; severity: RuleSeverity; note?: string };
  compare: Comparison;
  tolerance: ToleranceKind;
  left: Operand[];
  right: Operand[];
}

export function evaluate(instance: Instance): Finding | undefined {
  const { left, right, compare } = instance;
  if (holdsExactly(left, right, compare)) return undefined;
  // Rounding both sides to 0.01 keeps their order, so an identity that holds exactly holds rounded too.
  // each side summed once (the messages print the same sums)
  const leftTotal = sideTotal(left);
  const rightTotal = sideTotal(right);
  const exactExcess = leftTotal.sub(rightTotal);
  if (compare === 'eq' ? exactExcess.isZero() : exactExcess.lte(0)) return undefined;
  const decision = decideTolerance(instance.tolerance, [...left, ...right]);
  const actual = decision.compareRounded ? roundHalfUp(leftTotal, 2) : leftTotal;
  const expected = decision.compareRounded ? roundHalfUp(rightTotal, 2) : rightTotal;
  const excess = actual.sub(expected);
  const difference = compare === 'eq' ? excess.abs() : excess;
  if (difference.lte(0)) return undefined;

  const withinRounding = difference.lte(decision.tolerance);
  const outcome = { actual, expected, difference, decision, leftTotal, rightTotal };
  const message = withinRounding ? roundingMessage(instance, outcome) : errorMessage(instance, outcome);
  return {
    rule: instance.rule.id,
    severity: withinRounding ? 'info' : instance.rule.severity,
    message,
    cells: cellsOf([...left, ...right]),
    expected: wan2(expected),
    actual: wan2(actual),
    difference: wan2(difference),
    tolerance: wan2(decision.tolerance),
  };
}

/**
 * Most identities hold to the cent: decided on exact integers (0.01元 units) without a Decimal
 * per addition. False when it fails or an amount does not fit; the Decimal path then decides.
 */
function holdsExactly(left: readonly Operand[], right: readonly Operand[], compare: Instance['compare']): boolean {
  const l = integerTotal(left);
  const r = l === undefined ? undefined : integerTotal(right);
  if (l === undefined || r === undefined) return false;
  return excessHolds(l - r, compare);
}

/** holdsExactly from the sides' sums made while resolving them (refs.UnitSum). */
export function sumsHold(left: UnitSum, right: UnitSum, compare: Instance['compare']): boolean {
  return left.exact && right.exact && excessHolds(left.total - right.total, compare);
}

/** An exact excess (left − right, in 0.01元 units) that holds; false for NaN or beyond the safe integers. */
export function excessHolds(excess: number, compare: Instance['compare']): boolean {
  return Number.isSafeInteger(excess) && (compare === 'eq' ? excess === 0 : excess <= 0);
}

/** Σ of the operands in 0.01元 units, or undefined when one does not fit or the sum leaves the safe integers. */
function integerTotal(operands: readonly Operand[]): number | undefined {
  let total = 0;
  for (const o of operands) {
    const units = operandUnits(o);
    if (units === undefined) return undefined;
    total += units;
    if (!Number.isSafeInteger(total)) return undefined;
  }
  return total;
}

/** Σ of the operands' values, exact: from the 0.01元 integer sum when there is one (the same value, one Decimal). */
function sideTotal(operands: readonly Operand[]): Decimal {
  if (operands.length === 1) return operands[0].value; // the message prints that Decimal anyway
  const units = integerTotal(operands);
  return units === undefined ? sum(operands.map((o) => o.value)) : fromMillionths(units);
}

/** Cells of all printed operands, left side first, each once. */
function cellsOf(operands: readonly Operand[]): CellRef[] {
  const seen = new Set<string>();
  const cells: CellRef[] = [];
  for (const { cell } of operands) {
    if (!cell) continue;
    const key = `${cell.sheet}!${cell.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cells.push(cell);
  }
  return cells;
}
