// 上年数 from last year's workbook (domain.md §3.4): last year's tables, read with the same
// reader, give last year's published totals; last year's 补充信息 gives what the tables do not
// hold (机关运行经费 …). A 上年数 the user typed that differs is reported, never overwritten.
import type { CellRef, Finding } from '../finding';
import type { Grid } from '../grid';
import { columnLetters } from '../grid';
import type { Amount, Model, Table } from '../model';
import { findRow } from '../model';
import { Decimal, roundHalfUp, wan2 } from '../money';
import { cellKey, supplementSheetPlan, SUPPLEMENT_HEADER, type WritePlan } from '../plan';
import { readWorkbook } from '../read';
import { findSupplementGrid, readSupplement, SUPPLEMENT_ROWS, type Supplement } from '../supplement';
import { cellLabel, rowLabel } from '../rules/refs';
import type { FillItem } from './types';

interface PriorValue {
  value: Decimal;
  sources: CellRef[];
  /** Where it comes from, in words: 收入支出决算总表“收入总计”. */
  from: string;
}

/** 补充信息 label → the 三公 column of T10/T12 whose 决算数 it is. */
const SAN_GONG_ITEMS: Record<string, string> = {
  '“三公”经费': '合计',
  '因公出国（境）费': '因公出国（境）费',
  公务用车购置及运行维护费: '公务用车购置及运行费',
  公务接待费: '公务接待费',
};

function fromCells(parts: Array<{ table: Table; rowKey: string; col: string; amount: Amount }>): PriorValue {
  return {
    value: parts.reduce((a, p) => a.add(p.amount.value), new Decimal(0)),
    sources: parts.map((p) => p.amount.cell),
    from: parts.map((p) => `${p.table.title}“${cellLabel(rowLabel(p.table, findRow(p.table, p.rowKey)!), p.col)}”`).join(' + '),
  };
}

/** The first of the cells that is printed (not blank). */
function firstCell(model: Model, choices: Array<[keyof Model['tables'], string, string]>): PriorValue | undefined {
  for (const [id, rowKey, col] of choices) {
    const table = model.tables[id];
    const amount = findRow(table, rowKey)?.cells[col];
    if (table && amount && !amount.blank) return fromCells([{ table, rowKey, col, amount }]);
  }
  return undefined;
}

/** Last year's value of every 补充信息 row that has a 上年数. */
export function priorValues(model: Model, supplement: Supplement | undefined): Map<string, PriorValue> {
  const out = new Map<string, PriorValue>();
  const put = (label: string, v: PriorValue | undefined) => v && out.set(label, v);
  put(
    '收支总计',
    firstCell(model, [
      ['T01', '收:总计', '金额'],
      ['T01', '支:总计', '金额'],
    ]),
  );
  put(
    '财政拨款收支总计',
    firstCell(model, [
      ['T04', '收:总计', '金额'],
      ['T04', '支:总计', '合计'],
    ]),
  );
  put('一般公共预算财政拨款支出', firstCell(model, [['T06', '合计', '合计']]));
  for (const [label, col] of Object.entries(SAN_GONG_ITEMS)) {
    const parts = (['T10', 'T12'] as const).flatMap((id) => {
      const table = model.tables[id];
      const amount = findRow(table, '决算数')?.cells[col];
      return table && amount ? [{ table, rowKey: '决算数', col, amount }] : [];
    });
    if (parts.some((p) => p.table.id === 'T10')) put(label, fromCells(parts));
  }
  // What the tables do not hold: last year's 本年数 of the same row.
  for (const def of SUPPLEMENT_ROWS) {
    if (out.has(def.label) || !def.columns.includes('上年数')) continue;
    const thisYear = supplement?.rows[def.label]?.本年数;
    if (thisYear) put(def.label, { value: thisYear.value, sources: [thisYear.cell], from: `补充信息“${def.label}”本年数` });
  }
  return out;
}

export interface PriorFill {
  items: FillItem[];
  findings: Finding[];
  supplementSheet?: WritePlan;
}

const need = (severity: Finding['severity'], message: string, cells: CellRef[] = []): Finding => ({
  rule: 'NEED',
  severity,
  message,
  cells,
});

