// Writing what the user asked for (fill's OUT, batch's REPORT): a file that cannot be written is
// one Chinese sentence naming the path and why (exit 2), never “内部错误”.
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';

const WHY: Record<string, string> = {
  ENOENT: '所在文件夹不存在',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是一个文件夹，请写上文件名，例如 结果.xlsx',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限，或文件正在 Excel/WPS 中打开',
  EBUSY: '文件正在被其他程序（如 Excel/WPS）使用，请关闭后再试',
  EROFS: '所在磁盘是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
  ENAMETOOLONG: '文件名或路径太长',
  EINVAL: '文件名中有不允许的字符',
};

/** “无法写入“out.xlsx”：所在文件夹不存在。” */
export function writeFailure(file: string, e: unknown): string {
  const code = (e as { code?: string } | null)?.code ?? '';
  return `无法写入“${file}”：${WHY[code] ?? `写入时发生错误（${code || '未知原因'}）`}。`;
}

/**
 * Writes the bytes through a temporary file in the same folder renamed into place (OUT is replaced
 * whole or not at all), or throws a UsageError saying which path and why.
 */
export function writeOutputFile(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.juesuan-tmp`);
  try {
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    throw new UsageError(`${writeFailure(file, e)}原有文件（如有）未被改动。`);
  }
}
