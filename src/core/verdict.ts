// One verdict for a workbook, the same in every command and host: errors block printing, and so do
// identities that could not be checked (未核验: a column or cell unreadable); missing inputs (NEED: a
// 补充信息 row to fill, a blank cell nothing gives) are 待补充, a state of their own.
import type { Finding } from './finding';

export interface VerdictCounts {
  error: number;
  /** NEED findings: one per 补充信息 row or table cell to supply. */
  pending: number;
  warning: number;
  info: number;
  /** 未核验 findings (also counted as warnings); present only when there are some. */
  unchecked?: number;
}

export const isPending = (f: Finding) => f.rule === 'NEED';

export function countFindings(findings: Finding[]): VerdictCounts {
  const c: VerdictCounts = { error: 0, pending: 0, warning: 0, info: 0 };
  for (const f of findings) {
    if (isPending(f)) c.pending++;
    else c[f.severity]++;
    if (f.unchecked) c.unchecked = (c.unchecked ?? 0) + 1;
  }
  return c;
}

export type VerdictState = 'error' | 'unchecked' | 'pending' | 'ok';

export function verdictState(c: VerdictCounts): VerdictState {
  return c.error > 0 ? 'error' : (c.unchecked ?? 0) > 0 ? 'unchecked' : c.pending > 0 ? 'pending' : 'ok';
}

/** Not ready to print (exit 1): an error, an identity not checked, or an input still to supply. */
export function blocksPrinting(c: VerdictCounts): boolean {
  return verdictState(c) !== 'ok';
}

/** 可以打印; 待补充 N 处; 有N条错误 (errors first: they block printing whatever else is missing). */
export function verdictText(c: VerdictCounts): string {
  const state = verdictState(c);
  if (state === 'error') return `有${c.error}条错误，修改后才能打印${c.pending > 0 ? `；另有${c.pending}处待补充` : ''}`;
  if (state === 'unchecked') return `有${c.unchecked}项核对未进行（未核验），改正后才能打印`;
  if (state === 'pending') return `待补充 ${c.pending} 处：请按【待补充】所列填写补充信息表（或附表）后重新生成说明`;
  return '可以打印';
}
