// `juesuan batch DIR [--json] [-o REPORT.xlsx] [--jobs N]`: check every .xlsx under DIR in
// parallel, one line per file (in path order), a summary, exit code by the worst file:
// 2 if any file could not be read, else 1 if any has an error finding, else 0.
import * as fs from 'fs';
import * as path from 'path';
import { readGrids } from '../../hosts/file/reader';
import type { CliIo } from '../io';
import { processIo } from '../io';
import type { FileResult } from './check-file';
import type { BatchFile } from './files';
import { listWorkbooks } from './files';
import { batchJson, Progress, resultLine, summarize, summaryText } from './output';
import { availableCores, checkFiles } from './pool';
import { FINDINGS_SHEET, FULL_TEXT_SHEET, ROUNDING_SHEET, SUMMARY_SHEET } from './report-sheets';
import { writeFailure } from '../output-file';
import type { LastFile } from './since';
import { compareWithLast, comparisonText, readLast } from './since';

export type { FileResult } from './check-file';
export type { BatchJson, BatchSummary } from './output';
export { listWorkbooks, isWorkbookName } from './files';
export { checkFiles, availableCores } from './pool';

export interface BatchOptions {
  json?: boolean;
  /** REPORT.xlsx to write. */
  output?: string;
  /** Parallel workers (default: one per core; 1 = in this thread). */
  jobs?: number;
  /** Progress bar on io.err (default: only when io is the real process and stderr is a terminal). */
  progress?: boolean;
  /** Longest a single file may take, ms. */
  timeoutMs?: number;
  /** Compiled worker script (default: lib/src/cli/batch/worker.js when running the built code). */
  workerScript?: string;
  /** Folder for the 整改通知 .docx files. */
  notices?: string;
  /** An earlier `batch --json` output: say per unit what is fixed, still there, new. */
  since?: string;
}

function fsReason(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

/** Whether an existing file at the report path is a report juesuan wrote (safe to replace). */
async function isOurReport(file: string): Promise<boolean> {
  try {
    const { grids } = readGrids(fs.readFileSync(file), file);
    const names = grids.map((g) => g.sheet);
    // reports written before the 取整差额 and 全文 sheets existed had only the first two
    return (
      names[0] === SUMMARY_SHEET &&
      names[1] === FINDINGS_SHEET &&
      names.slice(2).every((n) => n === ROUNDING_SHEET || n === FULL_TEXT_SHEET)
    );
  } catch {
    return false;
  }
}

function unreadableFolderLine(folder: string, code: string | undefined): string {
  const why = code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : '无法读取';
  return `子文件夹“${folder}”${why}，其中的文件未检查。\n`;
}

export async function runBatch(dir: string | undefined, options: BatchOptions, io: CliIo): Promise<number> {
  if (!dir) {
    io.err('请指定要检查的文件夹，例如：juesuan batch 决算报表\n');
    return 2;
  }
  try {
    fs.statSync(dir);
  } catch (e) {
    const why =
      fsReason(e) === 'ENOENT' || fsReason(e) === 'ENOTDIR' ? '找不到这个文件夹，请检查路径是否正确。' : '无法打开这个文件夹，请检查权限。';
    io.err(`无法检查“${dir}”：${why}\n`);
    return 2;
  }

  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) {
    io.err('--jobs 后面应写并行检查的文件数（正整数），例如：--jobs 4\n');
    return 2;
  }
  const output = options.output ? path.resolve(options.output) : undefined;
  if (options.output !== undefined && !options.output) {
    io.err('请在 -o 后写上报告文件名，例如：-o 审核结果.xlsx\n');
    return 2;
  }
  if (options.notices !== undefined && !options.notices) {
    io.err('请在 --notices 后写上存放整改通知的文件夹，例如：--notices 整改通知\n');
    return 2;
  }
  let last: LastFile[] | undefined;
  if (options.since !== undefined) {
    try {
      last = readLast(options.since);
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return 2;
    }
  }
  let files: BatchFile[];
  try {
    files = listWorkbooks(dir, [], (folder, code) => io.err(unreadableFolderLine(folder, code)));
  } catch {
    io.err(`无法检查“${dir}”：无法读取这个文件夹的内容，请检查权限。\n`);
    return 2;
  }
  if (output) {
    if (!fs.existsSync(path.dirname(output))) {
      io.err(`无法写入报告“${options.output}”：所在文件夹不存在。\n`);
      return 2;
    }
    const clash = files.find((f) => f.path === output);
    if (clash) {
      if (!(await isOurReport(output))) {
        io.err(`报告文件“${clash.name}”是要检查的工作簿之一，不能覆盖。请换一个文件名，或保存到文件夹之外。\n`);
        return 2;
      }
      files = files.filter((f) => f !== clash); // last run's report: replaced, not checked
    }
  }

  const json = options.json ?? false;
  if (files.length === 0) {
    io.err(`“${dir}”中没有找到 .xlsx 文件。\n`);
    if (json) io.out(JSON.stringify(batchJson([]), null, 2) + '\n');
    return 2;
  }

  const showProgress = options.progress ?? (io === processIo && process.stderr.isTTY === true);
  const progress = showProgress
    ? new Progress(
        (t) => io.err(t),
        files.length,
        () => (io === processIo ? process.stderr.columns || 80 : 80),
      )
    : undefined;
  progress?.update(0, '');

  // Lines go out in path order as soon as every earlier file is done.
  const ready: Array<FileResult | undefined> = new Array(files.length);
  let printed = 0;
  let done = 0;
  const results = await checkFiles(files, {
    jobs: options.jobs ?? availableCores(),
    timeoutMs: options.timeoutMs,
    workerScript: options.workerScript,
    onResult: (index, result) => {
      ready[index] = result;
      done++;
      if (!json) {
        while (printed < files.length && ready[printed]) {
          const line = resultLine(ready[printed] as FileResult) + '\n';
          if (progress) progress.around(() => io.out(line));
          else io.out(line);
          printed++;
        }
      }
      progress?.update(done, result.file);
    },
  });
  progress?.clear();

  const summary = summarize(results);
  const comparison = last ? compareWithLast(results, last) : undefined;
  if (json) io.out(JSON.stringify(comparison ? { ...batchJson(results), since: comparison } : batchJson(results), null, 2) + '\n');
  else {
    io.out(`\n${summaryText(summary)}\n`);
    if (comparison) io.out(`\n${comparisonText(comparison)}\n`);
  }
  if (options.notices) {
    const { writeNotices } = await import('./notices'); // docx is loaded only for notices
    const written = await writeNotices(path.resolve(options.notices), results);
    const note =
      written.length > 0
        ? `整改通知 ${written.length} 份已写入：${options.notices}（${written.join('、')}）\n`
        : '没有存在错误的单位，未生成整改通知。\n';
    if (json) io.err(note);
    else io.out(note);
  }

  if (output) {
    try {
      // exceljs is loaded only for the report (a second or more of start-up the workers would share).
      await (await import('./report')).writeReport(output, results);
    } catch (e) {
      io.err(`${writeFailure(options.output as string, e).replace('无法写入', '无法写入报告')}\n`);
      return 2;
    }
    const note = `审核报告已写入：${options.output}\n`;
    if (json) io.err(note);
    else io.out(note);
  }
  return summary.exitCode;
}
