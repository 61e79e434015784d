// 填表: fill the cells of the 附表 that the identities determine from the cells that are filled
// (totals and subtotals, the summary tables from the detail tables, the 类 rows T01/T04 need),
// and the 上年数 of 补充信息 from last year's workbook.
//
// The identities are the checks' own declarations (rules/declarations.ts): derivation and check
// read the same list. Only empty cells, or cells juesuan filled before (the journal), are
// written; a typed cell that disagrees with its derivation is left as it is and reported.
//
//   const result = deriveFill(grids, { journal, mode, prior });   // the preview: result.items
//   const plan = fillPlan(result);                                  // then a host applies it
import type { CellRef, Finding } from '../finding';
import { sortFindings } from '../finding';
import { cellAt, parseAddress, type Grid } from '../grid';
import { UNIT_PER_WAN, wan2 } from '../money';
import { compareAddresses, JOURNAL_SHEET, type CellContent, type Journal, type PlanOp, type WritePlan } from '../plan';
import { cellKey } from '../plan';
import { readWorkbook } from '../read';
import { RULES } from '../rules';
import { formulaFor } from './formula';
import { buildNetwork, type Network, type Node } from './network';
import { priorYearFill } from './prior';
import { isMergedNonAnchor, placeRows, tableOrder } from './rows';
import { conflictFindings, solve, suspectFindings, suspectKeys } from './solve';
import { ROUNDED_SUM_NOTE, type DeriveOptions, type DeriveResult, type FillItem, type FillMode } from './types';

export type { DeriveOptions, DeriveResult, FillItem, FillMode, NewRow } from './types';
export { ROUNDED_SUM_NOTE } from './types';
export { priorValues, priorYearFill } from './prior';
export { SUMMARY_TABLES } from './solve';

/** cellKeys of every cell a 填表 action still in the journal wrote. */
export function filledCells(journal: Journal | undefined): Set<string> {
  const out = new Set<string>();
  for (const entry of journal?.entries ?? []) {
    if (entry.action !== 'fill') continue;
    for (const c of entry.cells) if ('value' in c) out.add(cellKey(c.sheet, c.address));
  }
  return out;
}

/**
 * What 填表 would write: every derivable cell with its value, formula and sources, the 类 rows
 * to add, and the findings (typed cells that disagree, rows without room, 上年数 that differ).
 * Nothing is written: this is the preview; fillPlan turns it into a WritePlan.
 */
export function deriveFill(grids: Grid[], options: DeriveOptions = {}): DeriveResult {
  const mode: FillMode = options.mode ?? 'values';
  const sheets = grids.filter((g) => g.sheet !== JOURNAL_SHEET);
  const model = readWorkbook(sheets, { profile: options.profile });
  const journalCells = filledCells(options.journal);
  const gridOf = new Map(sheets.map((g) => [g.sheet, g]));
  const locked = (cell: CellRef, status: string) => {
    const { row, col } = parseAddress(cell.address);
    if (isMergedNonAnchor(gridOf.get(cell.sheet), row, col)) return true;
    // An empty-looking cell holding a formula without a cached result is the user's.
    return status === 'blank' && options.formulaAt?.(cell.sheet, cell.address) !== undefined;
  };
  const rules = options.rules ?? RULES;
  // First pass: find the typed cells that disagree with what the identities make of the
  // others; second pass: solve with them set aside, so that they spread into nothing.
  let net = buildNetwork(model, rules, { journalCells, locked });
  let refused = solve(net);
  const suspects = suspectKeys(net);
  if (suspects.size > 0) {
    net = buildNetwork(model, rules, { journalCells, locked, suspects });
    refused = solve(net);
  }
  const placed = placeRows(net, sheets);
  const findings: Finding[] = [...refused, ...placed.findings, ...suspectFindings(net), ...conflictFindings(net)];
  const isText = (cell: CellRef) => {
    const { row, col } = parseAddress(cell.address);
    const grid = gridOf.get(cell.sheet);
    return grid !== undefined && typeof cellAt(grid, row, col) === 'string';
  };
  const items = tableItems(net, mode, options.formulaAt, isText);

  let supplementSheet: WritePlan | undefined;
  if (options.prior) {
    const prior = priorYearFill(sheets, journalCells, options.prior);
    items.push(...prior.items);
    findings.push(...prior.findings);
    if (prior.items.length > 0) supplementSheet = prior.supplementSheet;
  }
  items.sort(
    (a, b) =>
      tableOrder(a.table) - tableOrder(b.table) ||
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : compareAddresses(a.address, b.address)),
  );
  return { mode, items, rows: placed.rows, findings: sortFindings(findings), model, ...(supplementSheet ? { supplementSheet } : {}) };
}

const normalizeFormula = (f: string | undefined) => f?.replace(/^=/, '').replace(/\s+/g, '');

