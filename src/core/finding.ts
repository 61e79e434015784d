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
  // each key's head built once, not twice per comparison; the message is not copied into it
  const keyed = findings.map((f) => ({
    f,
    head: `${SEVERITY_ORDER.indexOf(f.severity)}|${f.rule}|${f.cells[0]?.sheet ?? ''}|${f.cells[0]?.address ?? ''}|`,
  }));
  keyed.sort(byKey);
  return keyed.map((k) => k.f);
}

interface SortKey {
  f: Finding;
  /** The key without its last part, the message. */
  head: string;
}

/**
 * The order of the whole keys (head + message), compared as one text: heads that differ before
 * either ends decide it; equal heads leave it to the messages; only a head that begins the other
 * needs the whole texts.
 */
function byKey(a: SortKey, b: SortKey): number {
  if (a.head === b.head) return order(a.f.message, b.f.message);
  if (!a.head.startsWith(b.head) && !b.head.startsWith(a.head)) return order(a.head, b.head);
  return order(a.head + a.f.message, b.head + b.f.message);
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
