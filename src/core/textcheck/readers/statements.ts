// A template's own sentence forms (src/core/templates, narrative.statements), read as data:
// “{lead}{amount}万元” against a table cell, its 增减 clauses in the same sentence, then a list
// “其中：{item}{amount}万元，占…{pct}%；…” whose shares are of the template's denominator.
import type { TextStatement } from '../../templates/types';
import type { TableId } from '../../model';
import { nameKey } from '../normalize';
import { NUM, dec, findAmount } from '../patterns';
import type { Reader } from '../reader';
import { operand } from '../reader';
import type { AmountClaim, Fact, Para } from '../types';
import { readList } from './list';

const CELL = /^(T\d\d)\[(.+)\]\.(.+)$/;
/** “小学教育（2050202），2024年度决算数为8627.17万元”: name, code, amount. */
const CODED = new RegExp(`([^，。；：.\\d]+)（(\\d{3,7})），?[^。；（]*?(?:决算数?|支出)?为(${NUM})万元`, 'g');

/** “T01[收:总计].金额” as the fact it names (undefined when the table or cell is absent). */
function factOf(r: Reader, cell: string | undefined): Fact | undefined {
  const m = cell ? CELL.exec(cell) : null;
  if (!m) return undefined;
  const [, id, row, col] = m;
  const label = row.replace(/^[收支]:/, '');
  return r.facts.cell(id as TableId, row, [col], ['金额', '合计'].includes(col) ? label : `${label}·${col}`);
}

export function readStatements(paras: Para[], r: Reader, statements: TextStatement[]): void {
  for (const s of statements) {
    for (const p of paras) {
      if (p.heading || p.section !== s.section) continue;
      if (s.codes) {
        readCoded(p, r, s.codes, s.what ?? '决算数');
        continue;
      }
      let total: AmountClaim | undefined;
      let from = 0;
      if (s.lead) {
        const found = findAmount(p.text, s.lead);
        if (!found) continue;
        total = r.amount(p, found, s.what ?? s.lead, factOf(r, s.cell));
        from = found.end;
        if (s.changes) {
          const stop = p.text.indexOf('。', found.end);
          const sentence = p.text.slice(found.end, stop < 0 ? undefined : stop + 1);
          r.changes(p, sentence, total.what, operand(total.what, undefined, found.value), undefined);
        }
      }
      const list = s.list;
      if (!list) continue;
      if (!s.lead && !new RegExp(list.start).test(p.text)) continue;
      const denominator = factOf(r, list.denominator);
      const items = readList(r, p, {
        list: `${s.section}${s.what ?? list.start}`,
        start: new RegExp(list.start),
        separator: '；',
        from,
        ...(total ? { total } : {}),
        totalName: list.denominatorName,
        denominator,
        resolve: (name) => {
          const key = Object.keys(list.items).find((item) => nameKey(item) === nameKey(name));
          return key ? { what: key, fact: factOf(r, list.items[key]) } : undefined;
        },
      });
      if (total) r.sum(`${total.what}的各项`, total, items);
    }
  }
}

function readCoded(p: Para, r: Reader, cells: string, what: string): void {
  for (const m of p.text.matchAll(CODED)) {
    const [token, name, code, number] = m;
    const found = { value: dec(number), number, token, index: m.index ?? 0, end: (m.index ?? 0) + token.length, hasUnit: true };
    r.amount(p, found, `${name}（${code}）${what}`, factOf(r, cells.replace('$code', code)));
  }
}
