// The 补充信息 inputs checked before any sentence is written from them: a total against the sum
// of its parts, vehicle counts against each other. Each finding names the 补充信息 cells.
import type { CellRef, Finding } from '../finding';
import { Decimal, sum, wan2 } from '../money';
import type { Amount } from '../model';
import { amountUnits, UnitSum } from '../rules/refs';
import { roundingTolerance } from '../rules/tolerance';
import { VEHICLE_CATEGORIES, type NumericColumn } from './rows';
import type { Supplement, SupplementRow } from './types';

interface SumGroup {
  total: string;
  parts: string[];
  columns: NumericColumn[];
  /** Counts are whole numbers: no rounding tolerance. */
  count?: boolean;
}

/** Rows of interfaces.md §2 that are the sum of other rows (the parts as the 附表 and 情况说明 list them). */
export const SUPPLEMENT_SUMS: readonly SumGroup[] = [
  { total: '“三公”经费', parts: ['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费'], columns: ['本年数', '上年数'] },
  { total: '公务接待费', parts: ['国内公务接待费', '外事接待费'], columns: ['本年数'] },
  { total: '政府采购支出总额', parts: ['政府采购货物支出', '政府采购工程支出', '政府采购服务支出'], columns: ['本年数'] },
  { total: '公务用车购置数', parts: ['轿车购置数', '越野车购置数', '载客汽车购置数', '其他车型购置数'], columns: ['本年数'], count: true },
  { total: '公务用车保有量', parts: ['轿车保有量', '越野车保有量', '载客汽车保有量', '其他车型保有量'], columns: ['本年数'], count: true },
  {
    total: '车辆总数',
    parts: [...VEHICLE_CATEGORIES],
    columns: ['本年数'],
    count: true,
  },
];

const q = (label: string) => (label.startsWith('“') ? label : `“${label}”`);
const at = (c: CellRef) => `${c.sheet}!${c.address}`;
const fmt = (v: Decimal, count?: boolean) => (count ? v.toString() : `${wan2(v)}万元`);

export function checkSupplement(supplement: Supplement): Finding[] {
  const findings: Finding[] = [];
  for (const group of SUPPLEMENT_SUMS) {
    for (const column of group.columns) {
      const f = sumFinding(supplement, group, column);
      if (f) findings.push(f);
    }
  }
  findings.push(...vehicleFindings(supplement));
  return findings;
}

function sumFinding(supplement: Supplement, group: SumGroup, column: NumericColumn): Finding | undefined {
  const total = supplement.get(group.total)?.[column];
  if (!total) return undefined;
  const parts = group.parts.map((label) => ({ label, row: supplement.get(label) }));
  // a part whose row is absent counts as 0 only when the sheet lists none of it; a blank cell: not checked
  if (parts.some((p) => p.row && !p.row[column])) return undefined;
  const given = parts.filter((p) => p.row?.[column]);
  if (given.length === 0) return undefined;
  const amounts = given.map((p) => p.row![column]!);
  if (addsUpExactly(total, amounts)) return undefined; // no Decimal made for a sum that holds
  const values = amounts.map((a) => a.value);
  const partsSum = sum(values);
  const diff = total.value.sub(partsSum).abs();
  if (diff.isZero()) return undefined; // within any tolerance
  const tol = group.count ? new Decimal(0) : roundingTolerance(values.filter((v) => !v.isZero()).length);
  if (diff.lte(tol)) return undefined;
  const cells = [total.cell, ...given.map((p) => p.row![column]!.cell)];
  const terms = given
    .map((p) => `${q(p.label)}${group.count ? p.row![column]!.value.toString() : wan2(p.row![column]!.value)}`)
    .join(' + ');
  return {
    rule: 'SUP-SUM',
    severity: 'error',
    message: `补充信息${q(group.total)}的${column}${fmt(total.value, group.count)}（${at(total.cell)}）不等于各项之和：${terms} = ${fmt(partsSum, group.count)}，相差${fmt(diff, group.count)}${group.count ? '' : `（允许误差${wan2(tol)}万元）`}。说明中的总数和各项都取自这些单元格，请先改正补充信息。`,
    cells,
    expected: group.count ? undefined : wan2(partsSum),
    actual: group.count ? undefined : wan2(total.value),
    difference: group.count ? undefined : wan2(diff),
  };
}

/** total = Σ parts to the 0.01元, decided on their exact integer counts; false when not, or when a count is not exact. */
function addsUpExactly(total: Amount, parts: readonly Amount[]): boolean {
  const expected = amountUnits(total);
  const partsSum = new UnitSum();
  for (const part of parts) partsSum.addAmount(part);
  return expected !== undefined && partsSum.exact && partsSum.total === expected;
}

function countOf(row: SupplementRow | undefined): Decimal | undefined {
  return row?.本年数?.value;
}

/** 公务用车保有量 (七（二）) against 车辆总数 and 其他用车 (十（三）). */
function vehicleFindings(supplement: Supplement): Finding[] {
  const official = supplement.get('公务用车保有量');
  const all = supplement.get('车辆总数');
  const other = supplement.get('其他用车');
  const o = countOf(official);
  const a = countOf(all);
  if (!o || !a || !official?.本年数 || !all?.本年数) return [];
  if (o.gt(a)) {
    return [
      {
        rule: 'SUP-CAR',
        severity: 'error',
        message: `补充信息“公务用车保有量”${o}辆（${at(official.本年数.cell)}）多于“车辆总数”${a}辆（${at(all.本年数.cell)}）：公务用车是单位车辆的一部分，请核对。`,
        cells: [official.本年数.cell, all.本年数.cell],
      },
    ];
  }
  if (o.isZero() && a.gt(0)) {
    const otherText =
      other?.本年数 && other.本年数.value.gt(0)
        ? `，其中“其他用车”${other.本年数.value}辆（${at(other.本年数.cell)}）${other.原因说明 ? `说明为“${other.原因说明.text.trim()}”` : ''}`
        : '';
    return [
      {
        rule: 'SUP-CAR',
        severity: 'warning',
        message: `补充信息“公务用车保有量”为0辆（${at(official.本年数.cell)}），而“车辆总数”为${a}辆（${at(all.本年数.cell)}）${otherText}：说明七（二）将写“公务用车保有量0辆”，十（三）将写有${a}辆车，请确认两处口径一致。`,
        cells: [official.本年数.cell, all.本年数.cell, ...(other?.本年数 ? [other.本年数.cell] : [])],
      },
    ];
  }
  return [];
}
