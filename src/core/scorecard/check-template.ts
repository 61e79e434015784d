// SC-1 score range, SC-2 template integrity, SC-3 合计, SC-4 自评等级 (domain.md §5.4).
import { Decimal } from '../money';
import type { CellRef, Finding } from '../finding';
import { finding, cardName } from './findings';
import { band, canonicalGrade } from './scoring';
import type { Indicator, LabelledGroup, ScoreRule, Scorecard, ScoreSettings } from './types';
import { fmt } from './text';

// ---- SC-1 ---------------------------------------------------------------------------------

export function checkScoreRange(sc: Scorecard): Finding[] {
  const out: Finding[] = [];
  for (const ind of sc.indicators) {
    const at = `${cardName(sc)}“${ind.name}”`;
    if (ind.score === null) {
      const msg =
        ind.scoreText === ''
          ? `${at}自评分数为空（满分${ind.max ? fmt(ind.max) : '?'}分，合计时按0分计）`
          : `${at}自评分数“${ind.scoreText}”不是数字`;
      out.push(finding('SC-1', 'error', msg, [ind.scoreCell]));
      continue;
    }
    if (ind.score.lt(0)) {
      out.push(finding('SC-1', 'error', `${at}自评分数${fmt(ind.score)}分小于0`, [ind.scoreCell]));
    } else if (ind.max && ind.score.gt(ind.max)) {
      out.push(
        finding('SC-1', 'error', `${at}自评分数${fmt(ind.score)}分超过满分${fmt(ind.max)}分，超出${fmt(ind.score.sub(ind.max))}分`, [
          ind.scoreCell,
          ind.labelCell,
        ]),
      );
    }
  }
  return out;
}

// ---- SC-2 ---------------------------------------------------------------------------------

const ITEM_POINTS = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/g;

/** Full marks as the 指标说明 states them, by rule kind; undefined when the text states none. */
export function statedFullMarks(rule: ScoreRule, criteria: string): { value: Decimal; text: string } | undefined {
  const t = criteria.replace(/[\s\u3000]+/g, '');
  if (rule.kind === 'checklist') {
    const items = [...t.matchAll(ITEM_POINTS)];
    if (items.length === 0) return undefined;
    const value = items.reduce((a, m) => a.add(m[1]), new Decimal(0));
    return { value, text: `各项分值${items.map((m) => m[1]).join('+')}` };
  }
  if (rule.kind === 'quarters') {
    const m = /各得(\d+(?:\.\d+)?)分/.exec(t);
    return m ? { value: new Decimal(m[1]).mul(rule.quarters), text: `“${m[0]}”×${rule.quarters}` } : undefined;
  }
  if (rule.kind === 'payment') {
    const all = [...t.matchAll(/计(\d+(?:\.\d+)?)分/g)];
    if (all.length === 0) return undefined;
    return { value: all.reduce((a, m) => a.add(m[1]), new Decimal(0)), text: all.map((m) => `“${m[0]}”`).join('+') };
  }
  const m = /(?:计|得)(\d+(?:\.\d+)?)分|[*×](\d+(?:\.\d+)?)分/.exec(t);
  if (!m) return undefined;
  const before = t.slice(0, m.index);
  const start = Math.max(...['（', '(', '，', '。', '；', '、', '）', ')'].map((ch) => before.lastIndexOf(ch))) + 1;
  return { value: new Decimal(m[1] ?? m[2]), text: `“${t.slice(start, m.index + m[0].length)}”` };
}

interface GroupSum {
  group: LabelledGroup;
  /** Σ of the maxes below; undefined when one of them is unknown */
  sum: Decimal | undefined;
  children: number;
}

function sumGroups(items: { group: LabelledGroup; max: Decimal | undefined }[]): GroupSum[] {
  const byCell = new Map<string, GroupSum>();
  for (const { group, max } of items) {
    const key = `${group.cell.sheet}!${group.cell.address}`;
    const g = byCell.get(key) ?? { group, sum: new Decimal(0), children: 0 };
    g.sum = g.sum && max ? g.sum.add(max) : undefined;
    g.children++;
    byCell.set(key, g);
  }
  return [...byCell.values()];
}

function checkGroupLabels(sc: Scorecard, level: '一级' | '二级', groups: GroupSum[]): Finding[] {
  const out: Finding[] = [];
  for (const g of groups) {
    if (!g.group.max || !g.sum || g.group.name === '') continue;
    if (!g.group.max.eq(g.sum)) {
      const below = level === '一级' ? '二级' : '三级';
      out.push(
        finding(
          'SC-2',
          'error',
          `${cardName(sc)}${level}指标“${g.group.name}”标注${fmt(g.group.max)}分，下属${below}指标分值合计${fmt(g.sum)}分，相差${fmt(g.group.max.sub(g.sum).abs())}分`,
          [g.group.cell],
        ),
      );
    }
  }
  return out;
}

