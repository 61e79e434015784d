// What the pane shows of a list of findings: counts, the 可以打印 verdict, groups by severity and
// table. Plain data: the React views and the command line's tests read the same numbers.
import type { Finding, Severity } from '../core/finding';
import { SEVERITY_ORDER, sortFindings } from '../core/finding';
import type { Model, TableId } from '../core/model';
import { findTemplate, tableLabel } from '../core/templates';
import { countFindings as countVerdict } from '../core/verdict';
import { isUncheckedFinding, uncheckedLines, uncheckedReason, type UncheckedFamily } from '../core/unchecked';

/** Which table a sheet holds (for grouping findings by table). */
export interface TableInfo {
  id: TableId;
  title: string;
  /** As the workbook's template numbers it (表4, 表二). */
  label: string;
}

export function tablesOf(model: Model & { profile?: string }): Record<string, TableInfo> {
  const template = model.profile ? findTemplate(model.profile) : undefined;
  const out: Record<string, TableInfo> = {};
  for (const t of Object.values(model.tables)) if (t) out[t.sheet] = { id: t.id, title: t.title, label: tableLabel(template, t.id) };
  return out;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** 可以打印 when nothing is wrong, unchecked or missing (src/core/verdict); otherwise what blocks printing. */
export function verdict(findings: Finding[]): { ok: boolean; text: string } {
  const c = countVerdict(findings);
  if (c.error > 0) return { ok: false, text: `${c.error} 条错误，改正后才能打印` };
  if (c.unchecked) return { ok: false, text: `${c.unchecked} 项核对未进行（未核验），改正后才能打印` };
  if (c.pending > 0) return { ok: false, text: `待补充 ${c.pending} 处：请填写补充信息表后重新生成说明` };
  return { ok: true, text: '可以打印' };
}

export interface FindingGroup {
  severity: Severity;
  tables: { key: string; label: string; findings: Finding[] }[];
  count: number;
}

/** Scorecard and narrative-text findings have a group of their own; the rest go by table or sheet. */
function findingGroupOf(f: Finding, tables: Record<string, TableInfo>): { key: string; label: string } {
  if (/^(SC|CT)-/.test(f.rule)) return { key: '~1绩效', label: '绩效自评计分表与绩效目标完成情况表' };
  if (f.rule.startsWith('TXT')) return { key: '~0说明', label: '部门决算情况说明（文字）' };
  const sheet = f.cells[0]?.sheet;
  const t = sheet ? tables[sheet] : undefined;
  if (t) return { key: t.id, label: `${t.label} ${t.title}` };
  return sheet ? { key: `~2${sheet}`, label: `工作表“${sheet}”` } : { key: '~~', label: '全部工作簿' };
}

/** Findings by severity (错误, 提示, 说明), then by table (in table order), with counts. */
export function groupFindings(findings: Finding[], tables: Record<string, TableInfo>): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const mine = sortFindings(findings.filter((f) => f.severity === severity));
    if (mine.length === 0) continue;
    const byTable = new Map<string, { key: string; label: string; findings: Finding[] }>();
    for (const f of mine) {
      const { key, label } = findingGroupOf(f, tables);
      let g = byTable.get(key);
      if (!g) {
        g = { key, label, findings: [] };
        byTable.set(key, g);
      }
      g.findings.push(f);
    }
    const ordered = [...byTable.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    groups.push({ severity, tables: ordered, count: mine.length });
  }
  return groups;
}

/**
 * The pane's 未核验 block: one line per rule family, as the command line prints it, less the reasons
 * a finding of the list already gives (those findings stay in the list, their cells a click away).
 */
export function uncheckedView(
  families: UncheckedFamily[] | undefined,
  findings: Finding[] = [],
): { title: string; lines: string[] } | undefined {
  const inList = new Set(findings.filter(isUncheckedFinding).map(uncheckedReason));
  const rest = (families ?? [])
    .map((f) => ({ ...f, reasons: f.reasons.filter((r) => !inList.has(r)) }))
    .filter((f) => f.reasons.length > 0);
  if (rest.length === 0) return undefined;
  return { title: `未核验 ${rest.length} 类（未计入通过）`, lines: uncheckedLines(rest) };
}
