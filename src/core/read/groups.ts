// T08/T09: “科目编码 | 科目名称 | 决算数” groups side by side (T08: under 人员经费 / 公用经费).
// A plain classified layout with one amount column is the one-group case.
import type { Table, TableRow } from '../model';
import { PERSONNEL_CLASSES, normalizeLabel } from '../tables';
import { CodeCarry, CodeColumns, codeLevel, findCodeColumns, readRowCode } from './codes';
import { ReadContext, RowList, isNoteRow, makeTable, warnHeaderNotFound } from './context';
import { KeyedColumn, aliasIndex, columnPath, headerKeywords, isColumnNumberRow, locateHeader, matchColumnKey } from './header';
import { isCodeRow, isTotalOnlyRow, range, readAmounts, sharedChar, warnIfSkippedRowHasMoney } from './rows';
import type { SheetView } from './sheet';
import { isNumberLike } from './value';

type Group = '人员经费' | '公用经费';

/** Total labels → row key. T08's bare 合计 is all of 基本支出. */
type Totals = Map<string, string>;
const T08_TOTALS: Totals = new Map([
  ['人员经费合计', '人员经费合计'],
  ['公用经费合计', '公用经费合计'],
  ['基本支出合计', '基本支出合计'],
  ['合计', '基本支出合计'],
  ['总计', '基本支出合计'],
]);
const T09_TOTALS: Totals = new Map([
  ['合计', '合计'],
  ['总计', '合计'],
  ['项目支出合计', '合计'],
]);

/** Amount headers seen on these tables besides the catalog's. */
const EXTRA_AMOUNT_HEADERS: Record<string, Record<string, string>> = {
  T08: { 决算金额: '金额', 本年支出合计: '金额' },
  T09: { 决算金额: '金额', 本年支出合计: '金额', 项目支出: '金额', 项目支出合计: '金额', 合计: '金额' },
};

/** The same headers as header words, listed once. */
const EXTRA_HEADER_WORDS: Record<string, string[]> = Object.fromEntries(
  Object.entries(EXTRA_AMOUNT_HEADERS).map(([id, headers]) => [id, Object.keys(headers)]),
);

interface CodeGroup extends CodeColumns {
  amount: KeyedColumn;
  /** 人员经费 / 公用经费 when the group's header says so. */
  group?: Group;
  /** Split 类/款 parts carried down this group's rows. */
  carry: CodeCarry;
}

export function readEconomicGroups(ctx: ReadContext): Table | undefined {
  const { view } = ctx;
  const totals = ctx.def.id === 'T08' ? T08_TOTALS : T09_TOTALS;
  const totalLabels = new Set(totals.keys());
  const keywords = headerKeywords(ctx.def, EXTRA_HEADER_WORDS[ctx.def.id]);
  const header = locateHeader(
    view,
    ctx.titleRow + 1,
    keywords,
    (r) => isCodeRow(view, r) || isTotalOnlyRow(view, r, totalLabels, keywords),
  );
  if (!header) return warnHeaderNotFound(ctx);
  const dataRows = range(header.dataStart, view.rowCount);
  const groups = findGroups(ctx, header.rows, dataRows);
  if (groups.length === 0) return warnHeaderNotFound(ctx);

  const notes: string[] = [];
  const noteRows = new Set(dataRows.filter((r) => isNoteRow(view, r)));
  for (const r of noteRows) notes.push(view.lineText(r));
  const readable = dataRows.filter((r) => !noteRows.has(r) && !view.isBlankRow(r) && !isColumnNumberRow(view, r));

  const rows = new RowList(ctx);
  for (const group of groups) {
    const labelCols = groupLabelCols(group);
    for (const r of readable) {
      if (hasTotalLabel(view, r, labelCols, totals)) continue;
      const row = readCodeRow(ctx, r, group);
      if (row) rows.add(row, r, group.codeCols[0]);
    }
  }
  for (const r of readable) {
    for (const { row, labelCol } of readTotals(ctx, r, groups, totals)) rows.add(row, r, labelCol);
  }
  return makeTable(ctx, ['金额'], rows.rows, notes);
}

