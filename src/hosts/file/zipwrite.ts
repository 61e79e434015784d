// Zips written with fflate (Node and browser alike). rewriteZip hands exceljs a workbook whose
// huge untitled sheets are cut to their first rows; zipEntries / zipPackage serve the
// package-preserving writer (./package).
import { unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { ZipEntry } from './zip';

/** Whether rewriteZip can handle these entries: none encrypted (fflate cannot decrypt). */
export function canRewrite(_b: Uint8Array, entries: ZipEntry[]): boolean {
  return entries.every((e) => !e.encrypted);
}

/**
 * A new zip with the same entries in the same order; `replace` maps an entry name to its new
 * content. Entries are stored (level 0): the result is only read back, never saved, so
 * deflating it again would cost time for nothing.
 */
export function rewriteZip(b: Uint8Array, entries: ZipEntry[], replace: Map<string, Uint8Array>): Uint8Array {
  const kept = unzipSync(b, { filter: (f) => !replace.has(f.name) });
  const out: Zippable = {};
  for (const e of entries) {
    const data = replace.get(e.name) ?? kept[e.name];
    if (data) out[e.name] = data;
  }
  return zipSync(out, { level: 0 });
}

/** Every entry of a zip, by name, in the zip's order. */
export function zipEntries(b: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(b)));
}

/** A zip of `parts` in the map's order, deflated. */
export function zipPackage(parts: Map<string, Uint8Array>): Uint8Array {
  const out: Zippable = {};
  for (const [name, data] of parts) out[name] = data;
  return zipSync(out, { level: 6 });
}
