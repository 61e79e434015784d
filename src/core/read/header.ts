// Header rows located by their text, and each column's header path mapped to a canonical column key.
import type { ColumnDef, TableDef } from '../tables';
import { normalizeLabel, readableColumns } from '../tables';
import type { SheetView } from './sheet';

/** Words that only ever appear in header rows, whatever the table. */
const GENERIC_HEADER_WORDS = [
  '项目',
  '项目名称',
  '科目编码',
  '科目代码',
  '编码',
  '功能分类科目编码',
  '支出功能分类科目编码',
  '经济分类科目编码',
  '支出经济分类科目编码',
  '部门预算支出经济分类科目编码',
  '科目名称',
  '名称',
  '类',
  '款',
  '项',
  '行次',
  '收入',
  '支出',
  '预算数',
  '决算数',
  '金额',
  '人员经费',
  '公用经费',
  '本年支出',
  '小计',
];

/** Totals: a row holding only one of these is a data row, not a header row. */
const TOTAL_WORDS = new Set(['合计', '总计']);

const ORDINAL_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])/;
const TRAILING_UNIT = /（(?:万元|百元|元)）$/;

/** A header cell's text normalised for matching: normalizeLabel, minus “其中：” and a trailing “（万元）”. */
export function headerLabel(text: string): string {
  let label = headerLabels.get(text);
  if (label === undefined) {
    if (headerLabels.size >= MAX_REMEMBERED_LABELS) headerLabels.clear();
    label = normalizeLabel(text)
      .replace(/^其中[:：]?/, '')
      .replace(TRAILING_UNIT, '');
    headerLabels.set(text, label);
  }
  return label;
}

// Header searches label every cell of the first rows of every table: each text once (bounded, as normalizeLabel).
const headerLabels = new Map<string, string>();
const MAX_REMEMBERED_LABELS = 20000;

/** The table's header words, and the `extra` ones its reader knows (a list of its own that never changes). */
export function headerKeywords(def: TableDef, extra: readonly string[] = NO_EXTRA_WORDS): ReadonlySet<string> {
  let byExtra = keywordsOf.get(def);
  if (!byExtra) keywordsOf.set(def, (byExtra = new WeakMap()));
  let keywords = byExtra.get(extra);
  if (!keywords) {
    const words = [...GENERIC_HEADER_WORDS, ...extra];
    for (const c of readableColumns(def)) words.push(c.key, ...c.aliases);
    byExtra.set(extra, (keywords = new Set(words.map(headerLabel))));
  }
  return keywords;
}

/** Each table's header words, worked out once per list of extra words (definitions and lists never change). */
const keywordsOf = new Map<TableDef, WeakMap<readonly string[], ReadonlySet<string>>>();
const NO_EXTRA_WORDS: readonly string[] = [];

/** A row naming columns: some cell (not a numbered row label) is a header word other than 合计/总计. */
export function isHeaderRow(view: SheetView, row: number, keywords: ReadonlySet<string>): boolean {
  for (const c of view.nonEmptyCols(row)) {
    const text = view.text(row, c);
    if (ORDINAL_START.test(text)) continue;
    const label = headerLabel(text);
    if (keywords.has(label) && !TOTAL_WORDS.has(label)) return true;
  }
  return false;
}

/** The 栏次 row numbering the amount columns: a 栏次 label, or only the numbers 1, 2, 3 … in order. */
export function isColumnNumberRow(view: SheetView, row: number): boolean {
  let count = 0;
  let inOrder = true;
  for (const c of view.nonEmptyCols(row)) {
    const v = view.value(row, c);
    let n: number;
    if (typeof v === 'number') {
      // a number cell's text is its shortest form: 1 to 3 digits exactly for the integers 0…999
      if (!(Number.isInteger(v) && v >= 0 && v < 1000)) return false;
      n = v;
    } else {
      const text = view.text(row, c);
      if (text === '栏次') return true;
      if (text === '行次') continue;
      if (!COLUMN_NUMBER.test(text)) return false;
      n = Number(text);
    }
    if (n !== ++count) inOrder = false;
  }
  return count >= 2 && inOrder;
}

const COLUMN_NUMBER = /^\d{1,3}$/;

export interface HeaderBlock {
  /** Rows whose texts name the columns, top to bottom (栏次 and blank rows left out). */
  rows: number[];
  /** The first row after the header. */
  dataStart: number;
}

const HEADER_SEARCH_ROWS = 15;
const MAX_HEADER_ROWS = 8;

/**
 * The header: from the first row holding a header word down to the first data row (as the
 * table kind recognises one); without such a row, the header words' rows that follow each other.
 */
export function locateHeader(
  view: SheetView,
  fromRow: number,
  keywords: ReadonlySet<string>,
  isDataRow: (row: number) => boolean,
): HeaderBlock | undefined {
  const first = findFirstHeaderRow(view, fromRow, keywords);
  if (first === undefined) return undefined;
  const dataStart = findDataRow(view, first, isDataRow) ?? endOfHeaderRows(view, first, keywords);
  const rows: number[] = [];
  for (let r = first; r < dataStart; r++) {
    if (!view.isBlankRow(r) && !isColumnNumberRow(view, r)) rows.push(r);
  }
  return { rows, dataStart };
}

