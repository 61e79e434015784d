// Human-readable terminal output of a check.
import type { Finding, Severity } from '../core/finding';
import { SEVERITY_LABEL, SEVERITY_ORDER } from '../core/finding';
import type { Table } from '../core/model';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  /** 未核验 findings (also counted as warnings); present only when there are some. */
  unchecked?: number;
}

export function countBySeverity(findings: Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    counts[f.severity]++;
    if (f.unchecked) counts.unchecked = (counts.unchecked ?? 0) + 1;
  }
  return counts;
}

/** An error, or an identity that could not be checked: the file is not ready to print (exit 1). */
export function blocksPrinting(counts: SeverityCounts): boolean {
  return counts.error > 0 || (counts.unchecked ?? 0) > 0;
}

/** 可以打印 when no error remains and every identity was checked, otherwise what blocks printing. */
export function verdict(counts: SeverityCounts): string {
  if (counts.error > 0) return `有${counts.error}条错误，修改后才能打印`;
  if (counts.unchecked) return `有${counts.unchecked}项核对未进行（未核验），改正后才能打印`;
  return '可以打印';
}

export function summaryLine(counts: SeverityCounts): string {
  const unchecked = counts.unchecked ? `，未核验 ${counts.unchecked} 项` : '';
  return `错误 ${counts.error} 条，提示 ${counts.warning} 条，说明 ${counts.info} 条${unchecked} —— ${verdict(counts)}`;
}

function cellList(f: Finding): string {
  return f.cells.map((c) => `${c.sheet}!${c.address}`).join('，');
}

export function formatCheckReport(file: string, tables: Table[], profileName: string, findings: Finding[]): string {
  const lines: string[] = [];
  const counts = countBySeverity(findings);
  lines.push(`文件：${file}`);
  lines.push(`模板：${profileName}`);
  lines.push(`识别到 ${tables.length} 张附表：${tables.map((t) => `${t.id} ${t.title}［${t.sheet}，${t.unit}］`).join('；') || '无'}`);
  lines.push(`结果：${summaryLine(counts)}`);
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('');
    lines.push(`【${SEVERITY_LABEL[severity as Severity]}】${group.length} 条`);
    for (const f of group) {
      lines.push(`  [${f.rule}] ${f.message}`);
      if (f.cells.length > 0) lines.push(`        单元格：${cellList(f)}`);
    }
  }
  return lines.join('\n') + '\n';
}
