// The evidence tokenizer classifies each character with one table lookup. Every UTF-16 code unit
// is classified here as the former chain of tests did it (operator, bracket, =, separator, then
// /[\s\u3000\u00a0]/ white space, else text), the chain written out as the reference.
import { tokenize } from '../../../src/core/scorecard/expr';
import { asciiDigits } from '../../../src/core/scorecard/text';

const OPS: Record<string, string> = {
  '+': '+',
  '＋': '+',
  '-': '-',
  '−': '-',
  '－': '-',
  '×': '*',
  '*': '*',
  '＊': '*',
  '/': '/',
  '÷': '/',
  '／': '/',
};
const LP = ['(', '（', '[', '【', '［'];
const RP = [')', '）', ']', '】', '］'];
const EQ = ['=', '＝'];
const SEP = ['，', ',', '。', '；', ';', '、', '：', ':', '！', '!', '？', '?', '\n'];

/** The tokens of “甲{ch}乙” as the chain of tests gave them. */
function expected(ch: string): object[] {
  const c = asciiDigits(ch);
  const single = Object.prototype.hasOwnProperty.call(OPS, c)
    ? { t: 'op', op: OPS[c] }
    : LP.includes(c)
      ? { t: 'lp' }
      : RP.includes(c)
        ? { t: 'rp' }
        : EQ.includes(c)
          ? { t: 'eq' }
          : SEP.includes(c)
            ? { t: 'sep' }
            : undefined;
  const first = { t: 'text', text: '甲', start: 0, end: 1 };
  const last = { t: 'text', text: '乙', start: 2, end: 3 };
  if (single) return [first, { ...single, start: 1, end: 2 }, last];
  if (/[\s\u3000\u00a0]/.test(c)) return [first, last];
  return [{ t: 'text', text: `甲${c}乙`, start: 0, end: 3 }];
}

test('every character between two words: an operator, a bracket, =, a separator, white space or text, as before', () => {
  const differing: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    if (/\d/.test(asciiDigits(ch))) continue; // digits start numbers (covered by the formula tests)
    if (JSON.stringify(tokenize(`甲${ch}乙`)) !== JSON.stringify(expected(ch))) differing.push(code.toString(16));
  }
  expect(differing).toEqual([]);
});

test('white space ends a word and is no token; a line break is a separator', () => {
  expect(tokenize('甲\u3000乙\u00a0丙\n丁').map((t) => t.t)).toEqual(['text', 'text', 'text', 'sep', 'text']);
});
