// What `juesuan batch` prints: one line per file, a summary, the --json object, the progress bar.
import type { SeverityCounts } from '../format';
import { summaryLine } from '../format';
import type { FileResult } from './check-file';

export interface BatchSummary {
  files: number;
  /** Files with no error finding (可以打印). */
  printable: number;
  /** Readable files with at least one error finding. */
  withErrors: number;
  /** Readable files without errors but with an identity not checked (未核验). */
  unchecked: number;
  unreadable: number;
  /** Findings over all readable files. */
  errors: number;
  warnings: number;
  infos: number;
  exitCode: 0 | 1 | 2;
}

export function summarize(results: FileResult[]): BatchSummary {
  const s: BatchSummary = {
    files: results.length,
    printable: 0,
    withErrors: 0,
    unchecked: 0,
    unreadable: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    exitCode: 0,
  };
  for (const r of results) {
    if (r.unreadable !== null) {
      s.unreadable++;
      continue;
    }
    if (r.counts.error > 0) s.withErrors++;
    else if (r.counts.unchecked) s.unchecked++;
    else s.printable++;
    s.errors += r.counts.error;
    s.warnings += r.counts.warning;
    s.infos += r.counts.info;
  }
  s.exitCode = s.unreadable > 0 ? 2 : s.withErrors > 0 || s.unchecked > 0 ? 1 : 0;
  return s;
}

/** “青川市示范局 2024年度”, or what is missing. */
export function unitLabel(r: FileResult): string {
  const unit = r.unit ?? '（未注明单位名称）';
  return r.year !== null ? `${unit} ${r.year}年度` : unit;
}

/** One line per file: “a/b.xlsx  青川市示范局 2024年度  错误 1 条，… —— 有1条错误，修改后才能打印”. */
export function resultLine(r: FileResult): string {
  if (r.unreadable !== null) return `${r.file}  ${r.unreadable.split('\n')[0]}`;
  return `${r.file}  ${unitLabel(r)}  ${summaryLine(r.counts)}`;
}

export function summaryText(s: BatchSummary): string {
  const parts = [`可以打印 ${s.printable} 个`, `有错误 ${s.withErrors} 个`];
  if (s.unchecked > 0) parts.push(`有未核验项 ${s.unchecked} 个`);
  if (s.unreadable > 0) parts.push(`无法读取 ${s.unreadable} 个`);
  return `共 ${s.files} 个文件：${parts.join('，')}；合计错误 ${s.errors} 条，提示 ${s.warnings} 条，说明 ${s.infos} 条。`;
}

export interface BatchJson {
  files: Array<{
    file: string;
    unit: string | null;
    year: number | null;
    counts: SeverityCounts;
    findings: FileResult['findings'];
    unreadable: string | null;
  }>;
  summary: BatchSummary;
}

export function batchJson(results: FileResult[]): BatchJson {
  return {
    files: results.map((r) => ({
      file: r.file,
      unit: r.unit,
      year: r.year,
      counts: r.counts,
      findings: r.findings,
      unreadable: r.unreadable,
    })),
    summary: summarize(results),
  };
}

/** Display width in terminal columns (CJK and full-width forms count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/** Cut to at most `width` columns, with “…” when cut. */
export function fitWidth(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/**
 * “[#########---------] 12/40 a/b.xlsx”, fitted to the terminal. ASCII only: block characters
 * are double width in Chinese terminal fonts and would break the line.
 */
export function progressBar(done: number, total: number, current: string, columns = 80): string {
  const barWidth = Math.max(10, Math.min(30, columns - 40));
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  const bar = '#'.repeat(filled) + '-'.repeat(barWidth - filled);
  const head = `[${bar}] ${done}/${total}`;
  const tail = current ? ` ${current}` : '';
  return fitWidth(head + tail, Math.max(20, columns - 1));
}

/** Draws the bar on a terminal; clears it before other output so lines never mix. */
export class Progress {
  private shown = false;
  private last = '';

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly columns: () => number,
  ) {}

  update(done: number, current: string): void {
    const text = progressBar(done, this.total, current, this.columns());
    if (text === this.last && this.shown) return;
    this.last = text;
    this.write(`\r\x1b[2K${text}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[2K');
    this.shown = false;
  }

  /** Clear, run `print`, draw again. */
  around(print: () => void): void {
    const was = this.shown;
    this.clear();
    print();
    if (was) {
      this.write(`\r\x1b[2K${this.last}`);
      this.shown = true;
    }
  }
}
