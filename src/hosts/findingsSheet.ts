// Where the host cannot put a finding's message in a cell note (Excel before ExcelApi 1.18, a WPS
// without AddComment, an Excel cell that holds a threaded comment), the messages a highlight plan
// would put in notes go to a 审核结果 sheet instead: one row per such cell (sheet, cell, messages).
// Both the Excel and the WPS host use it.
// The sheet is created by the first such highlight (so 撤销 / 清除标记 delete it) and rewritten
// in place by later ones (the journal keeps what it held).
import type { CellContent, PlanOp } from '../core/plan';
import { address } from '../core/grid';
import { FINDINGS_SHEET } from './host';

export const FINDINGS_HEADER = ['工作表', '单元格', '审核意见'];
const WIDTHS: [string, number][] = [
  ['A', 14],
  ['B', 10],
  ['C', 90],
];

export interface ExistingSheet {
  /** The sheet's cells that hold something, by A1 address. */
  cells: Map<string, CellContent>;
}

/**
 * `ops` without their note ops, plus the ops that write those notes into the 审核结果 sheet.
 * `existing`: the sheet as it is now (undefined when there is none). Notes that only remove a
 * note (text null) are dropped: without notes there is nothing to remove. `moves`: which notes
 * go to the sheet (default all; the others stay note ops).
 */
export function notesToSheet(
  ops: PlanOp[],
  existing: ExistingSheet | undefined,
  moves: (op: PlanOp & { kind: 'note' }) => boolean = () => true,
): { ops: PlanOp[]; rows: number } {
  const rows: string[][] = [];
  const rest: PlanOp[] = [];
  for (const op of ops) {
    if (op.kind !== 'note' || !moves(op)) rest.push(op);
    else if (op.text !== null && op.text !== '') rows.push([op.sheet, op.address, op.text]);
  }
  if (rows.length === 0 && !existing) return { ops: rest, rows: 0 };

  const sheet = FINDINGS_SHEET;
  const out: PlanOp[] = [...rest];
  if (!existing) out.push({ kind: 'createSheet', sheet });
  const lines = [FINDINGS_HEADER, ...rows];
  const written = new Set<string>();
  lines.forEach((line, r) =>
    line.forEach((text, c) => {
      const a = address(r, c);
      written.add(a);
      if (existing?.cells.get(a) !== text) out.push({ kind: 'value', sheet, address: a, value: text });
    }),
  );
  if (existing) {
    for (const a of existing.cells.keys()) if (!written.has(a)) out.push({ kind: 'value', sheet, address: a, value: null });
  }
  out.push({ kind: 'format', sheet, range: 'A1:C1', bold: true });
  if (rows.length > 0) out.push({ kind: 'format', sheet, range: `C2:C${rows.length + 1}`, wrap: true });
  if (!existing) for (const [column, width] of WIDTHS) out.push({ kind: 'columnWidth', sheet, column, width });
  return { ops: out, rows: rows.length };
}
