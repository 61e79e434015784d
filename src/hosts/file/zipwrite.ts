// Rewrites a zip with some entries' contents replaced (stored, uncompressed) and every other
// entry's compressed bytes copied as they are. Used to hand exceljs a workbook whose huge
// untitled sheets are cut to their first rows. Browser-safe, no dependency.

import { entryDataStart, ZipEntry } from './zip';

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** Whether rewriteZip can handle these entries (no zip64, no encryption, data in bounds). */
export function canRewrite(b: Uint8Array, entries: ZipEntry[]): boolean {
  return entries.every((e) => {
    if (e.zip64 || e.encrypted) return false;
    const start = entryDataStart(b, e);
    return start + e.compressedSize <= b.length;
  });
}

/**
 * A new zip with the same entries in central-directory order; `replace` maps an entry name to
 * its new (uncompressed) content, written stored — or deflated with `deflateRaw` when one is
 * given (Node: zlib.deflateRawSync). Data descriptors are dropped (sizes and CRC go in the local
 * headers). Everything else is kept byte for byte.
 */
export function rewriteZip(
  b: Uint8Array,
  entries: ZipEntry[],
  replace: Map<string, Uint8Array>,
  deflateRaw?: (data: Uint8Array) => Uint8Array,
): Uint8Array {
  const method = deflateRaw ? 8 : 0;
  interface Part {
    e: ZipEntry;
    headerLen: number;
    data: Uint8Array;
    crc: number;
    size: number;
  }
  const parts: Part[] = entries.map((e) => {
    const h = e.localHeaderOffset;
    const headerLen = 30 + u16(b, h + 26) + u16(b, h + 28);
    const content = replace.get(e.name);
    if (content) return { e, headerLen, data: deflateRaw ? deflateRaw(content) : content, crc: crc32(content), size: content.length };
    const start = entryDataStart(b, e);
    return { e, headerLen, data: b.subarray(start, start + e.compressedSize), crc: e.crc32, size: e.uncompressedSize };
  });
  const localTotal = parts.reduce((s, p) => s + p.headerLen + p.data.length, 0);
  const centralTotal = parts.reduce((s, p) => s + p.e.centralLength, 0);
  const out = new Uint8Array(localTotal + centralTotal + 22);

  let at = 0;
  const offsets: number[] = [];
  for (const p of parts) {
    const replaced = replace.has(p.e.name);
    offsets.push(at);
    out.set(b.subarray(p.e.localHeaderOffset, p.e.localHeaderOffset + p.headerLen), at);
    put16(out, at + 6, u16(out, at + 6) & ~0x0008);
    if (replaced) put16(out, at + 8, method);
    put32(out, at + 14, p.crc);
    put32(out, at + 18, p.data.length);
    put32(out, at + 22, p.size);
    at += p.headerLen;
    out.set(p.data, at);
    at += p.data.length;
  }
  const centralStart = at;
  parts.forEach((p, i) => {
    out.set(b.subarray(p.e.centralOffset, p.e.centralOffset + p.e.centralLength), at);
    put16(out, at + 8, u16(out, at + 8) & ~0x0008);
    if (replace.has(p.e.name)) {
      put16(out, at + 10, method);
      put32(out, at + 16, p.crc);
      put32(out, at + 20, p.data.length);
      put32(out, at + 24, p.size);
    }
    put32(out, at + 42, offsets[i]);
    at += p.e.centralLength;
  });
  // End of central directory.
  put32(out, at, 0x06054b50);
  put16(out, at + 4, 0);
  put16(out, at + 6, 0);
  put16(out, at + 8, parts.length);
  put16(out, at + 10, parts.length);
  put32(out, at + 12, at - centralStart);
  put32(out, at + 16, centralStart);
  put16(out, at + 20, 0);
  return out;
}