function findFirstHeaderRow(view: SheetView, fromRow: number, keywords: ReadonlySet<string>): number | undefined {
  const last = Math.min(view.rowCount, fromRow + HEADER_SEARCH_ROWS);
  for (let r = fromRow; r < last; r++) if (isHeaderRow(view, r, keywords)) return r;
  return undefined;
}

function findDataRow(view: SheetView, first: number, isDataRow: (row: number) => boolean): number | undefined {
  const last = Math.min(view.rowCount, first + MAX_HEADER_ROWS + 2);
  for (let r = first + 1; r < last; r++) {
    if (!isColumnNumberRow(view, r) && isDataRow(r)) return r;
  }
  return undefined;
}

function endOfHeaderRows(view: SheetView, first: number, keywords: ReadonlySet<string>): number {
  let r = first + 1;
  while (r < view.rowCount && (isHeaderRow(view, r, keywords) || isColumnNumberRow(view, r))) r++;
  return r;
}

/** The column's header texts top to bottom, a merged or repeated text once (callers only read it). */
export function columnPath(view: SheetView, headerRows: number[], col: number): string[] {
  // worked out once per column: a reader asks for it in several steps (keyed, code, unread columns)
  const paths = view.keptFor<string[]>(headerRows);
  return (paths[col] ??= pathOf(view, headerRows, col));
}

function pathOf(view: SheetView, headerRows: number[], col: number): string[] {
  const path: string[] = [];
  for (const r of headerRows) {
    const text = view.text(r, col);
    if (text === '') continue;
    const label = headerLabel(text);
    if (label !== path[path.length - 1]) path.push(label);
  }
  return path;
}

export type AliasIndex = Map<string, string>;

/** Header text → column key; a key always means itself, then the aliases in catalog order. */
export function aliasIndex(columns: ColumnDef[], extra: Record<string, string> = NO_EXTRA): AliasIndex {
  // Readers pass the catalog's own (unchanging) arrays: each index is made once.
  let byExtra = aliasIndexes.get(columns);
  if (!byExtra) aliasIndexes.set(columns, (byExtra = new WeakMap()));
  let index = byExtra.get(extra);
  if (!index) byExtra.set(extra, (index = makeAliasIndex(columns, extra)));
  return index;
}

const NO_EXTRA: Record<string, string> = {};
const aliasIndexes = new WeakMap<ColumnDef[], WeakMap<Record<string, string>, AliasIndex>>();

function makeAliasIndex(columns: ColumnDef[], extra: Record<string, string>): AliasIndex {
  const index: AliasIndex = new Map();
  for (const c of columns) index.set(headerLabel(c.key), c.key);
  for (const c of columns) {
    for (const alias of c.aliases) if (!index.has(headerLabel(alias))) index.set(headerLabel(alias), c.key);
  }
  for (const [alias, key] of Object.entries(extra)) if (!index.has(headerLabel(alias))) index.set(headerLabel(alias), key);
  // 其它 is printed for 其他 as often as not (其它收入, 其它支出)
  for (const [label, key] of [...index]) {
    const variant = label.replace(/其他/g, '其它');
    if (variant !== label && !index.has(variant)) index.set(variant, key);
  }
  return index;
}

/**
 * The lowest header level that names a column decides, read together with its parents first:
 * T11 本年支出/小计 → “本年支出小计” → 本年支出; T06 本年支出/小计 → “小计” → 合计;
 * T05 基本支出/合计 → “基本支出合计” → 基本支出 (not the table's 合计).
 */
export function matchColumnKey(path: string[], index: AliasIndex): string | undefined {
  return columnKeyCandidates(path, index)[0];
}

/** Every key the path can mean, best first. */
function columnKeyCandidates(path: string[], index: AliasIndex): string[] {
  const keys: string[] = [];
  for (let level = path.length - 1; level >= 0; level--) {
    // path[top] … path[level] joined, for each top: built from the bottom up, looked up from the top down
    const joined: string[] = [];
    for (let top = level, text = ''; top >= 0; top--) joined[top] = text = path[top] + text;
    for (let top = 0; top <= level; top++) {
      const key = index.get(joined[top]);
      if (key && !keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

export interface KeyedColumn {
  key: string;
  col: number;
}

/**
 * Columns of the sheet whose header names a column key. A key already taken by a column to the
 * left passes to the next meaning: T05 基本支出/小计 after a 合计 column is 基本支出. A column
 * left with no free key is ignored (a key printed twice counts once).
 */
export function keyedColumns(view: SheetView, headerRows: number[], index: AliasIndex, fromCol = 0): KeyedColumn[] {
  const found: KeyedColumn[] = [];
  for (let c = fromCol; c < view.colCount; c++) {
    const key = columnKeyCandidates(columnPath(view, headerRows, c), index).find((k) => !found.some((f) => f.key === k));
    if (key) found.push({ key, col: c });
  }
  return found;
}
