// Exact arithmetic in 自评依据 text: “（实际支出公用经费总额382.73万元/预算安排公用经费总额383.39万元）×100%=99.82%”.
// Tokens → a small expression tree (labels before operands allowed) → Decimal evaluation.
import { Decimal } from '../money';
import type { Unit } from '../money';
import { asciiDigits } from './text';

export type NumUnit = Unit | '%' | 'count';

export type Token =
  | { t: 'num'; value: Decimal; numeral: string; text: string; unit?: NumUnit; start: number; end: number }
  | { t: 'op'; op: '+' | '-' | '*' | '/'; start: number; end: number }
  | { t: 'lp' | 'rp' | 'eq' | 'sep'; start: number; end: number }
  | { t: 'text'; text: string; start: number; end: number };

const OPS: Record<string, '+' | '-' | '*' | '/'> = {
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
const LP = new Set(['(', '（', '[', '【', '［']);
const RP = new Set([')', '）', ']', '】', '］']);
const EQ = new Set(['=', '＝']);
const SEP = new Set(['，', ',', '。', '；', ';', '、', '：', ':', '！', '!', '？', '?', '\n']);
const UNITS: [string, NumUnit][] = [
  ['%', '%'],
  ['％', '%'],
  ['万元', '万元'],
  ['百元', '百元'],
  ['元', '元'],
  ['人', 'count'],
  ['个', 'count'],
  ['次', 'count'],
  ['件', 'count'],
  ['项', 'count'],
];
const NUMBER = /\d+(?:\.\d+)?/y;
/** The characters of /[\s\u3000\u00a0]/ (ECMAScript white space and line terminators). */
const SPACES =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

type Single = { t: 'op'; op: '+' | '-' | '*' | '/' } | { t: 'lp' | 'rp' | 'eq' | 'sep' };

/**
 * What each character that is not text means, by char code: an operator, a bracket, =, a
 * separator, in that order of precedence, else white space. One lookup per character.
 */
const SINGLES: Map<number, Single | 'space'> = (() => {
  const kinds = new Map<number, Single | 'space'>();
  const add = (chars: Iterable<string>, kind: (ch: string) => Single | 'space') => {
    for (const ch of chars) if (!kinds.has(ch.charCodeAt(0))) kinds.set(ch.charCodeAt(0), kind(ch));
  };
  add(Object.keys(OPS), (ch) => ({ t: 'op', op: OPS[ch] }));
  add(LP, () => ({ t: 'lp' }));
  add(RP, () => ({ t: 'rp' }));
  add(EQ, () => ({ t: 'eq' }));
  add(SEP, () => ({ t: 'sep' }));
  add(SPACES, () => 'space');
  return kinds;
})();

/**
 * What the parser takes on: evidence is a sentence or two, not a program. Past these bounds a
 * cell is reported as not checked (evidenceTooComplex) instead of recursing until the stack
 * overflows and the whole file fails.
 */
export const EXPRESSION_LIMITS = { maxChars: 5000, maxDepth: 20, maxOperators: 60 };

/** Why the text is beyond what the formula parser reads, or undefined when it is within bounds. */
export function evidenceTooComplex(input: string): string | undefined {
  if (input.length > EXPRESSION_LIMITS.maxChars) return `超过${EXPRESSION_LIMITS.maxChars}个字符`;
  return tokensTooComplex(tokenize(input));
}

/** evidenceTooComplex on the tokens of a text within the length bound. */
export function tokensTooComplex(tokens: Token[]): string | undefined {
  let depth = 0;
  let operators = 0;
  for (const tok of tokens) {
    if (tok.t === 'lp') depth++;
    else if (tok.t === 'rp') depth = Math.max(0, depth - 1);
    else if (tok.t === 'sep' || tok.t === 'eq') operators = 0;
    else if (tok.t === 'op') operators++;
    if (depth > EXPRESSION_LIMITS.maxDepth) return `括号嵌套超过${EXPRESSION_LIMITS.maxDepth}层`;
    if (operators > EXPRESSION_LIMITS.maxOperators) return `一个算式中的运算符超过${EXPRESSION_LIMITS.maxOperators}个`;
  }
  return undefined;
}

export function tokenize(input: string): Token[] {
  const s = asciiDigits(input);
  const out: Token[] = [];
  let i = 0;
  let textStart = -1;
  const flushText = (end: number) => {
    if (textStart >= 0) out.push({ t: 'text', text: s.slice(textStart, end), start: textStart, end });
    textStart = -1;
  };
  while (i < s.length) {
    const code = s.charCodeAt(i);
    NUMBER.lastIndex = i;
    const m = code >= 48 && code <= 57 ? NUMBER.exec(s) : null; // NUMBER starts with a digit
    if (m) {
      flushText(i);
      let end = i + m[0].length;
      let unit: NumUnit | undefined;
      for (const [u, kind] of UNITS) {
        if (s.startsWith(u, end)) {
          unit = kind;
          end += u.length;
          break;
        }
      }
      out.push({ t: 'num', value: new Decimal(m[0]), numeral: m[0], text: s.slice(i, end), unit, start: i, end });
      i = end;
      continue;
    }
    const single = SINGLES.get(code);
    if (single === 'space') {
      flushText(i);
    } else if (single) {
      flushText(i);
      out.push({ ...single, start: i, end: i + 1 } as Token);
    } else if (textStart < 0) {
      textStart = i;
    }
    i++;
  }
  flushText(s.length);
  return out;
}

export type Node =
  | { k: 'num'; tok: Extract<Token, { t: 'num' }> }
  | { k: 'neg'; e: Node }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; l: Node; r: Node }
  | { k: 'group'; e: Node };

