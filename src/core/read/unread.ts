// Columns of a recognised table that no column key matched (a blank or misspelt header such as
// “基本支出数”): never dropped without a word. Each one holding amounts is a READ warning naming its
// header cell, and is listed on the table so the identities that needed a missing column are
// reported as not checked (rules/unchecked.ts) instead of passing.
import { address } from '../grid';
import type { UnreadColumn } from '../model';
import { columnPath, isColumnNumberRow } from './header';
import type { ReadContext } from './context';
import { isNoteRow } from './context';
import { readFinding } from './findings';
import type { SheetView } from './sheet';
import { isBlankValue, isNonZeroNumber, isNumberLike } from './value';

/** Headers of columns that number or label rows: their figures are not amounts. */
const NOT_AMOUNT_HEADERS = new Set(['行次', '栏次', '序号', '编号', '项目', '项目名称', '收入项目', '支出项目', '科目名称']);

/**
 * The candidate columns (those the reader did not key) that hold amounts under the header:
 * a named column with any figure or dash, or a blank-headed one with a figure other than 0.
 */
export function reportUnreadColumns(
  ctx: ReadContext,
  headerRows: number[],
  dataStart: number,
  candidates: Iterable<number>,
): UnreadColumn[] {
  const { view } = ctx;
  // the rows are only worked out when a candidate column is not a row-label column
  let dataRows: number[] | undefined;
  const unread: UnreadColumn[] = [];
  for (const col of candidates) {
    const path = columnPath(view, headerRows, col);
    if (path.some((t) => NOT_AMOUNT_HEADERS.has(t))) continue;
    dataRows ??= amountRows(view, dataStart);
    const holdsAmounts =
      path.length > 0
        ? dataRows.some((r) => !isBlankValue(view.value(r, col)) && isNumberLike(view.value(r, col)))
        : dataRows.some((r) => isNonZeroNumber(view.value(r, col)));
    if (!holdsAmounts) continue;
    const headerRow = [...headerRows].reverse().find((r) => view.text(r, col) !== '') ?? headerRows[headerRows.length - 1] ?? dataStart - 1;
    const cell = { sheet: view.sheet, address: address(Math.max(0, headerRow), col) };
    const header = path.join('/');
    unread.push({ header, cell });
    ctx.findings.push(
      readFinding(
        'warning',
        header
          ? `表“${view.sheet}”（${ctx.def.title}）单元格${cell.address}的列标题“${header}”无法识别，该列的金额未读取；需要该列的核对未进行（未核验）。请按附表样式改正列标题`
          : `表“${view.sheet}”（${ctx.def.title}）第${col + 1}列（${cell.address}）有金额但没有列标题，该列的金额未读取；需要该列的核对未进行（未核验）。请补上列标题`,
        cell,
      ),
    );
  }
  return unread;
}

/** The rows under the header that may hold amounts: not blank, not the 栏次 row, not a note. */
function amountRows(view: SheetView, dataStart: number): number[] {
  const rows: number[] = [];
  for (let r = dataStart; r < view.rowCount; r++) {
    if (!view.isBlankRow(r) && !isColumnNumberRow(view, r) && !isNoteRow(view, r)) rows.push(r);
  }
  return rows;
}
