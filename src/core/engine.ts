// The engine's one door: grids in, model, findings and write plans out. Hosts call this; it knows no host.
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
import { deriveFill, fillPlan } from './derive';
import type { DeriveOptions, DeriveResult } from './derive';
import { narrate, narrativeLines, resolveSettings } from './narrative';
import type { NarrativeResult, NarrativeSettings } from './narrative';
import { cellKey, clearHighlightsPlan, highlightPlan, NARRATIVE_TITLE, narrativeSheetPlan, supplementSheetPlan, undoPlan } from './plan';
import type { Journal, MarkerAction, WritePlan } from './plan';

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
  const { model, supplement } = checkWorkbook(grids);
  const narrative = narrate(model, supplement, resolveSettings(settings));
  const paragraphs = narrativeLines(narrative);
  const plan = narrativeSheetPlan(paragraphs, findNarrativeGrid(grids), journal);
  const findings = sortFindings([...model.findings, ...(supplement?.findings ?? []), ...narrative.findings]);
  return { model, supplement, narrative, paragraphs, plan, findings };
}

/** 核对说明文字: the narrative sheet's numbers and wording against the tables (sheet undefined: there is none). */
export interface TextcheckAction {
  model: Model;
  sheet?: string;
  findings: Finding[];
}

export function textcheckAction(grids: Grid[]): TextcheckAction {
  const { model, supplement } = checkWorkbook(grids, { narrative: [] });
  const grid = findNarrativeGrid(grids);
  if (!grid) return { model, findings: [] };
  return { model, sheet: grid.sheet, findings: sortFindings(checkText(paragraphsFromGrid(grid), model, supplement)) };
}

/**
 * The paragraphs of the narrative sheet as the workbook holds them now (the pane's preview), its
 * title row left out: counted as 生成说明 counts the paragraphs it writes.
 */
export function narrativeText(grids: Grid[]): { sheet: string; paragraphs: string[] } | undefined {
  const grid = findNarrativeGrid(grids);
  if (!grid) return undefined;
  const texts = paragraphsFromGrid(grid).map((p) => p.text);
  return { sheet: grid.sheet, paragraphs: texts[0]?.trim() === NARRATIVE_TITLE ? texts.slice(1) : texts };
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
