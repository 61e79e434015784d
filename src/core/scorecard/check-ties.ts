// SC-8: evidence numbers tie to the 决算 Model; CT-6: the evidence uses the 完成情况表's amounts;
// CT-7: the department 完成情况表 执行额 ties to T04 本年支出合计 (domain.md §5.4, §5.5). All 提示.
import { Decimal, wan2 } from '../money';
import type { CellRef, Finding } from '../finding';
import type { Model, TableId } from '../model';
import { getAmount } from '../model';
import type { EvidenceAmount, EvidenceReading } from './evidence';
import { nodeAmount, rateFor, ratioAmounts, sanGongChange } from './evidence';
import { amountFinding, finding, cardName } from './findings';
import type { CompletionTable, ExecutionRow, Indicator, RuleTies, Scorecard, ScoreSettings, TieTarget } from './types';
import { fmt, halfUnit } from './text';

/** One value a tie target resolves to. */
interface Source {
  label: string;
  value: Decimal;
  cells: CellRef[];
  /** % for rates, 万元 for amounts */
  unit: '%' | '万元';
}

const TITLES: Partial<Record<TableId, string>> = {
  T04: '财政拨款收入支出决算总表',
  T06: '一般公共预算财政拨款支出决算表',
  T09: '一般公共预算财政拨款项目支出决算表',
  T10: '一般公共预算财政拨款“三公”经费支出决算表',
  T12: '政府性基金预算财政拨款“三公”经费支出决算表',
};

function modelAmount(model: Model, table: TableId, row: string, col: string): Source | undefined {
  const a = getAmount(model.tables[table], row, col);
  return a && { label: `${TITLES[table] ?? table}“${row}·${col}”`, value: a.value, cells: [a.cell], unit: '万元' };
}

function sanGong(model: Model, row: '预算数' | '决算数', s: ScoreSettings): Source | undefined {
  const t10 = modelAmount(model, 'T10', row, '合计');
  if (!t10) return undefined;
  const t12 = s.sanGongIncludeT12 ? modelAmount(model, 'T12', row, '合计') : undefined;
  if (!t12) return t10;
  return { label: `${t10.label}+${t12.label}`, value: t10.value.add(t12.value), cells: [...t10.cells, ...t12.cells], unit: '万元' };
}

function resolveModel(target: TieTarget, model: Model | undefined, s: ScoreSettings): Source[] {
  if (!model) return [];
  switch (target) {
    case 'sanGong.决算':
      return [sanGong(model, '决算数', s)].filter((x): x is Source => !!x);
    case 'sanGong.预算':
      return [sanGong(model, '预算数', s)].filter((x): x is Source => !!x);
    case 'projectSpending':
      return [modelAmount(model, 'T06', '合计', '项目支出'), modelAmount(model, 'T09', '合计', '金额')].filter((x): x is Source => !!x);
    default:
      return [];
  }
}

const PER_WAN_BAI = 100;

function totalRow(t: CompletionTable): ExecutionRow | undefined {
  return t.execution.find((r) => r.label === '合计');
}

function resolveCompletion(target: TieTarget, t: CompletionTable | undefined): Source[] {
  const row = t && totalRow(t);
  if (!row) return [];
  const amountOf = (k: '预算额' | '执行额' | '当年结转结余额', label: string): Source[] => {
    const c = row[k];
    return c?.value
      ? [{ label: `绩效目标完成情况表 合计·${label}${fmt(c.value)}百元即`, value: c.value.div(PER_WAN_BAI), cells: [c.cell], unit: '万元' }]
      : [];
  };
  const rate = (num: Decimal | undefined, den: Decimal | undefined, label: string, cells: CellRef[]): Source[] =>
    num && den && !den.isZero() ? [{ label, value: num.div(den).mul(100), cells, unit: '%' }] : [];
  const P = row.预算额?.value ?? undefined;
  const E = row.执行额?.value ?? undefined;
  const cells = [row.预算额?.cell, row.执行额?.cell].filter((c): c is CellRef => !!c);
  switch (target) {
    case 'completion.预算额':
      return amountOf('预算额', '预算额');
    case 'completion.执行额':
      return amountOf('执行额', '执行额');
    case 'completion.当年结转结余额':
      return amountOf('当年结转结余额', '当年结转结余额');
    case 'completion.执行率':
      return rate(E, P, '绩效目标完成情况表 执行额/预算额', cells);
    case 'completion.成本节约率':
      return P && E ? rate(P.sub(E), P, '绩效目标完成情况表（预算额−执行额）/预算额', cells) : [];
    case 'completion.结转结余率': {
      const c = row.结转结余率;
      if (c?.value) return [{ label: '绩效目标完成情况表 合计·结转结余率', value: c.value, cells: [c.cell], unit: '%' }];
      const C = row.当年结转结余额?.value ?? undefined;
      return rate(C, P, '绩效目标完成情况表 当年结转结余额/预算额', cells);
    }
    default:
      return [];
  }
}

interface EvidenceValue {
  role: keyof RuleTies;
  what: string;
  value: Decimal;
  text: string;
  unit: '%' | '万元';
  /** tolerance for rates (half a printed unit); amounts compare at 2 decimals of 万元 */
  tol?: Decimal;
}

const ROLE_NAMES: Record<keyof RuleTies, string> = { numerator: '分子', denominator: '分母', rate: '比率', current: '本年数' };

