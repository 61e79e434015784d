// One file of a batch: read, check, and boil the result down to plain data that can cross a
// worker_threads boundary. Never throws: a file that cannot be read (or that trips a bug) is a
// result with `unreadable` set, so it gets its own line and the batch goes on.
import { settingsFromGrids } from '../settings';
import { checkWorkbook } from '../../core/engine';
import type { Finding } from '../../core/finding';
import { isUnreadableWorkbookError } from '../../hosts/file/errors';
import { readGridsFromFile } from '../../hosts/file/node';
import type { SeverityCounts } from '../format';
import { countBySeverity } from '../format';
import { unitName, yearOf } from './identity';
import { unreadableResult } from './unreadable';

export interface FileResult {
  /** Path relative to the batch folder, '/' separators. */
  file: string;
  /** 单位名称 (补充信息, else the 部门：… line of the title blocks), null when neither says. */
  unit: string | null;
  year: number | null;
  counts: SeverityCounts;
  findings: Finding[];
  /** Why the file could not be checked (a Chinese sentence), or null. */
  unreadable: string | null;
}

export { unreadableResult } from './unreadable';

export function internalErrorMessage(file: string, e: unknown): string {
  const detail = process.env.JUESUAN_DEBUG ? `\n${(e as Error)?.stack ?? String(e)}` : '';
  return `检查“${file}”时发生内部错误，文件未被修改。请将此文件反馈给开发者。${detail}`;
}

export async function checkFile(absPath: string, file: string): Promise<FileResult> {
  try {
    const { grids } = await readGridsFromFile(absPath);
    const result = checkWorkbook(grids, { profile: settingsFromGrids(grids)?.template, settings: settingsFromGrids(grids) });
    if (result.notJuesuan) return unreadableResult(file, `无法检查“${file}”：${result.notJuesuan}`);
    return {
      file,
      unit: unitName(result, grids),
      year: yearOf(result, grids),
      counts: countBySeverity(result.findings),
      findings: result.findings,
      unreadable: null,
    };
  } catch (e) {
    if (isUnreadableWorkbookError(e)) return unreadableResult(file, e.message);
    return unreadableResult(file, internalErrorMessage(file, e));
  }
}
