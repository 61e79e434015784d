// Node-only: read a workbook from disk. Kept apart from ./index so browser bundles never
// pull in fs. Only regular files are read: a FIFO would block forever and /dev/zero never ends.

import * as fs from 'fs';
import { formatSize, UnreadableWorkbookError } from './errors';
import { DEFAULT_MAX_BYTES, ReadLimits } from './limits';
import { readGrids, ReadGrids } from './reader';

function fsErrorDetail(e: unknown): { reason: 'not-found' | 'other'; detail: string } {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'not-found', detail: '找不到这个文件，请检查文件名和所在文件夹是否正确。' };
    case 'EISDIR':
      return { reason: 'other', detail: '这是一个文件夹，不是文件，请选择其中的 .xlsx 文件。' };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'other', detail: '没有读取这个文件的权限，请检查文件权限后再试。' };
    case 'EBUSY':
      return { reason: 'other', detail: '文件正被其他程序占用，请关闭占用它的程序后再试。' };
    case 'ENOTREG':
      return { reason: 'other', detail: '这不是普通文件（而是管道、设备或其他特殊文件），请选择保存在磁盘上的 .xlsx 文件。' };
    default:
      return { reason: 'other', detail: '读取文件时发生错误，请确认文件可以正常打开后再试。' };
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`. Opened without blocking (a FIFO would wait
 * for a writer) and judged by the open handle, so what is checked is what is read. Synchronous
 * calls: a workbook is a few MB at most, and each asynchronous step would hand the thread back to
 * the event loop only to wait for the answer (a batch worker sat idle about a sixth of its time).
 */
export function readFileBytesSync(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  try {
    const fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const st = fs.fstatSync(fd);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
      if (st.size > maxBytes) {
        throw new UnreadableWorkbookError(
          'too-large',
          path,
          `文件过大（${formatSize(st.size)}，上限 ${formatSize(maxBytes)}），部门决算公开表通常只有几 MB，请确认是否选错了文件。`,
        );
      }
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    const { reason, detail } = fsErrorDetail(e);
    throw new UnreadableWorkbookError(reason, path, detail, e);
  }
}

/** readFileBytesSync for callers that await (every failure a rejected UnreadableWorkbookError). */
export async function readFileBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  return readFileBytesSync(path, maxBytes);
}

/**
 * Reads the Grids of an .xlsx on disk (one per worksheet, in workbook order) with the fast
 * reader. Every failure, including a missing file, is an UnreadableWorkbookError.
 */
export async function readGridsFromFile(path: string, limits: ReadLimits = {}): Promise<ReadGrids> {
  return readGrids(readFileBytesSync(path, limits.maxBytes), path, limits);
}