export function checkTemplate(sc: Scorecard, s: ScoreSettings): Finding[] {
  const out: Finding[] = [];
  for (const ind of sc.indicators) out.push(...checkIndicatorTemplate(sc, ind));

  // 二级 = Σ 三级; 一级 = Σ 二级 (each 二级 counted at the sum of its 三级, so one wrong label is reported once)
  const level2 = sumGroups(sc.indicators.map((i) => ({ group: i.level2, max: i.max })));
  out.push(...checkGroupLabels(sc, '二级', level2));
  const level1 = sumGroups(sc.indicators.map((i) => ({ group: i.level1, max: i.max })));
  out.push(...checkGroupLabels(sc, '一级', level1));

  const maxes = sc.indicators.map((i) => i.max);
  if (maxes.length > 0 && maxes.every((m): m is Decimal => m !== undefined)) {
    const total = maxes.reduce((a, b) => a.add(b), new Decimal(0));
    if (!total.eq(s.totalPoints)) {
      out.push(
        finding(
          'SC-2',
          'error',
          `${cardName(sc)}三级指标分值合计${fmt(total)}分，应为${s.totalPoints}分，相差${fmt(total.sub(s.totalPoints).abs())}分`,
          [sc.titleCell],
        ),
      );
    }
  }
  return out;
}

function checkIndicatorTemplate(sc: Scorecard, ind: Indicator): Finding[] {
  const out: Finding[] = [];
  const at = `${cardName(sc)}三级指标“${ind.name}”`;
  if (!ind.labelMax) {
    const msg = ind.rule ? `${at}未标注分值，按规则表计${ind.rule.points}分` : `${at}未标注分值，规则表中也没有该指标，无法核对分值`;
    out.push(finding('SC-2', 'warning', msg, [ind.labelCell]));
  }
  if (ind.rule && ind.max) {
    const stated = statedFullMarks(ind.rule, ind.criteria);
    if (stated && !stated.value.eq(ind.max)) {
      out.push(
        finding(
          'SC-2',
          'error',
          `${at}指标说明${stated.text}计${fmt(stated.value)}分，与指标分值${fmt(ind.max)}分不符，相差${fmt(stated.value.sub(ind.max).abs())}分`,
          [ind.criteriaCell, ind.labelCell],
        ),
      );
    }
  }
  return out;
}

// ---- SC-3 ---------------------------------------------------------------------------------

export function checkTotal(sc: Scorecard): Finding[] {
  const sum = sc.computedTotal;
  if (!sc.total) {
    const last = sc.indicators[sc.indicators.length - 1];
    return [finding('SC-3', 'error', `${cardName(sc)}没有合计行；三级指标得分合计为${fmt(sum)}分`, [last ? last.scoreCell : sc.titleCell])];
  }
  if (sc.total.value === null) {
    const what = sc.total.text === '' ? '合计为空' : `合计“${sc.total.text}”不是数字`;
    return [finding('SC-3', 'error', `${cardName(sc)}${what}；三级指标得分合计为${fmt(sum)}分`, [sc.total.cell])];
  }
  if (!sc.total.value.eq(sum)) {
    return [
      finding(
        'SC-3',
        'error',
        `${cardName(sc)}合计${fmt(sc.total.value)}分 ≠ 三级指标得分合计${fmt(sum)}分，相差${fmt(sc.total.value.sub(sum).abs())}分`,
        [sc.total.cell],
      ),
    ];
  }
  return [];
}

// ---- SC-4 ---------------------------------------------------------------------------------

/** The total the grade is judged on: the 合计 row when it holds a number, else Σ 三级. */
export function statedTotal(sc: Scorecard): Decimal {
  return sc.total?.value ?? sc.computedTotal;
}

export function checkGrade(sc: Scorecard, s: ScoreSettings): Finding[] {
  if (!sc.grade) return [];
  const total = statedTotal(sc);
  const expected = band(total, s);
  const text = sc.grade.text.replace(/[“”"「」]/g, '');
  if (text === '') {
    return [finding('SC-4', 'warning', `${cardName(sc)}自评等级未填写；合计${fmt(total)}分对应“${expected}”`, [sc.grade.cell])];
  }
  const canonical = canonicalGrade(text, s);
  if (!canonical) {
    return [
      finding(
        'SC-4',
        'error',
        `${cardName(sc)}自评等级“${text}”不是${s.bands.map((b) => b.grade).join('/')}之一；合计${fmt(total)}分对应“${expected}”`,
        [sc.grade.cell],
      ),
    ];
  }
  if (canonical !== expected) {
    return [finding('SC-4', 'error', `${cardName(sc)}自评等级“${text}”与合计${fmt(total)}分对应的等级“${expected}”不符`, [sc.grade.cell])];
  }
  return [];
}

/** “优” and “优秀” both used in one workbook → 提示. */
export function checkGradeSpelling(cards: Scorecard[], s: ScoreSettings): Finding[] {
  const byCanonical = new Map<string, Map<string, CellRef[]>>();
  for (const sc of cards) {
    const text = sc.grade?.text.replace(/[“”"「」]/g, '') ?? '';
    const canonical = text && canonicalGrade(text, s);
    if (!sc.grade || !canonical) continue;
    const spellings = byCanonical.get(canonical) ?? new Map<string, CellRef[]>();
    spellings.set(text, [...(spellings.get(text) ?? []), sc.grade.cell]);
    byCanonical.set(canonical, spellings);
  }
  const out: Finding[] = [];
  for (const [canonical, spellings] of byCanonical) {
    if (spellings.size < 2) continue;
    const parts = [...spellings].map(([t, cells]) => `“${t}”${cells.length}处`);
    out.push(
      finding(
        'SC-4',
        'warning',
        `自评等级写法不一致：${parts.join('、')}（均指“${canonical}”），同一套公开材料宜统一写法`,
        [...spellings.values()].flat(),
      ),
    );
  }
  return out;
}
