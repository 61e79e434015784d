// norm maps every character it changes in one pass. Each UTF-16 code unit, alone and between
// words, is normalised here as the former chain of replaces did it, the chain written out as the
// reference.
import { norm } from '../../../src/core/scorecard/text';

function chained(text: string): string {
  return text
    .replace(/[０-９．]/g, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/["'“”‘’「」『』]/g, '');
}

test('every character, alone and between words, as the chain of replaces gave it', () => {
  const differing: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    for (const text of [ch, `投${ch}入`, `${ch}${ch} ${ch}`]) if (norm(text) !== chained(text)) differing.push(code.toString(16));
  }
  expect(differing).toEqual([]);
});

test('a label as printed', () => {
  expect(norm(' 投　入 (２５．５分) “满意度” ')).toBe('投入（25.5分）满意度');
});
