// Building findings: rule ids SC-1…SC-8 / CT-1…CT-7 (domain.md §5.4, §5.5); SC-9 不适用 (0/0),
// SC-10 a rate that cannot exceed 100% printed above it, SC-11 满意度 score against the 完成情况表.
import type { CellRef, Finding, Severity } from '../finding';
import type { Decimal } from '../money';
import { wanExact } from '../money';

export type ScorecardRuleId =
  | 'SC-1'
  | 'SC-2'
  | 'SC-3'
  | 'SC-4'
  | 'SC-5'
  | 'SC-6'
  | 'SC-7'
  | 'SC-8'
  | 'SC-9'
  | 'SC-10'
  | 'SC-11'
  | 'CT-1'
  | 'CT-2'
  | 'CT-3'
  | 'CT-4'
  | 'CT-5'
  | 'CT-6'
  | 'CT-7';

export function finding(rule: ScorecardRuleId, severity: Severity, message: string, cells: CellRef[]): Finding {
  return { rule, severity, message, cells };
}

/** A finding comparing two amounts in 万元 (expected / actual / difference filled). */
export function amountFinding(
  rule: ScorecardRuleId,
  severity: Severity,
  message: string,
  cells: CellRef[],
  expectedWan: Decimal,
  actualWan: Decimal,
  toleranceWan?: Decimal,
): Finding {
  return {
    rule,
    severity,
    message,
    cells,
    expected: wanExact(expectedWan),
    actual: wanExact(actualWan),
    difference: wanExact(actualWan.sub(expectedWan).abs()),
    ...(toleranceWan ? { tolerance: wanExact(toleranceWan) } : {}),
  };
}

/** How messages name a 完成情况表: “部门整体绩效目标完成情况表” / “项目绩效目标完成情况表（市人代会经费）”. */
export function tableName(t: { kind: 'department' | 'project'; projectName?: string; label?: string }): string {
  if (t.label) return t.label;
  return t.kind === 'department' ? '部门整体绩效目标完成情况表' : `项目绩效目标完成情况表${t.projectName ? `（${t.projectName}）` : ''}`;
}

/** How messages name a scorecard: “部门整体计分表” / “项目计分表（市人代会经费）”. */
export function cardName(sc: { kind: 'department' | 'project'; projectName?: string; label?: string }): string {
  if (sc.label) return sc.label;
  return sc.kind === 'department' ? '部门整体计分表' : `项目计分表${sc.projectName ? `（${sc.projectName}）` : ''}`;
}
