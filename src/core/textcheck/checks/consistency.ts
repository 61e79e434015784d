// The text against itself, where no table says which side is right: the same figure stated twice
// with different values (both places named), 公务用车 0 in one section and vehicles in another,
// 减少 and 下降 mixed for decreases, a sentence without its final 。. (“增长100%” from a prior year of 0
// is TXT-CHANGE, in ./change.)
import type { Finding } from '../../finding';
import { cellsOf, finding, place } from '../message';
import type { ChangeClaim, Claim, NumberClaim, Para } from '../types';

export function checkConsistency(body: Para[], claims: Claim[]): Finding[] {
  return [...sameFigure(claims), ...vehicles(body), ...decreaseVerbs(claims), ...finalStop(body)];
}

/** TXT-SAME: two statements of one figure that no table or 补充信息 cell decides between. */
function sameFigure(claims: Claim[]): Finding[] {
  const byWhat = new Map<string, NumberClaim[]>();
  for (const c of claims) {
    if ((c.kind !== 'amount' && c.kind !== 'count') || c.fact) continue;
    if (c.what.startsWith('文中')) continue; // a budget the sentence states is its own subject's (total or one item)
    const list = byWhat.get(`${c.kind}|${c.what}`) ?? [];
    list.push(c);
    byWhat.set(`${c.kind}|${c.what}`, list);
  }
  const out: Finding[] = [];
  for (const list of byWhat.values()) {
    const first = list[0];
    const other = list.find((c) => !c.value.eq(first.value));
    if (!other) continue;
    const unit = first.kind === 'amount' ? '万元' : '';
    const show = (c: NumberClaim) => `${place(c.para, c.where)}“${c.token}”`;
    out.push(
      finding(
        'TXT-SAME',
        'error',
        `同一数字两处不一致：${show(first)}与${show(other)}都是“${first.what}”，一处${first.value.toFixed()}${unit}、一处${other.value.toFixed()}${unit}；附表和补充信息中没有这一数字，请核实后统一。`,
        cellsOf([first.para, other.para]),
      ),
    );
  }
  return out;
}

const NO_OFFICIAL_CARS = /(?:公务用车保有量(?:为)?|共有公务用车)0辆/;
const SOME_VEHICLES = /(?:共有车辆|车辆总数(?:为)?)(\d+)辆/g;

/** TXT-CARS: “公务用车保有量0辆” in 七 while another section counts vehicles. */
function vehicles(body: Para[]): Finding[] {
  const zero = body.find((p) => NO_OFFICIAL_CARS.test(p.text));
  if (!zero) return [];
  for (const p of body) {
    if (p === zero) continue;
    for (const m of p.text.matchAll(SOME_VEHICLES)) {
      if (Number(m[1]) === 0) continue;
      return [
        finding(
          'TXT-CARS',
          'warning',
          `${place(zero)}写单位共有公务用车0辆，而${place(p)}写“${m[0]}”：两处口径不一致，请核实公务用车保有量或说明这些车辆不属于公务用车。`,
          cellsOf([zero, p]),
        ),
      ];
    }
  }
  return [];
}

/** TXT-VERB: decreases in percent written “减少x%” in one place and “下降x%” in another. */
function decreaseVerbs(claims: Claim[]): Finding[] {
  const changes = claims.filter((c): c is ChangeClaim => c.kind === 'change' && c.clause.pct !== undefined);
  const cut = changes.find((c) => c.clause.pctWord === '减少');
  const fall = changes.find((c) => c.clause.pctWord === '下降');
  if (!cut || !fall) return [];
  return [
    finding(
      'TXT-VERB',
      'warning',
      `减少的百分比写法不统一：${place(cut.para, cut.where)}写“减少${cut.clause.pct!.text}”，${place(fall.para, fall.where)}写“下降${fall.clause.pct!.text}”；请全文统一用一种（“下降”或“减少”）。`,
      cellsOf([cut.para, fall.para]),
    ),
  ];
}

const CAPTION = /^[（(]?图\d/;
const ENDS = /[。！？]$|[：:；;]$/;

/** TXT-PUNCT: a sentence paragraph without its final 。 (chart captions and list intros aside). */
function finalStop(body: Para[]): Finding[] {
  const out: Finding[] = [];
  for (const p of body) {
    const t = p.text.trim();
    if (!p.section || t === '' || CAPTION.test(t) || ENDS.test(t) || t.length < 8) continue;
    out.push(finding('TXT-PUNCT', 'warning', `${place(p)}这段文字末尾缺少句号“。”：“…${t.slice(-12)}”。`, cellsOf([p])));
  }
  return out;
}
