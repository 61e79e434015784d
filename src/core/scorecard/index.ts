// Scorecards (绩效自评计分表) and 绩效目标完成情况表: read them from the grids, then run SC-1…SC-11 and
// CT-1…CT-7 (domain.md §5). Rules and constants come from ScoreSettings (see settings.ts, rules.ts).
import type { Grid } from '../grid';
import type { Finding } from '../finding';
import { sortFindings } from '../finding';
import { checkCompletion } from './check-completion';
import { checkDerivedScore, checkFormulas } from './check-evidence';
import { checkBoundedEvidence, checkBoundedRows, checkNotApplicableRows } from './check-rates';
import { checkReport } from './check-report';
import { checkSatisfaction } from './check-satisfaction';
import { checkFunds } from './check-selfeval';
import { checkGrade, checkGradeSpelling, checkScoreRange, checkTemplate, checkTotal } from './check-template';
import { checkCompletionTies, checkExecutionToModel, checkModelTies } from './check-ties';
import { readEvidence } from './evidence';
import { readCompletion } from './read-completion';
import { reportParagraphs } from './report-sheets';
import { headerColumns, readScorecard } from './read-scorecard';
import { resolveSettings } from './settings';
import type { Block } from './sheet';
import { candidateRows, findBlocks } from './sheet';
import { norm } from './text';
import type { CompletionTable, Scorecard, ScorecardOptions, ScoreSettings } from './types';

export type {
  CompletionTable,
  ExecutionRow,
  Indicator,
  RuleKind,
  RuleSpec,
  RuleTies,
  ScoreRule,
  Scorecard,
  ScorecardKind,
  ScorecardOptions,
  ScoreSettings,
  StepMode,
  StructureRow,
  TieTarget,
  GradeBand,
  ScoreBand,
  PerformanceRow,
  EvidenceKeyword,
} from './types';
export { DEFAULT_SCORE_SETTINGS, resolveSettings } from './settings';
export { DEPARTMENT_RULES, PROJECT_RULES } from './rules';
export { band, canonicalGrade, deriveScore, steps } from './scoring';
export type { Derivation, RateInput } from './scoring';
export { findFormulas } from './expr';

export interface ScorecardResult {
  scorecards: Scorecard[];
  /** every 绩效目标完成情况表 found, linked or not */
  completionTables: CompletionTable[];
  findings: Finding[];
}

/** Title blocks, plus scorecard header rows that stand without a title. */
function blocksOf(grid: Grid): Block[] {
  const rows = candidateRows(grid);
  if (rows.titles.length === 0 && rows.headers.length === 0) return [];
  const titled = findBlocks(grid, rows.titles);
  const out: Block[] = [...titled];
  const covered = (r: number) => out.some((b) => b.kind === 'scorecard' && r >= b.titleRow && r <= b.endRow);
  for (const r of rows.headers) {
    if (covered(r) || !headerColumns(grid, r)) continue;
    const next = titled.find((b) => b.titleRow > r);
    out.push({ kind: 'scorecard', grid, title: '', titleRow: r, titleCol: 0, endRow: (next?.titleRow ?? grid.cells.length) - 1 });
  }
  return out.sort((a, b) => a.titleRow - b.titleRow);
}

const projectKey = (name: string | undefined) => norm(name ?? '').replace(/项目$/, '');

function sameProject(a: string | undefined, b: string | undefined): boolean {
  const x = projectKey(a);
  const y = projectKey(b);
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

/** Attach each 完成情况表 to its scorecard: by project name, else the nearest earlier one of its kind. */
function link(items: (Scorecard | CompletionTable)[]): void {
  const cards = items.filter((i): i is Scorecard => 'indicators' in i);
  items.forEach((item, index) => {
    if ('indicators' in item) return;
    const free = cards.filter((c) => !c.completion && c.kind === item.kind);
    const byName = item.kind === 'project' ? free.find((c) => sameProject(c.projectName, item.projectName)) : undefined;
    const earlier = items
      .slice(0, index)
      .reverse()
      .find((i): i is Scorecard => 'indicators' in i && free.includes(i));
    const match = byName ?? earlier ?? (item.kind === 'department' ? free[0] : undefined);
    if (match) {
      match.completion = item;
      if (!match.projectName && item.projectName) match.projectName = item.projectName;
    }
  });
}

function checkOne(sc: Scorecard, options: ScorecardOptions, s: ScoreSettings): Finding[] {
  const out = [
    ...checkScoreRange(sc),
    ...checkTemplate(sc, s),
    ...checkTotal(sc),
    ...checkGrade(sc, s),
    ...checkSatisfaction(sc, s),
    ...checkFunds(sc),
  ];
  for (const ind of sc.indicators) {
    const ev = readEvidence(ind.evidence);
    out.push(
      ...checkFormulas(sc, ind, ev),
      ...checkDerivedScore(sc, ind, ev, s),
      ...checkModelTies(sc, ind, ev, options.model, s),
      ...checkCompletionTies(sc, ind, ev, s),
      ...checkBoundedEvidence(sc, ind, ev, s),
    );
  }
  return out;
}

/** 自评报告 paragraphs held in the workbook's sheets, less those the caller already passes. */
function reportSheetText(grids: Grid[], given: string[] | undefined) {
  const seen = new Set((given ?? []).map(norm));
  return reportParagraphs(grids).filter((p) => !seen.has(norm(p.text)));
}

export function checkScorecards(grids: Grid[], options: ScorecardOptions = {}): ScorecardResult {
  const s = resolveSettings(options.settings);
  const items: (Scorecard | CompletionTable)[] = [];
  for (const grid of grids) {
    for (const block of blocksOf(grid)) {
      if (block.kind === 'completion') items.push(readCompletion(block));
      else {
        const sc = readScorecard(block, s);
        if (sc) items.push(sc);
      }
    }
  }
  if (items.length === 0) return { scorecards: [], completionTables: [], findings: [] };
  // the national 自评表 is its own 完成情况表: linked already, never to another scorecard
  const own = items.flatMap((i) => ('indicators' in i && i.completion ? [i.completion] : []));
  link(items);
  const scorecards = items.filter((i): i is Scorecard => 'indicators' in i);
  const completionTables = [...items.filter((i): i is CompletionTable => !('indicators' in i)), ...own];
  const findings = [
    ...scorecards.flatMap((sc) => checkOne(sc, options, s)),
    ...checkGradeSpelling(scorecards, s),
    ...checkReport(options.reportText, scorecards, s),
    ...(scorecards.length > 0 ? checkReport(reportSheetText(grids, options.reportText), scorecards, s) : []),
    ...completionTables.flatMap((t) => [
      ...checkCompletion(t),
      ...checkExecutionToModel(t, options.model),
      ...checkNotApplicableRows(t),
      ...checkBoundedRows(t, s),
    ]),
  ];
  return { scorecards, completionTables, findings: sortFindings(findings) };
}
