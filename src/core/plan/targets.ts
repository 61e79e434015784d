// What a plan touches, so a host can record what was there before applying it.
import { columnName, rangeAddresses } from './range';
import type { WritePlan } from './types';

/** The parts of a cell a plan can change (bold lives in the font, wrap in the alignment). */
export type CellPart = 'value' | 'fill' | 'note' | 'font' | 'alignment';

export interface CellTarget {
  sheet: string;
  /** Upper case, no $. */
  address: string;
  parts: CellPart[];
}

export interface PlanTargets {
  /** Cells of sheets that existed before the plan, in order of first touch. */
  cells: CellTarget[];
  columns: { sheet: string; column: string }[];
  rows: { sheet: string; row: number }[];
  /** Pre-existing sheets whose page setup, print titles or row breaks the plan changes. */
  pages: string[];
  createdSheets: string[];
  deletedSheets: string[];
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, '').toUpperCase()}`;
}

export function planTargets(plan: WritePlan): PlanTargets {
  const created = new Set<string>();
  const deleted: string[] = [];
  const cells = new Map<string, CellTarget>();
  const columns = new Map<string, { sheet: string; column: string }>();
  const rows = new Map<string, { sheet: string; row: number }>();
  const pages = new Set<string>();

  const touch = (sheet: string, addr: string, part: CellPart) => {
    if (created.has(sheet)) return;
    const key = cellKey(sheet, addr);
    let t = cells.get(key);
    if (!t) {
      t = { sheet, address: addr.replace(/\$/g, '').toUpperCase(), parts: [] };
      cells.set(key, t);
    }
    if (!t.parts.includes(part)) t.parts.push(part);
  };

  for (const op of plan.ops) {
    switch (op.kind) {
      case 'createSheet':
        created.add(op.sheet);
        break;
      case 'deleteSheet':
        deleted.push(op.sheet);
        break;
      case 'value':
      case 'fill':
      case 'note':
        touch(op.sheet, op.address, op.kind);
        break;
      case 'format':
        for (const a of rangeAddresses(op.range)) {
          if (op.bold !== undefined || op.raw?.font !== undefined) touch(op.sheet, a, 'font');
          if (op.size !== undefined || op.fontName !== undefined) touch(op.sheet, a, 'font');
          if (op.wrap !== undefined || op.vertical !== undefined || op.horizontal !== undefined || op.raw?.alignment !== undefined)
            touch(op.sheet, a, 'alignment');
        }
        break;
      case 'columnWidth': {
        if (created.has(op.sheet)) break;
        const column = columnName(op.column);
        columns.set(`${op.sheet}!${column}`, { sheet: op.sheet, column });
        break;
      }
      case 'rowHeight':
        if (!created.has(op.sheet)) rows.set(`${op.sheet}!${op.row}`, { sheet: op.sheet, row: op.row });
        break;
      case 'pageSetup':
      case 'printTitles':
      case 'rowBreaks':
        if (!created.has(op.sheet)) pages.add(op.sheet);
        break;
    }
  }
  return {
    cells: [...cells.values()],
    columns: [...columns.values()],
    rows: [...rows.values()],
    pages: [...pages],
    createdSheets: [...created],
    deletedSheets: deleted,
  };
}
