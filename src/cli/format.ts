// Human-readable terminal output of a check: short by default (rounding notes one line per table),
// everything with `--all`.
import type { Finding, Severity } from '../core/finding';
import { SEVERITY_LABEL, SEVERITY_ORDER } from '../core/finding';
import type { Table, TableId } from '../core/model';
import { isRoundingNote, roundingGroupLine, roundingGroups, tableNumber } from '../core/notes';
import type { UncheckedFamily } from '../core/unchecked';
import { familyOf, isUncheckedFinding, uncheckedLines } from '../core/unchecked';
import { blocksPrinting, countFindings, isPending, verdictText, type VerdictCounts } from '../core/verdict';

export type SeverityCounts = VerdictCounts;

export function countBySeverity(findings: Finding[]): SeverityCounts {
  return countFindings(findings);
}

export { blocksPrinting };

/** 可以打印, 待补充 N 处, 未核验, or how many errors block printing. */
export function verdict(counts: SeverityCounts): string {
  return verdictText(counts);
}

export function summaryLine(counts: SeverityCounts): string {
  const pending = counts.pending ? `待补充 ${counts.pending} 处，` : '';
  const unchecked = counts.unchecked ? `，未核验 ${counts.unchecked} 项` : '';
  // a 未核验 finding is listed once, under 【未核验】, so 提示 counts the others
  const warnings = counts.warning - (counts.unchecked ?? 0);
  return `错误 ${counts.error} 条，${pending}提示 ${warnings} 条，说明 ${counts.info} 条${unchecked} —— ${verdict(counts)}`;
}

function cellNames(f: Finding): string[] {
  return f.cells.map((c) => `${c.sheet}!${c.address}`);
}

function cellList(f: Finding): string {
  return cellNames(f).join('，');
}

/** “识别到 14 张附表（四川省14张表，万元）”: the table list itself only with --all. */
export function tablesLine(tables: Table[], profileName: string, all: boolean, label: (id: TableId) => string = tableNumber): string {
  if (tables.length === 0) return '识别到 0 张附表';
  const units = [...new Set(tables.map((t) => t.unit))];
  const unitText =
    units.length === 1
      ? units[0]
      : units
          .map(
            (u) =>
              `${tables
                .filter((t) => t.unit === u)
                .map((t) => label(t.id))
                .join('、')}为${u}`,
          )
          .join('，');
  const head = `识别到 ${tables.length} 张附表（模板：${profileName}，${unitText}）`;
  if (!all) return head;
  return `${head}：${tables.map((t) => `${t.id} ${t.title}［${t.sheet}］`).join('；')}`;
}

export interface ReportOptions {
  /** Every rounding note and the full table list. */
  all?: boolean;
  /** How the template numbers a table (src/core/templates tableLabel); the catalog's 表N otherwise. */
  tableLabel?: (id: TableId) => string;
  unchecked?: UncheckedFamily[];
}

export function formatCheckReport(
  file: string,
  tables: Table[],
  profileName: string,
  findings: Finding[],
  options: ReportOptions = {},
): string {
  const all = options.all ?? false;
  const lines: string[] = [];
  const counts = countBySeverity(findings);
  lines.push(`文件：${file}`);
  lines.push(tablesLine(tables, profileName, all, options.tableLabel));
  lines.push(`结果：${summaryLine(counts)}`);
  const listed = (group: Finding[], title: string) => {
    if (group.length === 0) return;
    lines.push('');
    lines.push(`【${title}】${group.length} ${title === '待补充' ? '处' : '条'}`);
    for (const f of group) {
      lines.push(`  [${f.rule}] ${f.message}`);
      if (f.cells.length > 0) lines.push(`        单元格：${cellList(f)}`);
    }
  };
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity && !isPending(f) && !(isUncheckedFinding(f) && f.severity === 'warning'));
    if (severity === 'info' && !all) {
      listed(
        group.filter((f) => !isRoundingNote(f)),
        SEVERITY_LABEL.info,
      );
      const label = options.tableLabel ?? tableNumber;
      const sheetTable = new Map(tables.map((t) => [t.sheet, label(t.id)]));
      const rounding = roundingGroups(group, (sheet) => sheetTable.get(sheet));
      if (rounding.length > 0) {
        lines.push('');
        lines.push(`【取整差额】${rounding.reduce((n, g) => n + g.notes.length, 0)} 处，均在允许范围内，无需修改（--all 逐条列出）`);
        for (const g of rounding) lines.push(`  ${roundingGroupLine(g)}`);
      }
    } else {
      listed(group, SEVERITY_LABEL[severity as Severity]);
    }
    if (severity === 'error') listed(findings.filter(isPending), '待补充');
  }
  const unchecked = options.unchecked ?? [];
  if (unchecked.length > 0) {
    lines.push('');
    lines.push(`【未核验】${unchecked.length} 类（未计入通过）`);
    const familyLines = uncheckedLines(unchecked);
    unchecked.forEach((family, i) => {
      lines.push(`  ${familyLines[i]}`);
      const cells = [...new Set(findings.filter((f) => isUncheckedFinding(f) && familyOf(f.rule) === family.family).flatMap(cellNames))];
      if (cells.length > 0) lines.push(`        单元格：${cells.join('，')}`);
    });
  }
  return lines.join('\n') + '\n';
}
