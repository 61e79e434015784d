// Node-only: read a workbook from disk. Kept apart from ./index so browser bundles never
// pull in fs.

import { promises as fs } from 'fs';
import { formatSize, UnreadableWorkbookError } from './errors';
import './inflate-node';
import { DEFAULT_MAX_BYTES, loadWorkbook, LoadedWorkbook, LoadOptions } from './load';

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
    default:
      return { reason: 'other', detail: '读取文件时发生错误，请确认文件可以正常打开后再试。' };
  }
}

/**
 * Reads and parses an .xlsx from disk: the workbook and its Grids (one per worksheet, in
 * workbook order). Every failure, including a missing file, is an UnreadableWorkbookError.
 */
export async function readGridsFromFile(path: string, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    if (st.size > maxBytes) {
      throw new UnreadableWorkbookError(
        'too-large',
        path,
        `文件过大（${formatSize(st.size)}，上限 ${formatSize(maxBytes)}），部门决算公开表通常只有几 MB，请确认是否选错了文件。`,
      );
    }
    bytes = await fs.readFile(path);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw e;
    const { reason, detail } = fsErrorDetail(e);
    throw new UnreadableWorkbookError(reason, path, detail, e);
  }
  return loadWorkbook(bytes, path, options);
}
