// 取整误差 notes (info findings of an identity within its tolerance) are information, not work:
// shown one line per table by default (“表5：3处取整差额，均在允许范围内”), expandable.
import type { Finding } from './finding';

export function isRoundingNote(f: Finding): boolean {
  return f.severity === 'info' && f.difference !== undefined && f.tolerance !== undefined && f.message.includes('取整误差');
}

export interface RoundingGroup {
  /** 表5, or the sheet's name when it holds no known table. */
  label: string;
  notes: Finding[];
}

/** Rounding notes by the table of their first cell, in first-seen order. */
export function roundingGroups(findings: Finding[], tableLabelOfSheet: (sheet: string) => string | undefined): RoundingGroup[] {
  const groups = new Map<string, RoundingGroup>();
  for (const f of findings) {
    if (!isRoundingNote(f)) continue;
    const sheet = f.cells[0]?.sheet ?? '';
    const label = tableLabelOfSheet(sheet) ?? `工作表“${sheet}”`;
    const g = groups.get(label) ?? { label, notes: [] };
    g.notes.push(f);
    groups.set(label, g);
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh', { numeric: true }));
}

export function roundingGroupLine(g: RoundingGroup): string {
  return `${g.label}：${g.notes.length}处取整差额，均在允许范围内`;
}

/** “表5” for T05. */
export const tableNumber = (id: string) => id.replace(/^T0?/, '表');
