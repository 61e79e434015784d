// A finding is what every check produces. Shape fixed by shared/spec/interfaces.md §3.

export type Severity = 'error' | 'warning' | 'info';

export interface CellRef {
  sheet: string;
  address: string;
}

export interface Finding {
  /** Stable id: T01-1…, X01…, SC-1…, CT-1…, TXT…, NEED…, READ… */
  rule: string;
  severity: Severity;
  /** Chinese, with both sides, the difference and the tolerance where there are amounts. */
  message: string;
  /** Cells of both sides (left side first). */
  cells: CellRef[];
  /** 万元 strings with two decimals. */
  expected?: string;
  actual?: string;
  difference?: string;
  tolerance?: string;
  /**
   * Set on a 未核验 finding: an identity that could not be checked (a column it needs was not
   * recognised). Never counted as passed: check exits 1 and the verdict is not 可以打印.
   */
  unchecked?: true;
}

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '提示',
  info: '说明',
};

/** Deterministic order: severity, then rule id, then first cell, then message. */
export function sortFindings(findings: Finding[]): Finding[] {
  // each key built once, not twice per comparison
  const keyed = findings.map((f) => ({
    f,
    key: `${SEVERITY_ORDER.indexOf(f.severity)}|${f.rule}|${f.cells[0]?.sheet ?? ''}|${f.cells[0]?.address ?? ''}|${f.message}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.f);
}
