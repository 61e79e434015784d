// Headings of 第二部分 (domain.md §4.2): “一、收入支出决算总体情况说明” … “十、其他重要事项的情况说明”
// and the sub-headings （一）（二）… of 五, 七 and 十, recognised by their title text.
import type { SectionId } from '../narrative/types';
import { sichuan14 } from '../templates/sichuan14';
import type { TemplateHeading } from '../templates/types';

export type TopId = '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '十一';

export interface HeadingDef {
  /** The section the heading opens (五、 opens 五（一） until （二） follows). */
  section: SectionId;
  top: TopId;
  level: 1 | 2;
  /** The ordinal it should carry: “九、” / “（二）”. */
  ordinal: string;
  titles: string[];
}

const unquote = (s: string) => s.replace(/[“”"]/g, '');

/** A template's headings as the checker matches them. */
export function headingDefs(headings: TemplateHeading[]): HeadingDef[] {
  return headings.map((h) => ({
    section: h.section,
    top: (h.level === 1 ? h.ordinal.replace(/、$/, '') : h.section[0]) as TopId,
    level: h.level,
    ordinal: h.ordinal,
    titles: h.titles.map(unquote),
  }));
}

/** The headings of the Sichuan / MoF text (一 … 十（四）), used when no template is given. */
export const HEADINGS: HeadingDef[] = headingDefs(sichuan14.narrative.headings);

/** Title comparison key: no “说明”, no “的”. */
const titleKey = (s: string) => s.replace(/说明$/, '').replace(/的/g, '');

const ORDINAL = /^(?:([一二三四五六七八九十]+)[、.．]|（([一二三四五六七八九十]+)）|(\d+)[、.．])/;

export interface FoundHeading {
  def: HeadingDef;
  /** The ordinal as printed (“九、”, “（一）”), '' when there is none. */
  printed: string;
}

/** A heading line (normalised text), or undefined. */
export function matchHeading(text: string, headings: HeadingDef[] = HEADINGS): FoundHeading | undefined {
  const m = ORDINAL.exec(text);
  const printed = m ? m[0] : '';
  const body = titleKey(withoutEndStops(text.slice(printed.length)));
  // a short title (“（五）其他说明”) counts only with its ordinal
  if (body.length < (printed ? 2 : 4) || /\d/.test(body)) return undefined;
  const def = headingByTitle(headings).get(body);
  return def ? { def, printed } : undefined;
}

/** The text less the 。：:； it ends with (a loop: a regex anchored at the end tries every position). */
function withoutEndStops(text: string): string {
  let end = text.length;
  while (end > 0 && END_STOPS.has(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

const END_STOPS = new Set([...'。：:；'].map((ch) => ch.charCodeAt(0)));

/** Each title's key → the first heading with that title: made once per list of headings, not per line. */
function headingByTitle(headings: HeadingDef[]): Map<string, HeadingDef> {
  let byTitle = titleIndex.get(headings);
  if (!byTitle) {
    byTitle = new Map();
    for (const d of headings) for (const t of d.titles) if (!byTitle.has(titleKey(unquote(t)))) byTitle.set(titleKey(unquote(t)), d);
    titleIndex.set(headings, byTitle);
  }
  return byTitle;
}

const titleIndex = new WeakMap<HeadingDef[], Map<string, HeadingDef>>();

/**
 * “第二部分 2023年度部门决算情况说明” and the other part titles. `narrative`: the part holds the
 * 情况说明, recognised by its meaning under any part number (第二部分 in Sichuan, 第三部分 in Shanghai).
 */
export function matchPartTitle(text: string): { part: number; narrative: boolean } | undefined {
  const m = /^第([一二三四五六七八九十])部分/.exec(text);
  if (!m) return undefined;
  const title = text.slice(m[0].length);
  return {
    part: '一二三四五六七八九十'.indexOf(m[1]) + 1,
    narrative: /情况说明|决算情况/.test(title) && !/名词解释|决算表|概况/.test(title),
  };
}

/** A printed ordinal as the canonical form (“九.” → “九、”, “(一)” is normalised to “（一）”). */
export function canonicalOrdinal(printed: string, level: 1 | 2): string {
  const m = ORDINAL.exec(printed);
  if (!m) return '';
  if (m[1]) return level === 1 ? `${m[1]}、` : `（${m[1]}）`;
  if (m[2]) return level === 2 ? `（${m[2]}）` : `${m[2]}、`;
  return printed;
}
