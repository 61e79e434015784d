// A hand-written scanner for the few SpreadsheetML parts the fast reader reads (workbook.xml and
// its rels, sharedStrings, the numFmts/cellXfs of styles, sheetN.xml). Written by hand because
// these parts are machine-written, flat and read once front to back: a DOM would hold the whole
// tree of a sheet, and the event parsers on npm (sax, saxes) cost several times this scan per
// cell, which is the reader's whole cost. It knows elements, attributes, text, the five entities
// and character references; comments, processing instructions and DTDs are skipped and never
// expanded (no entity expansion, no external entities).

export type TagKind = 'open' | 'close' | 'empty';

export class XmlScanner {
  /** Position after the last tag read. */
  pos = 0;
  /** Local name of the last tag (prefix removed). */
  name = '';
  kind: TagKind = 'open';
  private attrStart = 0;
  private attrEnd = 0;

  constructor(
    readonly text: string,
    from = 0,
  ) {
    this.pos = from;
  }

  /** Moves to the next tag; false at the end of the text (or inside an unfinished tag). */
  next(): boolean {
    const t = this.text;
    for (;;) {
      const lt = t.indexOf('<', this.pos);
      if (lt < 0) return false;
      const c = t.charCodeAt(lt + 1);
      if (c === 0x21 /* ! */ || c === 0x3f /* ? */) {
        const close = t.startsWith('<!--', lt)
          ? t.indexOf('-->', lt + 4)
          : t.startsWith('<![CDATA[', lt)
            ? t.indexOf(']]>', lt)
            : t.indexOf('>', lt);
        if (close < 0) return false;
        this.pos = close + 1;
        continue;
      }
      const closing = c === 0x2f; /* / */
      let p = closing ? lt + 2 : lt + 1;
      const nameStart = p;
      let colon = -1;
      for (; p < t.length; p++) {
        const ch = t.charCodeAt(p);
        if (ch === 0x3e || ch === 0x2f || ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
        if (ch === 0x3a) colon = p;
      }
      this.name = t.slice(colon >= 0 ? colon + 1 : nameStart, p);
      this.attrStart = p;
      // The end of the tag, skipping quoted attribute values (which may hold '>').
      let quote = 0;
      for (; p < t.length; p++) {
        const ch = t.charCodeAt(p);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 0x22 || ch === 0x27) quote = ch;
        else if (ch === 0x3e) break;
      }
      if (p >= t.length) return false;
      const selfClosing = t.charCodeAt(p - 1) === 0x2f;
      this.attrEnd = selfClosing ? p - 1 : p;
      this.kind = closing ? 'close' : selfClosing ? 'empty' : 'open';
      this.pos = p + 1;
      return true;
    }
  }

  /** The value of attribute `name` of the last tag (compared with its prefix, if any), decoded. */
  attr(name: string): string | undefined {
    const t = this.text;
    let p = this.attrStart;
    const end = this.attrEnd;
    while (p < end) {
      while (p < end && isSpace(t.charCodeAt(p))) p++;
      const eq = t.indexOf('=', p);
      if (eq < 0 || eq >= end) return undefined;
      const key = t.slice(p, eq).trim();
      let q = eq + 1;
      while (q < end && isSpace(t.charCodeAt(q))) q++;
      const quote = t[q];
      if (quote !== '"' && quote !== "'") return undefined;
      const close = t.indexOf(quote, q + 1);
      if (close < 0 || close > end) return undefined;
      if (key === name) return decodeXml(t.slice(q + 1, close));
      p = close + 1;
    }
    return undefined;
  }

  /** An attribute by its local name whatever its prefix (r:id, x:id …); `name` itself wins. */
  prefixedAttr(local: string): string | undefined {
    const t = this.text.slice(this.attrStart, this.attrEnd);
    const m = new RegExp(`(?:^|\\s)[\\w.-]+:${local}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(t);
    return m ? decodeXml(m[2] ?? m[3]) : undefined;
  }

  /** Raw text from the current position to the next tag (the content of a leaf element). */
  content(): string {
    const lt = this.text.indexOf('<', this.pos);
    return decodeXml(this.text.slice(this.pos, lt < 0 ? this.text.length : lt));
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (all, name: string) => {
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/**
 * Text of a string item (<si> of sharedStrings, <is> of an inline string): its <t> runs in order,
 * phonetic runs (<rPh>) left out. The scanner stands just after the opening tag `element`.
 */
export function runsText(x: XmlScanner, element: string): string {
  let s = '';
  let phonetic = 0;
  while (x.next()) {
    if (x.name === element && x.kind === 'close') break;
    if (x.name === 'rPh') {
      if (x.kind === 'open') phonetic++;
      else if (x.kind === 'close') phonetic--;
    } else if (x.name === 't' && x.kind === 'open' && phonetic === 0) s += x.content();
  }
  return s;
}
