// Headings of 第二部分 (domain.md §4.2): “一、收入支出决算总体情况说明” … “十、其他重要事项的情况说明”
// and the sub-headings （一）（二）… of 五, 七 and 十, recognised by their title text.
import type { SectionId } from '../narrative/types';
import { SECTION_TITLES } from '../narrative/titles';

export type TopId = '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十';

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

const TOP: [TopId, SectionId, string[]][] = [
  ['一', '一', [SECTION_TITLES.一]],
  ['二', '二', [SECTION_TITLES.二]],
  ['三', '三', [SECTION_TITLES.三]],
  ['四', '四', [SECTION_TITLES.四]],
  ['五', '五（一）', ['一般公共预算财政拨款支出决算情况说明']],
  ['六', '六', [SECTION_TITLES.六]],
  ['七', '七（一）', ['财政拨款三公经费支出决算情况说明', '三公经费财政拨款支出决算情况说明', '一般公共预算财政拨款三公经费支出决算情况说明']],
  ['八', '八', [SECTION_TITLES.八, '政府性基金预算财政拨款支出决算情况说明', '政府性基金预算财政拨款收入支出决算情况说明']],
  ['九', '九', [SECTION_TITLES.九, '国有资本经营预算财政拨款支出决算情况说明', '国有资本经营预算财政拨款收入支出决算情况说明']],
  ['十', '十（一）', ['其他重要事项的情况说明', '其他重要事项情况说明']],
];

const SUB: [SectionId, string[]][] = [
  ['五（一）', [SECTION_TITLES['五（一）']]],
  ['五（二）', [SECTION_TITLES['五（二）']]],
  ['五（三）', [SECTION_TITLES['五（三）']]],
  ['七（一）', [unquote(SECTION_TITLES['七（一）'])]],
  ['七（二）', [unquote(SECTION_TITLES['七（二）'])]],
  ['十（一）', [SECTION_TITLES['十（一）'], '机关运行经费情况']],
  ['十（二）', [SECTION_TITLES['十（二）'], '政府采购情况']],
  ['十（三）', [SECTION_TITLES['十（三）'], '国有资产占用情况']],
  ['十（四）', [SECTION_TITLES['十（四）'], '预算绩效情况']],
];

export const HEADINGS: HeadingDef[] = [
  ...TOP.map(([top, section, titles]): HeadingDef => ({ section, top, level: 1, ordinal: `${top}、`, titles })),
  ...SUB.map(([section, titles]): HeadingDef => ({
    section, top: section[0] as TopId, level: 2, ordinal: section.slice(1), titles,
  })),
];

/** Title comparison key: no “说明”, no “的”. */
const titleKey = (s: string) => s.replace(/说明$/, '').replace(/的/g, '');

const ORDINAL = /^(?:([一二三四五六七八九十]+)[、.．]|（([一二三四五六七八九十]+)）|(\d+)[、.．])/;

export interface FoundHeading {
  def: HeadingDef;
  /** The ordinal as printed (“九、”, “（一）”), '' when there is none. */
  printed: string;
}

/** A heading line (normalised text), or undefined. */
export function matchHeading(text: string): FoundHeading | undefined {
  const m = ORDINAL.exec(text);
  const printed = m ? m[0] : '';
  const body = titleKey(text.slice(printed.length).replace(/[。：:；]+$/, ''));
  if (body.length < 4 || /\d/.test(body)) return undefined;
  const defs = HEADINGS.filter((d) => d.titles.some((t) => titleKey(unquote(t)) === body));
  if (defs.length === 0) return undefined;
  return { def: defs[0], printed };
}

/** “第二部分 2023年度部门决算情况说明” and the other part titles. */
export function matchPartTitle(text: string): { part: number } | undefined {
  const m = /^第([一二三四五六七八九十])部分/.exec(text);
  if (!m) return undefined;
  return { part: '一二三四五六七八九十'.indexOf(m[1]) + 1 };
}

/** A printed ordinal as the canonical form (“九.” → “九、”, “(一)” is normalised to “（一）”). */
export function canonicalOrdinal(printed: string, level: 1 | 2): string {
  const m = ORDINAL.exec(printed);
  if (!m) return '';
  if (m[1]) return level === 1 ? `${m[1]}、` : `（${m[1]}）`;
  if (m[2]) return level === 2 ? `（${m[2]}）` : `${m[2]}、`;
  return printed;
}