/**
 * The 上年数 cells of this year's 补充信息 to fill from last year's workbook. `journalCells`:
 * cells juesuan filled before (they may be filled again).
 */
export function priorYearFill(grids: Grid[], journalCells: Set<string>, prior: { grids: Grid[]; file?: string }): PriorFill {
  const findings: Finding[] = [];
  const lastModel = readWorkbook(prior.grids);
  const lastGrid = findSupplementGrid(prior.grids);
  const lastSupplement = lastGrid ? readSupplement(lastGrid) : undefined;
  const fileName = prior.file ? `“${prior.file}”` : '';
  if (Object.keys(lastModel.tables).length === 0) {
    findings.push(need('warning', `上年工作簿${fileName}中没有识别到附表，上年数未填`));
  }
  const values = priorValues(lastModel, lastSupplement);

  const grid = findSupplementGrid(grids);
  const supplement = grid ? readSupplement(grid) : undefined;
  const thisYear = supplement?.get('决算年度')?.本年数?.value;
  const lastYear = lastSupplement?.get('决算年度')?.本年数?.value;
  if (thisYear && lastYear && !lastYear.eq(thisYear.sub(1))) {
    findings.push({
      rule: 'PY',
      severity: 'warning',
      cells: [],
      message: `上年工作簿${fileName}的决算年度是${lastYear.toFixed()}，本年是${thisYear.toFixed()}，不是上一年度，请确认选择的文件`,
    });
  }

  let supplementSheet: WritePlan | undefined;
  let sheetName = supplement?.sheet;
  if (!supplement) {
    supplementSheet = supplementSheetPlan(grids);
    const create = supplementSheet.ops.find((op) => op.kind === 'createSheet');
    sheetName = create?.sheet;
  }
  const priorColumn = columnLetters(SUPPLEMENT_HEADER.indexOf('上年数'));

  const items: FillItem[] = [];
  SUPPLEMENT_ROWS.forEach((def, i) => {
    if (!def.columns.includes('上年数')) return;
    const pv = values.get(def.label);
    const row = supplement?.rows[def.label];
    let cell: CellRef | undefined;
    if (supplement) {
      if (!row) {
        if (pv) findings.push(need('info', `补充信息没有“${def.label}”一行，上年数${wan2(pv.value)}万元未填`));
        return;
      }
      cell = row.cells.上年数;
      if (!cell) {
        if (pv) findings.push(need('warning', `补充信息没有“上年数”列，“${def.label}”的上年数${wan2(pv.value)}万元未填`, [row.labelCell]));
        return;
      }
    } else {
      cell = { sheet: sheetName as string, address: `${priorColumn}${i + 3}` };
    }
    const current = row?.上年数;
    if (!pv) {
      if (!current) findings.push(need('info', `上年工作簿${fileName}中找不到“${def.label}”的上年数，请手工填写`, [cell]));
      return;
    }
    const value = roundHalfUp(pv.value, 2);
    const ours = journalCells.has(cellKey(cell.sheet, cell.address));
    if (current && !ours) {
      if (!current.value.eq(value)) {
        findings.push({
          ...need(
            'warning',
            `补充信息“${def.label}”的上年数已填${wan2(current.value)}万元，上年工作簿${fileName}中${pv.from}为${wan2(value)}万元，` +
              `两者不一致，未改写，请核对`,
            [cell],
          ),
          expected: wan2(value),
          actual: wan2(current.value),
          difference: wan2(current.value.sub(value).abs()),
        });
      }
      return;
    }
    if (current && current.value.eq(value)) return;
    items.push({
      sheet: cell.sheet,
      address: cell.address,
      value,
      written: value,
      unit: '万元',
      sources: pv.sources,
      ...(prior.file ? { sourceFile: prior.file } : {}),
      rule: 'PY',
      label: `补充信息“${def.label}”·上年数`,
      from: `上年${pv.from}`,
      ...(current ? { previous: current.value } : {}),
      table: '补充信息',
    });
  });
  return { items, findings, supplementSheet };
}
