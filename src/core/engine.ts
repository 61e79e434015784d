// The engine's one door: grids in, model, findings and write plans out. Hosts call this; it knows no host.
import type { Grid } from './grid';
import type { Finding } from './finding';
import { sortFindings } from './finding';
import type { Model } from './model';
import { readWorkbook } from './read';
import { checkIdentities, RULES, type Rule } from './rules';
import { checkCodeNames, codeNamesUnchecked } from './codes/check';
import { workbookYear } from './codes/year';
import { findSupplementGrid, readSupplement } from './supplement';
import type { Supplement } from './supplement';
import { checkScorecards } from './scorecard';
import { foldSameCause } from './same-cause';
import { checkText, findNarrativeGrid, paragraphsFromGrid } from './textcheck';
import type { TextParagraph } from './textcheck';
import { getTemplate } from './templates';
import type { Template } from './templates';
import { leftoverInstructionFindings } from './templates/leftovers';
import { nothingRecognised } from './read/nothing';
import { isRoundingNote } from './notes';
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
  const narrativeGrid = findNarrativeGrid(grids);
  const narrative = options.narrative ?? (narrativeGrid ? paragraphsFromGrid(narrativeGrid) : []);
  const model = readWorkbook(grids, { profile: options.profile, text: narrative.map((p) => p.text) });
  const template = getTemplate(model.profile);
  const supplementGrid = findSupplementGrid(grids);
  const supplement = supplementGrid ? readSupplement(supplementGrid) : undefined;
  const rules = rulesOf(template);
  const scorecards = checkScorecards(grids, { model, reportText: narrative.map((p) => p.text) });
  const nothing = nothingRecognised(grids, {
    tables: Object.keys(model.tables).length,
    scorecards: scorecards.scorecards.length + scorecards.completionTables.length,
    juesuanSheets: supplementGrid !== undefined || narrativeGrid !== undefined,
  });
  const year = workbookYear({ grids, model, supplement, texts: narrative.map((p) => p.text) });
  const findings = sortFindings(
    foldSameCause([
      ...(nothing ? [nothing.finding] : []),
      ...model.findings,
      ...(supplement?.findings ?? []),
      ...checkIdentities(model, { aux: auxFromSupplement(supplement), rules, emptyNotes: template.emptyNotes }),
      ...checkCodeNames(model, grids, year),
      ...leftoverInstructionFindings(grids, model, template),
      ...scorecards.findings,
      ...(narrative.length > 0
        ? pendingInText(checkText(narrative, model, supplement, template, { year }), model, supplement, template, options.settings)
        : []),
    ]),
  );
  const unchecked = [
    ...uncheckedFamilies({ model, supplement, findings, hasNarrative: narrative.length > 0 }),
    ...codeNamesUnchecked(model, year),
  ];
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

/** The template's identities (RULES less its exclusions, plus its own), listed once per template. */
function rulesOf(template: Template): readonly Rule[] {
  let rules = rulesByTemplate.get(template);
  if (!rules) {
    rules = [...RULES.filter((r) => !template.rules.exclude.includes(r.id)), ...(template.rules.add ?? [])];
    rulesByTemplate.set(template, rules);
  }
  return rules;
}

const rulesByTemplate = new WeakMap<Template, readonly Rule[]>();

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

/** Which findings 检查 marks (default: every finding, rounding notes included; nothing else). */
export interface MarkOptions {
  /** Also paint the cells of 取整差额 notes (default true; the command line's fill: only with --mark-notes). */
  notes?: boolean;
  /** The findings of the 生成说明 just run: those 检查 does not repeat are marked too. */
  narrated?: Finding[];
}

export function checkAction(grids: Grid[], options: CheckOptions & { marks?: MarkOptions } = {}): CheckAction {
  const result = checkWorkbook(grids, options);
  const plan = highlightPlan(findingsToMark(result.findings, options.marks ?? {}));
  return { ...result, plan, marked: markedCells(plan) };
}

/**
 * The findings 检查 paints: its own, plus the narrative's it does not repeat (the narrative's NEED
 * list is the check's; its SHARE adjustments are the check's TXT-SHARE). Rounding notes unless
 * `notes` is false.
 */
function findingsToMark(checked: Finding[], { notes = true, narrated = [] }: MarkOptions): Finding[] {
  const reported = new Set(checked.map((f) => `${f.rule}|${f.message}`));
  const sharesChecked = checked.some((f) => f.rule === 'TXT-SHARE');
  const extra = narrated.filter((f) => !reported.has(`${f.rule}|${f.message}`) && !(f.rule === 'SHARE' && sharesChecked));
  const all = extra.length > 0 ? sortFindings([...checked, ...extra]) : checked;
  return notes ? all : all.filter((f) => !isRoundingNote(f));
}

/** Distinct cells a highlight plan colours. */
export function markedCells(plan: WritePlan): number {
  return new Set(plan.ops.filter((op) => op.kind === 'fill').map((op) => cellKey(op.sheet, op.address))).size;
}

/** 生成说明: the 第二部分 text, the plan that writes it into the 说明 sheet, what it still needs. */
export interface NarrateAction {
  model: Model;
  /** The template the text follows: the one asked for, or detected. */
  template: Template;
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
  return { model, template, supplement, narrative, paragraphs, plan, findings };
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

/**
 * The template a workbook follows before any action ran: the one its settings name, else detected
 * from its tables and the 说明 sheet's headings (what the pane's 设置 shows its number formats for).
 */
export function templateOfWorkbook(grids: Grid[], settings: Partial<NarrativeSettings> = {}): Template {
  if (settings.template) return getTemplate(settings.template);
  const grid = findNarrativeGrid(grids);
  return getTemplate(detectedTemplate(grids, grid ? paragraphsFromGrid(grid) : []));
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
export function supplementAction(grids: Grid[], settings: Partial<NarrativeSettings> = {}): WritePlan {
  return supplementSheetPlan(grids, templateOfWorkbook(grids, settings).id);
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
