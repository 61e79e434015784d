// Inflating one zip entry with fflate (Node and browser alike), bounded by construction:
// the compressed data is pushed in slices and the output is counted as it comes, so a part that
// inflates past the size its directory entry states (a zip bomb lying about its sizes) is stopped
// after at most one slice's worth of output, never inflated in full.
// The directory itself is read by ./zip (fflate does not tell a truncated file from a damaged one,
// which the user's message needs).

import { Inflate } from 'fflate';
import { entryDataStart, ZipEntry } from './zip';

/** Compressed bytes pushed at a time: at most ~1032 × this comes out before the size is checked. */
const SLICE = 64 * 1024;

/** The entry's data is not where the directory says, or does not inflate. */
export class ZipDataError extends Error {}

/** The entry inflates to more bytes than the zip directory says. */
export class ZipSizeError extends ZipDataError {}

function dataRange(b: Uint8Array, entry: ZipEntry): { start: number; end: number } {
  const start = entryDataStart(b, entry);
  const end = start + entry.compressedSize;
  if (start > b.length || end > b.length) throw new ZipDataError(`data of ${entry.name} past end of file`);
  return { start, end };
}

/**
 * The uncompressed bytes of `entry`, in chunks, synchronously. Stopping early (break) stops
 * inflating. Throws ZipSizeError past the stated size, ZipDataError for data that is cut off or
 * not valid deflate.
 */
export function* entryChunks(b: Uint8Array, entry: ZipEntry): Generator<Uint8Array> {
  const { start, end } = dataRange(b, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipSizeError(`${entry.name}: stored sizes differ`);
    for (let p = start; p < end; p += SLICE) yield b.subarray(p, Math.min(end, p + SLICE));
    return;
  }
  if (entry.method !== 8) throw new ZipDataError(`unsupported compression method ${entry.method}`);
  let pending: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    pending.push(chunk);
  });
  for (let p = start; p < end || p === start; p += SLICE) {
    const q = Math.min(end, p + SLICE);
    try {
      inflater.push(b.subarray(p, q), q >= end);
    } catch (e) {
      throw new ZipDataError(`cannot inflate ${entry.name}: ${(e as Error)?.message ?? String(e)}`);
    }
    if (total > entry.uncompressedSize) throw new ZipSizeError(`${entry.name} inflates past its stated size`);
    const out = pending;
    pending = [];
    for (const chunk of out) yield chunk;
    if (q >= end) break;
  }
  if (total !== entry.uncompressedSize) throw new ZipSizeError(`${entry.name} inflates to ${total}, not ${entry.uncompressedSize}`);
}

/** The whole entry in one array (its stated size, checked). */
export function entryBytes(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  for (const chunk of entryChunks(b, entry)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8');

/** The whole entry as UTF-8 text. */
export function entryText(b: Uint8Array, entry: ZipEntry): string {
  return utf8.decode(entryBytes(b, entry));
}
