// CT-1…CT-5 on a 绩效目标完成情况表 (domain.md §5.5). Amounts are in 百元 as printed.
import { Decimal, roundHalfUp } from '../money';
import type { CellRef, Finding } from '../finding';
import { amountFinding, finding, tableName } from './findings';
import type { CompletionCell, CompletionTable, ExecutionRow, StructureColumn } from './types';
import { STRUCTURE_COLUMNS } from './types';
import { fmt, halfUnit, printedDecimals } from './text';

const BAI_PER_WAN = 100;

function decimalsOf(c: CompletionCell | undefined): number {
  if (!c || c.value === null) return 0;
  return Math.max(printedDecimals(c.text.replace(/[^\d.]/g, '')), c.value.decimalPlaces());
}

/** §3.6: n published addends may miss their total by up to half a printed unit × (n + 1). */
function roundingTolerance(cells: (CompletionCell | undefined)[], n: number): Decimal {
  const d = Math.max(0, ...cells.map(decimalsOf));
  return halfUnit(d).mul(n + 1);
}

const filled = (c: CompletionCell | undefined): c is CompletionCell & { value: Decimal } => !!c && c.value !== null;
const valueOr0 = (c: CompletionCell | undefined) => c?.value ?? new Decimal(0);

/** expected vs printed (blank printed = 0) with the §3.6 rounding band. */
function compareAmount(
  rule: 'CT-1' | 'CT-3' | 'CT-4',
  what: string,
  target: CompletionCell | undefined,
  expected: Decimal,
  how: string,
  inputs: (CompletionCell | undefined)[],
  n: number,
): Finding[] {
  if (!target) return [];
  const printed = valueOr0(target);
  const diff = printed.sub(expected).abs();
  if (diff.isZero()) return [];
  const cells: CellRef[] = [target.cell, ...inputs.filter((c): c is CompletionCell => !!c).map((c) => c.cell)];
  const tol = roundingTolerance([target, ...inputs], n);
  const shown = target.value === null ? '为空' : `为${fmt(printed)}百元`;
  const msg = `${what}${shown}，${how} = ${fmt(expected)}百元，相差${fmt(diff)}百元`;
  const toWan = (d: Decimal) => d.div(BAI_PER_WAN);
  if (diff.lte(tol) && target.value !== null) {
    return [amountFinding(rule, 'info', `${msg}（取整误差，容差${fmt(tol)}百元）`, cells, toWan(expected), toWan(printed), toWan(tol))];
  }
  return [amountFinding(rule, 'error', msg, cells, toWan(expected), toWan(printed), toWan(tol))];
}

/** CT-1 结转 = 预算 − 执行; CT-2 率 = 结转 / 预算 × 100; CT-5 变动率 when 本年 is 0. */
function checkLine(
  name: string,
  预算额: CompletionCell | undefined,
  执行额: CompletionCell | undefined,
  结转: CompletionCell | undefined,
  率: CompletionCell | undefined,
  变动率: CompletionCell | undefined,
): Finding[] {
  if (!filled(预算额) && !filled(执行额)) return [];
  const out: Finding[] = [];
  const P = valueOr0(预算额);
  const E = valueOr0(执行额);
  out.push(...compareAmount('CT-1', `${name}当年结转结余额`, 结转, P.sub(E), `预算额${fmt(P)} − 执行额${fmt(E)}`, [预算额, 执行额], 2));

  const C = valueOr0(结转);
  if (率 && !P.isZero()) {
    const exact = C.div(P).mul(100);
    const expected = roundHalfUp(exact, 2);
    if (率.value === null) {
      if (!expected.isZero()) {
        out.push(
          finding(
            'CT-2',
            'error',
            `${name}结转结余率为空，按当年结转结余额${fmt(C)} ÷ 预算额${fmt(P)} × 100 = ${fmt(exact)}%应为${fmt(expected, 2)}%`,
            [率.cell, ...(结转 ? [结转.cell] : [])],
          ),
        );
      }
    } else {
      const d = printedDecimals(率.text.replace(/[^\d.]/g, ''));
      if (率.value.sub(exact).abs().gt(halfUnit(d))) {
        out.push(
          finding(
            'CT-2',
            'error',
            `${name}结转结余率写为${fmt(率.value)}%，按当年结转结余额${fmt(C)} ÷ 预算额${fmt(P)} × 100 = ${fmt(exact)}%应为${fmt(expected, 2)}%，相差${fmt(率.value.sub(expected).abs(), 2)}个百分点`,
            [率.cell, ...(结转 ? [结转.cell] : []), ...(预算额 ? [预算额.cell] : [])],
          ),
        );
      }
    }
  }

  if (变动率?.value && C.isZero() && !变动率.value.isZero() && !变动率.value.eq(-100)) {
    out.push(
      finding('CT-5', 'error', `${name}当年结转结余额为0，结转结余变动率只能是−100%（上年大于0）或不适用，表中写为${fmt(变动率.value)}%`, [
        变动率.cell,
      ]),
    );
  }
  return out;
}

