// Byte-level checks made before handing a file to exceljs, so the user learns what the file
// actually is (an old .xls, a password-protected workbook, a CSV, a web page…) instead of a
// zip library's complaint.

import { DETAIL, formatSize, UnreadableReason } from './errors';
import { readZipDirectory, startsWithZipSignature, storedEntryText, ZipEntry } from './zip';

export interface SniffProblem {
  reason: UnreadableReason;
  detail: string;
}

export interface SniffLimits {
  maxBytes: number;
  maxUncompressedBytes: number;
}

export type SniffResult = { ok: true; entries?: ZipEntry[] } | ({ ok: false } & SniffProblem);

/**
 * Compression ratio above which a part is taken for a zip bomb. The XML of a real sheet shrinks
 * 5–40 times, a sheet of empty styled cells ~100 times; deflate cannot pass ~1,032.
 */
const MAX_RATIO = 400;
/** Parts smaller than this are not judged by their ratio (a 1 KB part of zeros is harmless). */
const RATIO_FROM_BYTES = 1024 * 1024;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c & 0xff, c >> 8);
  }
  return out;
}

/** Whether `needle` occurs anywhere in `b`. */
export function containsBytes(b: Uint8Array, needle: number[]): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = needle[0];
  const last = b.length - n;
  outer: for (let i = b.indexOf(first); i !== -1 && i <= last; i = b.indexOf(first, i + 1)) {
    for (let j = 1; j < n; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function fail(reason: UnreadableReason, detail: string): SniffResult {
  return { ok: false, reason, detail };
}

export function sniff(b: Uint8Array, limits: SniffLimits): SniffResult {
  if (b.length === 0) return fail('empty', DETAIL.empty);
  if (b.length > limits.maxBytes) {
    return fail(
      'too-large',
      `文件过大（${formatSize(b.length)}，上限 ${formatSize(limits.maxBytes)}），部门决算公开表通常只有几 MB，请确认是否选错了文件。`,
    );
  }
  if (startsWithZipSignature(b)) return sniffZip(b, limits);
  if (b[0] === 0 && b.every((x) => x === 0)) return fail('empty', DETAIL.allZero);
  if (startsWith(b, CFB_SIGNATURE)) return sniffCfb(b);
  return fail('not-xlsx', describeNonZip(b));
}

// ---------------------------------------------------------------------------------------------
// OLE / Compound File Binary: old Office formats, and password-protected OOXML files, which
// Office wraps in a CFB holding "EncryptionInfo" and "EncryptedPackage" streams.

function sniffCfb(b: Uint8Array): SniffResult {
  // Stream names in the directory are UTF-16LE.
  if (containsBytes(b, utf16le('EncryptionInfo')) || containsBytes(b, utf16le('EncryptedPackage'))) {
    return fail('encrypted', DETAIL.encrypted);
  }
  const isWorkbook = containsBytes(b, utf16le('Workbook')) || containsBytes(b, utf16le('Book'));
  if (!isWorkbook) {
    if (containsBytes(b, utf16le('WordDocument'))) {
      return fail('not-xlsx', '这是 Word 文档（.doc），并非 Excel 工作簿，请选择 .xlsx 格式的决算报表。');
    }
    if (containsBytes(b, utf16le('PowerPoint Document'))) {
      return fail('not-xlsx', '这是 PowerPoint 演示文稿（.ppt），并非 Excel 工作簿，请选择 .xlsx 格式的决算报表。');
    }
  }
  return fail('xls', DETAIL.xls);
}

// ---------------------------------------------------------------------------------------------
// Zip: check it is whole, and that it is a workbook rather than some other zip.

function sniffZip(b: Uint8Array, limits: SniffLimits): SniffResult {
  const dir = readZipDirectory(b);
  if (dir.kind === 'truncated') return fail('truncated', DETAIL.truncated);
  // A directory this reader cannot follow (e.g. a zip64 locator pointing nowhere) is refused:
  // waving it through to an unzipper would skip every size and cell limit below.
  if (dir.kind === 'unknown') return fail('other', DETAIL.unknownZip);

  const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
  if (entries.length === 0) {
    return fail('not-xlsx', '这是一个空的压缩包，并非 Excel 工作簿，请选择 .xlsx 格式的决算报表。');
  }
  if (entries.some((e) => e.encrypted)) return fail('encrypted', DETAIL.encrypted);

  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has('xl/workbook.xml')) return fail('not-xlsx', describeOtherZip(b, entries, names));

  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    return fail(
      'too-large',
      `工作簿解压后过大（约 ${formatSize(total)}，上限 ${formatSize(limits.maxUncompressedBytes)}），部门决算公开表通常只有几 MB，请确认是否选错了文件。`,
    );
  }
  const bomb = entries.find((e) => e.uncompressedSize > RATIO_FROM_BYTES && e.uncompressedSize > MAX_RATIO * e.compressedSize);
  if (bomb) return fail('other', DETAIL.bomb);
  if (entries.some((e) => e.method !== 0 && e.method !== 8)) {
    return fail('other', '文件使用了不受支持的压缩方式，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。');
  }
  return { ok: true, entries };
}