/** Parse tokens[from..) as one expression; operands may carry a text label (“项目总支出337.57万元”). */
export function parseAt(tokens: Token[], from: number): { node: Node; next: number } | undefined {
  let p = from;
  let depth = 0;
  let operators = 0;
  const peek = () => tokens[p];

  const factor = (): Node | undefined => {
    if (peek()?.t === 'text') p++;
    const tok = peek();
    if (!tok) return undefined;
    if (tok.t === 'op' && tok.op === '-') {
      if (depth >= EXPRESSION_LIMITS.maxDepth) return undefined;
      p++;
      depth++;
      const e = factor();
      depth--;
      return e && { k: 'neg', e };
    }
    if (tok.t === 'num') {
      p++;
      return { k: 'num', tok };
    }
    if (tok.t === 'lp') {
      if (depth >= EXPRESSION_LIMITS.maxDepth) return undefined;
      p++;
      depth++;
      const e = expr();
      depth--;
      if (!e || peek()?.t !== 'rp') return undefined;
      p++;
      return { k: 'group', e };
    }
    return undefined;
  };

  const term = (): Node | undefined => {
    let l = factor();
    while (l) {
      const tok = peek();
      if (tok?.t !== 'op' || (tok.op !== '*' && tok.op !== '/')) break;
      if (++operators > EXPRESSION_LIMITS.maxOperators) return undefined;
      p++;
      const r = factor();
      if (!r) return undefined;
      l = { k: 'bin', op: tok.op, l, r };
    }
    return l;
  };

  const expr = (): Node | undefined => {
    let l = term();
    while (l) {
      const tok = peek();
      if (tok?.t !== 'op' || (tok.op !== '+' && tok.op !== '-')) break;
      if (++operators > EXPRESSION_LIMITS.maxOperators) return undefined;
      p++;
      const r = term();
      if (!r) return undefined;
      l = { k: 'bin', op: tok.op, l, r };
    }
    return l;
  };

  const node = expr();
  return node ? { node, next: p } : undefined;
}

export type Value = { kind: 'value'; value: Decimal } | { kind: 'zeroOverZero' } | { kind: 'divByZero' };

/** Exact value; N% counts as N/100. */
export function evaluate(node: Node): Value {
  switch (node.k) {
    case 'num':
      return { kind: 'value', value: node.tok.unit === '%' ? node.tok.value.div(100) : node.tok.value };
    case 'group':
      return evaluate(node.e);
    case 'neg': {
      const v = evaluate(node.e);
      return v.kind === 'value' ? { kind: 'value', value: v.value.neg() } : v;
    }
    case 'bin': {
      const l = evaluate(node.l);
      const r = evaluate(node.r);
      if (l.kind !== 'value') return l;
      if (r.kind !== 'value') return r;
      switch (node.op) {
        case '+':
          return { kind: 'value', value: l.value.add(r.value) };
        case '-':
          return { kind: 'value', value: l.value.sub(r.value) };
        case '*':
          return { kind: 'value', value: l.value.mul(r.value) };
        case '/':
          if (r.value.isZero()) return l.value.isZero() ? { kind: 'zeroOverZero' } : { kind: 'divByZero' };
          return { kind: 'value', value: l.value.div(r.value) };
      }
    }
  }
}

export function nodeNumbers(node: Node): Extract<Token, { t: 'num' }>[] {
  switch (node.k) {
    case 'num':
      return [node.tok];
    case 'group':
    case 'neg':
      return nodeNumbers(node.e);
    case 'bin':
      return [...nodeNumbers(node.l), ...nodeNumbers(node.r)];
  }
}

function hasOperator(node: Node): boolean {
  return node.k === 'bin' || ((node.k === 'group' || node.k === 'neg') && hasOperator(node.e));
}

/** The a/b of a rate expression: through groups and a “×100%” / “×100” factor, down to the first division. */
export function ratioOf(node: Node): { num: Node; den: Node } | undefined {
  if (node.k === 'group') return ratioOf(node.e);
  if (node.k === 'bin' && node.op === '/') return { num: node.l, den: node.r };
  if (node.k === 'bin' && node.op === '*') {
    if (isHundred(node.r)) return ratioOf(node.l);
    if (isHundred(node.l)) return ratioOf(node.r);
  }
  return undefined;
}

