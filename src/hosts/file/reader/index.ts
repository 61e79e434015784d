// The fast reader: .xlsx bytes → Grid[] for check, narrate, batch and the standalone page, straight
// from the package (fflate to unzip, ./xml to scan), without building exceljs's model. Only the
// parts it needs are inflated, each bounded by its stated size (./unzip), and every limit of
// ../limits is kept: cells, bytes parsed, huge untitled sheets read only to row 10. exceljs stays
// for writing (../load), where its model earns its cost. No Node API: the browser bundle uses it.

import type { Grid } from '../../../core/grid';
import { address, colCount } from '../../../core/grid';
import { toUint8Array } from '../bytes';
import { DETAIL, formatSize, UnreadableReason, UnreadableWorkbookError } from '../errors';
import type { PartialSheet, ReadLimits } from '../limits';
import {
  DEFAULT_LARGE_SHEET,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_LOADED_BYTES,
  DEFAULT_MAX_SHEET_SPAN,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
} from '../limits';
import { HEAD_ROWS, HeadReader, headHoldsContent, KEEP_SHEET_NAME, LargeSheetBound, TagCounter, tooManyCellsDetail } from '../prescan';
import { sniff } from '../sniff';
import { entryChunks, entryText, ZipDataError, ZipSizeError } from '../unzip';
import type { ZipEntry } from '../zip';
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, SheetEntry } from './parts';
import { CellOutOfRangeError, MAX_COLS, MAX_ROWS, parseSheet, SheetStyles } from './sheet';

export interface ReadGrids {
  /** One per worksheet, in workbook order (hidden and very hidden sheets included). */
  grids: Grid[];
  /** Very large sheets whose first rows hold no title juesuan reads, read only to row 10. */
  partialSheets: PartialSheet[];
  /** With `withFormulas`: sheet → address → formula (see parseSheet). */
  formulas?: Map<string, Map<string, string>>;
}

export interface ReadOptions extends ReadLimits {
  /** Also list where the formulas are (the standalone page's 填表 never writes over one). */
  withFormulas?: boolean;
}

class Refused extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const RESAVE = '请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。';

/**
 * Reads the Grids of an .xlsx in memory. Throws UnreadableWorkbookError (a Chinese sentence
 * naming `fileName`) for anything that is not a readable workbook or passes a limit.
 */
export function readGrids(bytes: Uint8Array | ArrayBuffer, fileName?: string, limits: ReadOptions = {}): ReadGrids {
  const data = toUint8Array(bytes);
  const found = sniff(data, {
    maxBytes: limits.maxBytes ?? DEFAULT_MAX_BYTES,
    maxUncompressedBytes: limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
  });
  if (!found.ok) throw new UnreadableWorkbookError(found.reason, fileName, found.detail);
  if (!found.entries) throw new UnreadableWorkbookError('other', fileName, DETAIL.unknownZip);
  try {
    return new PackageReader(data, found.entries, limits).read();
  } catch (e) {
    if (e instanceof Refused) throw new UnreadableWorkbookError(e.reason, fileName, e.detail);
    if (e instanceof ZipSizeError) throw new UnreadableWorkbookError('other', fileName, DETAIL.bomb, e);
    if (e instanceof ZipDataError) throw new UnreadableWorkbookError('truncated', fileName, DETAIL.truncated, e);
    throw new UnreadableWorkbookError('other', fileName, DETAIL.corrupt, e);
  }
}

class PackageReader {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly maxCells: number;
  private readonly maxLoadedBytes: number;
  private readonly largeSheet: LargeSheetBound | false;
  private readonly maxSheetSpan: number;
  private cells = 0;
  private loadedBytes = 0;
  private readonly formulas: Map<string, Map<string, string>> | undefined;

