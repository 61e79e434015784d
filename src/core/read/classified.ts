// Classified tables (T02 T03 T05 T06 T07 T11 T13 T14): one row per 科目编码 plus the 合计 row.
import type { Table } from '../model';
import { normalizeLabel, readableColumns } from '../tables';
import { CodeCarry, codeLevel, findCodeColumns, readRowCode } from './codes';
import { ReadContext, RowList, collectNote, columnIndexOf, makeTable, warnHeaderNotFound } from './context';
import { aliasIndex, headerKeywords, isColumnNumberRow, keyedColumns, locateHeader } from './header';
import type { SheetView } from './sheet';
import { findLabel, isCodeRow, isTotalOnlyRow, range, readAmounts, warnIfSkippedRowHasMoney } from './rows';
import { reportUnreadColumns } from './unread';

const TOTAL_LABELS = new Set(['合计', '总计']);
const AMOUNT_TEXT = /^-?[\d,]+(?:\.\d+)?$/;

export function readClassified(ctx: ReadContext): Table | undefined {
  const { view } = ctx;
  const keywords = headerKeywords(ctx.def);
  const header = locateHeader(
    view,
    ctx.titleRow + 1,
    keywords,
    (r) => isCodeRow(view, r) || isTotalOnlyRow(view, r, TOTAL_LABELS, keywords),
  );
  if (!header) return warnHeaderNotFound(ctx);
  const totalRow = totalOnSubHeader(view, header.rows);
  const amountCols = keyedColumns(
    view,
    totalRow === undefined ? header.rows : header.rows.filter((r) => r !== totalRow),
    aliasIndex(readableColumns(ctx.def)),
  );
  if (amountCols.length === 0) return warnHeaderNotFound(ctx);

  const firstAmountCol = Math.min(...amountCols.map((c) => c.col));
  const labelCols = range(0, firstAmountCol);
  const dataRows = range(header.dataStart, view.rowCount);
  const codeCols = findCodeColumns(view, header.rows, dataRows, 0, firstAmountCol);
  const used = new Set([
    ...amountCols.map((c) => c.col),
    ...(codeCols?.codeCols ?? []),
    ...(codeCols?.nameCol === undefined ? [] : [codeCols.nameCol]),
  ]);
  const unreadColumns = reportUnreadColumns(
    ctx,
    header.rows,
    header.dataStart,
    range(0, view.colCount).filter((c) => !used.has(c)),
  );

  const rows = new RowList(ctx);
  const notes: string[] = [];
  const carry: CodeCarry = {};
  if (totalRow !== undefined) {
    const label = findLabel(view, totalRow, labelCols, TOTAL_LABELS) as string;
    rows.add({ key: '合计', label, cells: readAmounts(ctx, totalRow, amountCols) }, totalRow, labelCols[0] ?? 0);
  }
  for (const r of dataRows) {
    if (view.isBlankRow(r) || isColumnNumberRow(view, r) || collectNote(view, r, notes)) continue;
    const total = findLabel(view, r, labelCols, TOTAL_LABELS);
    if (total) {
      rows.add({ key: '合计', label: total, cells: readAmounts(ctx, r, amountCols) }, r, labelCols[0] ?? 0);
      continue;
    }
    const { code, nameInCode } = codeCols ? readRowCode(view, r, codeCols, carry) : {};
    const name = codeCols?.nameCol !== undefined ? normalizeLabel(view.text(r, codeCols.nameCol)) : '';
    const label = name || normalizeLabel(nameInCode ?? '');
    if (!code) {
      warnIfSkippedRowHasMoney(ctx, r, amountCols, label);
      continue;
    }
    const level = codeLevel(code);
    rows.add({ key: code, label, code, level, cells: readAmounts(ctx, r, amountCols) }, r, codeCols?.codeCols[0] ?? 0);
  }
  return makeTable(
    ctx,
    amountCols.map((c) => c.key),
    rows.rows,
    notes,
    {
      columnIndex: columnIndexOf(amountCols),
      ...(unreadColumns.length > 0 ? { unreadColumns } : {}),
    },
  );
}

/**
 * The line that is both the 类|款|项 sub-header and the 合计 row (some Shanghai exports print
 * “类 款 项 合计 307.82 307.82” on one line): a header row naming 类, 款 and 项, then a total label
 * followed by amounts only (a row naming the columns after 合计 is a header row, not this).
 */
function totalOnSubHeader(view: SheetView, headerRows: number[]): number | undefined {
  return headerRows.find((r) => {
    const texts = rowLabels(view, r);
    const total = texts.findIndex((t) => TOTAL_LABELS.has(t));
    if (total < 0) return false;
    const amounts = texts.slice(total + 1).filter((t) => AMOUNT_TEXT.test(t));
    return (
      total >= 0 && ['类', '款', '项'].every((w) => texts.includes(w)) && amounts.length === texts.length - total - 1 && amounts.length > 0
    );
  });
}

/** The row's filled cells as labels; “类 款 项” may share one cell (one 科目编码 column). */
function rowLabels(view: SheetView, r: number): string[] {
  const texts: string[] = [];
  for (const c of view.nonEmptyCols(r)) {
    const t = normalizeLabel(view.text(r, c));
    if (t === '类款项') texts.push('类', '款', '项');
    else texts.push(t);
  }
  return texts;
}
