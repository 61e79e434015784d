// Just enough XML for splicing OOXML parts: find non-nesting elements, read and set attributes
// of a start tag, escape text. The parts are those Excel, WPS, LibreOffice or exceljs wrote; an
// element's namespace prefix (x:c in some generators' files) is passed in by the caller.
import { decodeXml } from '../reader/xml';

/** Entities decoded as the reader decodes them (one implementation for reading and rewriting parts). */
export const unescapeXml = decodeXml;

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export interface Element {
  /** The whole element, start tag to end tag (or the self-closing tag). */
  xml: string;
  start: number;
  end: number;
  /** The start tag. */
  tag: string;
  /** What lies between the start and end tags ('' when self-closing). */
  inner: string;
}

function elementPattern(name: string): RegExp {
  const n = name.replace(/[.:]/g, (c) => `\\${c}`);
  return new RegExp(`<${n}(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${n}\\s*>)`, 'g');
}

/** Every `name` element in xml[from, to) — for elements that never contain themselves. */
export function elements(xml: string, name: string, from = 0, to = xml.length): Element[] {
  const re = elementPattern(name);
  re.lastIndex = from;
  const out: Element[] = [];
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const whole = m[0];
    const tagEnd = whole.indexOf('>') + 1;
    out.push({ xml: whole, start: m.index, end: m.index + whole.length, tag: whole.slice(0, tagEnd), inner: m[1] ?? '' });
  }
  return out;
}

export function firstElement(xml: string, name: string, from = 0): Element | undefined {
  return elements(xml, name, from)[0];
}

/** The attributes of a start tag, in order, values unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = tag.replace(/^<[^\s/>]+/, '');
  for (const m of body.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

export function attr(tag: string, name: string): string | undefined {
  return attributes(tag).get(name);
}

/** The start tag rebuilt with `name` set to `value` (undefined: removed); others kept in order. */
export function setAttrs(tag: string, changes: Record<string, string | undefined>): string {
  const m = /^<([^\s/>]+)/.exec(tag);
  if (!m) return tag;
  const selfClosing = /\/\s*>$/.test(tag);
  const attrs = attributes(tag);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) attrs.delete(k);
    else attrs.set(k, v);
  }
  const body = [...attrs].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return `<${m[1]}${body}${selfClosing ? '/>' : '>'}`;
}

/** The namespace prefix ("x:" or "") of the document's root element. */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([\w.-]+:)?[\w.-]+/.exec(xml);
  return m?.[1] ?? '';
}

/** Puts `prefix` on every element name of an unprefixed fragment (exceljs writes none). */
export function withPrefix(fragment: string, prefix: string): string {
  if (!prefix) return fragment;
  return fragment.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`);
}

/** The prefix bound to `namespace` on the root element, e.g. "r:" for relationships. */
export function prefixFor(xml: string, namespace: string): string | undefined {
  const root = /<(?![?!])[^>]+>/.exec(xml)?.[0] ?? '';
  for (const [k, v] of attributes(root)) if (v === namespace && k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  return undefined;
}
