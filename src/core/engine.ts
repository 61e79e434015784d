// The engine's one door: grids in, model, findings and write plans out. Hosts call this; it knows no host.
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
import { narrate, narrativeLines, settingsForTemplate } from './narrative';
import { uncheckedFamilies, type UncheckedFamily } from './unchecked';
import type { NarrativeResult, NarrativeSettings } from './narrative';
import { deriveFill, fillPlan } from './derive';
import type { DeriveOptions, DeriveResult } from './derive';
import { cellKey, clearHighlightsPlan, highlightPlan, NARRATIVE_TITLE, narrativeSheetPlan, supplementSheetPlan, undoPlan } from './plan';
import type { Journal, MarkerAction, WritePlan } from './plan';

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
  const rules = [...RULES.filter((r) => !template.rules.exclude.includes(r.id)), ...(template.rules.add ?? [])];
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
    ...(narrative.length > 0
      ? pendingInText(checkText(narrative, model, supplement, template), model, supplement, template, options.settings)
      : []),
  ]);
  const unchecked = uncheckedFamilies({ model, supplement, findings, hasNarrative: narrative.length > 0 });
  return {
    model,
    profile: model.profile,
    template,
    supplement,
    findings,
    unchecked,
    ...(nothing?.notJuesuan ? { notJuesuan: nothing.notJuesuan } : {}),
  };
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

// ---- the actions ------------------------------------------------------------------------------
// Every action a host offers (task pane, WPS, command line) is one function here: grids (and the
// journal, settings) in, findings and the WritePlan to apply out. No host, no I/O: src/app/runner
// applies the plans and keeps what the pane shows in step with the workbook.

/** 检查: every finding of the workbook (identities, scorecards, the narrative text once) and the marks for them. */
export interface CheckAction extends CheckResult {
  plan: WritePlan;
  /** Cells the marks colour (one count, shown by 检查 and restored by 清除标记). */
  marked: number;
}

export function checkAction(grids: Grid[], options: CheckOptions = {}): CheckAction {
  const result = checkWorkbook(grids, options);
  const plan = highlightPlan(result.findings);
  return { ...result, plan, marked: markedCells(plan) };
}

/** Distinct cells a highlight plan colours. */
export function markedCells(plan: WritePlan): number {
  return new Set(plan.ops.filter((op) => op.kind === 'fill').map((op) => cellKey(op.sheet, op.address))).size;
}

/** 生成说明: the 第二部分 text, the plan that writes it into the 说明 sheet, what it still needs. */
export interface NarrateAction {
  model: Model;
  supplement?: Supplement;
  narrative: NarrativeResult;
  /** The paragraphs written, headings included, one per cell of column A. */
  paragraphs: string[];
  plan: WritePlan;
  /** Model and 补充信息 findings, then what the text needs (NEED …). */
  findings: Finding[];
}

export function narrateAction(grids: Grid[], journal: Journal, settings: Partial<NarrativeSettings> = {}): NarrateAction {
  const { model, supplement, template } = checkWorkbook(grids, { profile: settings.template, settings });
  const narrative = narrate(model, supplement, settingsForTemplate(template, settings), template);
  const paragraphs = narrativeLines(narrative);
  const plan = narrativeSheetPlan(paragraphs, findNarrativeGrid(grids), journal, { year: narrative.year });
  const findings = sortFindings([...model.findings, ...(supplement?.findings ?? []), ...narrative.findings]);
  return { model, supplement, narrative, paragraphs, plan, findings };
}

/** 核对说明文字: the narrative sheet's numbers and wording against the tables (sheet undefined: there is none). */
export interface TextcheckAction {
  model: Model;
  sheet?: string;
  findings: Finding[];
}

export function textcheckAction(grids: Grid[], settings: Partial<NarrativeSettings> = {}): TextcheckAction {
  const grid = findNarrativeGrid(grids);
  const paragraphs = grid ? paragraphsFromGrid(grid) : [];
  // the text's own headings help detect the template; its findings are computed once, below
  const { model, supplement, template } = checkWorkbook(grids, {
    narrative: [],
    profile: settings.template ?? detectedTemplate(grids, paragraphs),
  });
  if (!grid) return { model, findings: [] };
  const found = checkText(paragraphs, model, supplement, template);
  return { model, sheet: grid.sheet, findings: sortFindings(pendingInText(found, model, supplement, template, settings)) };
}

function detectedTemplate(grids: Grid[], paragraphs: TextParagraph[]): string {
  return readWorkbook(grids, { text: paragraphs.map((p) => p.text) }).profile;
}

/**
 * The paragraphs of the narrative sheet as the workbook holds them now (the pane's preview), its
 * title row left out: counted as 生成说明 counts the paragraphs it writes.
 */
export function narrativeText(grids: Grid[]): { sheet: string; paragraphs: string[] } | undefined {
  const grid = findNarrativeGrid(grids);
  if (!grid) return undefined;
  const texts = paragraphsFromGrid(grid).map((p) => p.text);
  const title = texts[0]?.trim() ?? '';
  const isTitle = title === NARRATIVE_TITLE || /^第[一二三四五]部分\s*\S*年度部门决算情况说明$/.test(title);
  return { sheet: grid.sheet, paragraphs: isTitle ? texts.slice(1) : texts };
}

/** 填表: every derivable cell (nothing written) and the plan 确认填写 applies. */
export function fillAction(grids: Grid[], options: DeriveOptions): { result: DeriveResult; plan: WritePlan } {
  const result = deriveFill(grids, options);
  return { result, plan: fillPlan(result) };
}

/** 插入补充信息表: an empty 补充信息 sheet, or an empty plan when there is one. */
export function supplementAction(grids: Grid[]): WritePlan {
  return supplementSheetPlan(grids);
}

/**
 * 清除标记 as an action of its own: the fills and notes the cells had before any mark, journaled
 * (not a revert), so 撤销 right after puts the marks back. Empty when nothing was ever marked.
 */
export function clearAction(journal: Journal): WritePlan {
  return { marker: { action: 'clear' }, ops: clearHighlightsPlan(journal).ops };
}

/** What 撤销 would take back: the journal's last action (undefined: nothing). */
export function undoableAction(journal: Journal): MarkerAction | undefined {
  return journal.entries[journal.entries.length - 1]?.action;
}

/** 撤销: the plan that puts back what the last action wrote (what a host runs before dropping the entry). */
export function undoAction(journal: Journal): WritePlan | undefined {
  const entry = journal.entries[journal.entries.length - 1];
  return entry ? undoPlan(entry) : undefined;
}
