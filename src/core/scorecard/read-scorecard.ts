// Reads a 绩效自评计分表 block of a Grid: title, header line (名称 / 编码 / 自评等级), the column
// header, the indicator rows with their 一级/二级 groups (merged or carried down), and the 合计 row.
// Two layouts, told apart by their headers: Sichuan's 计分表 (指标说明 | 自评分数 | 自评依据) and the
// national 项目支出绩效自评表 (年度指标值 | 实际完成值 | 分值 | 得分, read-selfeval.ts).
import { Decimal } from '../money';
import type { Grid } from '../grid';
import { cellAt, colCount } from '../grid';
import type { CellRef } from '../finding';
import type { Block } from './sheet';
import { anchorOf, nextFilled, normAt, ref, shownAt, textAt } from './sheet';
import { cellDecimal, norm, parsePointsLabel, rawText } from './text';
import type { Indicator, LabelledGroup, PerformanceRow, ScoreRule, Scorecard, ScorecardKind, ScoreSettings } from './types';
import { fundsIndicator, isSelfEvaluation, notesBelow, readFunds, ruleNoteFor, selfEvaluationTable } from './read-selfeval';

type Column = 'level1' | 'level2' | 'level3' | 'explanation' | 'criteria' | 'score' | 'evidence' | 'points' | 'target' | 'result';

/** Header texts (normalised) → column; the first pattern that matches a cell wins. */
const HEADER_PATTERNS: [Column, RegExp][] = [
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['level3', /^三级指标$/],
  ['explanation', /^指标解释$/],
  ['criteria', /^(?:指标说明|评价计分标准|计分标准|评分标准)/],
  ['score', /^(?:自评分数|自评得分|自评分值|得分|分数)$/],
  ['evidence', /^(?:自评依据|依据及说明|评分依据|自评说明|偏差原因分析|未完成原因分析)/],
  // the national 项目支出绩效自评表 (财预〔2020〕10号 附件): each row prints its points, target and result
  ['points', /^(?:分值|权重)$/],
  ['target', /^(?:年度指标值|指标值)$/],
  ['result', /^(?:实际完成值|完成值)$/],
];

export type ScorecardColumns = Partial<Record<Column, number>>;

export function headerColumns(grid: Grid, row: number): ScorecardColumns | undefined {
  const cols: ScorecardColumns = {};
  const n = colCount(grid);
  // A header names a 三级指标 column: most rows of most sheets are rejected on that alone.
  let hasLevel3 = false;
  for (let c = 0; c < n && !hasLevel3; c++) {
    const v = cellAt(grid, row, c); // norm keeps every 三: a cell without one is not 三级指标
    hasLevel3 = typeof v === 'string' && v.includes('三') && normAt(grid, row, c) === '三级指标';
  }
  if (!hasLevel3) return undefined;
  for (let c = 0; c < n; c++) {
    const t = normAt(grid, row, c);
    const hit = HEADER_PATTERNS.find(([key, re]) => cols[key] === undefined && re.test(t));
    if (hit) cols[hit[0]] = c;
  }
  return cols.level3 !== undefined && cols.score !== undefined ? cols : undefined;
}

/** Labels that begin a 完成情况表 block: an untitled table under a scorecard ends the scorecard. */
const OTHER_TABLE = /^(?:预算执行情况|预算结构|财政拨款结构|年度总体目标|年度绩效指标)$/;

function startsOtherTable(grid: Grid, row: number): boolean {
  const n = colCount(grid);
  for (let c = 0; c < n; c++) if (OTHER_TABLE.test(normAt(grid, row, c))) return true;
  return false;
}

const TOTAL_LABEL = /^(?:合计|总计|合计得分|总分|总得分|得分合计)$/;

function totalRow(grid: Grid, row: number, cols: ScorecardColumns): boolean {
  const upTo = Math.max(cols.level3 ?? 0, cols.level1 ?? 0);
  for (let c = 0; c <= upTo; c++) {
    if (TOTAL_LABEL.test(norm(rawText(shownAt(grid, row, c))))) return true;
  }
  return false;
}

interface Meta {
  unitName?: string;
  unitCode?: string;
  grade?: { text: string; cell: CellRef };
  projectName?: string;
}

const NAME = /(?:部门（单位）名称|部门名称|单位名称|预算单位名称|实施单位(?:（盖章）)?)[:：]?/;
const CODE = /预算单位编码[:：]?/;
const GRADE = /自评等级[:：]?/;
const PROJECT = /^项目名称[:：]?/;
const LABELS = [NAME, CODE, GRADE, PROJECT];
/** “（2022年度）” under a title is the year, not a project name. */
const YEAR = /^（\s*\d{4}\s*年度?\s*）$/;

