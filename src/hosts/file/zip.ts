// A minimal, dependency-free reader of a zip's central directory: enough to tell a truncated
// file from a whole one, and to list the entry names (is there an xl/workbook.xml?) without
// inflating anything. Kept by hand although fflate unzips (./unzip): fflate answers a cut-off
// or foreign file with one generic error, and the user's message must say which it is (文件不完整,
// a .docx, a zip of workbooks…); the stated sizes it lists are also what every limit checks
// before a byte is inflated. Runs on a plain Uint8Array, so it works in the browser too.

export interface ZipEntry {
  /** Name as stored, '\' turned into '/', a leading '/' removed. */
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** General-purpose bit flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name). */
  flags: number;
  crc32: number;
  /** Where this entry's central directory record starts, and its length in bytes. */
  centralOffset: number;
  centralLength: number;
  /** Sizes or offset came from a zip64 extra field. */
  zip64: boolean;
}

export type ZipDirectory =
  | { kind: 'ok'; entries: ZipEntry[] }
  /** End-of-central-directory record missing, or the directory / an entry lies past the end. */
  | { kind: 'truncated'; why: string }
  /** Structure we do not understand (e.g. odd zip64); let the real unzipper decide. */
  | { kind: 'unknown'; why: string };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

export function startsWithZipSignature(b: Uint8Array): boolean {
  return (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    ((b[2] === 0x03 && b[3] === 0x04) || // local file header
      (b[2] === 0x05 && b[3] === 0x06) || // empty archive
      (b[2] === 0x07 && b[3] === 0x08)) // spanned-archive marker
  );
}

function findEocd(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) {
      // Accept only if the comment length matches what is left (guards against a
      // signature-looking byte run inside compressed data or the comment).
      const commentLen = u16(b, i + 20);
      if (i + 22 + commentLen <= b.length) return i;
    }
  }
  return -1;
}

export function readZipDirectory(b: Uint8Array): ZipDirectory {
  const eocd = findEocd(b);
  if (eocd < 0) return { kind: 'truncated', why: 'no end-of-central-directory record' };

  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);

  if (count === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_ZIP64_LOCATOR) return { kind: 'unknown', why: 'zip64 without locator' };
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== SIG_ZIP64_EOCD) return { kind: 'unknown', why: 'zip64 record not found' };
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }

  if (cdOffset + cdSize > b.length) return { kind: 'truncated', why: 'central directory past end of file' };

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) {
      return { kind: 'truncated', why: `central directory entry ${i} missing` };
    }
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    const crc32 = u32(b, p + 16);
    const zip64 = uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX;
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > b.length) return { kind: 'truncated', why: `central directory entry ${i} cut off` };

    if (zip64) {
      // zip64 extended information extra field (id 0x0001): the 0xFFFFFFFF fields, in order.
      let q = extraStart;
      const end = extraStart + extraLen;
      while (q + 4 <= end) {
        const id = u16(b, q);
        const len = u16(b, q + 2);
        if (id === 0x0001) {
          let r = q + 4;
          if (uncompressedSize === U32_MAX && r + 8 <= q + 4 + len) {
            uncompressedSize = u64(b, r);
            r += 8;
          }
          if (compressedSize === U32_MAX && r + 8 <= q + 4 + len) {
            compressedSize = u64(b, r);
            r += 8;
          }
          if (localHeaderOffset === U32_MAX && r + 8 <= q + 4 + len) localHeaderOffset = u64(b, r);
          break;
        }
        q += 4 + len;
      }
    }

    let name = latin1(b, nameStart, extraStart).replace(/\\/g, '/');
    while (name.startsWith('/')) name = name.slice(1);

    if (localHeaderOffset + 30 > b.length || u32(b, localHeaderOffset) !== SIG_LOCAL) {
      return { kind: 'truncated', why: `local header of ${name} missing` };
    }
    if (localHeaderOffset + 30 + compressedSize > b.length) {
      return { kind: 'truncated', why: `data of ${name} past end of file` };
    }

    entries.push({
      name,
      method,
      encrypted: (flags & 1) !== 0,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      flags,
      crc32,
      centralOffset: p,
      centralLength: next - p,
      zip64,
    });
    p = next;
  }
  return { kind: 'ok', entries };
}

/** The raw bytes of a STORED (uncompressed) entry, e.g. an OpenDocument "mimetype". */
export function storedEntryText(b: Uint8Array, e: ZipEntry, maxLen = 200): string | undefined {
  if (e.method !== 0) return undefined;
  const start = entryDataStart(b, e);
  const end = Math.min(start + e.compressedSize, start + maxLen, b.length);
  return latin1(b, start, end);
}

/** Where an entry's (compressed) data starts: after its local header, name and extra field. */
export function entryDataStart(b: Uint8Array, e: ZipEntry): number {
  const h = e.localHeaderOffset;
  return h + 30 + u16(b, h + 26) + u16(b, h + 28);
}
