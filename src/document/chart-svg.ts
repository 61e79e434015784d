// A ChartSpec drawn by Apache ECharts' server-side renderer: SVG text, no DOM (works in Node
// and in the browser). Values and shares are shown as printed in the sentence beside the chart.
import * as echarts from 'echarts';
import type { ChartSpec } from '../core/document';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 340;
export const CHART_FONT = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, SimHei, sans-serif';

function option(spec: ChartSpec): echarts.EChartsCoreOption {
  const textStyle = { fontFamily: CHART_FONT, fontSize: 15 };
  if (spec.kind === 'pie') {
    const series = spec.series[0];
    return {
      animation: false,
      textStyle,
      title: { text: `单位：${spec.unit}`, right: 10, top: 6, textStyle: { fontSize: 12, fontWeight: 'normal', fontFamily: CHART_FONT } },
      legend: { bottom: 4, textStyle },
      series: [
        {
          type: 'pie',
          radius: ['0%', '58%'],
          center: ['50%', '48%'],
          label: { fontFamily: CHART_FONT, fontSize: 15 },
          data: spec.categories.map((name, i) => ({
            name,
            value: Number(series.values[i]),
            label: { formatter: `${name}\n${series.values[i]}万元，${spec.shares?.[i] ?? ''}` },
          })),
        },
      ],
    };
  }
  return {
    animation: false,
    textStyle,
    title: { text: `单位：${spec.unit}`, right: 10, top: 6, textStyle: { fontSize: 12, fontWeight: 'normal', fontFamily: CHART_FONT } },
    legend: { bottom: 4, textStyle },
    grid: { left: 70, right: 30, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { fontSize: 15, fontFamily: CHART_FONT } },
    yAxis: { type: 'value', axisLabel: { fontSize: 13, fontFamily: CHART_FONT } },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 70,
      data: s.values.map((v) => ({
        value: Number(v),
        label: { show: true, position: 'top', formatter: v, fontSize: 15, fontFamily: CHART_FONT },
      })),
    })),
  };
}

export function chartSvg(spec: ChartSpec, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
