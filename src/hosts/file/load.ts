// Bytes → exceljs workbook + Grids. No Node API here: this runs in the browser bundle too.

import * as ExcelJS from 'exceljs';
import { Grid } from '../../core/grid';
import { DETAIL, UnreadableReason, UnreadableWorkbookError } from './errors';
import { worksheetToGrid } from './grid';
import { canInflate } from './inflate';
import { HEAD_ROWS, LargeSheetBound, prescan } from './prescan';
import { sniff } from './sniff';
import { ZipEntry } from './zip';
import { canRewrite, rewriteZip } from './zipwrite';
import { writePackage } from './package/writer';

/** A sheet that was read only up to its first rows (see LoadOptions.largeSheet). */
export interface PartialSheet {
  sheet: string;
  /** Rows kept: the sheet's rows numbered 1…10. */
  keptRows: number;
  /** The sheet has at least this many rows. */
  rowsSeen: number;
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** One per worksheet, in workbook order (hidden and very hidden sheets included). */
  grids: Grid[];
  /**
   * Sheets read only in part: very large sheets whose first rows hold no title juesuan reads.
   * Empty (or absent) for ordinary workbooks. Such a workbook cannot be saved back (saveWorkbook
   * refuses): load it with `largeSheet: false` first.
   */
  partialSheets?: PartialSheet[];
}

export interface LoadOptions {
  /** Largest file accepted, in bytes. Default 50 MB. */
  maxBytes?: number;
  /** Largest total uncompressed size of the zip's parts. Default 500 MB. */
  maxUncompressedBytes?: number;
  /**
   * Parse data validations (drop-down lists etc.). Off by default: exceljs expands every
   * validation range cell by cell, so one whole-column rule ("D1:D1048576") costs ~1 s and
   * ~150 MB, and a whole-sheet rule never finishes. Grids never need them; turn this on only
   * if the workbook will be saved back and its validations must survive.
   */
  keepDataValidations?: boolean;
  /**
   * Most cells (<c> elements) in the sheets that are loaded. Default 500,000 (a 部门决算 workbook
   * has a few tens of thousands; exceljs needs roughly 0.5 KB per cell).
   */
  maxCells?: number;
  /**
   * A sheet with more rows or cells than this whose first 10 rows hold no title juesuan reads
   * (附表, 补充信息, 部门决算情况说明, 计分表 / 绩效目标完成情况表) is read only up to row 10 and listed in
   * `partialSheets`. Default { rows: 5000, cells: 100000 }. `false` reads every sheet in full
   * (needed when the workbook will be saved back).
   */
  largeSheet?: LargeSheetBound | false;
  /**
   * Most bytes, uncompressed, that exceljs is given to parse (all parts but the sheets cut short
   * by `largeSheet`). Default 100 MB; exceljs needs several times that in memory.
   */
  maxLoadedBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
export const DEFAULT_MAX_CELLS = 500_000;
export const DEFAULT_MAX_LOADED_BYTES = 100 * 1024 * 1024;
export const DEFAULT_LARGE_SHEET: LargeSheetBound = { rows: 5000, cells: 100_000 };

/** Workbooks loaded with some sheets cut short: saving them would lose those sheets' rows. */
const partiallyLoaded = new WeakMap<ExcelJS.Workbook, PartialSheet[]>();

/**
 * What each workbook was loaded from: the file's bytes (saveWorkbook writes them back with only
 * juesuan's changes) and how to parse it again as it was (to find edits made without a plan).
 */
const loadedFrom = new WeakMap<ExcelJS.Workbook, { original: Uint8Array; reload: () => Promise<ExcelJS.Workbook> }>();

export function toUint8Array(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes; // includes Node's Buffer
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  // An ArrayBuffer from another realm (iframe, jest vm) fails instanceof.
  const tag = Object.prototype.toString.call(bytes);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') {
    return new Uint8Array(bytes as ArrayBuffer);
  }
  if (ArrayBuffer.isView(bytes)) {
    const v = bytes as ArrayBufferView;
    return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  }
  throw new TypeError('loadWorkbook: expected a Uint8Array, ArrayBuffer or Buffer');
}

/** Zip/inflate failures (vs. XML or model problems), judged from the library's message. */
function looksLikeZipError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /zip|inflate|deflate|compress|invalid (block|distance|code|stored)|unexpected end|end of data|header check|crc|signature/i.test(
    msg,
  );
}

function unreadable(reason: UnreadableReason, fileName: string | undefined, detail: string, cause?: unknown) {
  return new UnreadableWorkbookError(reason, fileName, detail, cause);
}

/** Worksheet parts in the zip that exceljs should have turned into worksheets. */
function countWorksheetParts(entries: ZipEntry[]): number {
  return entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)).length;
}

