// What every table reader shares: the sheet, its unit, the catalog entry and the findings list,
// plus the small steps they all take (a header not found, a duplicate row, a note line).
import { address } from '../grid';
import type { Table, TableRow } from '../model';
import type { TableDef } from '../tables';
import { readFinding } from './findings';
import type { SheetView } from './sheet';
import type { AmountSource } from './value';

export interface ReadContext extends AmountSource {
  def: TableDef;
  titleRow: number;
  titleAddress: string;
}

/** Where the table's cells are, for writers (see Table.columnIndex). */
export type TableLayout = Pick<Table, 'columnIndex' | 'expenseLabelColumn' | 'unreadColumns'>;

export function makeTable(ctx: ReadContext, columns: string[], rows: TableRow[], notes: string[], layout: TableLayout = {}): Table {
  const unread = ctx.unreadCells?.length ? { unreadCells: ctx.unreadCells } : {};
  return { id: ctx.def.id, title: ctx.def.title, sheet: ctx.view.sheet, unit: ctx.unit, columns, rows, notes, ...layout, ...unread };
}

/** Column key → sheet column, from keyed columns (the first column of a key wins). */
export function columnIndexOf(columns: { key: string; col: number }[]): Record<string, number> {
  const index: Record<string, number> = {};
  for (const { key, col } of columns) if (index[key] === undefined) index[key] = col;
  return index;
}

export function warnHeaderNotFound(ctx: ReadContext): undefined {
  ctx.findings.push(
    readFinding('warning', `表“${ctx.view.sheet}”（${ctx.def.title}）未找到可识别的表头或金额列，已跳过该表`, {
      sheet: ctx.view.sheet,
      address: ctx.titleAddress,
    }),
  );
  return undefined;
}

/** Rows in sheet order; a key met a second time is reported and the first one kept. */
export class RowList {
  readonly rows: TableRow[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: ReadContext) {}

  add(row: TableRow, sheetRow: number, labelCol: number): void {
    const known = this.seen.size;
    this.seen.add(row.key); // one look-up: a key already seen leaves the size as it was
    if (this.seen.size === known) {
      const cell = { sheet: this.ctx.view.sheet, address: address(sheetRow, labelCol) };
      this.ctx.findings.push(readFinding('warning', `表“${cell.sheet}”第${sheetRow + 1}行“${row.label}”与前面的行重复，已忽略`, cell));
      return;
    }
    row.rowIndex = sheetRow;
    this.rows.push(row);
  }
}

const NOTE_START = /^(?:注|备注|说明)\s*(?:[:：\d１-９一二三四五六七八九十、.．（(]|$)/;
/** The characters a note can start with: a cheap test before the pattern. */
const NOTE_FIRST = '注备说';

/** A line printed under the data: starts with 注 (注：, 注1.) or is the 空表说明. */
export function isNoteRow(view: SheetView, row: number): boolean {
  const cols = view.nonEmptyCols(row);
  if (cols.length === 0) return false;
  const first = view.text(row, cols[0]);
  if (NOTE_FIRST.includes(first[0]) && NOTE_START.test(first)) return true;
  return view.rowTextIncludes(row, '空表');
}

/** Rows after the header that the table kind does not read: notes are kept, the rest ignored. */
export function collectNote(view: SheetView, row: number, notes: string[]): boolean {
  if (!isNoteRow(view, row)) return false;
  notes.push(view.lineText(row));
  return true;
}