function evidenceValues(ind: Indicator, ev: EvidenceReading, s: ScoreSettings): EvidenceValue[] {
  const ties = ind.rule?.ties;
  if (!ties) return [];
  const out: EvidenceValue[] = [];
  const f = ev.formulas.find((x) => x.ratio) ?? ev.bareRatios.find((x) => x.ratio);
  const push = (role: keyof RuleTies, a: EvidenceAmount | undefined) => {
    if (a) out.push({ role, what: ROLE_NAMES[role], value: a.wan, text: `${a.text}`, unit: '万元' });
  };
  if (f && ties.numerator) push('numerator', ratioAmounts(f, s).num);
  if (f && ties.denominator) push('denominator', ratioAmounts(f, s).den);
  if (ties.current) {
    const sg = sanGongChange(ev.text, s);
    const num = f?.ratio?.num;
    const inner = num?.k === 'group' ? num.e : num;
    push('current', sg?.current ?? (inner?.k === 'bin' && inner.op === '-' ? nodeAmount(inner.l, s) : undefined));
  }
  if (ties.rate && ind.rule) {
    const r = rateFor(ind.rule, ev, s);
    if (r?.input.kind === 'rate') {
      const text = r.source.includes('%') ? r.source : `${r.source}=${fmt(r.input.rate, 2)}%`;
      out.push({ role: 'rate', what: '比率', value: r.input.rate, text, unit: '%', tol: halfUnit(r.printedDecimals ?? 2) });
    }
  }
  return out;
}

function matches(e: EvidenceValue, src: Source): boolean {
  if (e.unit === '%')
    return e.value
      .sub(src.value)
      .abs()
      .lte(e.tol ?? halfUnit(2));
  return wan2(e.value) === wan2(src.value);
}

function tieFindings(
  rule: 'SC-8' | 'CT-6',
  sc: Scorecard,
  ind: Indicator,
  ev: EvidenceReading,
  s: ScoreSettings,
  resolve: (t: TieTarget) => Source[],
  isMine: (t: TieTarget) => boolean,
): Finding[] {
  const ties = ind.rule?.ties ?? {};
  const clauses: string[] = [];
  const cells: CellRef[] = [ind.evidenceCell];
  let firstPair: { expected: Decimal; actual: Decimal } | undefined;
  for (const e of evidenceValues(ind, ev, s)) {
    let target = ties[e.role];
    if (!target || !isMine(target)) continue;
    if (e.role === 'current' && target.startsWith('sanGong.')) target = s.sanGongBasis === '决算数' ? 'sanGong.决算' : 'sanGong.预算';
    const sources = resolve(target);
    if (sources.length === 0 || sources.some((src) => matches(e, src))) continue;
    const shown = (v: Decimal, unit: string) => (unit === '%' ? `${fmt(v, 2)}%` : `${fmt(v, 2)}万元`);
    const theirs = sources.map((src) => `${src.label}${shown(src.value, src.unit)}`).join('，或');
    const diff = e.value.sub(sources[0].value).abs();
    const converted = e.unit === '万元' && !e.text.endsWith('万元') ? `即${fmt(e.value, 4)}万元` : '';
    clauses.push(`${e.what}${e.text}${converted} ≠ ${theirs}，相差${fmt(diff, 2)}${e.unit === '%' ? '个百分点' : '万元'}`);
    cells.push(...sources[0].cells);
    if (e.unit === '万元') firstPair ??= { expected: sources[0].value, actual: e.value };
  }
  if (clauses.length === 0) return [];
  const msg = `${cardName(sc)}“${ind.name}”自评依据：${clauses.join('；')}`;
  return [
    firstPair ? amountFinding(rule, 'warning', msg, cells, firstPair.expected, firstPair.actual) : finding(rule, 'warning', msg, cells),
  ];
}

const isModelTarget = (t: TieTarget) => !t.startsWith('completion.');

export function checkModelTies(sc: Scorecard, ind: Indicator, ev: EvidenceReading, model: Model | undefined, s: ScoreSettings): Finding[] {
  if (!model) return [];
  return tieFindings('SC-8', sc, ind, ev, s, (t) => resolveModel(t, model, s), isModelTarget);
}

export function checkCompletionTies(sc: Scorecard, ind: Indicator, ev: EvidenceReading, s: ScoreSettings): Finding[] {
  if (!sc.completion) return [];
  return tieFindings(
    'CT-6',
    sc,
    ind,
    ev,
    s,
    (t) => resolveCompletion(t, sc.completion),
    (t) => !isModelTarget(t),
  );
}

/** CT-7: 部门 完成情况表 合计·执行额 (百元) = T04 支:本年支出合计·合计 × 100. */
export function checkExecutionToModel(t: CompletionTable, model: Model | undefined): Finding[] {
  if (!model || t.kind !== 'department') return [];
  const t04 = getAmount(model.tables.T04, '支:本年支出合计', '合计');
  const exec = totalRow(t)?.执行额;
  if (!t04 || !exec?.value) return [];
  const mine = exec.value.div(PER_WAN_BAI);
  if (wan2(mine) === wan2(t04.value)) return [];
  return [
    amountFinding(
      'CT-7',
      'warning',
      `绩效目标完成情况表 合计·执行额${fmt(exec.value)}百元（${fmt(mine, 4)}万元）≠ 财政拨款收入支出决算总表“本年支出合计·合计”${fmt(t04.value, 2)}万元，相差${fmt(mine.sub(t04.value).abs(), 2)}万元（自评范围可能只含机关本级，请核对）`,
      [exec.cell, t04.cell],
      t04.value,
      mine,
    ),
  ];
}