function isHundred(node: Node): boolean {
  return node.k === 'num' && node.tok.value.eq(100) && (node.tok.unit === '%' || node.tok.unit === undefined);
}

/** True when the expression multiplies by a bare 100 (no %): its value is already in %. */
function hasBareHundred(node: Node): boolean {
  if (node.k === 'group' || node.k === 'neg') return hasBareHundred(node.e);
  if (node.k !== 'bin') return false;
  if (node.op === '*' && [node.l, node.r].some((n) => n.k === 'num' && n.tok.value.eq(100) && n.tok.unit === undefined)) return true;
  return hasBareHundred(node.l) || hasBareHundred(node.r);
}

/** A formula found in text: “left = written”. */
export interface Formula {
  /** the text of the left side and the written result, as printed */
  text: string;
  /** the text of the left side only */
  leftText: string;
  left: Node;
  value: Value;
  /** value in %, when the left side is a rate (a/b, a/b×100%, a/b×100) */
  ratePercent?: Value;
  ratio?: { num: Node; den: Node };
  /** the printed result: its value, the numeral as printed (for its decimals), the text with unit */
  written?: { value: Decimal; numeral: string; text: string; percent: boolean };
  start: number;
  end: number;
}

function asPercent(node: Node, value: Value): Value {
  if (value.kind !== 'value') return value;
  return hasBareHundred(node) ? value : { kind: 'value', value: value.value.mul(100) };
}

function makeFormula(source: string, tokens: Token[], from: number, parsed: { node: Node; next: number }): Formula {
  const value = evaluate(parsed.node);
  const ratio = ratioOf(parsed.node);
  // a label before the first operand is not part of the printed formula
  const start = tokens[from].t === 'text' && from + 1 < parsed.next ? tokens[from + 1].start : tokens[from].start;
  const end = tokens[parsed.next - 1].end;
  return {
    text: source.slice(start, end),
    leftText: source.slice(start, end),
    left: parsed.node,
    value,
    ratio,
    ratePercent: ratio ? asPercent(parsed.node, value) : undefined,
    start,
    end,
  };
}

/** Every “expression = number” in the text, with its exact value. */
export function findFormulas(source: string): Formula[] {
  const text = asciiDigits(source);
  return formulasIn(text, tokenize(text));
}

/** findFormulas on a text already in ASCII digits and its tokens. */
export function formulasIn(text: string, tokens: Token[]): Formula[] {
  const out: Formula[] = [];
  let segmentStart = 0;
  for (let e = 0; e < tokens.length; e++) {
    const tok = tokens[e];
    if (tok.t === 'sep') segmentStart = e + 1;
    if (tok.t !== 'eq') continue;
    const written = writtenAfter(tokens, e);
    for (let s = segmentStart; s < e && written; s++) {
      const parsed = parseAt(tokens, s);
      if (!parsed || parsed.next !== e || !hasOperator(parsed.node)) continue;
      const f = makeFormula(text, tokens, s, parsed);
      const w = tokens[written.last];
      f.written = written.value;
      f.end = w.end;
      f.text = text.slice(f.start, f.end);
      out.push(f);
      break;
    }
    segmentStart = e + 1;
  }
  return out;
}

function writtenAfter(tokens: Token[], eq: number): { value: Formula['written']; last: number } | undefined {
  let i = eq + 1;
  let sign = 1;
  const first = tokens[i];
  if (first?.t === 'op' && first.op === '-') {
    sign = -1;
    i++;
  }
  const tok = tokens[i];
  if (tok?.t !== 'num') return undefined;
  return {
    value: {
      value: sign < 0 ? tok.value.neg() : tok.value,
      numeral: tok.numeral,
      text: (sign < 0 ? '-' : '') + tok.text,
      percent: tok.unit === '%',
    },
    last: i,
  };
}

/** Ratios written without “=” (“102.34/102.34)×100%”): each as a Formula without `written`. */
export function findBareRatios(source: string): Formula[] {
  const text = asciiDigits(source);
  return bareRatiosIn(text, tokenize(text));
}

/** findBareRatios on a text already in ASCII digits and its tokens. */
export function bareRatiosIn(text: string, tokens: Token[]): Formula[] {
  const out: Formula[] = [];
  let s = 0;
  while (s < tokens.length) {
    const parsed = tokens[s].t === 'num' || tokens[s].t === 'lp' ? parseAt(tokens, s) : undefined;
    if (parsed && ratioOf(parsed.node) && tokens[parsed.next]?.t !== 'eq') {
      out.push(makeFormula(text, tokens, s, parsed));
      s = parsed.next;
    } else {
      s++;
    }
  }
  return out;
}
