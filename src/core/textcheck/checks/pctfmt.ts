// TXT-PCTFMT: one percent format per document (domain §4.1.2). The document's format is the
// (decimals, keep trailing zeros) setting that prints the most of its percentages exactly as
// they stand; every section with percentages printed otherwise gets one warning.
import type { Finding } from '../../finding';
import { Decimal } from '../../money';
import { fmtPct } from '../../narrative/format';
import type { PctStyle } from '../message';
import { cellsOf, finding, place } from '../message';
import { pctOf } from '../patterns';
import type { Para, Pct } from '../types';

const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)%/g;

export const DEFAULT_STYLE: PctStyle = { dp: 1, keep: true };

/** The percentages a paragraph prints: read once per paragraph (the style and the check both ask). */
function percents(p: Para): Pct[] {
  let out = percentsOf.get(p);
  if (out) return out;
  PERCENT.lastIndex = 0;
  out = [];
  for (let m = PERCENT.exec(p.text); m; m = PERCENT.exec(p.text)) out.push(pctOf(m[1]));
  percentsOf.set(p, out);
  return out;
}

// Paragraphs live for one check: what they print is remembered with them, not beyond.
const percentsOf = new WeakMap<Para, Pct[]>();

const fits = (pct: Pct, s: PctStyle) => fmtPct(pct.value, s.dp, s.keep) === pct.text;

export function describeStyle(s: PctStyle): string {
  if (s.dp === 0) return '整数';
  return `${s.dp === 1 ? '一' : '两'}位小数、${s.keep ? '保留末尾的0' : '省略末尾的0'}`;
}

/**
 * The document's percent format (DEFAULT_STYLE when it prints no percentages). Its decimals are
 * those most of its percentages print — whole numbers other than 0% and 100% (which read the
 * same in every style) count for 0 decimals — fewer on a tie; then whether trailing zeros are
 * kept (“97.0%”) or dropped (“98%”), whichever prints more of them as they stand (kept on a tie).
 */
export function inferStyle(paras: Para[]): PctStyle {
  const all = paras.flatMap(percents);
  if (all.length === 0) return DEFAULT_STYLE;
  const whole = all.filter((p) => p.decimals === 0 && !p.value.isZero() && !p.value.eq(100)).length;
  const counts = [whole, ...[1, 2].map((d) => all.filter((p) => p.decimals === d).length)];
  const dp = counts.indexOf(Math.max(...counts)) as PctStyle['dp'];
  if (dp === 0) return { dp: 0, keep: false };
  const kept = all.filter((p) => fits(p, { dp, keep: true })).length;
  const dropped = all.filter((p) => fits(p, { dp, keep: false })).length;
  return { dp, keep: kept >= dropped };
}

/**
 * Printed as the style says — or with more decimals where the style would show a misleading
 * 100% or 0% (domain §4.1.5: “99.96%” rather than “100.0%” when the amounts differ).
 */
function conforms(pct: Pct, style: PctStyle): boolean {
  if (fits(pct, style)) return true;
  const shown = fmtPct(pct.value, style.dp, style.keep);
  return (
    pct.decimals > style.dp &&
    (shown === fmtPct(new Decimal(100), style.dp, style.keep) || shown === fmtPct(new Decimal(0), style.dp, style.keep))
  );
}

export function checkPercentFormat(paras: Para[], style: PctStyle): Finding[] {
  const examples = paras
    .flatMap(percents)
    .filter((p) => fits(p, style))
    .map((p) => `“${p.text}”`);
  const shown = [...new Set(examples)].slice(0, 3).join('');
  const bySection = new Map<string, { paras: Para[]; fixes: Map<string, string> }>();
  for (const p of paras) {
    const odd = percents(p).filter((x) => !conforms(x, style));
    if (odd.length === 0) continue;
    const key = p.section ?? '';
    const entry = bySection.get(key) ?? { paras: [], fixes: new Map<string, string>() };
    entry.paras.push(p);
    for (const x of odd) entry.fixes.set(x.text, fmtPct(x.value, style.dp, style.keep));
    bySection.set(key, entry);
  }
  return [...bySection.values()].map(({ paras: ps, fixes }) => {
    const list = [...fixes].map(([wrong, right]) => `“${wrong}”应写作“${right}”`).join('，');
    return finding(
      'TXT-PCTFMT',
      'warning',
      `${place(ps[0])}的百分数格式与全文不一致：全文多数写作${describeStyle(style)}（如${shown}），此处${list}。`,
      cellsOf(ps),
    );
  });
}
