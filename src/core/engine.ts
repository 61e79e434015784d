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
import { nothingRecognised } from './read/nothing';

export interface CheckResult {
  model: Model;
  profile: string;
  supplement?: Supplement;
  findings: Finding[];
  /**
   * Set when the file is not a 决算 workbook at all (nothing recognised, no trace of a 决算): why,
   * in one sentence (the command line exits 2 with it). The findings then hold it as an error.
   */
  notJuesuan?: string;
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
  const scorecards = checkScorecards(grids, { model, reportText: narrative.map((p) => p.text) });
  const nothing = nothingRecognised(grids, {
    tables: Object.keys(model.tables).length,
    scorecards: scorecards.scorecards.length + scorecards.completionTables.length,
    juesuanSheets: supplementGrid !== undefined || findNarrativeGrid(grids) !== undefined,
  });
  const findings = sortFindings([
    ...(nothing ? [nothing.finding] : []),
    ...model.findings,
    ...(supplement?.findings ?? []),
    ...checkIdentities(model, { aux: auxFromSupplement(supplement) }),
    ...scorecards.findings,
    ...(narrative.length > 0 ? checkText(narrative, model, supplement) : []),
  ]);
  return { model, profile: model.profile, supplement, findings, ...(nothing?.notJuesuan ? { notJuesuan: nothing.notJuesuan } : {}) };
}

function narrativeOf(grids: Grid[]): TextParagraph[] {
  const grid = findNarrativeGrid(grids);
  return grid ? paragraphsFromGrid(grid) : [];
}

function auxFromSupplement(supplement: Supplement | undefined) {
  const amount = supplement?.get('机关运行经费')?.本年数;
  return amount ? { 机关运行经费: amount } : undefined;
}
