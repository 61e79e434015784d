// A pass over the zip before exceljs sees it, inflating each part as a stream and keeping
// nothing but counts and the first rows of each sheet:
//
// - every part must inflate to the size the zip directory claims (a "zip bomb" that lies about
//   its sizes is refused here instead of filling memory inside the unzipper);
// - the cells of the sheets that will be loaded are counted, and a workbook over the bound is
//   refused with a clear message before exceljs builds a single cell object;
// - a very large sheet (more rows or cells than `largeSheet` allows) whose first rows hold no
//   title juesuan reads — no 附表 title, no 补充信息, no 部门决算情况说明, no scorecard — is cut to
//   those first rows: the engine looks for titles in the first 10 rows, so it loses nothing,
//   and a 200,000-row noise sheet costs a few milliseconds instead of seconds and hundreds of MB.
//
// Browser-safe: inflation is fflate's, bounded by each part's stated size (see ./unzip).

import type { CellValue, Grid } from '../../core/grid';
import { parseAddress } from '../../core/grid';
import { recogniseTable } from '../../core/read/recognise';
import { SheetView } from '../../core/read/sheet';
import { headerColumns } from '../../core/scorecard/read-scorecard';
import { titleKind } from '../../core/scorecard/sheet';
import { findSupplementGrid } from '../../core/supplement';
import { DETAIL, formatSize, UnreadableReason } from './errors';
import { entryChunks, entryText, ZipDataError, ZipSizeError } from './unzip';
import { ZipEntry } from './zip';

/** Titles are searched in the first 10 rows (core/read/recognise, supplement, textcheck). */
export const HEAD_ROWS = 10;
/** Longest head kept in memory while looking for the end of row 10. */
const HEAD_CAP_BYTES = 4 * 1024 * 1024;

export interface LargeSheetBound {
  /** An untitled sheet with more rows than this is read only up to row HEAD_ROWS. */
  rows: number;
  /** …or with more cells than this. */
  cells: number;
}

export interface PrescanOptions {
  maxCells: number;
  /** Most bytes (uncompressed) handed to exceljs: every part except the sheets cut short. */
  maxLoadedBytes: number;
  largeSheet: LargeSheetBound | false;
}

export interface PartialPart {
  /** Zip part name, e.g. xl/worksheets/sheet16.xml. */
  part: string;
  /** Its sheet name (the part name if workbook.xml does not say). */
  sheet: string;
  /** Rows kept (those numbered 1…HEAD_ROWS that the sheet has). */
  keptRows: number;
  /** Rows read before the scan stopped (the sheet has at least this many). */
  rowsSeen: number;
}

export interface PrescanResult {
  /** Part name → the cut-down XML to load instead. */
  replacements: Map<string, Uint8Array>;
  partial: PartialPart[];
  /** Cells (<c> elements) of the sheets that will be loaded. */
  cells: number;
  /** Uncompressed bytes of the parts that will be loaded. */
  loadedBytes: number;
}

export type PrescanOutcome = ({ ok: true } & PrescanResult) | { ok: false; reason: UnreadableReason; detail: string; cause?: unknown };

// Every part in xl/worksheets/ (not its _rels): exceljs takes any name that contains
// sheetN.xml as a worksheet ("sheet99.xml.bak" too), so each is counted like a sheet.
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+$/i;
const SHARED_STRINGS = 'xl/sharedstrings.xml';

// ---------------------------------------------------------------------------------------------
// Counting <row> and <c> start tags in a byte stream.

const LT = 0x3c;
const isDelim = (x: number) => x === 0x20 || x === 0x3e || x === 0x2f || x === 0x09 || x === 0x0a || x === 0x0d;

export class TagCounter {
  rows = 0;
  cells = 0;
  private carry: Uint8Array = new Uint8Array(0);