/** One group per amount column, its code and name columns between it and the previous group. */
function findGroups(ctx: ReadContext, headerRows: number[], dataRows: number[]): CodeGroup[] {
  const { view } = ctx;
  const index = aliasIndex(ctx.def.columns, EXTRA_AMOUNT_HEADERS[ctx.def.id]);
  const groups: CodeGroup[] = [];
  let from = 0;
  for (let c = 0; c < view.colCount; c++) {
    const key = matchColumnKey(columnPath(view, headerRows, c), index);
    if (!key) continue;
    const codes = findCodeColumns(view, headerRows, dataRows, from, c);
    if (codes) {
      const { codeCols, nameCol } = codes;
      groups.push({ codeCols, nameCol, amount: { key: '金额', col: c }, group: groupHeader(view, headerRows, from, c), carry: {} });
    }
    from = c + 1;
  }
  return groups;
}

function groupHeader(view: SheetView, headerRows: number[], from: number, to: number): Group | undefined {
  for (let c = from; c <= to; c++) {
    for (const text of columnPath(view, headerRows, c)) {
      if (text.startsWith('人员经费')) return '人员经费';
      if (text.startsWith('公用经费')) return '公用经费';
    }
  }
  return undefined;
}

function groupLabelCols(group: CodeGroup): number[] {
  return group.nameCol === undefined ? group.codeCols : [...group.codeCols, group.nameCol];
}

function hasTotalLabel(view: SheetView, r: number, cols: number[], totals: Totals): boolean {
  const shared = sharedChar(totals);
  for (const c of cols) {
    const text = view.text(r, c);
    // a blank cell is no label, nor one without the character every total label holds
    if (text !== '' && text.includes(shared) && totals.has(normalizeLabel(text))) return true;
  }
  return false;
}

function readCodeRow(ctx: ReadContext, r: number, group: CodeGroup): TableRow | undefined {
  const { view } = ctx;
  const { code, nameInCode } = readRowCode(view, r, group, group.carry);
  const name = group.nameCol !== undefined ? normalizeLabel(view.text(r, group.nameCol)) : '';
  const label = name || normalizeLabel(nameInCode ?? '');
  if (!code) {
    warnIfSkippedRowHasMoney(ctx, r, [group.amount], label);
    return undefined;
  }
  const row: TableRow = { key: code, label, code, level: codeLevel(code), cells: readAmounts(ctx, r, [group.amount]) };
  if (ctx.def.id === 'T08') row.group = group.group ?? classGroup(code);
  return row;
}

/**
 * Total rows (人员经费合计 …) read across the whole row: a label merged over its group's
 * amount column, or printed far left of it, takes the first amount column after it that holds a value.
 */
function readTotals(ctx: ReadContext, r: number, groups: CodeGroup[], totals: Totals): { row: TableRow; labelCol: number }[] {
  const { view } = ctx;
  const labels = totalLabelsInRow(view, r, totals);
  return labels.map(({ col, label }, i) => {
    const next = labels[i + 1]?.col ?? view.colCount;
    const candidates = groups.map((g) => g.amount.col).filter((c) => c > col && c < next && normalizeLabel(view.text(r, c)) !== label);
    const amountCol = candidates.find((c) => isNumberLike(view.value(r, c))) ?? candidates[0];
    const key = totals.get(label) as string;
    const row: TableRow = {
      key,
      label,
      cells: amountCol === undefined ? {} : readAmounts(ctx, r, [{ key: '金额', col: amountCol }]),
    };
    const totalOf = totalGroup(key);
    if (totalOf) row.group = totalOf;
    return { row, labelCol: col };
  });
}

/** Where total labels start in the row (a merged label counts once). */
function totalLabelsInRow(view: SheetView, r: number, totals: Totals): { col: number; label: string }[] {
  const found: { col: number; label: string }[] = [];
  const shared = sharedChar(totals);
  // a blank cell's label is '', never a total label, nor is one without the character they all hold
  for (const c of view.nonEmptyCols(r)) {
    const text = view.text(r, c);
    if (!text.includes(shared)) continue;
    const label = normalizeLabel(text);
    if (totals.has(label) && (c === 0 || normalizeLabel(view.text(r, c - 1)) !== label)) found.push({ col: c, label });
  }
  return found;
}

function totalGroup(key: string): Group | undefined {
  if (key === '人员经费合计') return '人员经费';
  if (key === '公用经费合计') return '公用经费';
  return undefined;
}

function classGroup(code: string): Group {
  return PERSONNEL_CLASSES.includes(code.slice(0, 3)) ? '人员经费' : '公用经费';
}
