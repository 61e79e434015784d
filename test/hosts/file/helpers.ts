// Test helpers for the file host: real .xlsx bytes built with exceljs, patched with jszip
// (exceljs's own dependency; used in tests only) where Excel writes XML that exceljs does not.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { UnreadableReason, UnreadableWorkbookError } from '../../../src/hosts/file';

export async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** Rewrites zip entries: `edits[name]` gets the old text (or undefined) and returns the new one. */
export async function patchZip(bytes: Uint8Array, edits: Record<string, (old: string | undefined) => string | null>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const f = zip.file(name);
    const next = edit(f ? await f.async('string') : undefined);
    if (next === null) zip.remove(name);
    else zip.file(name, next);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function zipBytes(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  // OpenDocument keeps "mimetype" uncompressed, first.
  for (const [name, text] of Object.entries(files)) zip.file(name, text, name === 'mimetype' ? { compression: 'STORE' } : {});
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Replaces sheet1's <sheetData> (and adds <mergeCells> if given) with hand-written XML. */
export async function withSheetXml(bytes: Uint8Array, sheetData: string, mergeCells = ''): Promise<Uint8Array> {
  return patchZip(bytes, {
    'xl/worksheets/sheet1.xml': (xml) =>
      xml!
        .replace(/<dimension [^>]*\/>/, '')
        .replace(/<sheetData\s*\/>|<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${sheetData}</sheetData>${mergeCells}`),
  });
}

/** A minimal Compound File Binary: the 8-byte signature, then a sector of zeros, plus `extra`. */
export function cfbBytes(extra: number[] = []): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const out = new Uint8Array(header.length + 512 + extra.length);
  out.set(header, 0);
  out.set(extra, header.length + 512);
  return out;
}

export function utf16le(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out.push(c & 0xff, c >> 8);
  }
  return out;
}

/** Awaits `p`, expecting an UnreadableWorkbookError with `reason` (or one of them) whose message names `shownName`. */
export async function expectUnreadable(
  p: Promise<unknown>,
  reason: UnreadableReason | UnreadableReason[],
  shownName: string | null,
): Promise<UnreadableWorkbookError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(UnreadableWorkbookError);
  const err = caught as UnreadableWorkbookError;
  expect(Array.isArray(reason) ? reason : [reason]).toContain(err.reason);
  expect(typeof err.message).toBe('string');
  expect(err.name).toBe('UnreadableWorkbookError');
  // One sentence for an accountant: names the file, Chinese, no line breaks, no library text.
  expect(err.message.startsWith(shownName === null ? '无法读取该文件：' : `无法读取“${shownName}”：`)).toBe(true);
  expect(err.message).toMatch(/。$/);
  expect(err.message).not.toMatch(/[\r\n]/);
  expect(err.message).not.toMatch(/\b(at|Error|undefined|null|Cannot|invalid|Corrupted|End of data)\b/);
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) expect(err.message).not.toContain(cause.message);
  return err;
}
