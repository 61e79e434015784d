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
import { checkText, findNarrativeGrid, paragraphsFromGrid } from './textcheck';
import type { TextParagraph } from './textcheck';

export interface CheckResult {
  model: Model;
  profile: string;
  supplement?: Supplement;
  findings: Finding[];
}

export interface CheckOptions {
  profile?: 'sichuan14' | 'mof9';
  /** Narrative text from outside the workbook (e.g. `check --text FILE`); else the workbook's narrative sheet. */
  narrative?: TextParagraph[];
}

export function checkWorkbook(grids: Grid[], options: CheckOptions = {}): CheckResult {
  const model = readWorkbook(grids, { profile: options.profile });
  const supplementGrid = findSupplementGrid(grids);
  const supplement = supplementGrid ? readSupplement(supplementGrid) : undefined;
  const narrative = options.narrative ?? narrativeOf(grids);
  const findings = sortFindings([
    ...model.findings,
    ...(supplement?.findings ?? []),
    ...checkIdentities(model, { aux: auxFromSupplement(supplement) }),
    ...checkScorecards(grids, { model, reportText: narrative.map((p) => p.text) }).findings,
    ...(narrative.length > 0 ? checkText(narrative, model, supplement) : []),
  ]);
  return { model, profile: model.profile, supplement, findings };
}

function narrativeOf(grids: Grid[]): TextParagraph[] {
  const grid = findNarrativeGrid(grids);
  return grid ? paragraphsFromGrid(grid) : [];
}

function auxFromSupplement(supplement: Supplement | undefined) {
  const amount = supplement?.get('机关运行经费')?.本年数;
  return amount ? { 机关运行经费: amount } : undefined;
}
