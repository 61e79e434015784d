// T10/T12 “三公” tables: one data row under 预算数 / 决算数 × items, grouped (预算数 1–6 then
// 决算数 7–12) or interleaved per item; also the variant with 预算数 and 决算数 as two rows.
import type { Table, TableRow } from '../model';
import { SAN_GONG_BLOCKS, normalizeLabel } from '../tables';
import { ReadContext, collectNote, isNoteRow, makeTable, warnHeaderNotFound } from './context';
import { readFinding } from './findings';
import { aliasIndex, columnPath, headerKeywords, isColumnNumberRow, locateHeader, matchColumnKey } from './header';
import { range, readAmounts } from './rows';
import type { SheetView } from './sheet';
import { isNumberLike } from './value';
import { reportUnreadColumns } from './unread';

type Block = (typeof SAN_GONG_BLOCKS)[number];

interface SanGongColumn {
  key: string;
  col: number;
  /** Set when the header puts 预算数 / 决算数 above or below the item. */
  block?: Block;
}

export function blockOf(text: string): Block | undefined {
  if (text.endsWith('预算数') || ['预算', '年初预算', '全年预算', '调整预算'].includes(text)) return '预算数';
  if (text.endsWith('决算数') || ['决算', '实际支出', '实际支出数'].includes(text)) return '决算数';
  return undefined;
}

export function readSanGong(ctx: ReadContext): Table | undefined {
  const { view } = ctx;
  const keywords = headerKeywords(ctx.def);
  const header = locateHeader(view, ctx.titleRow + 1, keywords, (r) => hasNumber(view, r, view.nonEmptyCols(r)));
  if (!header) return warnHeaderNotFound(ctx);
  const columns = sanGongColumns(ctx, header.rows);
  if (columns.length === 0) return warnHeaderNotFound(ctx);

  const dataRows = range(header.dataStart, view.rowCount);
  const notes: string[] = [];
  const rows = columns.some((c) => c.block) ? readBlockColumns(ctx, columns, dataRows) : readBlockRows(ctx, columns, dataRows);
  for (const r of dataRows) collectNote(view, r, notes);
  const keys = [...new Set(columns.map((c) => c.key))];
  const unreadColumns = reportUnreadColumns(ctx, header.rows, header.dataStart, unkeyedColumns(ctx, header.rows));
  return makeTable(ctx, keys, rows, notes, unreadColumns.length > 0 ? { unreadColumns } : {});
}

function sanGongColumns(ctx: ReadContext, headerRows: number[]): SanGongColumn[] {
  const index = aliasIndex(ctx.def.columns);
  const columns: SanGongColumn[] = [];
  for (let c = 0; c < ctx.view.colCount; c++) {
    const path = columnPath(ctx.view, headerRows, c);
    const block = path.map(blockOf).find((b) => b !== undefined);
    const key = matchColumnKey(
      path.filter((t) => !blockOf(t)),
      index,
    );
    if (!key || columns.some((k) => k.key === key && k.block === block)) continue;
    columns.push(block ? { key, col: c, block } : { key, col: c });
  }
  return columns;
}

/** Columns whose header, past its 预算数/决算数 block, names no item and is not a row label. */
function unkeyedColumns(ctx: ReadContext, headerRows: number[]): number[] {
  const index = aliasIndex(ctx.def.columns);
  return range(0, ctx.view.colCount).filter((c) => {
    const path = columnPath(ctx.view, headerRows, c).filter((t) => !blockOf(t));
    return !matchColumnKey(path, index) && !path.some((t) => ROW_LABEL_HEADERS.has(t));
  });
}

const ROW_LABEL_HEADERS = new Set(['项目', '项目名称', '栏次', '行次']);

/** Header carries the blocks: both rows read the one physical data row. */
function readBlockColumns(ctx: ReadContext, columns: SanGongColumn[], dataRows: number[]): TableRow[] {
  const entryCols = columns.map((c) => c.col);
  const dataRow =
    dataRows.find((r) => isDataLine(ctx.view, r) && hasNumber(ctx.view, r, entryCols)) ?? dataRows.find((r) => isDataLine(ctx.view, r));
  if (dataRow === undefined) return warnNoDataRow(ctx);
  return SAN_GONG_BLOCKS.filter((block) => columns.some((c) => c.block === block)).map((block) => ({
    key: block,
    label: block,
    cells: readAmounts(
      ctx,
      dataRow,
      columns.filter((c) => c.block === block),
    ),
    rowIndex: dataRow,
  }));
}

/** Rows carry the blocks: a row labelled 预算数 and one labelled 决算数. */
function readBlockRows(ctx: ReadContext, columns: SanGongColumn[], dataRows: number[]): TableRow[] {
  const { view } = ctx;
  const found = new Map<Block, number>();
  for (const r of dataRows) {
    for (let c = 0; c < view.colCount; c++) {
      const block = blockOf(normalizeLabel(view.text(r, c)));
      if (block && !found.has(block)) found.set(block, r);
    }
  }
  if (found.size === 0) return warnNoDataRow(ctx);
  return SAN_GONG_BLOCKS.filter((b) => found.has(b)).map((block) => ({
    key: block,
    label: block,
    cells: readAmounts(ctx, found.get(block) as number, columns),
    rowIndex: found.get(block) as number,
  }));
}

function isDataLine(view: SheetView, row: number): boolean {
  return !isColumnNumberRow(view, row) && !isNoteRow(view, row);
}

function hasNumber(view: SheetView, row: number, cols: number[]): boolean {
  return cols.some((c) => isNumberLike(view.value(row, c)));
}

function warnNoDataRow(ctx: ReadContext): TableRow[] {
  const cell = { sheet: ctx.view.sheet, address: ctx.titleAddress };
  ctx.findings.push(readFinding('warning', `表“${cell.sheet}”（${ctx.def.title}）未找到数据行`, cell));
  return [];
}
