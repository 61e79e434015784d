// Inflating one zip entry with fflate (Node and browser alike), bounded by construction: a part
// that inflates past the size its directory entry states (a zip bomb lying about its sizes) is
// stopped after at most one slice of compressed data (≤ ~1,032 × SLICE bytes of output work),
// never inflated in full. A part no larger than a slice is inflated in one call into a buffer of
// its stated size + 1 (fflate writes nothing past it); a larger one is pushed slice by slice to
// fflate's streaming inflater and its output counted as it comes. (One call is several times
// faster than the stream in a freshly started process, which is what the command line is.)
// The directory itself is read by ./zip (fflate does not tell a truncated file from a damaged one,
// which the user's message needs).

import { Inflate, inflateSync } from 'fflate';
import { entryDataStart, ZipEntry } from './zip';

/** Compressed bytes inflated at a time: at most ~1,032 × this comes out before the size is checked. */
const SLICE = 256 * 1024;

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
  if (entry.compressedSize <= SLICE) {
    yield inflateSmall(b.subarray(start, end), entry);
    return;
  }
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

function inflateSmall(data: Uint8Array, entry: ZipEntry): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(entry.uncompressedSize + 1) });
  } catch (e) {
    // A stored block copied past the buffer: more data than the entry states.
    if (e instanceof RangeError) throw new ZipSizeError(`${entry.name} inflates past its stated size`);
    throw new ZipDataError(`cannot inflate ${entry.name}: ${(e as Error)?.message ?? String(e)}`);
  }
  if (out.length !== entry.uncompressedSize)
    throw new ZipSizeError(`${entry.name} inflates to ${out.length}, not ${entry.uncompressedSize}`);
  return out;
}

/** The whole entry in one array (its stated size, checked). */
export function entryBytes(b: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.method === 8 && entry.compressedSize <= SLICE) {
    const { start, end } = dataRange(b, entry);
    return inflateSmall(b.subarray(start, end), entry);
  }
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
