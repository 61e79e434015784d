// The engine's front door: grids in, model and findings out. Hosts call this; it knows no host.
import type { Grid } from './grid';
import type { Finding } from './finding';
import { sortFindings } from './finding';
import type { Model } from './model';
import { readWorkbook } from './read';
import { checkIdentities, RULES } from './rules';
import { findSupplementGrid, readSupplement } from './supplement';
import type { Supplement } from './supplement';
import { checkScorecards } from './scorecard';
import { checkText, findNarrativeGrid, paragraphsFromGrid } from './textcheck';
import type { TextParagraph } from './textcheck';
import { getTemplate } from './templates';
import type { Template } from './templates';
import { leftoverInstructionFindings } from './templates/leftovers';
import { nothingRecognised } from './read/nothing';
import { narrate, settingsForTemplate } from './narrative';
import { uncheckedFamilies, type UncheckedFamily } from './unchecked';
import type { NarrativeSettings } from './narrative';

export interface CheckResult {
  model: Model;
  /** The template's id (kept under its old name). */
  profile: string;
  /** The template the workbook was read with: detected, or the one asked for. */
  template: Template;
  supplement?: Supplement;
  findings: Finding[];
  /**
   * Set when the file is not a 决算 workbook at all (nothing recognised, no trace of a 决算): why,
   * in one sentence (the command line exits 2 with it). The findings then hold it as an error.
   */
  notJuesuan?: string;
  /** Rule families that could not run, and why (never counted as passed). */
  unchecked: UncheckedFamily[];
}

export interface CheckOptions {
  /** A template id (sichuan14, mof9, shanghai9 …); detected from the tables and the text when absent. */
  profile?: string;
  /** Narrative text from outside the workbook (e.g. `check --text FILE`); else the workbook's narrative sheet. */
  narrative?: TextParagraph[];
  /** Narrative settings (what the workbook remembers): the 待补充 list is the one `narrate` would give. */
  settings?: Partial<NarrativeSettings>;
}

export function checkWorkbook(grids: Grid[], options: CheckOptions = {}): CheckResult {
  const narrative = options.narrative ?? narrativeOf(grids);
  const model = readWorkbook(grids, { profile: options.profile, text: narrative.map((p) => p.text) });
  const template = getTemplate(model.profile);
  const supplementGrid = findSupplementGrid(grids);
  const supplement = supplementGrid ? readSupplement(supplementGrid) : undefined;
  const rules = RULES.filter((r) => !template.rules.exclude.includes(r.id));
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
    ...checkIdentities(model, { aux: auxFromSupplement(supplement), rules, emptyNotes: template.emptyNotes }),
    ...leftoverInstructionFindings(grids, model, template),
    ...scorecards.findings,
    ...(narrative.length > 0 ? pendingInText(checkText(narrative, model, supplement, template), model, supplement, template, options.settings) : []),
  ]);
  const unchecked = uncheckedFamilies({ model, supplement, findings, hasNarrative: narrative.length > 0 });
  return { model, profile: model.profile, template, supplement, findings, unchecked, ...(nothing?.notJuesuan ? { notJuesuan: nothing.notJuesuan } : {}) };
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
function pendingInText(
  findings: Finding[],
  model: Model,
  supplement: Supplement | undefined,
  template: Template,
  settings?: Partial<NarrativeSettings>,
): Finding[] {
  if (!findings.some((f) => f.rule === 'TXT-PLACEHOLDER')) return findings;
  const needs = narrate(model, supplement, settingsForTemplate(template, settings), template).findings.filter((f) => f.rule === 'NEED');
  if (needs.length === 0) return findings;
  return [...findings.filter((f) => f.rule !== 'TXT-PLACEHOLDER'), ...needs];
}