function describeOtherZip(b: Uint8Array, entries: ZipEntry[], names: Set<string>): string {
  const suffix = '并非 Excel 工作簿（.xlsx），请选择 .xlsx 格式的决算报表。';
  if (names.has('xl/workbook.bin')) {
    return '这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再试。';
  }
  if (names.has('word/document.xml')) return `这是 Word 文档（.docx），${suffix}`;
  if (names.has('ppt/presentation.xml')) return `这是 PowerPoint 演示文稿（.pptx），${suffix}`;
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const mt = storedEntryText(b, mimetype) ?? '';
    if (mt.includes('opendocument.spreadsheet')) {
      return '这是 OpenDocument 表格（.ods），请在 Excel 或 WPS 中另存为 .xlsx 后再试。';
    }
    if (mt.includes('opendocument')) return `这是 OpenDocument 文档，${suffix}`;
  }
  if ([...names].some((n) => n.startsWith('xl/'))) {
    return '工作簿缺少必要的组成部分（xl/workbook.xml），可能已损坏，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。';
  }
  const inner = entries.find((e) => /\.(xlsx|xlsm|xls|et)$/i.test(e.name));
  if (inner) {
    const innerName = inner.name.split('/').pop();
    return `这是一个压缩包（里面有“${innerName}”等文件），请先解压，再选择其中的 .xlsx 文件。`;
  }
  return `这是一个压缩包（zip），${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Neither zip nor CFB: say what it looks like, if that is obvious.

/** Up to 4 KB of the start as a string of byte values (UTF-16 BOMs de-interleaved). */
function head(b: Uint8Array): { text: string; utf16: boolean } {
  const max = 4096;
  let text = '';
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const lo = b[0] === 0xff ? 0 : 1; // little-endian: low byte first
    for (let i = 2; i + 1 < b.length && text.length < max; i += 2) {
      const c = b[i + lo] | (b[i + 1 - lo] << 8);
      text += String.fromCharCode(c);
    }
    return { text, utf16: true };
  }
  const start = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const end = Math.min(b.length, start + max);
  for (let i = start; i < end; i++) text += String.fromCharCode(b[i]);
  return { text, utf16: false };
}

function looksLikeText(s: string): boolean {
  if (s.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Control characters other than tab, LF, CR, FF, and ESC-free text; high bytes are fine
    // (UTF-8 or GBK Chinese).
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) bad++;
  }
  return bad <= s.length / 100;
}

export function describeNonZip(b: Uint8Array): string {
  const suffix = '并非 Excel 工作簿（.xlsx），请选择 .xlsx 格式的决算报表。';
  const resave = '请用 Excel 或 WPS 打开后另存为 .xlsx 再试。';

  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return `这是 PDF 文件，${suffix}`; // %PDF
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21])) return '这是 RAR 压缩包，请先解压，再选择其中的 .xlsx 文件。';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '这是 7z 压缩包，请先解压，再选择其中的 .xlsx 文件。';
  if (startsWith(b, [0x1f, 0x8b])) return '这是 gzip 压缩文件，请先解压，再选择其中的 .xlsx 文件。';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff])) {
    return `这是图片文件，${suffix}`;
  }

  const { text } = head(b);
  const t = text.replace(/^[\s\u0000]+/, '').toLowerCase();
  if (t.startsWith('{\\rtf')) return `这是 RTF 文档，${suffix}`;
  if (t.startsWith('mime-version:') || /content-type:\s*multipart\/related/.test(t)) {
    return `这是网页存档（.mht）格式的文件，并非真正的 Excel 工作簿，${resave}`;
  }
  if (t.startsWith('<')) {
    if (t.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<(ss:)?workbook[\s>]/.test(t)) {
      return `这是 Excel 2003 XML 表格文件，并非 .xlsx 工作簿，${resave}`;
    }
    if (/<(!doctype\s+html|html|head|body|table|meta)[\s>]/.test(t)) {
      return `这是网页（HTML）格式的文件，并非真正的 Excel 工作簿（常见于从业务系统导出的表格），${resave}`;
    }
    return `这是 XML 文本文件，${suffix}`;
  }
  if (looksLikeText(text)) {
    const lines = text.split(/\r?\n/).slice(0, 20);
    if (lines.some((l) => l.includes(',') || l.includes('\t'))) {
      return `这是 CSV 或文本格式的文件，并非 Excel 工作簿，${resave}`;
    }
    return `这是纯文本文件，${suffix}`;
  }
  return `文件格式无法识别，${suffix}`;
}
