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
import { narrate } from './narrative';
import { uncheckedFamilies, type UncheckedFamily } from './unchecked';
import type { NarrativeSettings } from './narrative';

export interface CheckResult {
  model: Model;
  profile: string;
  supplement?: Supplement;
  findings: Finding[];
  /** Rule families that could not run, and why (never counted as passed). */
  unchecked: UncheckedFamily[];
}

export interface CheckOptions {
  profile?: 'sichuan14' | 'mof9';
  /** Narrative text from outside the workbook (e.g. `check --text FILE`); else the workbook's narrative sheet. */
  narrative?: TextParagraph[];
  /** Narrative settings (what the workbook remembers): the 待补充 list is the one `narrate` would give. */
  settings?: Partial<NarrativeSettings>;
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
    ...(narrative.length > 0 ? pendingInText(checkText(narrative, model, supplement), model, supplement, options.settings) : []),
  ]);
  const unchecked = uncheckedFamilies({ model, supplement, findings, hasNarrative: narrative.length > 0 });
  return { model, profile: model.profile, supplement, findings, unchecked };
}

function narrativeOf(grids: Grid[]): TextParagraph[] {
  const grid = findNarrativeGrid(grids);
  return grid ? paragraphsFromGrid(grid) : [];
}

function auxFromSupplement(supplement: Supplement | undefined) {
  const amount = supplement?.get('机关运行经费')?.本年数;
  return amount ? { 机关运行经费: amount } : undefined;
}

/**
 * The 【请填写…】 juesuan wrote are not errors of the text while their input is still missing: they
 * become the 待补充 list (NEED, by 补充信息 row), the same list `narrate` and `fill` report. When
 * nothing is missing any more, a placeholder left in the text is an error (regenerate the text).
 */
function pendingInText(findings: Finding[], model: Model, supplement: Supplement | undefined, settings?: Partial<NarrativeSettings>): Finding[] {
  if (!findings.some((f) => f.rule === 'TXT-PLACEHOLDER')) return findings;
  const needs = narrate(model, supplement, settings).findings.filter((f) => f.rule === 'NEED');
  if (needs.length === 0) return findings;
  return [...findings.filter((f) => f.rule !== 'TXT-PLACEHOLDER'), ...needs];
}