function tableItems(net: Network, mode: FillMode, formulaAt: DeriveOptions['formulaAt'], isText: (cell: CellRef) => boolean): FillItem[] {
  const items: FillItem[] = [];
  for (const node of net.nodes.values()) {
    if (!node.writable || !node.known || node.how === 'typed' || !node.cell) continue;
    const ours = node.status === 'journal';
    if (node.how === 'zero' && !ours) continue;
    const { cell } = node;
    const unit = node.table.unit;
    const formula = node.how === 'derived' && node.eq ? formulaFor(node.eq, node, cell, isText) : undefined;
    if (ours) {
      const sameValue = node.value.eq(node.amount.value);
      const now = formulaAt ? normalizeFormula(formulaAt(cell.sheet, cell.address)) : undefined;
      const wanted = mode === 'formulas' ? normalizeFormula(formula) : undefined;
      if (sameValue && (!formulaAt || now === wanted)) continue;
    } else if (node.value.isZero()) {
      continue; // an empty cell already reads as 0
    }
    items.push({
      sheet: cell.sheet,
      address: cell.address,
      value: node.value,
      written: node.value.mul(UNIT_PER_WAN[unit]),
      unit,
      ...(formula ? { formula } : {}),
      sources: sourcesOf(node),
      rule: node.how === 'derived' && node.eq ? node.eq.ruleId : 'BLANK',
      ...(isRoundedSum(node) ? { roundedSum: true } : {}),
      label: node.label || `${node.table.title}“${node.row.label}”`,
      from: node.how === 'derived' ? describeSources(node) : '来源单元格均为空，清除上次填入的数',
      ...(ours ? { previous: node.amount.value } : {}),
      table: node.table.id,
    });
  }
  return items;
}

/** Summed from two or more figures each rounded to 0.01, directly or through a copy (see solve.ts). */
function isRoundedSum(node: Node): boolean {
  return node.how === 'derived' && !node.asPrinted;
}

function otherTerms(node: Node): Array<{ node: Node; sign: number }> {
  const eq = node.eq;
  if (!eq) return [];
  const own = eq.coef.get(node) as number;
  return [...eq.coef].filter(([n]) => n !== node).map(([n, c]) => ({ node: n, sign: -c / own }));
}

export function sourcesOf(node: Node): CellRef[] {
  return otherTerms(node).flatMap((t) => (t.node.cell ? [t.node.cell] : []));
}

const MAX_NAMED = 4;

/**
 * 收入决算表“合计·本年收入合计”; a − b − c; the first few of a long sum “等N项之和”. Terms that are 0
 * are counted, not named (“（另有2项为0）”): a sum of one figure and zeros reads as the copy it is.
 */
export function describeSources(node: Node): string {
  const terms = otherTerms(node).filter((t) => t.node.cell || !t.node.value.isZero());
  if (terms.length === 0) return '（来源均未列示，为0）';
  const nonZero = terms.filter((t) => !t.node.value.isZero());
  const named = nonZero.length > 0 ? nonZero : terms;
  const zeros = terms.length - named.length;
  const shown = named.slice(0, MAX_NAMED);
  let text = shown.map((t, i) => `${t.sign < 0 ? ' − ' : i === 0 ? '' : ' + '}${t.node.label}`).join('');
  if (named.length > MAX_NAMED) text += ` 等${named.length}项之和`;
  if (zeros > 0) text += `（另有${zeros}项为0）`;
  return text;
}

/** The number a table cell gets (a cleared cell: null). 上年数 keep a written 0. */
function contentOf(item: FillItem, mode: FillMode): CellContent {
  const number = Number(item.written.toFixed(2));
  if (mode === 'formulas' && item.formula) return { formula: item.formula, result: number };
  if (item.value.isZero() && item.table !== '补充信息') return null;
  return number;
}

/** The write plan of a derivation: added rows' labels, then every item (values or formulas). */
export function fillPlan(result: DeriveResult): WritePlan {
  const ops: PlanOp[] = [...(result.supplementSheet?.ops ?? [])];
  for (const row of result.rows) ops.push({ kind: 'value', sheet: row.sheet, address: row.labelCell.address, value: row.label });
  for (const item of result.items)
    ops.push({ kind: 'value', sheet: item.sheet, address: item.address, value: contentOf(item, result.mode) });
  return { marker: { action: 'fill' }, ops };
}

const amountText = (item: FillItem) => `${item.written.toFixed(2)}${item.unit}`;

/** The preview in Chinese, one line per cell (what the command line prints). */
export function previewLines(result: DeriveResult): string[] {
  const lines: string[] = [];
  const n = result.items.length;
  lines.push(
    n === 0 && result.rows.length === 0
      ? '没有需要填写的单元格：可推算的单元格都已填好。'
      : `将填写 ${n} 个单元格${result.rows.length > 0 ? `，新增 ${result.rows.length} 行` : ''}（${result.mode === 'formulas' ? '公式' : '数值'}）：`,
  );
  for (const row of result.rows) {
    lines.push(`  新增行 ${row.labelCell.sheet}!${row.labelCell.address}  “${row.label}”（功能分类${row.code}类）`);
  }
  for (const item of result.items) {
    const was = item.previous !== undefined ? `（原为${wan2(item.previous)}万元）` : '';
    const file = item.sourceFile ? `，${item.sourceFile}` : '';
    const formula = result.mode === 'formulas' && item.formula ? `  公式 =${item.formula}` : '';
    const rounded = item.roundedSum ? `（${ROUNDED_SUM_NOTE}）` : '';
    lines.push(
      `  ${item.sheet}!${item.address}  ${item.label} = ${amountText(item)}${was}  ← ${item.from}${file} [${item.rule}]${rounded}${formula}`,
    );
  }
  if (result.findings.length > 0) {
    lines.push('');
    lines.push(`需要注意（${result.findings.length} 条）：`);
    for (const f of result.findings) lines.push(`  [${f.rule}] ${f.message}`);
  }
  return lines;
}
