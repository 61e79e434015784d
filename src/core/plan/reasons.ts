// Reasons the accountant typed straight into a generated paragraph, in place of 【请填写原因】,
// survive regeneration: the new paragraph (whose numbers may have changed) takes the typed
// reason, and the old cell counts as juesuan's, so it is replaced rather than kept twice.

const REASON = '【请填写[^】]*原因[^】]*】';
const PLACEHOLDER = '【[^】]*】';
const NUMBER = '-?\\d[\\d,]*(?:\\.\\d+)?';
const IS_REASON = new RegExp(`^${REASON}$`);

export interface CarriedReasons {
  /** The new lines, reasons filled in where the sheet had them typed. */
  lines: string[];
  /** Sheet texts that were a generated paragraph with a typed reason (now replaced). */
  absorbed: string[];
}

export function carryTypedReasons(lines: string[], sheetTexts: string[]): CarriedReasons {
  const absorbed: string[] = [];
  const used = new Set<number>();
  const out = lines.map((line) => {
    if (!new RegExp(REASON).test(line)) return line;
    const pattern = paragraphPattern(line);
    for (let i = 0; i < sheetTexts.length; i++) {
      if (used.has(i)) continue;
      const typed = sheetTexts[i].trim();
      const m = pattern.exec(typed);
      if (!m || typed === line) continue;
      const reasons = m.slice(1);
      if (reasons.some((r) => r.trim() === '' || /^【[^】]*】$/.test(r))) continue;
      used.add(i);
      absorbed.push(sheetTexts[i]);
      let k = 0;
      return line.replace(new RegExp(REASON, 'g'), () => reasons[k++]);
    }
    return line;
  });
  return { lines: out, absorbed };
}

/**
 * The paragraph's wording as a pattern: reason placeholders capture what was typed there,
 * numbers and other placeholders match any number or text (they may have changed since).
 */
function paragraphPattern(line: string): RegExp {
  const parts: string[] = [];
  let last = 0;
  const tokens = [...line.matchAll(new RegExp(`${PLACEHOLDER}|${NUMBER}`, 'g'))];
  for (const t of tokens) {
    parts.push(escape(line.slice(last, t.index)));
    const token = t[0];
    if (IS_REASON.test(token)) parts.push('(.+?)');
    else if (token.startsWith('【')) parts.push('.+?');
    else parts.push('-?[\\d,]+(?:\\.\\d+)?');
    last = (t.index ?? 0) + token.length;
  }
  parts.push(escape(line.slice(last)));
  return new RegExp(`^${parts.join('')}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
