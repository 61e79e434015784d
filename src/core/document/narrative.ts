// 第二部分 as blocks: the workbook's narrative sheet when written, else the generated text;
// charts go where the text has their caption (“（图2：…）”), else after their section's first paragraph.
import type { Grid } from '../grid';
import { cellAt, rowCount } from '../grid';
import { findNarrativeGrid, headingLevel } from '../plan/narrative';
import type { SectionId } from '../narrative/types';
import type { Block, ChartSpec } from './types';

const CAPTION = /^[（(]图(\d+)[：:]/;
const HEADING = /^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）)/;

/** Column-A lines of the narrative sheet below its title; empty when there is no text. */
export function narrativeSheetLines(grids: Grid[]): string[] {
  const grid = findNarrativeGrid(grids);
  if (!grid) return [];
  const lines: string[] = [];
  for (let r = 0; r < rowCount(grid); r++) {
    const v = cellAt(grid, r, 0);
    const t = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
    if (t === '') continue;
    if (lines.length === 0 && t.length <= 40 && /情况说明$/.test(t)) continue;
    lines.push(t);
  }
  return lines.some((l) => headingLevel(l) === undefined) ? lines : [];
}

/** Section key of a heading line: “一”, “五（一）”. */
function sectionKey(line: string, level1: string): { key: string; level1: string } {
  const m = HEADING.exec(line) as RegExpExecArray;
  if (m[1]) return { key: m[1], level1: m[1] };
  return { key: `${level1}（${m[2]}）`, level1 };
}

export function narrativeBlocks(lines: string[], charts: ChartSpec[], chartSections: Record<string, SectionId>): Block[] {
  const blocks: Block[] = [];
  const byId = new Map(charts.map((c) => [c.id, c]));
  const placed = new Set<string>();
  const captioned = new Set(
    lines
      .map((l) => CAPTION.exec(l)?.[1])
      .filter(Boolean)
      .map((n) => `图${n}`),
  );
  let level1 = '';
  let section = '';
  let paragraphsInSection = 0;
  const chartFor = (sec: string) => charts.filter((c) => chartSections[c.id] === sec && !captioned.has(c.id) && !placed.has(c.id));
  for (const line of lines) {
    const level = headingLevel(line);
    if (level) {
      ({ key: section, level1 } = sectionKey(line, level1));
      paragraphsInSection = 0;
      blocks.push({ kind: 'heading', level: level === 1 ? 2 : 3, text: line });
      continue;
    }
    const caption = CAPTION.exec(line);
    if (caption) {
      const chart = byId.get(`图${caption[1]}`);
      if (chart) {
        blocks.push({ kind: 'chart', chart });
        placed.add(chart.id);
      } else blocks.push({ kind: 'paragraph', text: line, flush: true });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line });
    paragraphsInSection++;
    if (paragraphsInSection === 1) {
      for (const chart of chartFor(section)) {
        blocks.push({ kind: 'chart', chart });
        placed.add(chart.id);
      }
    }
  }
  return blocks;
}