/** Text after a label up to the next label, in the same cell or the next filled cell of the row. */
function labelled(grid: Grid, fromRow: number, toRow: number, label: RegExp): { text: string; cell: CellRef } | undefined {
  for (let r = fromRow; r <= toRow; r++) {
    const n = colCount(grid);
    for (let c = 0; c < n; c++) {
      const t = norm(textAt(grid, r, c));
      const m = label.exec(t);
      if (!m) continue;
      let rest = t.slice(m.index + m[0].length);
      for (const other of LABELS) {
        const o = other.exec(rest);
        if (o) rest = rest.slice(0, o.index);
      }
      if (rest !== '') return { text: rest, cell: ref(grid, r, c) };
      const next = nextFilled(grid, r, c);
      const nextText = next === undefined ? '' : norm(textAt(grid, r, next));
      if (next !== undefined && !LABELS.some((l) => l.test(nextText))) return { text: nextText, cell: ref(grid, r, next) };
      return { text: '', cell: ref(grid, r, c + 1) };
    }
  }
  return undefined;
}

function readMeta(grid: Grid, fromRow: number, toRow: number): Meta {
  const meta: Meta = {};
  for (let r = fromRow; r <= toRow; r++) {
    const n = colCount(grid);
    for (let c = 0; c < n; c++) {
      const t = norm(textAt(grid, r, c));
      if (/^（.+）$/.test(t) && !YEAR.test(t) && !LABELS.some((l) => l.test(t))) meta.projectName ??= t.slice(1, -1);
    }
  }
  const project = labelled(grid, fromRow, toRow, PROJECT)?.text;
  if (project) meta.projectName = project;
  meta.unitName = labelled(grid, fromRow, toRow, NAME)?.text || undefined;
  meta.unitCode = labelled(grid, fromRow, toRow, CODE)?.text || undefined;
  meta.grade = labelled(grid, fromRow, toRow, GRADE);
  return meta;
}

/** Find the rule of an indicator: by name (or alias), preferring the one under the same 二级. */
export function matchRule(rules: ScoreRule[], name: string, parent: string): ScoreRule | undefined {
  const hits = rules.filter((r) => norm(r.indicator) === name || (r.aliases ?? []).some((a) => norm(a) === name));
  return hits.find((r) => r.parent !== undefined && norm(r.parent) === parent) ?? hits[0];
}

function kindOf(title: string, names: string[], s: ScoreSettings): ScorecardKind {
  if (/部门整体|整体支出/.test(title)) return 'department';
  if (/项目/.test(title)) return 'project';
  const count = (rules: ScoreRule[]) => names.filter((n) => matchRule(rules, n, '')).length;
  return count(s.projectRules) > count(s.departmentRules) ? 'project' : 'department';
}

/** A group cell: the same group while the merge anchor (or carried value) is the same. */
function groupAt(grid: Grid, row: number, col: number | undefined, current: LabelledGroup | undefined): LabelledGroup | undefined {
  if (col === undefined) return current;
  const a = anchorOf(grid, row, col);
  const text = textAt(grid, a.row, a.col);
  if (norm(text) === '') return current;
  const cell = ref(grid, a.row, a.col);
  if (current && current.cell.address === cell.address && current.cell.sheet === cell.sheet) return current;
  const { name, max } = parsePointsLabel(text);
  return { name, max, cell };
}

