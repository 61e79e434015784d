// A journal lives inside the user's workbook, so anyone can edit it. Before 撤销 or 清除标记 acts
// on it, every entry it will use is checked against what juesuan itself writes; a journal that
// fails is refused as a whole and nothing is touched:
// - a sheet listed as created must carry juesuan's marker (a workbook-scoped defined name
//   `_juesuan_created_N` referring to that sheet's A1, added when juesuan creates a sheet), so a
//   journal cannot make 撤销 delete the user's own sheets. Every host adds it (file: a defined
//   name in workbook.xml; Excel: workbook.names.add; WPS: Workbook.Names.Add). A sheet an older
//   juesuan created carries none and is refused like any unmarked sheet, with a message saying
//   to delete it by hand if it is not wanted; a listed sheet the workbook no longer has is no
//   problem (there is nothing to delete), so 撤销 then goes on;
// - every cell is one cell (never a range: `A1:XFD1048576` would be expanded cell by cell),
//   columns and rows inside the sheet's limits, and an entry records at most
//   MAX_JOURNAL_CELLS cells (juesuan writes a few thousand at most);
// - values are restored as values. The one exception is a formula juesuan overwrote (填表 may
//   write into a cell that held one): such a before-value is restored as a formula only when it
//   is plain arithmetic over cells of this workbook (see SAFE_FUNCTIONS); anything else — another
//   workbook ([1]Sheet1!A1), DDE (cmd|…), WEBSERVICE, HYPERLINK … — is refused. Text stays text,
//   "=" first or not: the file host writes it as a string cell, Excel and WPS with a leading
//   apostrophe (hosts/cells toInput), so no host turns it into a formula (a user's "=…" typed as
//   text, overwritten by 填表, comes back as that text).
import { parseAddress } from '../grid';
import { PlanRefusedError } from './refused';
import type { CellBefore, Journal, JournalEntry } from './journal';
import type { CellContent, Json } from './types';
import { JOURNAL_SHEET } from './storage';

export const CREATED_SHEET_MARKER_PREFIX = '_juesuan_created_';

export const MAX_JOURNAL_CELLS = 200_000;
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Functions a restored formula may call: arithmetic, rounding, sums and simple logic. */
const SAFE_FUNCTIONS = new Set([
  'SUM',
  'SUMIF',
  'SUMIFS',
  'SUMPRODUCT',
  'SUBTOTAL',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'INT',
  'ABS',
  'MAX',
  'MIN',
  'AVERAGE',
  'COUNT',
  'COUNTA',
  'COUNTIF',
  'COUNTIFS',
  'IF',
  'IFERROR',
  'AND',
  'OR',
  'NOT',
  'TEXT',
  'VALUE',
  'LEFT',
  'RIGHT',
  'MID',
  'LEN',
  'TRIM',
  'CONCATENATE',
  'CONCAT',
  'FIXED',
  'ISBLANK',
  'ISNUMBER',
  'N',
]);

/** The defined name that marks the `index`-th sheet juesuan created (index from 1). */
export function createdSheetMarkerName(index: number): string {
  return `${CREATED_SHEET_MARKER_PREFIX}${index}`;
}

