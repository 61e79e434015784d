// Bytes → exceljs workbook + Grids. No Node API here: this runs in the browser bundle too.

import * as ExcelJS from 'exceljs';
import { Grid } from '../../core/grid';
import { HostError } from '../host';
import { toUint8Array } from './bytes';
import { DETAIL, UnreadableReason, UnreadableWorkbookError } from './errors';
import type { PartialSheet, ReadLimits } from './limits';
import {
  DEFAULT_LARGE_SHEET,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_LOADED_BYTES,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
} from './limits';
import { worksheetToGrid } from './grid';
import { HEAD_ROWS, prescan } from './prescan';
import { sniff } from './sniff';
import { ZipEntry } from './zip';
import { canRewrite, rewriteZip } from './zipwrite';
import { writePackage } from './package/writer';

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

export interface LoadOptions extends ReadLimits {
  /**
   * Parse data validations (drop-down lists etc.). Off by default: exceljs expands every
   * validation range cell by cell, so one whole-column rule ("D1:D1048576") costs ~1 s and
   * ~150 MB, and a whole-sheet rule never finishes. Grids never need them; turn this on only
   * if the workbook will be saved back and its validations must survive.
   */
  keepDataValidations?: boolean;
}

export {
  toUint8Array,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_LOADED_BYTES,
  DEFAULT_LARGE_SHEET,
};
export type { PartialSheet };

/** Workbooks loaded with some sheets cut short: saving them would lose those sheets' rows. */
const partiallyLoaded = new WeakMap<ExcelJS.Workbook, PartialSheet[]>();

/**
 * What each workbook was loaded from: the file's bytes (saveWorkbook writes them back with only
 * juesuan's changes) and how to parse it again as it was (to find edits made without a plan).
 */
const loadedFrom = new WeakMap<ExcelJS.Workbook, { original: Uint8Array; reload: () => Promise<ExcelJS.Workbook> }>();

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
export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer, fileName?: string, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const data = toUint8Array(bytes);
  const found = sniff(data, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
  });
  if (!found.ok) throw unreadable(found.reason, fileName, found.detail);

  // Sizes, cell count and huge untitled sheets, before exceljs builds anything.
  let toLoad = data;
  let partialSheets: PartialSheet[] = [];
  if (found.entries) {
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
      const err = new Error(
        '无法生成 .xlsx 文件：工作簿的结构不规范，为避免丢失内容没有写出。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
      );
      (err as Error & { cause?: unknown }).cause = e;
      throw err;
    }
  }
  const partial = partialSheetsOf(workbook);
  if (partial.length > 0) {
    throw new HostError(
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
