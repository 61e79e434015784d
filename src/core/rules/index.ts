// The identity checks of domain.md §3.1–§3.2, declared as data (declarations.ts) and
// evaluated over the Model.
import type { Finding } from '../finding';
import { sortFindings } from '../finding';
import type { Amount, Model } from '../model';
import { RULES } from './declarations';
import { evaluate, sumsHold, type Instance } from './evaluate';
import { checkHierarchy } from './hierarchy';
import { checkCompiledEquation, checkCompiledHierarchy, compiledRules, SlotUnits } from './layout';
import { expandQuantifier } from './quantifiers';
import { resolveSide, sideUnits, SKIP, UnitSum, type AuxInputs, type Operand } from './refs';
import { tableCheckFindings } from './tableChecks';
import { isEquation, isHierarchy, type EquationRule, type Rule } from './types';
import { uncheckedFindings } from './unchecked';

export { RULES } from './declarations';
export type { Rule } from './types';

export interface IdentityOptions {
  /** Inputs from the 补充信息 sheet; X22 is skipped without 机关运行经费. */
  aux?: { 机关运行经费?: Amount };
  /** Another rule list (a province's variant); defaults to RULES. */
  rules?: readonly Rule[];
  /** Wordings (regular expression sources) that say a table is empty on purpose (the template's). */
  emptyNotes?: readonly string[];
}

export function checkIdentities(model: Model, options: IdentityOptions = {}): Finding[] {
  const aux = options.aux ?? {};
  const findings: Finding[] = [];
  const compiled = compiledRules(model, aux);
  const units = new SlotUnits(model);
  for (const rule of options.rules ?? RULES) {
    if (isEquation(rule)) {
      if (!compiled || !checkCompiledEquation(model, rule, aux, compiled, units, findings)) checkEquation(model, rule, aux, findings);
    } else if (isHierarchy(rule)) {
      if (!compiled || !checkCompiledHierarchy(model, rule, compiled, units, findings)) checkHierarchy(model, rule, findings);
    } else {
      findings.push(...tableCheckFindings(model, rule, options.emptyNotes));
    }
  }
  findings.push(...uncheckedFindings(model, options.rules ?? RULES));
  return sortFindings(findings);
}

/** One instance per quantifier binding whose cells are all present. */
export function equationInstances(model: Model, rule: EquationRule, aux: AuxInputs): Instance[] {
  const instances: Instance[] = [];
  for (const bindings of expandQuantifier(model, rule.each)) {
    const left = resolveSide(model, rule.left, bindings, aux);
    const right = resolveSide(model, rule.right, bindings, aux);
    if (left === SKIP || right === SKIP) continue;
    instances.push({ rule, compare: rule.compare ?? 'eq', tolerance: rule.tolerance, left, right });
  }
  return instances;
}

/**
 * evaluate(instance) for each of equationInstances, in order. Most identities hold exactly: their
 * sides are summed in 0.01元 units as they are resolved, and operands and an Instance are made
 * only for those that do not.
 */
function checkEquation(model: Model, rule: EquationRule, aux: AuxInputs, findings: Finding[]): void {
  const compare = rule.compare ?? 'eq';
  const left = new UnitSum();
  const right = new UnitSum();
  for (const bindings of expandQuantifier(model, rule.each)) {
    if (!sideUnits(model, rule.left, bindings, aux, left) || !sideUnits(model, rule.right, bindings, aux, right)) continue;
    if (sumsHold(left, right, compare)) continue;
    const leftOperands = resolveSide(model, rule.left, bindings, aux) as Operand[];
    const rightOperands = resolveSide(model, rule.right, bindings, aux) as Operand[];
    const finding = evaluate({ rule, compare, tolerance: rule.tolerance, left: leftOperands, right: rightOperands });
    if (finding) findings.push(finding);
  }
}
