// The engine's front door: grids in, model and findings out. Hosts call this; it knows no host.
import type { Grid } from './grid';
import type { Finding } from './finding';
import { sortFindings } from './finding';
import type { Model } from './model';
import { readWorkbook } from './read';
import { checkIdentities } from './rules';
import { findSupplementGrid, readSupplement } from './supplement';
import type { Supplement } from './supplement';
import { checkScorecards } from './scorecard';

export interface CheckResult {
  model: Model;
  profile: string;
  supplement?: Supplement;
  findings: Finding[];
}

export interface CheckOptions {
  profile?: 'sichuan14' | 'mof9';
}

export function checkWorkbook(grids: Grid[], options: CheckOptions = {}): CheckResult {
  const model = readWorkbook(grids, { profile: options.profile });
  const supplementGrid = findSupplementGrid(grids);
  const supplement = supplementGrid ? readSupplement(supplementGrid) : undefined;
  const aux = auxFromSupplement(supplement);
  const identityFindings = checkIdentities(model, { aux });
  const scorecards = checkScorecards(grids, { model });
  const findings = sortFindings([
    ...model.findings,
    ...(supplement?.findings ?? []),
    ...identityFindings,
    ...scorecards.findings,
  ]);
  return { model, profile: model.profile, supplement, findings };
}

function auxFromSupplement(supplement: Supplement | undefined) {
  const row = supplement?.get('机关运行经费');
  const amount = row?.本年数;
  return amount ? { 机关运行经费: amount } : undefined;
}
