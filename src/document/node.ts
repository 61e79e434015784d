// Node: the disclosure .docx with its charts as PNG (ECharts SVG → resvg).
import type { Grid } from '../core/grid';
import { buildDocument } from '../core/document';
import type { BuildOptions, BuiltDocument } from '../core/document';
import { chartSvg } from './chart-svg';
import { findCjkFonts, svgToPng, NO_CJK_FONT_WARNING } from './chart-png';
import type { ChartImage } from './docx';
import { renderDocx } from './docx';

export interface DocxResult {
  bytes: Uint8Array;
  built: BuiltDocument;
  warnings: string[];
}

export async function disclosureDocx(grids: Grid[], options: BuildOptions = {}): Promise<DocxResult> {
  const built = buildDocument(grids, options);
  const fonts = findCjkFonts();
  const warnings = fonts.length === 0 ? [NO_CJK_FONT_WARNING] : [];
  const images = new Map<string, ChartImage>();
  for (const c of built.charts) {
    if (c.ok) images.set(c.chart.id, svgToPng(chartSvg(c.chart), 2, fonts));
  }
  return { bytes: await renderDocx(built.doc, images), built, warnings };
}