  constructor(
    private readonly data: Uint8Array,
    entries: ZipEntry[],
    limits: ReadOptions,
  ) {
    if (limits.withFormulas) this.formulas = new Map();
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
    this.maxCells = limits.maxCells ?? DEFAULT_MAX_CELLS;
    this.maxLoadedBytes = limits.maxLoadedBytes ?? DEFAULT_MAX_LOADED_BYTES;
    this.largeSheet = limits.largeSheet === undefined ? DEFAULT_LARGE_SHEET : limits.largeSheet;
    this.maxSheetSpan = limits.maxSheetSpan ?? DEFAULT_MAX_SHEET_SPAN;
  }

  read(): ReadGrids {
    const rels = parseRelationships(this.text('xl/_rels/workbook.xml.rels') ?? '');
    const workbookXml = this.text('xl/workbook.xml');
    if (workbookXml === undefined) throw new Refused('not-xlsx', `工作簿缺少必要的组成部分（xl/workbook.xml），${RESAVE}`);
    const info = parseWorkbook(workbookXml, rels);
    const styles: SheetStyles = {
      strings: parseSharedStrings(this.text(info.sharedStringsPart ?? 'xl/sharedStrings.xml') ?? ''),
      dateStyles: parseDateStyles(this.text(info.stylesPart ?? 'xl/styles.xml') ?? ''),
      date1904: info.date1904,
    };
    const grids: Grid[] = [];
    const partialSheets: PartialSheet[] = [];
    for (const sheet of info.sheets) {
      if (!sheet.isWorksheet) continue; // chart and dialog sheets hold no cells (exceljs skips them too)
      const entry = sheet.part ? this.byName.get(sheet.part.toLowerCase()) : undefined;
      if (!entry) throw new Refused('other', `工作表“${sheet.name}”的内容缺失，文件结构不规范，${RESAVE}`);
      const grid = this.sheet(sheet, entry, styles, partialSheets);
      if (sheet.state !== 'visible') grid.hidden = sheet.state;
      grids.push(grid);
    }
    return this.formulas ? { grids, partialSheets, formulas: this.formulas } : { grids, partialSheets };
  }

  /** A small part as text, counted against the bytes limit; undefined when absent. */
  private text(name: string): string | undefined {
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return undefined;
    this.count(entry.uncompressedSize);
    return entryText(this.data, entry);
  }

  private count(bytes: number): void {
    this.loadedBytes += bytes;
    if (this.loadedBytes > this.maxLoadedBytes) {
      throw new Refused(
        'too-large',
        `工作簿解压后过大（需读取约 ${formatSize(this.loadedBytes)}，上限 ${formatSize(this.maxLoadedBytes)}），部门决算公开表通常只有几 MB，请删除与决算无关的工作表或图片，或确认是否选错了文件。`,
      );
    }
  }

  private sheet(sheet: SheetEntry, entry: ZipEntry, styles: SheetStyles, partial: PartialSheet[]): Grid {
    const bound = this.largeSheet;
    // The shortest row is "<row/>" (6 bytes), the shortest cell "<c/>" (4): a smaller part cannot be large.
    const mayBeLarge = bound && entry.uncompressedSize >= Math.min(6 * bound.rows, 4 * bound.cells);
    const chunks: Uint8Array[] = [];
    if (mayBeLarge) {
      const cut = this.headIfLargeAndUntitled(sheet, entry, styles, bound, chunks);
      if (cut) {
        partial.push({ sheet: sheet.name, keptRows: cut.keptRows, rowsSeen: cut.rowsSeen });
        this.count(cut.head.length);
        return this.parse(cut.head, sheet.name, styles);
      }
    } else {
      for (const chunk of entryChunks(this.data, entry)) chunks.push(chunk);
    }
    this.count(entry.uncompressedSize);
    return this.withinSpan(this.parse(decode(chunks), sheet.name, styles), partial);
  }

