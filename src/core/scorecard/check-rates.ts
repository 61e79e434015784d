// SC-9: an indicator of the 年度绩效指标 block whose 预算指标值 and 执行结果 are both 0 or 无 is
// 不适用 (0/0) — full marks, not 100% nor 0. SC-10: a rate that cannot exceed 100% (the names are
// ScoreSettings.boundedRates) printed above 100%, in the 完成情况表 or in a scorecard's 自评依据.
import { Decimal } from '../money';
import type { CellRef, Finding } from '../finding';
import type { EvidenceReading } from './evidence';
import { rateFor } from './evidence';
import { cardName, finding, tableName } from './findings';
import type { CompletionCell, CompletionTable, Indicator, PerformanceRow, Scorecard, ScoreSettings } from './types';
import { asciiDigits, fmt, norm } from './text';

const HUNDRED = new Decimal(100);

/** The bounded rate name the text uses (“完成率” in “年度监督计划完成率=100%”), if any. */
export function boundedRateName(text: string, s: ScoreSettings): string | undefined {
  const t = norm(text);
  for (const name of s.boundedRates) {
    for (let i = t.indexOf(name); i >= 0; i = t.indexOf(name, i + 1)) {
      const end = i + name.length;
      const unbounded = s.unboundedRates.some((u) => u.endsWith(name) && t.slice(end - u.length, end) === u);
      if (!unbounded) return name;
    }
  }
  return undefined;
}

const PERCENT = /(-?\d+(?:\.\d+)?)[%％]/;
const BARE = /^[^\d<>≤≥=＝]*?(-?\d+(?:\.\d+)?)$/;

/** The percent a cell states: “参会率95%” → 95; a bare “95” when the row speaks in % (“参会率(%)”). */
export function percentIn(text: string, bareIsPercent: boolean): Decimal | undefined {
  const t = asciiDigits(text);
  const m = PERCENT.exec(t);
  if (m) return new Decimal(m[1]);
  if (!bareIsPercent) return undefined;
  const b = BARE.exec(norm(t));
  return b ? new Decimal(b[1]) : undefined;
}

/** True when the row states its values in % (a % in the name or the target). */
export function rowInPercent(row: PerformanceRow): boolean {
  return /[%％]/.test(row.name) || /[%％]/.test(row.target.text);
}

// ---- SC-9 ----------------------------------------------------------------------------------

/** “0”, “0%”, “0万元”, “政府采购金额0元”, “无”: nothing planned or nothing done. */
const NIL = /^(?:无|[^\d<>≤≥=＝.]*?0+(?:\.0+)?(?:%|万元|百元|元|个|人|次|件|项|份|天|家|户|辆|台|场|期)?)$/;

function isNil(c: CompletionCell): boolean {
  return NIL.test(norm(c.text));
}

const SICHUAN_COLUMNS = { target: '预算指标值', result: '执行结果' };

export function checkNotApplicableRows(t: CompletionTable): Finding[] {
  const names = t.columnNames ?? SICHUAN_COLUMNS;
  return t.performance
    .filter((row) => isNil(row.target) && isNil(row.result))
    .map((row) => {
      const what = `${tableName(t)}“${rowLabel(row)}”${names.target}“${norm(row.target.text)}”、${names.result}“${norm(row.result.text)}”均为0或无：不适用（0/0）`;
      const full = row.points?.value;
      const score = row.score?.value;
      // the national 自评表 scores the row itself: full marks is right, less is not
      if (full && score !== null && score !== undefined && row.score && score.lt(full)) {
        return finding(
          'SC-9',
          'warning',
          `${what}，该指标应按满分${fmt(full)}分计，表中得分${fmt(score)}分，相差${fmt(full.sub(score))}分`,
          [row.score.cell, row.target.cell, row.result.cell],
        );
      }
      return finding('SC-9', 'info', `${what}，该指标按满分计，不按100%或0%计算`, [row.target.cell, row.result.cell]);
    });
}

function rowLabel(row: PerformanceRow): string {
  const parts = [row.level2, row.name].filter((p) => p !== '');
  return parts.join('·') || norm(row.target.text);
}

// ---- SC-10 ---------------------------------------------------------------------------------

export function overHundred(where: string, name: string, value: Decimal, cells: CellRef[]): Finding {
  return finding(
    'SC-10',
    'error',
    `${where}写为${fmt(value)}%，${name}不会超过100%：上限100%，超出${fmt(value.sub(HUNDRED))}个百分点`,
    cells,
  );
}

export function checkBoundedRows(t: CompletionTable, s: ScoreSettings): Finding[] {
  const names = t.columnNames ?? SICHUAN_COLUMNS;
  const out: Finding[] = [];
  for (const row of t.performance) {
    const name = boundedRateName([row.level2, row.name, row.target.text, row.result.text].join('|'), s);
    if (!name) continue;
    const inPercent = rowInPercent(row);
    for (const [what, c] of [
      [names.target, row.target],
      [names.result, row.result],
    ] as const) {
      const v = percentIn(c.text, inPercent);
      if (v && v.gt(HUNDRED)) out.push(overHundred(`${tableName(t)}“${rowLabel(row)}”${what}“${norm(c.text)}”`, name, v, [c.cell]));
    }
  }
  return out;
}

/** “代表满意率105%”, “参会率为120%” anywhere in the evidence text. */
function labelledPercents(text: string, s: ScoreSettings): { name: string; value: Decimal; text: string }[] {
  const re = labelledPercentPattern(s.boundedRates);
  if (!re) return [];
  const out: { name: string; value: Decimal; text: string }[] = [];
  for (const m of norm(text).matchAll(re)) {
    const name = boundedRateName(m[1], s);
    if (name) out.push({ name, value: new Decimal(m[2]), text: m[0] });
  }
  return out;
}

/** The pattern of labelledPercents for the Chinese rate names of the settings (none: no such name). */
function labelledPercentPattern(boundedRates: readonly string[]): RegExp | undefined {
  const names = boundedRates.filter((n) => CHINESE_NAME.test(n));
  if (names.length === 0) return undefined;
  const alternatives = names.join('|');
  let re = labelledPatterns.get(alternatives);
  if (!re) {
    re = new RegExp(`([\\u4e00-\\u9fa5]{0,12}(?:${alternatives}))(?:为|是|达到|达|:|：)?(\\d+(?:\\.\\d+)?)[%％]`, 'g');
    labelledPatterns.set(alternatives, re);
  }
  return re;
}

const CHINESE_NAME = /^[\u4e00-\u9fa5]+$/;
// The settings' names, not workbook text: compiled once per list of names. matchAll copies the
// pattern, so one compiled pattern serves every evidence cell.
const labelledPatterns = new Map<string, RegExp>();

export function checkBoundedEvidence(sc: Scorecard, ind: Indicator, ev: EvidenceReading, s: ScoreSettings): Finding[] {
  const where = `${cardName(sc)}“${ind.name}”自评依据`;
  const name = boundedRateName(ind.name, s);
  const reading = name && ind.rule ? rateFor(ind.rule, ev, s) : undefined;
  if (name && reading?.input.kind === 'rate' && reading.input.rate.gt(HUNDRED)) {
    const rate = reading.input.rate.toDecimalPlaces(s.rateDecimals, Decimal.ROUND_HALF_UP);
    return [overHundred(`${where}“${reading.source}”`, ind.name, rate, [ind.evidenceCell])];
  }
  const stated = labelledPercents(ev.text, s).find((p) => p.value.gt(HUNDRED));
  return stated ? [overHundred(`${where}“${stated.text}”`, stated.name, stated.value, [ind.evidenceCell])] : [];
}
