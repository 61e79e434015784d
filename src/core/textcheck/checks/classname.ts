// CODE-NAME in the text: a 功能分类 类 written under its old name (“文化体育与传媒（类）支出”,
// “医疗卫生与计划生育（类）”) in a year after the change. Every paragraph is read, the 名词解释
// part too: the name is wrong wherever it is printed.
import type { Finding } from '../../finding';
import { CODE_NAME_RULE, FIRST_YEAR, nameKey, renamedClasses, sourceText } from '../../codes/classification';
import type { TextParagraph } from '../types';

function normalise(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The sentence around `index`: from the previous 。；! to the next one (or the paragraph's ends). */
function sentenceAt(text: string, index: number, length: number): string {
  const stops = /[。；！？]/;
  let start = index;
  while (start > 0 && !stops.test(text[start - 1])) start--;
  let end = index + length;
  while (end < text.length && !stops.test(text[end])) end++;
  return text.slice(start, end < text.length ? end + 1 : end);
}

function where(p: TextParagraph): string {
  if (p.cell) return `说明文字${p.cell.sheet}!${p.cell.address}`;
  return p.line !== undefined ? `说明文字第${p.line}行` : '说明文字';
}

export function checkClassNames(paragraphs: readonly TextParagraph[], year: number | undefined): Finding[] {
  if (year === undefined || year < FIRST_YEAR) return [];
  // the old name as a 类: “X（类）”, “X支出（类）”, “X支出”; each pattern made once, not per paragraph
  const renamed = renamedClasses()
    .filter(({ old }) => old.until < year)
    .map(({ old, entry }) => {
      const stem = escape(nameKey(old.name, '类'));
      return { old, entry, re: new RegExp(`${stem}(?:支出)?（类）|${stem}支出`) };
    });
  const out: Finding[] = [];
  for (const p of paragraphs) {
    const text = normalise(p.text);
    for (const { old, entry, re } of renamed) {
      const m = re.exec(text);
      if (!m) continue;
      const sentence = sentenceAt(text, m.index, m[0].length);
      out.push({
        rule: CODE_NAME_RULE,
        severity: 'warning',
        message: `${where(p)}“${sentence}”中的“${m[0]}”是功能分类${entry.code}类的旧称，${old.until + 1}年起为“${entry.name}”（来源：${sourceText(entry)}）。`,
        cells: p.cell ? [p.cell] : [],
      });
    }
  }
  return out;
}
