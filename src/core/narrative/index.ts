// 第二部分 部门决算情况说明: sections 一…十 from the Model plus the 补充信息 sheet (domain.md §4).
// Missing inputs are never invented: they show as 【请填写…】 and each one gives a NEED finding.
import type { Model } from '../model';
import type { Supplement } from '../supplement/types';
import { NarrativeContext } from './context';
import type { NarrativeSettings } from './settings';
import { resolveSettings, settingsForTemplate } from './settings';
import type { Template } from '../templates';
import { retitle } from './template';
import { sectionEight } from './sections/eight';
import { sectionFiveOne, sectionFiveThree, sectionFiveTwo } from './sections/five';
import { sectionFour } from './sections/four';
import { sectionNine } from './sections/nine';
import { sectionOne } from './sections/one';
import { sectionSevenOne, sectionSevenTwo } from './sections/seven';
import { sectionSix } from './sections/six';
import { sectionTenFour, sectionTenOne, sectionTenThree, sectionTenTwo } from './sections/ten';
import { sectionThree } from './sections/three';
import { sectionTwo } from './sections/two';
import { statementSection } from './sections/statements';
import type { NarrativeResult, Section, SectionId } from './types';

const WRITERS: [SectionId, (ctx: NarrativeContext) => Section][] = [
  ['一', sectionOne],
  ['二', sectionTwo],
  ['三', sectionThree],
  ['四', sectionFour],
  ['五（一）', sectionFiveOne],
  ['五（二）', sectionFiveTwo],
  ['五（三）', sectionFiveThree],
  ['六', sectionSix],
  ['七（一）', sectionSevenOne],
  ['七（二）', sectionSevenTwo],
  ['八', sectionEight],
  ['九', sectionNine],
  ['十（一）', sectionTenOne],
  ['十（二）', sectionTenTwo],
  ['十（三）', sectionTenThree],
  ['十（四）', sectionTenFour],
];

/**
 * The 情况说明 for the tables. With a template: its sections in its order, its headings and its
 * number formats beneath `settings` (without one: the Sichuan text, as before).
 */
export function narrate(
  model: Model,
  supplement: Supplement | undefined,
  settings?: Partial<NarrativeSettings>,
  template?: Template,
): NarrativeResult {
  const ctx = new NarrativeContext(model, supplement, template ? settingsForTemplate(template, settings) : resolveSettings(settings));
  if (template?.narrative.forms) ctx.forms = template.narrative.forms;
  if (template) ctx.budgetBasis = template.narrative.completionBasis;
  if (template?.narrative.amountFormat) ctx.amountFormat = template.narrative.amountFormat;
  const writers = template
    ? template.narrative.sections.map((id) => WRITERS.find(([w]) => w === id)).filter((w): w is (typeof WRITERS)[number] => w !== undefined)
    : WRITERS;
  const sections: Section[] = [];
  const alone = new Set<string>();
  for (const [id, write] of writers) {
    ctx.section = id;
    // a section written alone (七 without “三公”) stands for its sub-sections too
    if (alone.has(id[0])) continue;
    const written = (template && statementSection(ctx, template, id)) ?? write(ctx);
    if (written.alone) alone.add(id[0]);
    sections.push(template ? retitle(written, template) : written);
  }
  return { year: ctx.year, sections, findings: ctx.findings };
}

/** The `narrate --json` shape (interfaces.md §3): paragraphs as plain strings. */
export function narrativeToJson(result: NarrativeResult) {
  return {
    year: result.year,
    sections: result.sections.map((s) => ({ id: s.id, title: s.title, paragraphs: s.paragraphs.map((p) => p.text) })),
    findings: result.findings,
  };
}

/**
 * The text as lines to print or write into the 部门决算情况说明 sheet: headings
 * (“一、…”, “五、…” then “（一）…”) followed by their paragraphs.
 */
export function narrativeLines(result: NarrativeResult): string[] {
  const lines: string[] = [];
  let parent: string | undefined;
  for (const s of result.sections) {
    if (s.parent) {
      if (parent !== s.parent.id) lines.push(`${s.parent.ordinal ?? `${s.parent.id}、`}${s.parent.title}`);
      parent = s.parent.id;
      lines.push(`${s.ordinal ?? s.id.slice(s.parent.id.length)}${s.title}`);
    } else {
      parent = undefined;
      lines.push(`${s.ordinal ?? `${s.id}、`}${s.title}`);
    }
    for (const p of s.paragraphs) lines.push(p.text);
  }
  return lines;
}

export type { NarrativeResult, Section, Paragraph, Slot, SlotKind, SectionId } from './types';
export type { NarrativeSettings, ShareMode } from './settings';
export { DEFAULT_SETTINGS, resolveSettings, settingsForTemplate, SEED_STYLE_A, SEED_STYLE_B } from './settings';
export { fmtWan, fmtPct } from './format';
export { computeShares, independent, largestRemainder, plugLargest } from './shares';
export { computeChange } from './change';
export type { Change, ChangeKind } from './change';
export { computeCompletion, fmtRate, reasonLead } from './completion';
export type { Completion, CompletionCase } from './completion';
export { SECTION_IDS, SECTION_TITLES, CHART_CAPTIONS } from './titles';
export { PLACEHOLDER } from './context';