export function readScorecard(block: Block, s: ScoreSettings): Scorecard | undefined {
  const { grid } = block;
  let headerRow = -1;
  let cols: ScorecardColumns | undefined;
  for (let r = block.titleRow; r <= block.endRow && !cols; r++) {
    cols = headerColumns(grid, r);
    if (cols) headerRow = r;
  }
  if (!cols || cols.level3 === undefined || cols.score === undefined) return undefined;
  const meta = readMeta(grid, block.titleRow + 1, headerRow - 1);

  const raw: Omit<Indicator, 'rule' | 'max'>[] = [];
  let level1: LabelledGroup | undefined;
  let level2: LabelledGroup | undefined;
  let total: Scorecard['total'];
  const fallback: LabelledGroup = { name: '', cell: ref(grid, headerRow, 0) };
  const selfEvaluation = isSelfEvaluation(cols);
  const performance: PerformanceRow[] = [];
  let lastRow = block.endRow;
  for (let r = headerRow + 1; r <= block.endRow; r++) {
    if (headerColumns(grid, r)) continue; // a header repeated after a page break
    if (startsOtherTable(grid, r)) break;
    if (totalRow(grid, r, cols)) {
      total = readTotal(grid, r, cols.score, !selfEvaluation);
      lastRow = r;
      break;
    }
    level1 = groupAt(grid, r, cols.level1, level1);
    level2 = groupAt(grid, r, cols.level2, level2);
    const label = textAt(grid, r, cols.level3);
    if (norm(label) === '') continue;
    const { name, max } = parsePointsLabel(label);
    const scoreValue = cellValue(grid, r, cols.score);
    const printedMax = cols.points === undefined ? undefined : (cellDecimal(cellValue(grid, r, cols.points)) ?? undefined);
    if (selfEvaluation) performance.push(selfEvaluationRow(grid, r, cols, level1?.name ?? '', level2?.name ?? '', label));
    raw.push({
      level1: level1 ?? fallback,
      level2: level2 ?? fallback,
      name,
      label: norm(label),
      labelCell: ref(grid, r, cols.level3),
      labelMax: max ?? printedMax,
      criteria: cols.criteria === undefined ? '' : rawText(shownAt(grid, r, cols.criteria)),
      criteriaCell: cols.criteria === undefined ? ref(grid, r, cols.level3) : anchorRef(grid, r, cols.criteria),
      score: cellDecimal(scoreValue),
      scoreText: rawText(scoreValue).trim(),
      scoreCell: ref(grid, r, cols.score),
      evidence: cols.evidence === undefined ? '' : textAt(grid, r, cols.evidence),
      evidenceCell: ref(grid, r, cols.evidence ?? cols.score),
    });
  }

  const funds = selfEvaluation ? readFunds(grid, block.titleRow + 1, headerRow - 1) : undefined;
  const fundsRow = funds ? fundsIndicator(funds) : undefined;
  if (fundsRow) raw.unshift(fundsRow);
  if (selfEvaluation && cols.criteria === undefined) {
    // no 指标说明 column: a scoring rule, if any, is printed in a note under the table
    const notes = notesBelow(grid, lastRow + 1, block.endRow);
    for (const i of raw) {
      const note = ruleNoteFor(notes, i.name);
      if (note) Object.assign(i, { criteria: note.text, criteriaCell: note.cell });
    }
  }
  const kind = kindOf(
    block.title,
    raw.map((i) => i.name),
    s,
  );
  const rules = kind === 'department' ? s.departmentRules : s.projectRules;
  const indicators: Indicator[] = raw.map((i) => {
    // the national 自评表 has no fixed indicator set: the rule list (Sichuan's 计分表) does not apply
    const rule = selfEvaluation ? undefined : matchRule(rules, i.name, i.level2.name);
    const max = i.labelMax ?? (rule ? new Decimal(rule.points) : undefined);
    return { ...i, rule, max };
  });
  const computedTotal = indicators.reduce((a, i) => a.add(i.score ?? 0), new Decimal(0));
  const card: Scorecard = {
    kind,
    sheet: grid.sheet,
    title: block.title,
    titleCell: ref(grid, block.titleRow, block.titleCol),
    projectName: meta.projectName,
    unitName: meta.unitName,
    unitCode: meta.unitCode,
    grade: meta.grade,
    indicators,
    total,
    computedTotal,
  };
  if (selfEvaluation) {
    card.label = `${block.title || '项目支出绩效自评表'}${meta.projectName ? `（${meta.projectName}）` : ''}`;
    card.funds = funds;
    card.completion = selfEvaluationTable(card, performance);
  }
  return card;
}

/** A row of the national 自评表 as a 年度绩效指标 row, with its own 分值 and 得分. */
function selfEvaluationRow(grid: Grid, r: number, cols: ScorecardColumns, level1: string, level2: string, label: string): PerformanceRow {
  const at = (c: number | undefined) => {
    const v = c === undefined ? null : cellValue(grid, r, c);
    return { value: cellDecimal(v), text: rawText(v).trim(), cell: ref(grid, r, c ?? 0) };
  };
  return {
    level1,
    level2,
    name: norm(label),
    nameCell: ref(grid, r, cols.level3 ?? 0),
    target: at(cols.target),
    result: at(cols.result),
    points: at(cols.points),
    score: at(cols.score),
  };
}

/** The cell a merged range is addressed by. */
function anchorRef(grid: Grid, row: number, col: number) {
  const a = anchorOf(grid, row, col);
  return ref(grid, a.row, a.col);
}

function cellValue(grid: Grid, row: number, col: number) {
  return grid.cells[row]?.[col] ?? null;
}

function readTotal(grid: Grid, row: number, scoreCol: number, searchRow: boolean): NonNullable<Scorecard['total']> {
  let col = scoreCol;
  let v = cellValue(grid, row, col);
  if (cellDecimal(v) === null && searchRow) {
    // the label may be merged across the score column; take the first number right of it (not in
    // the national 自评表, whose 总分 row prints its 分值 100 left of the 得分)
    const n = colCount(grid);
    for (let c = 0; c < n; c++) {
      const d = cellDecimal(grid.cells[row]?.[c] ?? null);
      if (d !== null) {
        col = c;
        v = grid.cells[row]?.[c] ?? null;
        break;
      }
    }
  }
  return { value: cellDecimal(v), text: rawText(v).trim(), cell: ref(grid, row, col) };
}
