// An empty 补充信息 sheet (interfaces.md §2): title, header row, one row per SUPPLEMENT_ROWS
// label (with its unit), for the accountant to fill. Written only when the workbook has none.
// Printed landscape on A4, one page wide, the header row repeated on every page.
import type { Grid } from '../grid';
import { findSupplementGrid, labelWithUnit, SUPPLEMENT_ROWS, SUPPLEMENT_TITLE } from '../supplement';
import { emptyPlan } from './types';
import type { PlanOp, WritePlan } from './types';

export const SUPPLEMENT_HEADER = ['项目', '科目编码', '本年数', '上年数', '预算数', '原因说明'] as const;

const COLUMN_WIDTHS: [string, number][] = [
  ['A', 36],
  ['B', 12],
  ['C', 14],
  ['D', 14],
  ['E', 14],
  ['F', 60],
];
const COLUMNS = 'ABCDEF';

/** 补充信息, or 补充信息2, 3 … when a sheet of that name (that is not the 补充信息 sheet) exists. */
function freeName(grids: Grid[]): string {
  const taken = new Set(grids.map((g) => g.sheet.toLowerCase()));
  if (!taken.has(SUPPLEMENT_TITLE)) return SUPPLEMENT_TITLE;
  let n = 2;
  while (taken.has(`${SUPPLEMENT_TITLE}${n}`)) n++;
  return `${SUPPLEMENT_TITLE}${n}`;
}

/**
 * `grids`: every sheet of the workbook; an empty plan when one of them is a 补充信息 sheet.
 * `template`: the workbook's template id — rows only other templates read are left out (absent: every row).
 */
export function supplementSheetPlan(grids: Grid[] = [], template?: string): WritePlan {
  if (findSupplementGrid(grids)) return emptyPlan('supplement');
  const sheet = freeName(grids);
  const ops: PlanOp[] = [{ kind: 'createSheet', sheet }];
  ops.push({ kind: 'value', sheet, address: 'A1', value: SUPPLEMENT_TITLE });
  SUPPLEMENT_HEADER.forEach((h, i) => ops.push({ kind: 'value', sheet, address: `${COLUMNS[i]}2`, value: h }));
  const rows = SUPPLEMENT_ROWS.filter((def) => !template || !def.templates || def.templates.includes(template));
  rows.forEach((def, i) => ops.push({ kind: 'value', sheet, address: `A${i + 3}`, value: labelWithUnit(def) }));
  const last = rows.length + 2;
  ops.push({ kind: 'format', sheet, range: 'A1:F2', bold: true });
  ops.push({ kind: 'format', sheet, range: `F3:F${last}`, wrap: true });
  for (const [column, width] of COLUMN_WIDTHS) ops.push({ kind: 'columnWidth', sheet, column, width });
  // printed landscape, all six columns on one page width, the header row on every page
  ops.push({
    kind: 'pageSetup',
    sheet,
    setup: { orientation: 'landscape', paper: 'A4', fitToWidth: true, margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5 } },
  });
  ops.push({ kind: 'printTitles', sheet, rows: '2:2' });
  return { marker: { action: 'supplement' }, ops };
}
