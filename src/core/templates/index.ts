// The templates, and which one a workbook follows: from the tables present and the 情况说明's own
// part heading. Adding a template is adding its file here (see README “Templates”).
import type { TableId } from '../model';
import { moe4 } from './moe4';
import { mof9 } from './mof9';
import { shanghai9 } from './shanghai9';
import { sichuan14 } from './sichuan14';
import type { Template } from './types';

/** Every template; on a tie in detection the earlier one wins. */
export const TEMPLATES: Template[] = [mof9, sichuan14, shanghai9, moe4];

export type TemplateId = string;

export function findTemplate(idOrName: string): Template | undefined {
  const key = idOrName.trim();
  return TEMPLATES.find((t) => t.id === key || t.name === key || t.name.startsWith(key));
}

export function getTemplate(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(`未知的模板“${id}”，可用：${TEMPLATES.map((x) => `${x.id}（${x.name}）`).join('、')}`);
  return t;
}

/**
 * The template a workbook follows: 2 points per table or printed title only that template has, 3
 * when the text's part heading or one of its own headings is the template's (“第三部分 …情况说明”,
 * “三、决算报表说明”). No signal: a workbook without a Sichuan-only table is read as the MoF
 * 9-table set (the common core). `titles`: the table titles as printed, normalised.
 */
export function detectTemplate(present: TableId[], textLines: string[] = [], titles: string[] = []): Template {
  const lines = textLines.map((l) => l.replace(/\s+/g, ''));
  const heading = lines.find((l) => /^第[一二三四五六七八九十]部分.*情况说明/.test(l));
  let best: Template = mof9;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const t of TEMPLATES) {
    const own = t.tables.map((x) => x.id);
    const patterns = detectPatterns(t);
    let score = 2 * t.detect.tables.filter((id) => present.includes(id)).length;
    score -= 2 * present.filter((id) => !own.includes(id)).length;
    if (heading && patterns.partHeading?.test(heading)) score += 3;
    score += 2 * (t.detect.titles ?? []).filter((title) => titles.some((printed) => printed.includes(title))).length;
    if (patterns.headings.some((h) => lines.some((l) => h.test(l)))) score += 3;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

interface DetectPatterns {
  partHeading?: RegExp;
  headings: RegExp[];
}

/** Each template's detection patterns, compiled once (templates never change; none has the g flag). */
const compiledDetect = new Map<Template, DetectPatterns>();

function detectPatterns(t: Template): DetectPatterns {
  let patterns = compiledDetect.get(t);
  if (!patterns) {
    patterns = { headings: (t.detect.headings ?? []).map((h) => new RegExp(h)) };
    if (t.detect.partHeading) patterns.partHeading = new RegExp(t.detect.partHeading);
    compiledDetect.set(t, patterns);
  }
  return patterns;
}

export type { Template, TemplateHeading, TemplateTable, TextStatement } from './types';

/**
 * How findings name a table: as the template numbers it (“表4” for 教育部's 财政拨款支出决算表, the
 * catalog's T06; “表二” for Shanghai's “二、收入决算表”; Sichuan's 公开05表 as “表5”).
 */
export function tableLabel(template: Template | undefined, id: TableId): string {
  const number = template?.tables.find((t) => t.id === id)?.number;
  const sichuan = number && /^公开0*(\d+)表$/.exec(number);
  if (sichuan) return `表${sichuan[1]}`;
  if (number && /^表\S+$/.test(number)) return number;
  if (number && /^[一二三四五六七八九十]+$/.test(number)) return `表${number}`;
  return id.replace(/^T0?/, '表');
}
