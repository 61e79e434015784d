// Streaming inflate of one zip entry, chunk by chunk, so a caller can look at the start of a
// part (or count what is in it) without holding all of it. Browser-safe: it uses the web
// DecompressionStream('deflate-raw') that Node ≥ 18 and current browsers provide. Node code
// registers zlib (./inflate-node) so that ordinary, small parts are inflated in one call —
// setting up a web stream per part costs ~1 ms, which adds up over a workbook's 40 parts.

import { entryDataStart, ZipEntry } from './zip';

const CHUNK = 64 * 1024;

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

interface WebStreams {
  ReadableStream: new (source: {
    pull(controller: { enqueue(chunk: Uint8Array): void; close(): void }): void;
  }) => { pipeThrough(t: unknown): { getReader(): ByteReader } };
  DecompressionStream: new (format: string) => unknown;
}

function webStreams(): WebStreams | undefined {
  const g = globalThis as unknown as Partial<WebStreams>;
  if (typeof g.DecompressionStream !== 'function' || typeof g.ReadableStream !== 'function') return undefined;
  try {
    new g.DecompressionStream('deflate-raw');
  } catch {
    return undefined; // an engine that knows only 'gzip' / 'deflate'
  }
  return g as WebStreams;
}

let cached: WebStreams | null | undefined;

/** Whether this runtime can inflate zip entries (stored entries always can). */
export function canInflate(): boolean {
  return syncInflater !== undefined || canStream();
}

function canStream(): boolean {
  if (cached === undefined) cached = webStreams() ?? null;
  return cached !== null;
}

/** The entry's data is not where the directory says, or does not inflate. */
export class ZipDataError extends Error {}

/** The entry inflates to more bytes than the zip directory says. */
export class ZipSizeError extends ZipDataError {}

/** One-shot inflate; must throw when the output would exceed `maxOutputLength`. */
export interface SyncInflater {
  inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array;
  /** Whether `e` (thrown by inflateRaw) means the output was over maxOutputLength. */
  isTooLong(e: unknown): boolean;
}

let syncInflater: SyncInflater | undefined;

/** Entries up to this size (as the directory states it) go through the sync inflater. */
const SYNC_MAX = 8 * 1024 * 1024;

export function useSyncInflater(inflater: SyncInflater | undefined): void {
  syncInflater = inflater;
}

/**
 * The uncompressed bytes of `entry`, in chunks. Stopping early (break / return) cancels the
 * inflater. Throws ZipDataError for data that is cut off or not valid deflate.
 */
export async function* entryChunks(b: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const start = entryDataStart(b, entry);
  const end = start + entry.compressedSize;
  if (start > b.length || end > b.length) throw new ZipDataError(`data of ${entry.name} past end of file`);
  if (entry.method === 0) {
    for (let p = start; p < end; p += CHUNK) yield b.subarray(p, Math.min(end, p + CHUNK));
    return;
  }
  if (entry.method !== 8) throw new ZipDataError(`unsupported compression method ${entry.method}`);
  if (syncInflater && (entry.uncompressedSize <= SYNC_MAX || !canStream())) {
    let out: Uint8Array;
    try {
      out = syncInflater.inflateRaw(b.subarray(start, end), entry.uncompressedSize + 1);
    } catch (e) {
      if (syncInflater.isTooLong(e)) throw new ZipSizeError(`${entry.name} inflates past its stated size`);
      throw new ZipDataError(`cannot inflate ${entry.name}: ${(e as Error)?.message ?? String(e)}`);
    }
    for (let p = 0; p < out.length; p += CHUNK) yield out.subarray(p, Math.min(out.length, p + CHUNK));
    return;
  }
  if (!canStream()) throw new ZipDataError('no inflater');
  const web = cached as WebStreams;
  let p = start;
  const source = new web.ReadableStream({
    pull(controller) {
      if (p >= end) {
        controller.close();
        return;
      }
      const q = Math.min(end, p + CHUNK);
      controller.enqueue(b.slice(p, q));
      p = q;
    },
  });
  const reader = source.pipeThrough(new web.DecompressionStream('deflate-raw')).getReader();
  let finished = false;
  try {
    for (;;) {
      let step: { done: boolean; value?: Uint8Array };
      try {
        step = await reader.read();
      } catch (e) {
        finished = true;
        throw new ZipDataError(`cannot inflate ${entry.name}: ${(e as Error)?.message ?? String(e)}`);
      }
      if (step.done) {
        finished = true;
        return;
      }
      if (step.value && step.value.length > 0) yield step.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/** The whole entry as text (for the small parts: workbook.xml, its rels). */
export async function entryText(b: Uint8Array, entry: ZipEntry, maxBytes = 16 * 1024 * 1024): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let n = 0;
  for await (const chunk of entryChunks(b, entry)) {
    n += chunk.length;
    if (n > maxBytes) throw new ZipDataError(`${entry.name} larger than ${maxBytes}`);
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
