// TXT-HEADING: a section heading without its ordinal (seed000 prints “国有资本经营预算支出决算情况说明”
// without “九、”) or with another section's number.
import type { Finding } from '../../finding';
import { canonicalOrdinal } from '../headings';
import { cellsOf, finding, place } from '../message';
import type { SectionedPara } from '../paragraphs';

export function checkHeadings(paras: SectionedPara[]): Finding[] {
  const out: Finding[] = [];
  for (const p of paras) {
    if (!p.found) continue;
    const { def, printed } = p.found;
    const title = p.text.slice(printed.length);
    if (printed === '') {
      out.push(finding('TXT-HEADING', 'warning', `${place(p)}标题“${title}”缺少序号，应为“${def.ordinal}${title}”。`, cellsOf([p])));
    } else if (canonicalOrdinal(printed, def.level) !== def.ordinal) {
      out.push(finding('TXT-HEADING', 'warning', `${place(p)}标题“${p.text}”的序号应为“${def.ordinal}”。`, cellsOf([p])));
    }
  }
  return out;
}
