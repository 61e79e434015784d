// Where `fill -o` may write, and writing there safely. OUT must not be the same file as any input
// (the workbook read, last year's workbook): judged on the real files, so a symlink, a hard
// link, "./x/../in.xlsx" or "IN.XLSX" on a case-insensitive file system are all caught. OUT is
// written through a temporary file in its own folder renamed into place, so a failure never
// leaves a half-written OUT (nor a damaged older one).
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';

export interface NamedInput {
  /** What the input is, for the message: 输入文件, 上年工作簿 … */
  role: string;
  file: string;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** True when `dir` lies on a file system that ignores case (macOS, Windows by default). */
function caseInsensitiveAt(file: string): boolean {
  const base = path.basename(file);
  const flipped = base === base.toLowerCase() ? base.toUpperCase() : base.toLowerCase();
  if (flipped === base) return false;
  const a = statOrUndefined(file);
  const b = statOrUndefined(path.join(path.dirname(file), flipped));
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/** The file's real path: symlinks resolved; for a file not yet there, its folder's real path. */
function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

function sameFile(out: string, input: string): boolean {
  const a = statOrUndefined(out);
  const b = statOrUndefined(input);
  if (a && b && a.dev === b.dev && a.ino === b.ino && a.ino !== 0) return true;
  const ra = realPath(out);
  const rb = realPath(input);
  if (ra === rb) return true;
  return ra.toLowerCase() === rb.toLowerCase() && caseInsensitiveAt(rb);
}

/** Throws a UsageError naming both paths when OUT is one of the inputs or not a writable place. */
export function checkOutputPath(out: string, inputs: NamedInput[]): void {
  for (const { role, file } of inputs) {
    if (sameFile(out, file)) {
      throw new UsageError(
        `输出文件不能与${role}相同：“${out}”与“${file}”是同一个文件（或它的链接、仅大小写不同）。juesuan 从不改写原文件，请换一个 -o 文件名。`,
      );
    }
  }
  const st = statOrUndefined(out);
  if (st?.isDirectory())
    throw new UsageError(`输出文件“${out}”是一个文件夹，请在 -o 后写文件名，例如 ${path.join(out, '决算-已填写.xlsx')}。`);
  if (st && !st.isFile()) throw new UsageError(`输出文件“${out}”不是普通文件，请换一个 -o 文件名。`);
}
