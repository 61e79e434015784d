// TXT-TEMPLATE: template text left in the published paragraph — both alternatives of a choice
// (“增加/减少”, “增长/下降”), XX, 待填, 【请填写…】 placeholders.
import type { Finding } from '../../finding';
import type { PctStyle } from '../message';
import { cellsOf, finding, place, valueOf } from '../message';
import type { ChangeClaim, Claim, Para } from '../types';
import { isAlternative, rightClause } from './change';

const LEFTOVERS: RegExp[] = [
  /增加\/减少|减少\/增加|增长\/下降|下降\/增长|增加（减少）|增长（下降）|增（减）|大于\/小于|小于\/大于|高于\/低于|低于\/高于/g,
  /【[^【】]*】/g,
  /[XxＸｘ×]{2,}/g,
  /待填写?|待补充|请填写|此处填写/g,
  /_{2,}|＿{2,}/g,
];

/** Any of LEFTOVERS: a paragraph where it finds nothing (most) is not searched five times. */
const ANY_LEFTOVER = new RegExp(LEFTOVERS.map((re) => `(?:${re.source})`).join('|'));

/** What juesuan's own narrative writes for a missing input (narrative/context.ts). */
export const JUESUAN_PLACEHOLDER = /^【(?:请填写|缺少)[^【】]*】$/;

export function checkTemplate(paras: Para[], claims: Claim[], style: PctStyle): Finding[] {
  const out: Finding[] = [];
  const alternatives = claims.filter((c): c is ChangeClaim => c.kind === 'change' && isAlternative(c));
  for (const p of paras) {
    const spans: [number, number][] = [];
    for (const c of alternatives.filter((a) => a.para === p)) {
      const at = p.text.indexOf(c.clause.token);
      if (at >= 0) spans.push([at, at + c.clause.token.length]);
      c.flagged = true;
      out.push(
        finding(
          'TXT-TEMPLATE',
          'error',
          `${place(p, c.where)}“${c.clause.token}”是未删除的模板选项，应按实际情况只保留一种写法${suggestion(c, style)}。`,
          cellsOf([p], c.cur.fact, c.prev),
        ),
      );
    }
    if (!ANY_LEFTOVER.test(p.text)) continue;
    for (const re of LEFTOVERS) {
      re.lastIndex = 0;
      for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
        const i = m.index;
        if (spans.some(([a, b]) => i < b && i + m[0].length > a)) continue;
        spans.push([i, i + m[0].length]);
        if (JUESUAN_PLACEHOLDER.test(m[0])) {
          out.push(
            finding(
              'TXT-PLACEHOLDER',
              'error',
              `${place(p)}“${m[0]}”是生成说明时留下的待补充标记，补充信息已填写或附表已有数值时请重新生成说明。`,
              cellsOf([p]),
            ),
          );
        } else {
          out.push(finding('TXT-TEMPLATE', 'error', `${place(p)}“${m[0]}”是未填写的模板文字，请改为实际内容。`, cellsOf([p])));
        }
      }
    }
  }
  return out;
}

function suggestion(c: ChangeClaim, style: PctStyle): string {
  const cur = valueOf(c.cur);
  const prev = c.prev?.value;
  if (cur !== undefined && prev !== undefined) return `，应为“${rightClause(cur, prev, c, style)}”`;
  if (c.clause.amount?.isZero()) return `；增减额为0时应写“与${c.clause.prevYear ?? '上'}年持平”`;
  return '';
}
