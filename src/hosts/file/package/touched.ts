// What the plans applied to a loaded workbook touched, kept per workbook so the package writer
// (./writer) rewrites only those parts of the original file. A new PlanOp kind is one more case
// in recordOp (the `never` check makes the compiler ask for it).
import { columnName, rangeAddresses } from '../../../core/plan';
import type { PlanOp } from '../../../core/plan';

export interface CellTouch {
  value: boolean;
  style: boolean;
}

export interface SheetTouches {
  /** By address (upper case, no $). */
  cells: Map<string, CellTouch>;
  columns: Set<string>;
  rows: Set<number>;
  notes: boolean;
}

export interface Touches {
  /** By sheet name, lower case (Excel's sheet names ignore case). */
  sheets: Map<string, SheetTouches>;
  /** Sheets a plan created or deleted (lower case): written whole, or removed, never spliced. */
  structural: Set<string>;
}

const byWorkbook = new WeakMap<object, Touches>();

export function touchesOf(workbook: object): Touches {
  let t = byWorkbook.get(workbook);
  if (!t) {
    t = { sheets: new Map(), structural: new Set() };
    byWorkbook.set(workbook, t);
  }
  return t;
}

function sheetTouches(t: Touches, sheet: string): SheetTouches {
  const key = sheet.toLowerCase();
  let s = t.sheets.get(key);
  if (!s) {
    s = { cells: new Map(), columns: new Set(), rows: new Set(), notes: false };
    t.sheets.set(key, s);
  }
  return s;
}

function touchCell(s: SheetTouches, address: string, part: keyof CellTouch): void {
  const a = address.replace(/\$/g, '').toUpperCase();
  const c = s.cells.get(a) ?? { value: false, style: false };
  c[part] = true;
  s.cells.set(a, c);
}

function recordOp(t: Touches, op: PlanOp): void {
  switch (op.kind) {
    case 'createSheet':
    case 'deleteSheet':
      t.structural.add(op.sheet.toLowerCase());
      return;
    case 'value':
      return touchCell(sheetTouches(t, op.sheet), op.address, 'value');
    case 'fill':
      return touchCell(sheetTouches(t, op.sheet), op.address, 'style');
    case 'note':
      sheetTouches(t, op.sheet).notes = true;
      return;
    case 'format': {
      const s = sheetTouches(t, op.sheet);
      for (const a of rangeAddresses(op.range)) touchCell(s, a, 'style');
      return;
    }
    case 'columnWidth':
      sheetTouches(t, op.sheet).columns.add(columnName(op.column));
      return;
    case 'rowHeight':
      sheetTouches(t, op.sheet).rows.add(op.row);
      return;
    case 'pageSetup':
    case 'printTitles':
    case 'rowBreaks':
      // kept on the sheets juesuan creates (written whole); a user's own sheet keeps its page setup
      return;
    default: {
      const unknown: never = op;
      throw new Error(`unknown plan op ${JSON.stringify(unknown)}`);
    }
  }
}

/** Records what `ops` (already applied to the workbook's model) touched. */
export function recordOps(workbook: object, ops: readonly PlanOp[]): void {
  const t = touchesOf(workbook);
  for (const op of ops) recordOp(t, op);
}

/** Whether anything was applied since the workbook was loaded. */
export function touchedAnything(workbook: object): boolean {
  const t = byWorkbook.get(workbook);
  return t !== undefined && (t.sheets.size > 0 || t.structural.size > 0);
}