  /**
   * The grid if its span (rows × columns) is within bounds; else its head rows when they hold
   * nothing juesuan reads. A titled sheet spanning more is refused: the engine would look at
   * every position of it (a stray cell at XFD or at row 1,000,000 makes millions).
   */
  private withinSpan(grid: Grid, partial: PartialSheet[]): Grid {
    const rows = grid.cells.length;
    const cols = colCount(grid);
    if (rows * cols <= this.maxSheetSpan) return grid;
    const kept = grid.cells.slice(0, HEAD_ROWS);
    while (kept.length > 0 && kept[kept.length - 1] === undefined) kept.pop();
    const head: Grid = { sheet: grid.sheet, cells: kept, merges: grid.merges.filter((m) => m.top < kept.length) };
    if (!KEEP_SHEET_NAME.test(grid.sheet) && !headHoldsContent({ ...head, merges: [] })) {
      partial.push({ sheet: grid.sheet, keptRows: head.cells.filter((r) => r && r.length > 0).length, rowsSeen: rows });
      return head;
    }
    throw new Refused(
      'too-large',
      `工作表“${grid.sheet}”的内容范围过大（从 A1 到 ${farthestCell(grid)}，共 ${rows.toLocaleString('en-US')} 行 × ${cols.toLocaleString('en-US')} 列，上限 ${this.maxSheetSpan.toLocaleString('en-US')} 个单元格），请删除表格以外远处的单元格（例如按 Ctrl+End 找到最后一个单元格）后再试。`,
    );
  }

  private parse(xml: string, name: string, styles: SheetStyles): Grid {
    let formulas: Map<string, string> | undefined;
    if (this.formulas) this.formulas.set(name, (formulas = new Map()));
    try {
      const { grid, cellTags } = parseSheet(xml, name, styles, formulas);
      this.cells += cellTags;
      if (this.cells > this.maxCells) throw new Refused('too-large', tooManyCellsDetail(this.cells, this.maxCells));
      return grid;
    } catch (e) {
      if (e instanceof CellOutOfRangeError) {
        throw new Refused(
          'other',
          `工作表“${name}”的${e.where}超出了 Excel 工作表的范围（最多 ${MAX_ROWS.toLocaleString('en-US')} 行、${MAX_COLS.toLocaleString('en-US')} 列），文件结构不规范，${RESAVE}`,
        );
      }
      throw e;
    }
  }

  /**
   * Streams a sheet that may be large: when it has more rows or cells than `bound` and its first
   * rows hold nothing juesuan reads, the head (rows 1…10) as text; otherwise undefined, with
   * every chunk of the part left in `chunks` for the full parse.
   */
  private headIfLargeAndUntitled(
    sheet: SheetEntry,
    entry: ZipEntry,
    styles: SheetStyles,
    bound: LargeSheetBound,
    chunks: Uint8Array[],
  ): { head: string; keptRows: number; rowsSeen: number } | undefined {
    const counter = new TagCounter();
    const head = new HeadReader();
    let judged = false;
    for (const chunk of entryChunks(this.data, entry)) {
      chunks.push(chunk);
      counter.feed(chunk);
      if (!head.done) head.feed(chunk);
      if (judged || !(counter.rows > bound.rows || counter.cells > bound.cells)) continue;
      judged = true;
      if (!head.done || head.overflow || head.end === undefined || KEEP_SHEET_NAME.test(sheet.name)) continue;
      const text = closeHead(head.text.slice(0, head.end));
      if (text === undefined) continue;
      const headGrid = parseSheet(text, sheet.name, styles).grid;
      if (headHoldsContent(headGrid)) continue;
      return { head: text, keptRows: head.keptRows, rowsSeen: counter.rows };
    }
    return undefined;
  }
}

/** The last row's last cell and the last column, as an address (“XFD3000”). */
function farthestCell(grid: Grid): string {
  return address(grid.cells.length - 1, colCount(grid) - 1);
}

/** The head (everything before row HEAD_ROWS + 1) closed as a well-formed worksheet. */
function closeHead(head: string): string | undefined {
  const data = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\s*>/.exec(head);
  return data ? `${head}</${data[1]}sheetData>` : undefined;
}

const utf8 = new TextDecoder('utf-8');

function decode(chunks: Uint8Array[]): string {
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  let size = 0;
  for (const c of chunks) size += c.length;
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return utf8.decode(all);
}

export { HEAD_ROWS };
