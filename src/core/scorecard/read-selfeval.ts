// The national 项目支出绩效自评表 (财政部《项目支出绩效评价管理办法》财预〔2020〕10号, 附件1): one sheet
// that is both the 计分表 and the 完成情况表. Its indicator rows print 年度指标值 | 实际完成值 | 分值 |
// 得分 | 偏差原因分析及改进措施; above them the 项目资金（万元） block prints 年初预算数 | 全年预算数 |
// 全年执行数 | 分值 | 执行率 | 得分 for 年度资金总额 (the 预算执行率 indicator, 10 of the 100 points)
// and its 其中 rows; the 总分 row closes the table. Layout as data: the header and row patterns below.
import type { Grid } from '../grid';
import { colCount } from '../grid';
import type { CellRef } from '../finding';
import { normAt, ref, textAt } from './sheet';
import { cellDecimal, norm, parsePointsLabel, rawText } from './text';
import type { CompletionCell, CompletionTable, FundsColumn, FundsRow, Indicator, PerformanceRow, Scorecard } from './types';
import { FUNDS_COLUMNS } from './types';

/** The columns that make a 计分表 header the national 自评表's (see HEADER_PATTERNS). */
export function isSelfEvaluation(cols: Partial<Record<'target' | 'result' | 'points', number>>): boolean {
  return cols.target !== undefined && cols.result !== undefined && cols.points !== undefined;
}

/** 项目资金 header texts (normalised, “全年预算数（A）” read as 全年预算数) → column. */
const FUNDS_HEADERS: [FundsColumn, RegExp][] = [
  ['年初预算数', /^年初预算数?$/],
  ['全年预算数', /^(?:全年预算数|调整后预算数)$/],
  ['全年执行数', /^(?:全年执行数|预算执行数)$/],
  ['分值', /^(?:分值|权重)$/],
  ['执行率', /^(?:执行率|预算执行率)$/],
  ['得分', /^得分$/],
];

/** 项目资金 row labels: the total, then its parts. */
const FUNDS_TOTAL = /^(?:年度资金总额|资金总额|总额)[:：]?$/;
const FUNDS_PART = /^(?:其中[:：])?(?:当年财政拨款|本年财政拨款|财政资金|上年结转资金|其他资金|财政专户管理资金|单位资金)[:：]?$/;

const headerText = (t: string) => t.replace(/（[^）]*）/g, '');

function fundsHeader(grid: Grid, row: number): Partial<Record<FundsColumn, number>> | undefined {
  const cols: Partial<Record<FundsColumn, number>> = {};
  const n = colCount(grid);
  for (let c = 0; c < n; c++) {
    const t = headerText(normAt(grid, row, c));
    const hit = FUNDS_HEADERS.find(([key, re]) => cols[key] === undefined && re.test(t));
    if (hit) cols[hit[0]] = c;
  }
  return cols.全年预算数 !== undefined && cols.全年执行数 !== undefined && cols.得分 !== undefined ? cols : undefined;
}

/** An amount as printed: “150万”, “125.25万元” and plain numbers. */
function amountCell(grid: Grid, row: number, col: number): CompletionCell {
  const v = grid.cells[row]?.[col] ?? null;
  const text = rawText(v).trim();
  const value = typeof v === 'string' ? cellDecimal(v.replace(/万元?$|元$/, '')) : cellDecimal(v);
  return { value, text, cell: ref(grid, row, col) };
}

/** The 项目资金 block between the title and the indicator header; [] when the sheet has none. */
export function readFunds(grid: Grid, fromRow: number, toRow: number): FundsRow[] {
  for (let r = fromRow; r <= toRow; r++) {
    const cols = fundsHeader(grid, r);
    if (!cols) continue;
    const rows: FundsRow[] = [];
    for (let rr = r + 1; rr <= toRow; rr++) {
      const n = colCount(grid);
      let labelCol = -1;
      for (let c = 0; c < n && labelCol < 0; c++) {
        const t = normAt(grid, rr, c);
        if (FUNDS_TOTAL.test(t) || FUNDS_PART.test(t)) labelCol = c;
      }
      if (labelCol < 0) break;
      const label = normAt(grid, rr, labelCol)
        .replace(/^其中[:：]/, '')
        .replace(/[:：]$/, '');
      const cells: FundsRow['cells'] = {};
      for (const k of FUNDS_COLUMNS) {
        const c = cols[k];
        if (c !== undefined) cells[k] = amountCell(grid, rr, c);
      }
      rows.push({ label, labelCell: ref(grid, rr, labelCol), total: FUNDS_TOTAL.test(normAt(grid, rr, labelCol)), cells });
    }
    return rows;
  }
  return [];
}

type RawIndicator = Omit<Indicator, 'rule' | 'max'>;

/** 年度资金总额's 分值 and 得分: the 预算执行率 indicator, scored above the indicator table. */
export function fundsIndicator(funds: FundsRow[]): RawIndicator | undefined {
  const total = funds.find((f) => f.total);
  const points = total?.cells.分值;
  const score = total?.cells.得分;
  if (!total || !points || !score || points.value === null) return undefined;
  const group = { name: '项目资金', cell: total.labelCell };
  const rate = total.cells.执行率;
  return {
    level1: group,
    level2: group,
    name: '预算执行率',
    label: '预算执行率',
    labelCell: total.labelCell,
    labelMax: points.value,
    criteria: '',
    criteriaCell: points.cell,
    score: score.value,
    scoreText: score.text,
    scoreCell: score.cell,
    evidence: '', // its 执行率 is checked with the block (check-selfeval.ts)
    evidenceCell: rate?.cell ?? score.cell,
  };
}

export interface Note {
  text: string;
  cell: CellRef;
}

/** Text printed under the table (注, 填表说明, 计分规则), one entry per cell. */
export function notesBelow(grid: Grid, fromRow: number, toRow: number): Note[] {
  const out: Note[] = [];
  for (let r = fromRow; r <= toRow; r++) {
    const n = colCount(grid);
    for (let c = 0; c < n; c++) {
      const text = textAt(grid, r, c).trim();
      if (text !== '') out.push({ text, cell: ref(grid, r, c) });
    }
  }
  return out;
}

/** The note that states the scoring of an indicator: it names it (a 满意度 indicator: any 满意度 rule). */
export function ruleNoteFor(notes: Note[], name: string): Note | undefined {
  const bare = parsePointsLabel(name).name;
  return notes.find((n) => {
    const t = norm(n.text);
    return (bare.length >= 3 && t.includes(bare)) || (/满意/.test(bare) && /满意[度率]/.test(t) && /得|扣|计分/.test(t));
  });
}

/** The national 自评表 read as its own 完成情况表: its indicator rows with target, result, 分值, 得分. */
export function selfEvaluationTable(card: Scorecard, performance: PerformanceRow[]): CompletionTable {
  return {
    kind: card.kind,
    sheet: card.sheet,
    title: card.title,
    titleCell: card.titleCell,
    projectName: card.projectName,
    unitName: card.unitName,
    label: card.label,
    columnNames: { target: '年度指标值', result: '实际完成值' },
    execution: [],
    structure: [],
    performance,
  };
}
