// Renderers of the disclosure document: .docx (docx package) and chart SVG (ECharts SSR). Node
// and browser; PNG conversion of charts for Node is in chart-png.ts (resvg).
export { renderDocx, docxDocument } from './docx';
export type { ChartImage } from './docx';
export { chartSvg, CHART_WIDTH, CHART_HEIGHT } from './chart-svg';
