// Reads a 绩效目标完成情况表 block: 项目名称 / 部门（单位）名称, the 预算执行情况 block (rows 合计 |
// 基本支出 | 政策和项目支出, or 合计 | 财政拨款 | 其他资金) and the 预算结构 / 财政拨款结构 block.
import type { Grid } from '../grid';
import { colCount } from '../grid';
import type { Block } from './sheet';
import { nextFilled, normAt, ref, textAt } from './sheet';
import { cellDecimal, norm, rawText } from './text';
import type {
  CompletionCell,
  CompletionTable,
  ExecutionColumn,
  ExecutionRow,
  PerformanceRow,
  StructureColumn,
  StructureRow,
} from './types';
import { EXECUTION_COLUMNS, STRUCTURE_COLUMNS } from './types';

/** “当年结转结余额(百元)” → 当年结转结余额; “结转结余率%” → 结转结余率. */
function executionColumn(text: string): ExecutionColumn | undefined {
  const t = norm(text)
    .replace(/（[^）]*）/g, '')
    .replace(/[%％]/g, '');
  if (t === '当年结转结余' || t === '当年结转结余额') return '当年结转结余额';
  return EXECUTION_COLUMNS.find((c) => c === t);
}

function structureColumn(text: string): StructureColumn | undefined {
  const t = norm(text);
  return STRUCTURE_COLUMNS.find((c) => c === t);
}

const EXECUTION_ROWS = ['合计', '基本支出', '政策和项目支出', '项目支出', '财政拨款', '其他资金'];

function cell(grid: Grid, row: number, col: number): CompletionCell {
  const v = grid.cells[row]?.[col] ?? null;
  return { value: cellDecimal(v), text: rawText(v).trim(), cell: ref(grid, row, col) };
}

function labelValue(grid: Grid, block: Block, label: RegExp): string | undefined {
  for (let r = block.titleRow + 1; r <= block.endRow; r++) {
    const n = colCount(grid);
    for (let c = 0; c < n; c++) {
      if (!label.test(normAt(grid, r, c))) continue;
      const next = nextFilled(grid, r, c);
      return next === undefined ? undefined : norm(textAt(grid, r, next));
    }
  }
  return undefined;
}

interface HeaderHit<K extends string> {
  row: number;
  labelCol: number;
  cols: Partial<Record<K, number>>;
}

function findHeader<K extends string>(
  grid: Grid,
  block: Block,
  classify: (t: string) => K | undefined,
  need: K[],
): HeaderHit<K> | undefined {
  for (let r = block.titleRow + 1; r <= block.endRow; r++) {
    const cols: Partial<Record<K, number>> = {};
    let labelCol = -1;
    const n = colCount(grid);
    for (let c = 0; c < n; c++) {
      const t = textAt(grid, r, c);
      if (norm(t) === '项目' && labelCol < 0) labelCol = c;
      const k = classify(t);
      if (k !== undefined && cols[k] === undefined) cols[k] = c;
    }
    if (labelCol >= 0 && need.every((k) => cols[k] !== undefined)) return { row: r, labelCol, cols };
  }
  return undefined;
}

function readExecution(grid: Grid, block: Block): ExecutionRow[] {
  const h = findHeader(grid, block, executionColumn, ['预算额', '执行额']);
  if (!h) return [];
  const rows: ExecutionRow[] = [];
  for (let r = h.row + 1; r <= block.endRow; r++) {
    const label = normAt(grid, r, h.labelCol);
    if (!EXECUTION_ROWS.includes(label)) break;
    const row: ExecutionRow = { label, labelCell: ref(grid, r, h.labelCol) };
    for (const k of EXECUTION_COLUMNS) {
      const c = h.cols[k];
      if (c !== undefined) row[k] = cell(grid, r, c);
    }
    rows.push(row);
  }
  return rows;
}

