// How the journal is stored in the workbook: one very hidden sheet, `_juesuan_journal`, whose
// column A cells (A1, A2, …) concatenated give one JSON document:
//
//   {"format":"juesuan-journal","version":1,"entries":[ JournalEntry, … ]}
//
// The JSON is ASCII only (every non-ASCII character as a \uXXXX escape), so no cell holds
// Chinese text a table reader could mistake for a title, and a chunk boundary can never split a
// character. Each cell holds at most 30000 characters (Excel's limit is 32767).
import { emptyJournal } from './journal';
import type { CellBefore, ColumnBefore, Journal, JournalEntry, RowBefore } from './journal';
import { MARKER_ACTIONS } from './types';
import type { Json } from './types';

export const JOURNAL_SHEET = '_juesuan_journal';
export const JOURNAL_FORMAT = 'juesuan-journal';
export const JOURNAL_VERSION = 1;
export const JOURNAL_CHUNK_CHARS = 30000;

export class JournalFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalFormatError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function serializeJournal(journal: Journal): string {
  return asciiJson({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, entries: journal.entries });
}

/** The journal as the texts of A1, A2, … (none for an empty journal). */
export function journalChunks(journal: Journal, chunkChars = JOURNAL_CHUNK_CHARS): string[] {
  if (journal.entries.length === 0) return [];
  const text = serializeJournal(journal);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += chunkChars) out.push(text.slice(i, i + chunkChars));
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function checkCell(v: unknown): CellBefore {
  if (!isObject(v) || !isString(v.sheet) || !isString(v.address)) throw new JournalFormatError('journal cell without sheet/address');
  return v as unknown as CellBefore;
}

function checkColumn(v: unknown): ColumnBefore {
  if (!isObject(v) || !isString(v.sheet) || !isString(v.column) || !(v.width === null || typeof v.width === 'number')) {
    throw new JournalFormatError('bad journal column');
  }
  return v as unknown as ColumnBefore;
}

function checkRow(v: unknown): RowBefore {
  if (!isObject(v) || !isString(v.sheet) || typeof v.row !== 'number' || !(v.height === null || typeof v.height === 'number')) {
    throw new JournalFormatError('bad journal row');
  }
  return v as unknown as RowBefore;
}

function checkEntry(v: unknown): JournalEntry {
  if (!isObject(v)) throw new JournalFormatError('journal entry is not an object');
  if (!MARKER_ACTIONS.includes(v.action as never)) throw new JournalFormatError(`unknown journal action ${String(v.action)}`);
  if (!Array.isArray(v.createdSheets) || !v.createdSheets.every(isString)) throw new JournalFormatError('bad createdSheets');
  if (!Array.isArray(v.cells) || !Array.isArray(v.columns) || !(v.rows === undefined || Array.isArray(v.rows))) {
    throw new JournalFormatError('bad journal entry');
  }
  const entry: JournalEntry = {
    action: v.action as JournalEntry['action'],
    createdSheets: v.createdSheets as string[],
    cells: v.cells.map(checkCell),
    columns: v.columns.map(checkColumn),
  };
  if (Array.isArray(v.rows)) entry.rows = v.rows.map(checkRow);
  if (Array.isArray(v.pages)) {
    entry.pages = v.pages.map((p) => {
      if (!isObject(p) || !isString(p.sheet) || p.raw === undefined) throw new JournalFormatError('bad journal page');
      return { sheet: p.sheet, raw: p.raw as Json };
    });
  }
  if (v.written !== undefined) {
    const w = v.written;
    if (!isObject(w) || !isString(w.sheet) || !Array.isArray(w.texts) || !w.texts.every(isString)) {
      throw new JournalFormatError('bad written texts');
    }
    entry.written = { sheet: w.sheet, texts: w.texts as string[] };
  }
  return entry;
}

/** Parses the stored JSON. Throws JournalFormatError if it is not a journal this code understands. */
export function parseJournal(text: string): Journal {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new JournalFormatError('journal is not valid JSON');
  }
  if (!isObject(doc) || doc.format !== JOURNAL_FORMAT) throw new JournalFormatError('not a juesuan journal');
  if (doc.version !== JOURNAL_VERSION) throw new JournalFormatError(`unsupported journal version ${String(doc.version)}`);
  if (!Array.isArray(doc.entries)) throw new JournalFormatError('journal without entries');
  return { entries: doc.entries.map(checkEntry) };
}

/** The journal from the texts of A1, A2, … (blank cells ignored; none = empty journal). */
export function journalFromChunks(chunks: (string | null | undefined)[]): Journal {
  const text = chunks.filter((c): c is string => typeof c === 'string').join('');
  return text.trim() === '' ? emptyJournal() : parseJournal(text);
}
