// From the paragraphs handed in to the checker's paragraphs: normalised, lines broken by a PDF
// page joined again, each assigned to its section by heading or by its lead words.
import type { SectionId } from '../narrative/types';
import { cueSection } from './cues';
import type { FoundHeading, HeadingDef } from './headings';
import { HEADINGS, matchHeading, matchPartTitle } from './headings';
import { normalizeText } from './normalize';
import type { Para, TextParagraph } from './types';

/** Characters that end a paragraph; any other last character means the sentence goes on. */
const TERMINAL = /[。！？：；）」』…]$/;
const STARTS_ITEM = /^(?:\d+[．.、]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|（图\d)/;

export interface SectionedPara extends Para {
  /** The heading this paragraph is, if it is one. */
  found?: FoundHeading;
}

/** A sheet or document title such as “部门决算情况说明”: never joined to what follows. */
function isTitleLike(text: string): boolean {
  return text.length <= 40 && /情况说明$/.test(text) && !/\d+(?:\.\d+)?(?:万元|%)/.test(text);
}

/** What a line was recognised as while joining: kept for the line unless text was joined to it. */
interface Recognised {
  found: FoundHeading | undefined;
  part: ReturnType<typeof matchPartTitle>;
}

type Joined = { raw: string; text: string; cell?: TextParagraph['cell']; line?: number };

/**
 * Joins a paragraph to the one before when that one stops mid-sentence (“…召开了县” +
 * “第十六届…”): extracted PDF text breaks lines at page ends. Headings are never joined.
 * `recognised[i]` is what out[i] was recognised as, undefined once text was joined to it.
 */
function join(input: TextParagraph[], headings: HeadingDef[]): { out: Joined[]; recognised: (Recognised | undefined)[] } {
  const out: Joined[] = [];
  const recognised: (Recognised | undefined)[] = [];
  let prevHeading = true;
  for (const p of input) {
    const text = normalizeText(p.text);
    if (text === '') continue;
    const found = matchHeading(text, headings);
    const part = matchPartTitle(text);
    const heading = found !== undefined || part !== undefined || isTitleLike(text);
    const last = out[out.length - 1];
    if (last && !prevHeading && !heading && !TERMINAL.test(last.text) && !STARTS_ITEM.test(text)) {
      last.raw = `${last.raw}${p.text.trim()}`;
      last.text = `${last.text}${text}`;
      recognised[out.length - 1] = undefined;
    } else {
      out.push({ raw: p.text.trim(), text, ...(p.cell ? { cell: p.cell } : {}), ...(p.line !== undefined ? { line: p.line } : {}) });
      recognised.push({ found, part });
    }
    prevHeading = heading;
  }
  return { out, recognised };
}

/**
 * Paragraphs with their sections. Text under another part's title (名词解释, 部门决算表 …) is
 * left out; a paragraph whose lead words name a section belongs to it even under another heading.
 */
export function buildParagraphs(input: TextParagraph[], headings: HeadingDef[] = HEADINGS): SectionedPara[] {
  const out: SectionedPara[] = [];
  let inside = true;
  let section: SectionId | undefined;
  const { out: joined, recognised } = join(input, headings);
  for (let i = 0; i < joined.length; i++) {
    const p = joined[i];
    const known = recognised[i];
    const part = known ? known.part : matchPartTitle(p.text);
    if (part) {
      inside = part.narrative;
      section = undefined;
      if (inside) out.push({ ...p, index: out.length, heading: true });
      continue;
    }
    if (!inside) continue;
    const found = known ? known.found : matchHeading(p.text, headings);
    if (found) {
      section = found.def.section;
      out.push({ ...p, index: out.length, heading: true, section, found });
      continue;
    }
    section = cueSection(p.text) ?? section;
    out.push({ ...p, index: out.length, ...(section ? { section } : {}) });
  }
  return out;
}
