// TXT-COVERAGE: the text check never skips in silence. Every figure (…万元, …%) a paragraph states
// before its reason that no reader turned into a claim is listed as “未能核对”, with the sections
// that were checked; so a text with figures and no finding had every figure checked.
import type { Finding } from '../../finding';
import { cellsOf, place } from '../message';
import { beforeReason, sentences } from '../patterns';
import type { Claim, Para } from '../types';
import type { Template } from '../../templates';
import { normalizeText } from '../normalize';

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

export function checkCoverage(body: Para[], claims: Claim[], template?: Template, all: Para[] = body): Finding[] {
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
  const missing = missingSections(all, template);
  if (unread.length === 0 && missing.length === 0) return [];
  const count = unread.reduce((n, u) => n + u.figures.length, 0);
  const list = unread
    .slice(0, 8)
    .map((u) => `${place(u.para)}“${u.figures.join('、')}”`)
    .join('；');
  const more = unread.length > 8 ? `等${unread.length}段` : '';
  const checked = checkedSections.size > 0 ? `已核对：${[...checkedSections].join('、')}` : '没有读出任何可核对的数字';
  const expected = template ? `（模板：${template.name}）` : '';
  const parts = [
    ...(unread.length > 0 ? [`${count}个数字不是按已知的句式写的，没有与附表核对${expected}：${list}${more}`] : []),
    ...(missing.length > 0 ? [`没有找到章节${missing.join('、')}，其中的数字未核对`] : []),
  ];
  return [
    {
      rule: TXT_COVERAGE,
      severity: checkedSections.size > 0 ? 'info' : 'warning',
      message: `未能核对：${parts.join('；')}。${checked}。`,
      cells: cellsOf(unread.map((u) => u.para)),
    },
  ];
}

/** 七 written as the template's “无“三公”经费…” sentence has no （二）: that sentence as a pattern, made once per template. */
function noSanGongPattern(template: Template): RegExp | undefined {
  if (!noSanGong.has(template)) {
    const none = template.narrative.forms?.none?.['七（一）'];
    const escape = (t: string) => t.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    noSanGong.set(
      template,
      none
        ? new RegExp(
            normalizeText(none)
              .split(/\{单位\}|\{年\}/)
              .map(escape)
              .join('.*'),
          )
        : undefined,
    );
  }
  return noSanGong.get(template);
}

const noSanGong = new WeakMap<Template, RegExp | undefined>();

/** The template's sections no heading or lead words of the text opened (“七（二）”), by the template's numbering. */
function missingSections(all: Para[], template: Template | undefined): string[] {
  if (!template || all.length === 0) return [];
  const found = new Set(all.map((p) => p.section));
  const noneRe = noSanGongPattern(template);
  const sevenNone = noneRe && all.some((p) => p.section === '七（一）' && !p.heading && noneRe.test(p.text));
  return template.narrative.sections
    .filter((id) => !found.has(id) && !(sevenNone && id === '七（二）'))
    .map((id) => {
      const label = all.find((p) => p.sectionLabel && p.section === id)?.sectionLabel;
      return label ?? id;
    });
}
