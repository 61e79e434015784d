// SC-11: the 满意度 score of a scorecard follows from the 满意度 result of its 绩效目标完成情况表
// under the rule text printed beside the score (指标说明): “按收到的服务对象的满意率计算得分”,
// “满意度≥90%得满分，每降低1个百分点扣0.5分”, “90%以上得10分，80%-90%得8分，低于80%不得分”.
// A rule text that cannot be read, or a result that is not a percent (“已完成”), is 未核验 with one
// sentence saying what would let it be checked — never a pass, never a guessed score. No rule printed
// at all (the national 自评表 has no 指标说明 column) is a 提示 that does not block printing.
import { Decimal, roundHalfUp } from '../money';
import type { Finding } from '../finding';
import { percentIn } from './check-rates';
import { cardName, finding, tableName } from './findings';
import { parseRuleText } from './rule-text';
import type { Derivation } from './scoring';
import { deriveScore } from './scoring';
import type { PerformanceRow, Scorecard, ScoreSettings } from './types';
import { fmt, norm } from './text';

const SATISFACTION = /满意/;

const isSatisfactionRow = (row: PerformanceRow) =>
  SATISFACTION.test(row.level1) || SATISFACTION.test(row.level2) || SATISFACTION.test(row.name) || SATISFACTION.test(row.target.text);

function unchecked(message: string, cells: Finding['cells']): Finding {
  return { ...finding('SC-11', 'warning', `未核验：${message}`, cells), unchecked: true };
}

/** “指标1:” says nothing: then the words before the target's number (“参会人员满意度≥80%” → 参会人员满意度). */
function rowLabel(row: PerformanceRow): string {
  if (row.name !== '' && !/^指标\d+[:：]?$/.test(row.name)) return row.name;
  const head = /^[^\d<>≤≥=＝]*/.exec(norm(row.target.text))?.[0] ?? '';
  return head.replace(/(?:大于或等于|大于等于|不低于|不少于|达到)$/, '') || row.level2;
}

interface Candidate {
  label: string;
  rate: Decimal;
  derived: Derivation;
}

export function checkSatisfaction(sc: Scorecard, s: ScoreSettings): Finding[] {
  const rows = sc.completion?.performance.filter(isSatisfactionRow) ?? [];
  const ind = sc.indicators.find((i) => SATISFACTION.test(i.name));
  if (!sc.completion || rows.length === 0 || !ind?.max || ind.score === null) return [];
  const table = tableName(sc.completion);
  const at = `${cardName(sc)}“${ind.name}”`;
  const parsed = parseRuleText(ind.criteria);
  if (!parsed && ind.criteria === '') {
    // the national form prints no scoring rule: nothing the user could correct, so a 提示, not 未核验
    return [
      finding(
        'SC-11',
        'warning',
        `${at}${fmt(ind.score)}分未与${table}的满意度结果核对：表中没有印出满意度的计分规则（无指标说明列，表下也未注明），不影响打印；如需核对，可在表下注明计分规则（如“满意度≥90%得满分，每降低1个百分点扣0.5分”）`,
        [ind.criteriaCell, ind.scoreCell],
      ),
    ];
  }
  if (!parsed) {
    return [
      unchecked(
        `${at}${fmt(ind.score)}分无法核对：指标说明没有可识别的满意度计分规则；指标说明写明计分规则（如“满意度≥90%得满分，每降低1个百分点扣0.5分”）后，可按${table}的满意度结果核对`,
        [ind.criteriaCell, ind.scoreCell],
      ),
    ];
  }
  const full = parsed.points ?? ind.max;
  const rule = { ...parsed.rule, indicator: ind.name, points: full.toString() };
  const rates = rows.map((row) => ({ row, rate: percentIn(row.result.text, true) }));
  const read = rates.filter((r): r is { row: PerformanceRow; rate: Decimal } => r.rate !== undefined);
  if (read.length === 0) {
    const printed = rows.map((r) => `“${norm(r.result.text)}”`).join('、');
    const column = sc.completion.columnNames?.result ?? '执行结果';
    return [
      unchecked(
        `${at}${fmt(ind.score)}分无法核对：${table}的满意度${column}写为${printed}，不是满意度百分比，指标说明按百分比计分；填写实际满意度（如“95%”）后可核对`,
        [ind.scoreCell, ...rows.map((r) => r.result.cell)],
      ),
    ];
  }
  const candidates: Candidate[] = [];
  const add = (label: string, rate: Decimal) => {
    const derived = deriveScore(rule, full, { kind: 'rate', rate }, s);
    if (derived) candidates.push({ label, rate, derived });
  };
  for (const r of read) add(rowLabel(r.row), r.rate);
  if (read.length > 1) {
    const mean = read.reduce((a, r) => a.add(r.rate), new Decimal(0)).div(read.length);
    add(`平均`, roundHalfUp(mean, s.rateDecimals));
  }
  if (candidates.length === 0) {
    return [unchecked(`${at}按指标说明“${parsed.source}”得不出${table}满意度结果对应的分数`, [ind.criteriaCell, ind.scoreCell])];
  }
  const score = ind.score;
  if (candidates.some((c) => c.derived.score.sub(score).abs().lte(s.scoreTolerance))) return [];
  const nearest = candidates.reduce((a, b) => (b.derived.score.sub(score).abs().lt(a.derived.score.sub(score).abs()) ? b : a));
  const calcs = candidates.map((c) => `${c.label}${fmt(c.rate)}%：${c.derived.calc}`).join('；');
  return [
    finding(
      'SC-11',
      'warning',
      `${at}自评${fmt(score)}分，与${table}的满意度结果不符：按指标说明“${parsed.source}”，${calcs}；相差${fmt(nearest.derived.score.sub(score).abs())}分`,
      [ind.scoreCell, ...read.map((r) => r.row.result.cell), ind.criteriaCell],
    ),
  ];
}
