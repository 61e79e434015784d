// textcheck: verifies the numbers and wording of the 第二部分 部门决算情况说明 text against the
// tables and the 补充信息 sheet (domain.md §3.3, §4). Each paragraph is placed in its section by
// heading or lead words; the section readers turn its numbers into claims (amount, share, change,
// rate, count, sum); the checks compare each claim with the value computed from the model.
import type { Finding } from '../finding';
import { sortFindings } from '../finding';
import type { Model } from '../model';
import type { Supplement } from '../supplement/types';
import { checkAmounts } from './checks/amount';
import { checkChanges } from './checks/change';
import { checkClassNames } from './checks/classname';
import { supplementYear, textYear } from '../codes/year';
import { checkCoverage } from './checks/coverage';
import { checkConsistency } from './checks/consistency';
import { checkHeadings } from './checks/heading';
import { HEADINGS, headingDefs } from './headings';
import type { Template } from '../templates';
import { checkPercentFormat, inferStyle } from './checks/pctfmt';
import { checkRates } from './checks/rate';
import { checkShares } from './checks/share';
import { checkSums } from './checks/sum';
import { checkTemplate } from './checks/template';
import { checkUnits } from './checks/unit';
import { Facts } from './facts';
import { buildParagraphs } from './paragraphs';
import { Reader } from './reader';
import { readSections } from './readers';
import { readStatements } from './readers/statements';
import type { TextParagraph } from './types';

/** “十一（一）”: a section as the template numbers it. */
function sectionLabel(template: Template, id: string): string {
  const hs = template.narrative.headings;
  const sub = hs.find((h) => h.level === 2 && h.section === id);
  const strip = (o: string) => o.replace(/、$/, '');
  if (sub) {
    const first = hs.find((h) => h.level === 2 && h.section[0] === id[0]);
    const top = hs.find((h) => h.level === 1 && h.section === first?.section);
    return top ? `${strip(top.ordinal)}${sub.ordinal}` : sub.ordinal;
  }
  const top = hs.find((h) => h.level === 1 && h.section === id);
  return top ? strip(top.ordinal) : id;
}

export interface TextCheckOptions {
  /** The 决算 year (for the 科目 names of that year); else the 补充信息's 决算年度 or the text's first “YYYY年度”. */
  year?: number;
}

export function checkText(
  paragraphs: TextParagraph[],
  model: Model,
  supplement?: Supplement,
  template?: Template,
  options: TextCheckOptions = {},
): Finding[] {
  const part = template ? (template.narrative.partName ?? `第${'一二三四五六七八九十'[template.narrative.part - 1]}部分`) : undefined;
  const labels = new Map<string, string>(); // each section's label, once per check
  const labelOf = (t: Template, id: string) => labels.get(id) ?? labels.set(id, sectionLabel(t, id)).get(id);
  const paras = buildParagraphs(paragraphs, template ? headingDefs(template.narrative.headings) : HEADINGS).map((p) =>
    part ? { ...p, part, ...(template && p.section ? { sectionLabel: labelOf(template, p.section) } : {}) } : p,
  );
  const body = paras.filter((p) => !p.heading);
  const reader = new Reader(new Facts(model, supplement));
  const statements = template?.narrative.statements ?? [];
  readSections(paras, reader, new Set(statements.map((s) => s.section)));
  readStatements(paras, reader, statements);
  const claims = reader.claims;
  const style = inferStyle(body);
  // Order matters: a claim reported by an earlier check is not summed again by checkSums.
  const findings = [
    ...checkAmounts(claims),
    ...checkShares(claims, style, reader.facts, template?.narrative.shareAdjustment ?? true),
    ...checkTemplate(body, claims, style),
    ...checkChanges(claims, style),
    ...checkRates(claims, style),
    ...checkSums(claims),
    ...checkUnits(body),
    ...checkPercentFormat(body, style),
    ...checkHeadings(paras),
    ...checkCoverage(body, claims, template, paras),
    ...checkConsistency(body, claims),
    ...checkClassNames(paragraphs, options.year ?? supplementYear(supplement) ?? textYear(paragraphs.map((p) => p.text))),
  ];
  return sortFindings(findings);
}

export { paragraphsFromGrid, paragraphsFromText, findNarrativeGrid, NARRATIVE_TITLE } from './input';
export { TXT_RULES } from './rules';
export type { TxtRule } from './rules';
export type { TextParagraph } from './types';