function readStructure(grid: Grid, block: Block): StructureRow[] {
  const h = findHeader(grid, block, structureColumn, ['合计', '一般公共预算安排']);
  if (!h) return [];
  const rows: StructureRow[] = [];
  for (let r = h.row + 1; r <= block.endRow; r++) {
    const label = executionColumn(textAt(grid, r, h.labelCol));
    if (!label) break;
    const cells: StructureRow['cells'] = {};
    for (const k of STRUCTURE_COLUMNS) {
      const c = h.cols[k];
      if (c !== undefined) cells[k] = cell(grid, r, c);
    }
    rows.push({ label, labelCell: ref(grid, r, h.labelCol), cells });
  }
  return rows;
}

type PerformanceColumn = 'level1' | 'level2' | 'level3' | 'target' | 'result';

/** 年度绩效指标 headers: the deviation column names both 指标值 and 执行结果, so it is recognised first. */
function performanceColumn(text: string): PerformanceColumn | 'deviation' | undefined {
  const t = norm(text).replace(/（[^）]*）/g, '');
  if (/偏差/.test(t)) return 'deviation';
  if (t === '一级指标') return 'level1';
  if (t === '二级指标') return 'level2';
  if (t === '三级指标') return 'level3';
  if (/执行结果|实际完成值|实际完成|实际值|完成值|完成情况/.test(t)) return 'result';
  if (/指标值|目标值/.test(t)) return 'target';
  return undefined;
}

function findPerformanceHeader(grid: Grid, block: Block): { row: number; cols: Partial<Record<PerformanceColumn, number>> } | undefined {
  const n = colCount(grid);
  for (let r = block.titleRow + 1; r <= block.endRow; r++) {
    const cols: Partial<Record<PerformanceColumn, number>> = {};
    for (let c = 0; c < n; c++) {
      const text = normAt(grid, r, c); // normalised once per cell; performanceColumn's norm leaves it as it is
      if (text === '') continue;
      const k = performanceColumn(text);
      if (k !== undefined && k !== 'deviation' && cols[k] === undefined) cols[k] = c;
    }
    if (cols.level3 !== undefined && cols.target !== undefined && cols.result !== undefined) return { row: r, cols };
  }
  return undefined;
}

/** The 年度绩效指标 rows that print a target or a result; 一级/二级 carried down over merged cells. */
function readPerformance(grid: Grid, block: Block): PerformanceRow[] {
  const h = findPerformanceHeader(grid, block);
  if (!h) return [];
  const { level1: c1, level2: c2, level3: c3, target: ct, result: cr } = h.cols as Record<PerformanceColumn, number | undefined>;
  const rows: PerformanceRow[] = [];
  let level1 = '';
  let level2 = '';
  for (let r = h.row + 1; r <= block.endRow; r++) {
    if (findPerformanceHeader(grid, { ...block, titleRow: r - 1, endRow: r })) continue; // a repeated header
    const at = (c: number | undefined) => (c === undefined ? '' : norm(textAt(grid, r, c)));
    if (at(c1) !== '') {
      level1 = at(c1);
      level2 = '';
    }
    if (at(c2) !== '') level2 = at(c2);
    const target = cell(grid, r, ct as number);
    const result = cell(grid, r, cr as number);
    if (norm(target.text) === '' && norm(result.text) === '') continue;
    rows.push({ level1, level2, name: at(c3), nameCell: ref(grid, r, c3 as number), target, result });
  }
  return rows;
}

export function readCompletion(block: Block): CompletionTable {
  const { grid } = block;
  const projectName = labelValue(grid, block, /^项目名称$/);
  const execution = readExecution(grid, block);
  const isProject = projectName !== undefined || execution.some((r) => r.label === '财政拨款');
  return {
    kind: isProject ? 'project' : 'department',
    sheet: grid.sheet,
    title: block.title,
    titleCell: ref(grid, block.titleRow, block.titleCol),
    projectName,
    unitName: labelValue(grid, block, /^部门（单位）名称$|^单位名称$/),
    execution,
    structure: readStructure(grid, block),
    performance: readPerformance(grid, block),
  };
}
