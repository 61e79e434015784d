// TXT-COVERAGE: the text check never skips in silence. Every figure (…万元, …%) a paragraph states
// before its reason that no reader turned into a claim is listed as “未能核对”, with the sections
// that were checked; so a text with figures and no finding had every figure checked.
import type { Finding } from '../../finding';
import { cellsOf, place } from '../message';
import { beforeReason, sentences } from '../patterns';
import type { Claim, Para } from '../types';
import type { Template } from '../../templates';

/** Its own id, beside the TXT_RULES of the figure checks. */
export const TXT_COVERAGE = 'TXT-COVERAGE';

const FIGURE = /(?<![\d.])\d+(?:\.\d+)?(?:万元|%)/g;

function claimTokens(claims: Claim[], para: Para): string[] {
  const out: string[] = [];
  for (const c of claims) {
    if (c.kind === 'sum' || c.kind === 'changeSum') continue;
    if (c.para === para) out.push(c.token);
  }
  return out;
}

function figuresOf(text: string): string[] {
  return sentences(text).flatMap((s) => beforeReason(s.text).match(FIGURE) ?? []);
}

export function checkCoverage(body: Para[], claims: Claim[], template?: Template): Finding[] {
  const unread: { para: Para; figures: string[] }[] = [];
  const checkedSections = new Set<string>();
  for (const p of body) {
    const figures = figuresOf(p.text);
    if (figures.length === 0) continue;
    const tokens = claimTokens(claims, p);
    if (tokens.length > 0 && p.section) checkedSections.add(p.sectionLabel ?? p.section);
    const missed = figures.filter((f) => !tokens.some((t) => t.includes(f)));
    if (missed.length > 0) unread.push({ para: p, figures: missed });
  }
  if (unread.length === 0) return [];
  const count = unread.reduce((n, u) => n + u.figures.length, 0);
  const list = unread.slice(0, 8).map((u) => `${place(u.para)}“${u.figures.join('、')}”`).join('；');
  const more = unread.length > 8 ? `等${unread.length}段` : '';
  const checked = checkedSections.size > 0 ? `已核对：${[...checkedSections].join('、')}` : '没有读出任何可核对的数字';
  const expected = template ? `（模板：${template.name}）` : '';
  return [{
    rule: TXT_COVERAGE,
    severity: checkedSections.size > 0 ? 'info' : 'warning',
    message: `未能核对：${count}个数字不是按已知的句式写的，没有与附表核对${expected}：${list}${more}。${checked}。`,
    cells: cellsOf(unread.map((u) => u.para)),
  }];
}
