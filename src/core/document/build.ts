// The whole disclosure as a DocModel: cover, contents, the parts in the layout's order.
import type { Grid } from '../grid';
import { rowCount } from '../grid';
import { checkWorkbook } from '../engine';
import { narrate, narrativeLines } from '../narrative';
import type { NarrativeSettings } from '../narrative/settings';
import { headingLevel } from '../plan/narrative';
import { levelOf } from '../narrative/names';
import { computeCharts } from './charts';
import type { ChartResult } from './charts';
import glossary from './glossary-sichuan.json';
import type { DocumentLayout } from './layout-sichuan';
import { SICHUAN_LAYOUT } from './layout-sichuan';
import { narrativeBlocks, narrativeSheetLines } from './narrative';
import { docTables } from './tables';
import type { Block, DocModel, DocPart } from './types';

export interface BuildOptions {
  settings?: Partial<NarrativeSettings>;
  layout?: DocumentLayout;
}

export interface BuiltDocument {
  doc: DocModel;
  charts: ChartResult[];
  /** Where the 情况说明 came from. */
  narrativeSource: 'sheet' | 'generated';
}

const PLACEHOLDER = /【[^【】]*】/g;
const OVERVIEW_SHEET = /部门概况/;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

/** Column-A (first non-empty cell) lines of a 部门概况 sheet, if the workbook has one. */
function overviewLines(grids: Grid[]): string[] {
  const grid = grids.find((g) => OVERVIEW_SHEET.test(g.sheet));
  if (!grid) return [];
  const lines: string[] = [];
  for (let r = 0; r < rowCount(grid); r++) {
    const row = grid.cells[r] ?? [];
    const v = row.find((c) => typeof c === 'string' && c.trim() !== '');
    if (typeof v === 'string') lines.push(v.trim());
  }
  return lines.filter((l) => !/^第一部分/.test(l) && l !== '部门概况');
}

function overviewBlocks(grids: Grid[], layout: DocumentLayout, year: string): Block[] {
  const lines = overviewLines(grids);
  if (lines.length > 0) {
    return lines.map((text): Block => {
      const level = headingLevel(text);
      return level ? { kind: 'heading', level: level === 1 ? 2 : 3, text } : { kind: 'paragraph', text };
    });
  }
  const blocks: Block[] = [];
  for (const o of layout.overviewOutline) {
    blocks.push({ kind: 'heading', level: o.level === 1 ? 2 : 3, text: fill(o.heading, { year }) });
    if (o.ask) blocks.push({ kind: 'paragraph', text: o.ask });
  }
  return blocks;
}

interface GlossaryItem {
  term: string;
  text: string;
  classCode?: string;
}

function glossaryBlocks(classCodes: Set<string>): Block[] {
  const items = (glossary.items as GlossaryItem[]).filter((i) => !i.classCode || classCodes.has(i.classCode));
  return items.map((i, n) => ({ kind: 'paragraph', text: `${n + 1}.${i.term}：${i.text}` }));
}

export function buildDocument(grids: Grid[], options: BuildOptions = {}): BuiltDocument {
  const layout = options.layout ?? SICHUAN_LAYOUT;
  const { model, supplement } = checkWorkbook(grids);
  const result = narrate(model, supplement, options.settings);
  const year = result.year !== null ? String(result.year) : '【请填写决算年度】';
  const unitText = supplement?.get('单位名称')?.text?.text.trim();
  const unit = unitText || '【请填写单位名称】';
  const values = { unit, year };

  const charts = computeCharts(model, supplement, options.settings, layout.charts);
  const drawn = charts.flatMap((c) => (c.ok ? [c.chart] : []));
  const chartSections = Object.fromEntries(layout.charts.map((c) => [c.id, c.section]));
  const sheetLines = narrativeSheetLines(grids);
  const narrativeSource = sheetLines.length > 0 ? 'sheet' : 'generated';
  const lines = narrativeSource === 'sheet' ? sheetLines : narrativeLines(result);

  const classCodes = new Set<string>();
  for (const id of ['T03', 'T06'] as const) {
    for (const row of model.tables[id]?.rows ?? []) if (row.code && levelOf(row) === 1) classCodes.add(row.code);
  }

  const parts: DocPart[] = [
    {
      id: 'cover',
      blocks: fill(layout.coverTitle, values)
        .split('\n')
        .map((text) => ({ kind: 'paragraph', text, flush: true })),
    },
    { id: 'contents', blocks: [{ kind: 'heading', level: 1, text: layout.contentsHeading }] },
  ];
  for (const p of layout.parts) {
    const heading = fill(p.heading, values);
    switch (p.id) {
      case 'overview':
        parts.push({ id: p.id, heading, blocks: overviewBlocks(grids, layout, year) });
        break;
      case 'narrative':
        parts.push({ id: p.id, heading, blocks: narrativeBlocks(lines, drawn, chartSections) });
        break;
      case 'glossary':
        parts.push({ id: p.id, heading, blocks: glossaryBlocks(classCodes) });
        break;
      case 'attachments':
        parts.push({
          id: p.id,
          heading,
          blocks: [{ kind: 'paragraph', text: '【请附上部门整体支出绩效自评报告、项目支出绩效自评报告等附件】' }],
        });
        break;
      case 'tables':
        parts.push({ id: p.id, heading, landscape: true, blocks: docTables(model, grids).map((table) => ({ kind: 'table', table })) });
        break;
    }
  }

  const missing = new Set<string>();
  for (const part of parts) {
    for (const b of part.blocks)
      if (b.kind === 'paragraph' || b.kind === 'heading') for (const m of b.text.match(PLACEHOLDER) ?? []) missing.add(m);
  }
  for (const c of charts)
    if (!c.ok) missing.add(`${c.placement.id}（${c.placement.caption}）缺少${c.missing.replace(/^【请填写(.*)】$/, '$1')}，未绘制`);
  return {
    doc: { unit, year, title: fill(layout.coverTitle, values).replace('\n', ' '), parts, missing: [...missing] },
    charts,
    narrativeSource,
  };
}