  feed(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry.length > 0) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry, 0);
      buf.set(chunk, this.carry.length);
    }
    // A tag start needs up to 5 bytes ("<row" + delimiter); later ones wait for the next chunk.
    const limit = buf.length - 4;
    let i = buf.indexOf(LT);
    while (i !== -1 && i < limit) {
      this.count(buf, i);
      i = buf.indexOf(LT, i + 1);
    }
    this.carry = buf.slice(Math.max(0, limit));
  }

  end(): void {
    const buf = this.carry;
    for (let i = buf.indexOf(LT); i !== -1; i = buf.indexOf(LT, i + 1)) this.count(buf, i);
    this.carry = new Uint8Array(0);
  }

  private count(buf: Uint8Array, i: number): void {
    const a = buf[i + 1];
    if (a === 0x63 /* c */ && i + 2 < buf.length && isDelim(buf[i + 2])) this.cells++;
    else if (a === 0x72 /* r */ && buf[i + 2] === 0x6f && buf[i + 3] === 0x77 && i + 4 < buf.length && isDelim(buf[i + 4])) {
      this.rows++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The first rows of a sheet, as text, and where row HEAD_ROWS + 1 starts.

const ROW_TAG = /<((?:[A-Za-z_][\w.-]*:)?)row\b([^>]*)>/g;
const SHEETDATA_END = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData\s*>|<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/g;

export class HeadReader {
  text = '';
  /** Character index in `text` where the first row after HEAD_ROWS starts (or sheetData ends). */
  end: number | undefined;
  overflow = false;
  keptRows = 0;
  private bytes = 0;
  private scanFrom = 0;
  private lastRow = 0;
  private readonly decoder = new TextDecoder('utf-8');

  get done(): boolean {
    return this.end !== undefined || this.overflow;
  }

  feed(chunk: Uint8Array): void {
    if (this.done) return;
    this.bytes += chunk.length;
    this.text += this.decoder.decode(chunk, { stream: true });
    this.look();
    if (!this.done && this.bytes > HEAD_CAP_BYTES) this.overflow = true;
  }

  finish(): void {
    if (this.done) return;
    this.text += this.decoder.decode();
    this.look();
    if (!this.done) this.end = this.text.length;
  }

  private look(): void {
    ROW_TAG.lastIndex = this.scanFrom;
    SHEETDATA_END.lastIndex = this.scanFrom;
    const close = SHEETDATA_END.exec(this.text);
    const closeAt = close ? close.index : Infinity;
    for (let m = ROW_TAG.exec(this.text); m && m.index < closeAt; m = ROW_TAG.exec(this.text)) {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(m[2]);
      const n = r ? Number(r[1]) : this.lastRow + 1;
      if (n > HEAD_ROWS) {
        this.end = m.index;
        return;
      }
      this.lastRow = n;
      this.keptRows++;
      this.scanFrom = ROW_TAG.lastIndex;
    }
    if (close) this.end = close.index;
    // An unfinished tag at the end of the text is looked at again with the next chunk.
  }
}

// ---------------------------------------------------------------------------------------------
// The head rows as a Grid (texts only matter: the engine's title finders run on it).

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (all, name: string) => {
    const n = name.toLowerCase();
    if (n === 'lt') return '<';
    if (n === 'gt') return '>';
    if (n === 'amp') return '&';
    if (n === 'quot') return '"';
    if (n === 'apos') return "'";
    const code = n.startsWith('#x') ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Text of an <si> or <is>: every <t>, phonetic runs (<rPh>) left out. */
function runsText(xml: string): string {
  const body = xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let s = '';
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) s += m[1];
  return decodeXml(s);
}

interface HeadCell {
  row: number;
  col: number;
  /** Shared-string index, or the text itself. */
  sst?: number;
  value?: CellValue;
}

function headCells(xml: string): HeadCell[] {
  const out: HeadCell[] = [];
  const rowRe = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)(?:<\/(?:[\w.-]+:)?row>|$))/g;
  let lastRow = 0;
  for (const rm of xml.matchAll(rowRe)) {
    const r = /\br\s*=\s*["'](\d+)["']/.exec(rm[1]);
    const row = r ? Number(r[1]) : lastRow + 1;
    lastRow = row;
    if (rm[2] === undefined) continue;
    let lastCol = 0;
    const cellRe = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
    for (const cm of rm[2].matchAll(cellRe)) {
      const attrs = cm[1];
      const ref = /\br\s*=\s*["']([A-Za-z]+\d+)["']/.exec(attrs);
      let col = lastCol + 1;
      if (ref) {
        try {
          col = parseAddress(ref[1]).col + 1;
        } catch {
          /* keep the running column */
        }
      }
      lastCol = col;
      const body = cm[2] ?? '';
      const type = /\bt\s*=\s*["'](\w+)["']/.exec(attrs)?.[1];
      const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(body)?.[1];
      const cell: HeadCell = { row: row - 1, col: col - 1 };
      if (type === 's') {
        const idx = v === undefined ? NaN : Number(v.trim());
        if (Number.isInteger(idx) && idx >= 0) cell.sst = idx;
        else continue;
      } else if (type === 'inlineStr') {
        cell.value = runsText(body);
      } else if (v !== undefined) {
        cell.value = type === 'str' || type === 'e' ? decodeXml(v) : v.trim();
      } else continue;
      out.push(cell);
    }
  }
  return out;
}

/** The shared strings with index ≤ maxIndex (reads no further than needed). */
async function sharedStrings(b: Uint8Array, entry: ZipEntry | undefined, maxIndex: number): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  const decoder = new TextDecoder('utf-8');
  let text = '';
  const si = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  for (const chunk of entryChunks(b, entry)) {
    text += decoder.decode(chunk, { stream: true });
    si.lastIndex = 0;
    let used = 0;
    for (let m = si.exec(text); m; m = si.exec(text)) {
      out.push(m[1] === undefined ? '' : runsText(m[1]));
      used = si.lastIndex;
      if (out.length > maxIndex) return out;
    }
    text = text.slice(used);
  }
  return out;
}

function headGrid(sheet: string, cells: HeadCell[], strings: string[]): Grid {
  const rows: CellValue[][] = [];
  for (const c of cells) {
    if (c.row >= HEAD_ROWS || c.col > 16383) continue;
    const value = c.sst !== undefined ? (strings[c.sst] ?? null) : (c.value ?? null);
    if (value === null || value === '') continue;
    while (rows.length <= c.row) rows.push([]);
    const row = rows[c.row];
    while (row.length < c.col) row.push(null);
    row[c.col] = value;
  }
  return { sheet, cells: rows, merges: [] };
}

/** Words that any sheet juesuan reads prints in its first rows. */
const CONTENT_WORDS = /决算|补充信息|情况说明|计分表|评分表|自评|绩效|公开\d*表/;

/**
 * Sheet names that are always read in full: the narrative sheet may be found by its name alone
 * (core/plan/narrative), and juesuan's own journal sheet (_juesuan_journal) must survive whole.
 */
export const KEEP_SHEET_NAME = /决算|补充信息|情况说明|计分表|评分表|自评|绩效|juesuan/i;

/** Whether the first rows hold anything the engine looks for. */
export function headHoldsContent(grid: Grid): boolean {
  for (const row of grid.cells) {
    for (const v of row ?? []) {
      if (typeof v === 'string' && (CONTENT_WORDS.test(v.replace(/[\s\u3000]+/g, '')) || titleKind(v))) return true;
    }
  }
  if (recogniseTable(new SheetView(grid))) return true;
  if (findSupplementGrid([grid])) return true;
  for (let r = 0; r < grid.cells.length; r++) if (headerColumns(grid, r)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------

function tooManyCells(cells: number, max: number): PrescanOutcome {
  return { ok: false, reason: 'too-large', detail: tooManyCellsDetail(cells, max) };
}

export function tooManyCellsDetail(cells: number, max: number): string {
  return `工作簿中的单元格过多（至少 ${cells.toLocaleString('en-US')} 个，上限 ${max.toLocaleString('en-US')} 个），部门决算公开表通常只有几万个单元格，请删除与决算无关的工作表，或确认是否选错了文件。`;
}

type Problem = Extract<PrescanOutcome, { ok: false }>;

const SIZE_MISMATCH: Problem = {
  ok: false,
  reason: 'other',
  detail: '文件内部记录的大小与实际内容不符（可能已损坏，或是伪装成工作簿的压缩炸弹），请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
};

const CORRUPT: Problem = {
  ok: false,
  reason: 'truncated',
  detail: DETAIL.truncated,
};

export async function prescan(b: Uint8Array, entries: ZipEntry[], options: PrescanOptions): Promise<PrescanOutcome> {
  const replacements = new Map<string, Uint8Array>();
  const partial: PartialPart[] = [];
  let cells = 0;
  let loadedBytes = 0;
  const sst = entries.find((e) => e.name.toLowerCase() === SHARED_STRINGS);
  let strings: string[] | undefined;
  let names: Map<string, string> | undefined;

  try {
    for (const entry of entries) {
      const isSheet = WORKSHEET_PART.test(entry.name);
      let size = 0;
      if (!isSheet) {
        // Only the size is checked: a part that inflates past what the directory says is refused.
        for (const chunk of entryChunks(b, entry)) {
          size += chunk.length;
          if (size > entry.uncompressedSize) return SIZE_MISMATCH;
        }
        if (size !== entry.uncompressedSize) return SIZE_MISMATCH;
        loadedBytes += size;
        continue;
      }

      const counter = new TagCounter();
      const head = new HeadReader();
      // The shortest XML of a row is "<row/>" (6 bytes), of a cell "<c/>" (4): a part smaller than
      // that many rows or cells cannot be a large sheet (and it cannot inflate past its size).
      const bound = options.largeSheet;
      const mayBeLarge = bound && entry.uncompressedSize >= Math.min(6 * bound.rows, 4 * bound.cells);
      let verdict: 'unknown' | 'full' | 'cut' = mayBeLarge ? 'unknown' : 'full';
      for (const chunk of entryChunks(b, entry)) {
        size += chunk.length;
        if (size > entry.uncompressedSize) return SIZE_MISMATCH;
        counter.feed(chunk);
        if (verdict === 'unknown' && !head.done) head.feed(chunk);
        if (verdict === 'unknown' && bound && (counter.rows > bound.rows || counter.cells > bound.cells)) {
          verdict = 'full';
          if (head.done && !head.overflow && head.end !== undefined) {
            const parsed = headCells(head.text.slice(0, head.end));
            const maxSst = parsed.reduce((m, c) => (c.sst !== undefined && c.sst > m ? c.sst : m), -1);
            if (maxSst >= 0 && (!strings || strings.length <= maxSst)) strings = await sharedStrings(b, sst, maxSst);
            names ??= await sheetNamesByPart(b, entries);
            const sheet = names.get(entry.name.toLowerCase()) ?? entry.name;
            if (!KEEP_SHEET_NAME.test(sheet) && !headHoldsContent(headGrid(sheet, parsed, strings ?? []))) verdict = 'cut';
          }
          if (verdict === 'cut') break;
        }
        if (verdict === 'full' && cells + counter.cells > options.maxCells) {
          return tooManyCells(cells + counter.cells, options.maxCells);
        }
      }
      if (verdict === 'cut') {
        const closed = closeHead(head.text.slice(0, head.end));
        if (closed !== undefined) {
          const xml = new TextEncoder().encode(closed);
          replacements.set(entry.name, xml);
          loadedBytes += xml.length;
          partial.push({
            part: entry.name,
            sheet: names?.get(entry.name.toLowerCase()) ?? entry.name,
            keptRows: head.keptRows,
            rowsSeen: counter.rows,
          });
          continue;
        }
        // A head we cannot close cleanly: load the sheet in full after all (and count it).
        const again = new TagCounter();
        let total = 0;
        for (const chunk of entryChunks(b, entry)) {
          total += chunk.length;
          if (total > entry.uncompressedSize) return SIZE_MISMATCH;
          again.feed(chunk);
        }
        again.end();
        cells += again.cells;
        loadedBytes += total;
        if (cells > options.maxCells) return tooManyCells(cells, options.maxCells);
        continue;
      }
      counter.end();
      if (size !== entry.uncompressedSize) return SIZE_MISMATCH;
      loadedBytes += size;
      cells += counter.cells;
      if (cells > options.maxCells) return tooManyCells(cells, options.maxCells);
    }
  } catch (e) {
    if (e instanceof ZipSizeError) return { ...SIZE_MISMATCH, cause: e };
    if (e instanceof ZipDataError) return { ...CORRUPT, cause: e };
    throw e;
  }
  if (loadedBytes > options.maxLoadedBytes) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `工作簿解压后过大（需读取约 ${formatSize(loadedBytes)}，上限 ${formatSize(options.maxLoadedBytes)}），部门决算公开表通常只有几 MB，请删除与决算无关的工作表或图片，或确认是否选错了文件。`,
    };
  }
  return { ok: true, replacements, partial, cells, loadedBytes };
}

/** The head (everything before row HEAD_ROWS + 1) closed as a well-formed worksheet. */
function closeHead(head: string): string | undefined {
  const root = /<((?:[A-Za-z_][\w.-]*:)?)worksheet[\s>]/.exec(head);
  const data = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\s*>/.exec(head);
  if (!root || !data || data.index < root.index) return undefined;
  return `${head}</${data[1]}sheetData></${root[1]}worksheet>`;
}

// ---------------------------------------------------------------------------------------------
// Sheet names of parts, for telling the user which sheet was read only in part.

export async function sheetNamesByPart(b: Uint8Array, entries: ZipEntry[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const find = (name: string) => entries.find((e) => e.name.toLowerCase() === name);
  const wbEntry = find('xl/workbook.xml');
  const relsEntry = find('xl/_rels/workbook.xml.rels');
  if (!wbEntry || !relsEntry) return out;
  try {
    const wb = entryText(b, wbEntry);
    const rels = entryText(b, relsEntry);
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
      const id = /\bId\s*=\s*["']([^"']+)["']/.exec(m[1])?.[1];
      const target = /\bTarget\s*=\s*["']([^"']+)["']/.exec(m[1])?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    for (const m of wb.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
      const name = /\bname\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1];
      const rid = /\br:id\s*=\s*["']([^"']+)["']|\b[\w.-]+:id\s*=\s*["']([^"']+)["']/.exec(m[1]);
      const target = rid ? targets.get(rid[1] ?? rid[2]) : undefined;
      if (name !== undefined && target) out.set(target.toLowerCase(), decodeXml(name));
    }
  } catch {
    /* names are a courtesy; the part name will do */
  }
  return out;
}