/**
 * Reads an .xlsx from memory. Throws UnreadableWorkbookError (Chinese message naming
 * `fileName`) for anything that is not a readable .xlsx workbook.
 */
export async function loadWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  fileName?: string,
  options: LoadOptions = {},
): Promise<LoadedWorkbook> {
  const data = toUint8Array(bytes);
  const found = sniff(data, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
  });
  if (!found.ok) throw unreadable(found.reason, fileName, found.detail);

  // Sizes, cell count and huge untitled sheets, before exceljs builds anything.
  let toLoad = data;
  let partialSheets: PartialSheet[] = [];
  if (found.entries && canInflate()) {
    const entries = found.entries;
    let largeSheet = options.largeSheet === undefined ? DEFAULT_LARGE_SHEET : options.largeSheet;
    if (largeSheet && !canRewrite(data, entries)) largeSheet = false;
    const scan = await prescan(data, entries, {
      maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
      maxLoadedBytes: options.maxLoadedBytes ?? DEFAULT_MAX_LOADED_BYTES,
      largeSheet,
    });
    if (!scan.ok) throw unreadable(scan.reason, fileName, scan.detail, scan.cause);
    if (scan.replacements.size > 0) {
      toLoad = rewriteZip(data, entries, scan.replacements);
      partialSheets = scan.partial.map(({ sheet, keptRows, rowsSeen }) => ({ sheet, keptRows, rowsSeen }));
    }
  }

  const parse = async () => {
    const wb = new ExcelJS.Workbook();
    // exceljs types say Buffer; at run time it hands the data to JSZip, which takes any
    // Uint8Array (Node) or ArrayBuffer/Uint8Array (browser build).
    await wb.xlsx.load(toLoad as unknown as Parameters<ExcelJS.Xlsx['load']>[0], {
      ignoreNodes: options.keepDataValidations ? [] : ['dataValidations'],
    });
    return wb;
  };
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await parse();
  } catch (e) {
    if (looksLikeZipError(e)) throw unreadable('truncated', fileName, DETAIL.truncated, e);
    throw unreadable('other', fileName, DETAIL.corrupt, e);
  }

  const worksheets = workbook.worksheets;
  if (found.entries) {
    const parts = countWorksheetParts(found.entries);
    if (parts > worksheets.length) {
      const missing = parts - worksheets.length;
      throw unreadable(
        'other',
        fileName,
        `工作簿中有 ${missing} 张工作表的结构不规范、无法读取，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。`,
      );
    }
  }

  const grids: Grid[] = [];
  for (const ws of worksheets) {
    try {
      grids.push(worksheetToGrid(ws));
    } catch (e) {
      throw unreadable('other', fileName, `工作表“${ws.name}”的内容无法解析，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。`, e);
    }
  }
  loadedFrom.set(workbook, { original: data, reload: parse });
  if (partialSheets.length === 0) return { workbook, grids };
  partiallyLoaded.set(workbook, partialSheets);
  return { workbook, grids, partialSheets };
}

/** Why a partially loaded workbook cannot be saved: the sheets that were cut short. */
export function partialSheetsOf(workbook: ExcelJS.Workbook): PartialSheet[] {
  return partiallyLoaded.get(workbook) ?? [];
}

/**
 * The workbook as .xlsx bytes. A workbook read by loadWorkbook is written as the file it came
 * from with only what juesuan's plans changed (./package/writer): every part it does not
 * understand — VBA, charts, validations, external links … — comes back byte for byte. A workbook
 * built in memory is written by exceljs.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const from = loadedFrom.get(workbook);
  if (from && partialSheetsOf(workbook).length === 0) {
    try {
      return await writePackage(from.original, workbook, await from.reload());
    } catch (e) {
      const err = new Error('无法生成 .xlsx 文件：工作簿的结构不规范，为避免丢失内容没有写出。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。');
      (err as Error & { cause?: unknown }).cause = e;
      throw err;
    }
  }
  const partial = partialSheetsOf(workbook);
  if (partial.length > 0) {
    throw new Error(
      `工作表${partial.map((p) => `“${p.sheet}”`).join('、')}很大且不含决算表格，读取时只读了前 ${HEAD_ROWS} 行；` +
        '为避免丢失内容，不能把这个工作簿写回文件。',
    );
  }
  let out: ArrayBuffer | Uint8Array;
  try {
    out = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  } catch (e) {
    const err = new Error('无法生成 .xlsx 文件：工作簿内容有不受支持的部分，请在 Excel 或 WPS 中另存后再试。');
    (err as Error & { cause?: unknown }).cause = e;
    throw err;
  }
  // Node gives a Buffer, the browser build an ArrayBuffer; hand back a plain Uint8Array either
  // way (a view, no copy).
  return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
}