function executionSum(t: CompletionTable): Finding[] {
  const total = t.execution.find((r) => r.label === '合计');
  const parts =
    t.kind === 'department'
      ? t.execution.filter((r) => r.label === '基本支出' || r.label === '政策和项目支出' || r.label === '项目支出')
      : t.execution.filter((r) => r.label === '财政拨款' || r.label === '其他资金');
  if (!total || parts.length === 0) return [];
  const out: Finding[] = [];
  for (const k of ['预算额', '执行额', '当年结转结余额'] as const) {
    const cells = [total[k], ...parts.map((p) => p[k])];
    if (!cells.some(filled)) continue;
    const expected = parts.reduce((a, p) => a.add(valueOr0(p[k])), new Decimal(0));
    const how = parts.map((p) => `${p.label}${fmt(valueOr0(p[k]))}`).join(' + ');
    out.push(
      ...compareAmount(
        'CT-3',
        `${tableName(t)} 合计·${k}`,
        total[k],
        expected,
        how,
        parts.map((p) => p[k]),
        parts.length,
      ),
    );
  }
  return out;
}

function structureChecks(t: CompletionTable): Finding[] {
  const out: Finding[] = [];
  const row = (label: string) => t.structure.find((r) => r.label === label);
  const funds = STRUCTURE_COLUMNS.filter((c) => c !== '合计');
  const block = t.kind === 'department' ? '预算结构' : '财政拨款结构';
  // CT-4: 合计 = Σ funds, for each amount row
  for (const k of ['预算额', '执行额', '当年结转结余额'] as const) {
    const r = row(k);
    if (!r || !Object.values(r.cells).some(filled)) continue;
    const expected = funds.reduce((a, f) => a.add(valueOr0(r.cells[f])), new Decimal(0));
    const how =
      funds
        .filter((f) => filled(r.cells[f]))
        .map((f) => `${f}${fmt(valueOr0(r.cells[f]))}`)
        .join(' + ') || '各来源均为空';
    out.push(
      ...compareAmount(
        'CT-4',
        `${tableName(t)} ${block}·${k}·合计`,
        r.cells.合计,
        expected,
        how,
        funds.map((f) => r.cells[f]),
        funds.length,
      ),
    );
  }
  // CT-4: the block's 合计 column repeats the 预算执行情况 row (合计 for 部门, 财政拨款 for 项目)
  const execLabel = t.kind === 'department' ? '合计' : '财政拨款';
  const exec = t.execution.find((r) => r.label === execLabel);
  if (exec) {
    for (const k of ['预算额', '执行额', '当年结转结余额'] as const) {
      const mine = row(k)?.cells.合计;
      const theirs = exec[k];
      if (!mine || !theirs || (!filled(mine) && !filled(theirs))) continue;
      out.push(
        ...compareAmount(
          'CT-4',
          `${tableName(t)} ${block}·${k}·合计`,
          mine,
          valueOr0(theirs),
          `预算执行情况·${execLabel}·${k}`,
          [theirs],
          1,
        ),
      );
    }
  }
  // CT-1 / CT-2 / CT-5 down each column
  for (const col of STRUCTURE_COLUMNS as readonly StructureColumn[]) {
    out.push(
      ...checkLine(
        `${tableName(t)} ${block}·${col}·`,
        row('预算额')?.cells[col],
        row('执行额')?.cells[col],
        row('当年结转结余额')?.cells[col],
        row('结转结余率')?.cells[col],
        row('结转结余变动率')?.cells[col],
      ),
    );
  }
  return out;
}

function executionLines(t: CompletionTable, r: ExecutionRow): Finding[] {
  return checkLine(`${tableName(t)} ${r.label}·`, r.预算额, r.执行额, r.当年结转结余额, r.结转结余率, r.结转结余变动率);
}

export function checkCompletion(t: CompletionTable): Finding[] {
  return [...t.execution.flatMap((r) => executionLines(t, r)), ...executionSum(t), ...structureChecks(t)];
}