/** "'部门决算情况说明'!$A$1" for a sheet: what a marker name refers to. */
export function createdSheetMarkerReference(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

/**
 * The sheets juesuan's markers name, from a workbook's defined names (name and what it refers
 * to, with or without a leading "="). Names not starting with the marker prefix are ignored.
 */
export function markedSheets(names: { name: string; reference: string }[]): string[] {
  const out: string[] = [];
  for (const { name, reference } of names) {
    if (!name.startsWith(CREATED_SHEET_MARKER_PREFIX)) continue;
    const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?A\$?1$/.exec(reference.trim());
    if (m) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  }
  return out;
}

/** A marker name not used yet, given the names the workbook has. */
export function nextCreatedSheetMarkerName(names: string[]): string {
  const used = new Set(names.map((n) => n.toLowerCase()));
  let i = 1;
  while (used.has(createdSheetMarkerName(i).toLowerCase())) i++;
  return createdSheetMarkerName(i);
}

/** A journal juesuan will not act on; the message is a Chinese sentence for the user. */
export class JournalRejectedError extends PlanRefusedError {
  constructor(message: string) {
    super(message);
    this.name = 'JournalRejectedError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

function isCellAddress(address: unknown): boolean {
  if (typeof address !== 'string' || !/^[A-Z]{1,3}[1-9][0-9]{0,6}$/.test(address)) return false;
  const { row, col } = parseAddress(address);
  return row < MAX_ROW && col < MAX_COL;
}

function isColumn(column: unknown): boolean {
  return typeof column === 'string' && /^[A-Z]{1,3}$/.test(column) && parseAddress(`${column}1`).col < MAX_COL;
}

/** The formula's function names, or undefined when it reaches outside the workbook. */
function formulaIsSafe(formula: string): boolean {
  const text = formula.replace(/^=/, '');
  const code = text.replace(/"(?:[^"]|"")*"/g, '""'); // string literals cannot call anything
  if (/[[\]|{}]/.test(code)) return false; // [1]Sheet1!A1, structured refs, DDE, array constants
  if (/(^|[^A-Za-z0-9_.])(https?|file|ftp):/i.test(code)) return false;
  for (const m of code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) {
    if (!SAFE_FUNCTIONS.has(m[1].toUpperCase())) return false;
  }
  return true;
}

/** Formula texts anywhere in a host's raw encoding (keys named like formulas, "=…" strings). */
function formulasIn(raw: Json, out: string[]): void {
  if (typeof raw === 'string') {
    if (raw.startsWith('=')) out.push(raw);
    return;
  }
  if (raw === null || typeof raw !== 'object') return;
  if (Array.isArray(raw)) {
    for (const x of raw) formulasIn(x, out);
    return;
  }
  for (const [k, v] of Object.entries(raw)) {
    if (/formula/i.test(k) && typeof v === 'string') out.push(v);
    else formulasIn(v, out);
  }
}

function valueProblem(value: CellContent | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return undefined; // restored as text in every host
  if (typeof value !== 'object') return undefined;
  const formulas: string[] = [];
  if ('formula' in value) formulas.push(value.formula);
  else if ('raw' in value) formulasIn(value.raw, formulas);
  else return '无法识别的内容';
  const bad = formulas.find((f) => !formulaIsSafe(f));
  return bad !== undefined ? `公式“${bad.slice(0, 60)}”` : undefined;
}

function cellProblem(cell: CellBefore): string | undefined {
  const where = `工作表“${cell.sheet}”的“${String(cell.address).slice(0, 40)}”`;
  if (cell.sheet === JOURNAL_SHEET) return `记录要改动日志工作表“${JOURNAL_SHEET}”`;
  if (!isCellAddress(cell.address)) return `${where}不是一个单元格地址`;
  const bad = valueProblem(cell.value);
  return bad ? `${where}要恢复的内容是${bad}，撤销只恢复数值和文字` : undefined;
}

/**
 * What is wrong with one entry (Chinese, for the user), or undefined when it may be acted on.
 * `marked`: the sheets carrying juesuan's created-sheet marker; `present`, when given: the
 * workbook's sheets (a listed sheet it no longer has cannot be deleted, so it is no problem).
 */
export function journalEntryProblem(entry: JournalEntry, marked: readonly string[], present?: readonly string[]): string | undefined {
  const markedLower = new Set(marked.map((s) => s.toLowerCase()));
  const presentLower = present ? new Set(present.map((s) => s.toLowerCase())) : undefined;
  for (const sheet of entry.createdSheets) {
    if (sheet === JOURNAL_SHEET) return `记录称新建了日志工作表“${JOURNAL_SHEET}”`;
    if (markedLower.has(sheet.toLowerCase()) || (presentLower && !presentLower.has(sheet.toLowerCase()))) continue;
    return (
      `记录称工作表“${sheet}”是 juesuan 新建的，但该表没有 juesuan 的新建标记（旧版 juesuan 新建的表也没有这个标记）。` +
      `若这张表确是 juesuan 新建、已不需要，请手动删除它后再点一次`
    );
  }
  if (entry.cells.length > MAX_JOURNAL_CELLS) return `记录的单元格多达 ${entry.cells.length} 个，超过 juesuan 一次写入的上限`;
  for (const cell of entry.cells) {
    const p = cellProblem(cell);
    if (p) return p;
  }
  for (const c of entry.columns) {
    if (!isColumn(c.column)) return `工作表“${c.sheet}”的列“${String(c.column).slice(0, 40)}”不是一个列号`;
    if (c.width !== null && !(Number.isFinite(c.width) && c.width >= 0 && c.width <= 255))
      return `工作表“${c.sheet}”的 ${c.column} 列宽 ${c.width} 超出范围`;
  }
  for (const r of entry.rows ?? []) {
    if (!Number.isInteger(r.row) || r.row < 1 || r.row > MAX_ROW) return `工作表“${r.sheet}”的行号 ${r.row} 超出范围`;
    if (r.height !== null && !(Number.isFinite(r.height) && r.height >= 0 && r.height <= 409))
      return `工作表“${r.sheet}”第 ${r.row} 行的行高 ${r.height} 超出范围`;
  }
  return undefined;
}

/**
 * Throws JournalRejectedError (a Chinese message for the user) when any of `entries` may not be
 * acted on. `marked`: the sheets that carry juesuan's created-sheet marker (see markedSheets);
 * `present`: the workbook's sheets (see journalEntryProblem).
 */
export function assertJournalEntriesUsable(
  entries: readonly JournalEntry[],
  marked: readonly string[],
  action: '撤销' | '清除标记',
  present?: readonly string[],
): void {
  for (const entry of entries) {
    const problem = journalEntryProblem(entry, marked, present);
    if (problem) {
      throw new JournalRejectedError(
        `工作簿中的 juesuan 修改记录（隐藏工作表“${JOURNAL_SHEET}”）与工作簿不符（被改动过，或由旧版 juesuan 写入），无法安全地${action}：${problem}。` +
          '为保护工作簿，本次没有做任何修改；请手动检查并恢复需要的内容。',
      );
    }
  }
}

/** The entries 撤销 acts on: the last one. */
export function entriesForUndo(journal: Journal): JournalEntry[] {
  return journal.entries.slice(-1);
}

/** The entries 清除标记 acts on: the highlight ones. */
export function entriesForClear(journal: Journal): JournalEntry[] {
  return journal.entries.filter((e) => e.action === 'highlight');
}
