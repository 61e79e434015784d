// The 情况说明's charts from the model, through the same NarrativeContext lookups and share
// computation the sentences use, so a chart shows exactly the figures printed beside it.
import type { Model } from '../model';
import { findRow } from '../model';
import { T01_INCOME_ITEMS } from '../tables';
import type { Supplement } from '../supplement/types';
import { NarrativeContext } from '../narrative/context';
import type { NarrativeSettings } from '../narrative/settings';
import { resolveSettings } from '../narrative/settings';
import { computeShares } from '../narrative/shares';
import { fmtWan } from '../narrative/format';
import { structureName, levelOf } from '../narrative/names';
import { known } from '../narrative/paragraph';
import type { Value } from '../narrative/paragraph';
import { EXPENSE_ITEMS } from '../narrative/sections/three';
import type { ChartPlacement, ChartSource } from './layout-sichuan';
import type { ChartSpec } from './types';

interface Item {
  name: string;
  value: Value;
}

/** Why a chart could not be drawn (a figure is missing), or the chart. */
export type ChartResult = { ok: true; chart: ChartSpec } | { ok: false; placement: ChartPlacement; missing: string };

export function computeCharts(
  model: Model,
  supplement: Supplement | undefined,
  settings: Partial<NarrativeSettings> | undefined,
  placements: ChartPlacement[],
): ChartResult[] {
  const ctx = new NarrativeContext(model, supplement, resolveSettings(settings));
  return placements.map((p) => {
    ctx.section = p.section;
    return p.kind === 'bar' ? barChart(ctx, p) : pieChart(ctx, p);
  });
}

const YOY_SOURCES: Record<string, { label: string; current: (ctx: NarrativeContext) => Value; series: string }> = {
  totals: { label: '收支总计', series: '收、支总计', current: (ctx) => ctx.tableValue('T01', '收:总计', ['金额'], '总计') },
  fiscalTotals: {
    label: '财政拨款收支总计',
    series: '财政拨款收、支总计',
    current: (ctx) => ctx.tableValue('T04', '收:总计', ['金额', '合计'], '总计'),
  },
  gpbChange: {
    label: '一般公共预算财政拨款支出',
    series: '一般公共预算财政拨款支出',
    current: (ctx) => ctx.tableValue('T06', '合计', ['合计'], '合计'),
  },
};

function barChart(ctx: NarrativeContext, p: ChartPlacement): ChartResult {
  const source = YOY_SOURCES[p.source];
  const current = source.current(ctx);
  const prev = ctx.suppValue(source.label, '上年数');
  if (!current.ok) return { ok: false, placement: p, missing: current.placeholder };
  if (!prev.ok) return { ok: false, placement: p, missing: `补充信息表“${source.label}”的上年数` };
  if (ctx.year === null) return { ok: false, placement: p, missing: '决算年度' };
  return {
    ok: true,
    chart: {
      id: p.id,
      caption: `${p.id}：${p.caption}`,
      kind: 'bar',
      unit: '万元',
      categories: [`${ctx.year - 1}年`, `${ctx.year}年`],
      series: [{ name: source.series, values: [fmtWan(prev.value), fmtWan(current.value)] }],
    },
  };
}

function pieItems(ctx: NarrativeContext, source: ChartSource): { total: Value; items: Item[] } {
  switch (source) {
    case 'income': {
      const t01 = ctx.table('T01');
      const items: Item[] = [];
      for (const label of T01_INCOME_ITEMS) {
        const a = ctx.amountOf(findRow(t01, `收:${label}`), ['金额']);
        if (a) items.push({ name: label, value: known(a.value, [a.cell]) });
      }
      return { total: ctx.tableValue('T01', '收:本年收入合计', ['金额'], '本年收入合计'), items };
    }
    case 'expense': {
      const items: Item[] = [];
      for (const col of EXPENSE_ITEMS) {
        const a = ctx.cell('T03', '合计', [col]);
        if (a) items.push({ name: col, value: known(a.value, [a.cell]) });
      }
      return { total: ctx.tableValue('T03', '合计', ['本年支出合计'], '合计·本年支出合计'), items };
    }
    case 'gpbStructure': {
      const items: Item[] = [];
      for (const row of ctx.table('T06')?.rows ?? []) {
        if (!row.code || levelOf(row) !== 1) continue;
        const a = ctx.amountOf(row, ['合计']);
        if (a) items.push({ name: structureName(row, ctx.settings), value: known(a.value, [a.cell]) });
      }
      return { total: ctx.tableValue('T06', '合计', ['合计'], '合计'), items };
    }
    case 'sanGong': {
      const columns = ['因公出国（境）费', '公务用车购置及运行费', '公务接待费'];
      const names = ['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费'];
      const value = (column: string): Value => {
        const t10 = ctx.tableValue('T10', '决算数', [column], `决算数·${column}`);
        if (!t10.ok) return t10;
        const t12 = ctx.cell('T12', '决算数', [column]);
        return t12 ? known(t10.value.add(t12.value), [...t10.cells, t12.cell]) : t10;
      };
      return { total: value('合计'), items: columns.map((c, i) => ({ name: names[i], value: value(c) })) };
    }
    default:
      throw new Error(`not a pie source: ${source}`);
  }
}

function pieChart(ctx: NarrativeContext, p: ChartPlacement): ChartResult {
  const { total, items: all } = pieItems(ctx, p.source);
  // the sentences leave zero items out of the income/expense/structure lists when omitZeroItems is on; 三公 always lists all three
  const items = p.source !== 'sanGong' && ctx.settings.omitZeroItems ? all.filter((i) => !(i.value.ok && i.value.value.isZero())) : all;
  if (!total.ok) return { ok: false, placement: p, missing: total.placeholder };
  const missing = items.find((i) => !i.value.ok);
  if (missing && !missing.value.ok) return { ok: false, placement: p, missing: missing.value.placeholder };
  if (items.length === 0) return { ok: false, placement: p, missing: '分项数据' };
  const values = items.map((i) => (i.value.ok ? i.value.value : total.value));
  const shares = computeShares(values, total.value, ctx.settings.percentDecimals, ctx.settings.shareMode).shares.map((s) => ctx.pct(s));
  return {
    ok: true,
    chart: {
      id: p.id,
      caption: `${p.id}：${p.caption}`,
      kind: 'pie',
      unit: '万元',
      categories: items.map((i) => i.name),
      series: [{ name: p.caption, values: values.map(fmtWan) }],
      shares,
    },
  };
}
