/// <reference lib="dom" />
// 导出Word in the pane: the disclosure .docx built in the page (nothing leaves the machine).
// Charts: ECharts SVG, rasterised to PNG on a canvas (docx images need a PNG); a chart the
// browser cannot draw is left out and its caption stays.
import { buildDocument } from '../../src/core/document';
import type { BuiltDocument } from '../../src/core/document';
import type { Grid } from '../../src/core/grid';
import type { NarrativeSettings } from '../../src/core/narrative';
import { chartSvg, CHART_HEIGHT, CHART_WIDTH } from '../../src/document/chart-svg';
import type { ChartImage } from '../../src/document/docx';
import { renderDocx } from '../../src/document/docx';

async function svgToPng(svg: string, scale = 2): Promise<ChartImage> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('图表无法绘制'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = CHART_WIDTH * scale;
    canvas.height = CHART_HEIGHT * scale;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('图表无法绘制');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('图表无法绘制');
    return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function disclosureDocx(
  grids: Grid[],
  settings: Partial<NarrativeSettings>,
): Promise<{ bytes: Uint8Array; built: BuiltDocument }> {
  const built = buildDocument(grids, { settings });
  const images = new Map<string, ChartImage>();
  for (const c of built.charts) {
    if (!c.ok) continue;
    try {
      images.set(c.chart.id, await svgToPng(chartSvg(c.chart)));
    } catch {
      // left out: the caption still says which chart belongs here
    }
  }
  return { bytes: await renderDocx(built.doc, images), built };
}

/** Offers `bytes` as a download (the standalone page; in Excel/WPS the webview's download). */
export function downloadDocx(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
