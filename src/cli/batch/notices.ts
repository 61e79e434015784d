// `batch DIR --notices OUTDIR`: one 整改通知 (.docx) per unit with error findings.
import * as fs from 'fs';
import * as path from 'path';
import { noticeModel } from '../../core/document';
import { renderDocx } from '../../document/docx';
import type { FileResult } from './check-file';

/** “2026年12月7日”. */
export function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** A file name from the unit (or the workbook's name), without characters Windows refuses. */
export function noticeFileName(r: FileResult, taken: Set<string>): string {
  const base = (r.unit ?? path.basename(r.file).replace(/\.xlsx$/i, '')).replace(/[\\/:*?"<>|\s]+/g, '_');
  let name = `${base}-整改通知.docx`;
  for (let i = 2; taken.has(name); i++) name = `${base}-整改通知(${i}).docx`;
  taken.add(name);
  return name;
}

export async function writeNotices(dir: string, results: FileResult[], date = new Date()): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const taken = new Set<string>();
  const written: string[] = [];
  for (const r of results) {
    if (r.unreadable !== null || r.counts.error === 0) continue;
    const doc = noticeModel({ unit: r.unit, year: r.year, file: r.file, findings: r.findings, date: chineseDate(date) });
    const name = noticeFileName(r, taken);
    fs.writeFileSync(path.join(dir, name), await renderDocx(doc));
    written.push(name);
  }
  return written;
}
