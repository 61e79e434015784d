// A written section under its template's heading: ordinal and title from the template's data
// (Shanghai: 十、预算绩效管理情况, 十一、其他重要事项的情况说明 （一）…（三）). A title the writer
// chose that the template also lists (a style's wording) is kept.
import type { Template, TemplateHeading } from '../templates';
import type { Section } from './types';

const unquote = (s: string) => s.replace(/[“”"]/g, '');
const pick = (h: TemplateHeading, own: string) => (h.titles.some((t) => unquote(t) === unquote(own)) ? own : h.titles[0]);

export function retitle(section: Section, template: Template): Section {
  const headings = template.narrative.headings;
  const sub = section.alone ? undefined : headings.find((h) => h.level === 2 && h.section === section.id);
  if (sub) {
    const first = headings.find((h) => h.level === 2 && h.section[0] === section.id[0]);
    const top = headings.find((h) => h.level === 1 && h.section === first?.section);
    const parentId = (section.parent?.id ?? section.id[0]) as NonNullable<Section['parent']>['id'];
    const parentTitle = section.parent?.title ?? '';
    // a template whose （一）…（五） stand alone (教育部高校) prints no 一级 heading above them
    const { parent: _parent, ...own } = section;
    return {
      ...(top ? section : own),
      title: pick(sub, section.title),
      ordinal: sub.ordinal,
      ...(top ? { parent: { id: parentId, title: pick(top, parentTitle), ordinal: top.ordinal } } : {}),
    };
  }
  const top = headings.find((h) => h.level === 1 && h.section === section.id);
  if (!top) return section;
  const { parent: _dropped, alone: _alone, ...rest } = section;
  return { ...rest, title: pick(top, section.title), ordinal: top.ordinal };
}
