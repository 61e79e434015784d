// Year-on-year change (增减, domain.md §4.1.4) on published 万元 values.
import type { CellRef } from '../finding';
import { Decimal } from '../money';
import { fmtPct } from './format';
import type { ParagraphBuilder, Value } from './paragraph';
import type { NarrativeSettings } from './settings';

export type ChangeKind = 'increase' | 'decrease' | 'flat';

export interface Change {
  kind: ChangeKind;
  /** abs(cur − prev). */
  delta: Decimal;
  /** abs(Δ) / prev × 100, exact; null when prev = 0 (no percentage can be given). */
  percent: Decimal | null;
  /** A 变动原因 is required whenever Δ ≠ 0. */
  reasonRequired: boolean;
}

export function computeChange(cur: Decimal, prev: Decimal): Change {
  const d = cur.sub(prev);
  const kind: ChangeKind = d.isZero() ? 'flat' : d.gt(0) ? 'increase' : 'decrease';
  const percent = kind === 'flat' || prev.isZero() ? null : d.abs().div(prev).mul(100);
  return { kind, delta: d.abs(), percent, reasonRequired: kind !== 'flat' };
}

/**
 * “增加{Δ}万元，增长{p}%” / “减少{Δ}万元，下降{p}%” (or “…，减少{p}%”), without a percentage when the
 * prior year was 0. Nothing is written for 'flat': the caller words 持平 for its sentence.
 */
export function writeChange(p: ParagraphBuilder, change: Change, cells: CellRef[], settings: NarrativeSettings): void {
  if (change.kind === 'flat') return;
  const up = change.kind === 'increase';
  p.add(up ? '增加' : '减少')
    .amount({ ok: true, value: change.delta, cells }, 'change')
    .add('万元');
  if (change.percent !== null) {
    p.add(up ? '，增长' : `，${settings.decreaseVerb}`);
    p.slot(fmtPct(change.percent, settings.percentDecimals, settings.keepTrailingZeros), 'percent', cells);
  }
}

/** Change of a current value against a prior-year value, or undefined when either is unknown. */
export function changeOf(cur: Value, prev: Value): Change | undefined {
  return cur.ok && prev.ok ? computeChange(cur.value, prev.value) : undefined;
}
