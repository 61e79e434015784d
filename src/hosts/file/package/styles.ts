// Cell styles juesuan adds (fills, bold, wrap …) go into the original styles part: each style
// exceljs wrote for a touched cell is rebuilt from its font / fill / border / number format and
// appended to the original lists (or found there already). The original entries, and so every
// untouched cell's look, stay exactly as they were.
import { attr, attributes, elements, firstElement, rootPrefix, setAttrs, withPrefix } from './xml';

interface List {
  name: string;
  items: string[];
  added: string[];
}

function readList(xml: string, prefix: string, container: string, item: string): List {
  const box = firstElement(xml, prefix + container);
  const items = box ? elements(box.inner, prefix + item).map((e) => e.xml) : [];
  return { name: container, items, added: [] };
}

const canonical = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\s*(\/?>)/g, '$1')
    .trim();

function indexIn(list: List, xml: string): number {
  const c = canonical(xml);
  const all = [...list.items, ...list.added];
  const at = all.findIndex((x) => canonical(x) === c);
  if (at >= 0) return at;
  list.added.push(xml);
  return all.length;
}

export class StyleMerger {
  private readonly prefix: string;
  private readonly fonts: List;
  private readonly fills: List;
  private readonly borders: List;
  private readonly xfs: List;
  private readonly formats = new Map<string, number>();
  private originalFormatCount = 0;
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly excelFormats = new Map<number, string>();
  private readonly cache = new Map<number, number>();
  private readonly excel: { fonts: string[]; fills: string[]; borders: string[]; xfs: string[] };

  constructor(
    private readonly original: string,
    exceljsStyles: string,
  ) {
    const p = (this.prefix = rootPrefix(original));
    this.fonts = readList(original, p, 'fonts', 'font');
    this.fills = readList(original, p, 'fills', 'fill');
    this.borders = readList(original, p, 'borders', 'border');
    this.xfs = readList(original, p, 'cellXfs', 'xf');
    for (const f of elements(firstElement(original, `${p}numFmts`)?.inner ?? '', `${p}numFmt`)) {
      this.formats.set(attr(f.tag, 'formatCode') ?? '', Number(attr(f.tag, 'numFmtId')));
      this.originalFormatCount++;
    }
    for (const f of elements(firstElement(exceljsStyles, 'numFmts')?.inner ?? '', 'numFmt')) {
      this.excelFormats.set(Number(attr(f.tag, 'numFmtId')), attr(f.tag, 'formatCode') ?? '');
    }
    const list = (c: string, i: string) => elements(firstElement(exceljsStyles, c)?.inner ?? '', i).map((e) => e.xml);
    this.excel = {
      fonts: list('fonts', 'font'),
      fills: list('fills', 'fill'),
      borders: list('borders', 'border'),
      xfs: list('cellXfs', 'xf'),
    };
  }

  private numFmt(id: number): number {
    if (id < 164) return id;
    const code = this.excelFormats.get(id);
    if (code === undefined) return 0;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const next = Math.max(163, ...this.formats.values()) + 1;
    this.formats.set(code, next);
    this.addedFormats.push({ id: next, code });
    return next;
  }

  /** The original workbook's style index for exceljs's cell style `index` (0: the default). */
  map(index: number): number {
    const hit = this.cache.get(index);
    if (hit !== undefined) return hit;
    const xf = this.excel.xfs[index];
    if (!xf) return 0;
    const tag = /^<xf\b[^>]*>/.exec(xf)?.[0] ?? '<xf/>';
    const a = attributes(tag);
    const pick = (from: string[], id: string | undefined) => from[Number(id ?? 0)];
    const ids: Record<string, string> = {
      numFmtId: String(this.numFmt(Number(a.get('numFmtId') ?? 0))),
      fontId: String(indexIn(this.fonts, withPrefix(pick(this.excel.fonts, a.get('fontId')) ?? '<font/>', this.prefix))),
      fillId: String(indexIn(this.fills, withPrefix(pick(this.excel.fills, a.get('fillId')) ?? '<fill/>', this.prefix))),
      borderId: String(indexIn(this.borders, withPrefix(pick(this.excel.borders, a.get('borderId')) ?? '<border/>', this.prefix))),
      xfId: '0',
    };
    const rebuilt = withPrefix(
      xf.replace(/^<xf\b[^>]*?(\/?>)/, (t) => setAttrs(t, ids)),
      this.prefix,
    );
    const out = indexIn(this.xfs, rebuilt);
    this.cache.set(index, out);
    return out;
  }

  /** The styles part with what was added, or undefined when nothing was. */
  result(): string | undefined {
    const lists = [this.fonts, this.fills, this.borders, this.xfs];
    if (this.addedFormats.length === 0 && lists.every((l) => l.added.length === 0)) return undefined;
    let xml = this.original;
    for (const list of lists) {
      if (list.added.length === 0) continue;
      const box = firstElement(xml, this.prefix + list.name)!;
      const count = list.items.length + list.added.length;
      const start = setAttrs(box.tag.replace(/\/>$/, '>'), { count: String(count) });
      const replaced = `${start}${box.inner}${list.added.join('')}</${this.prefix}${list.name}>`;
      xml = xml.slice(0, box.start) + replaced + xml.slice(box.end);
    }
    if (this.addedFormats.length > 0) {
      const added = this.addedFormats
        .map((f) => withPrefix(`<numFmt numFmtId="${f.id}" formatCode="${escapeCode(f.code)}"/>`, this.prefix))
        .join('');
      const box = firstElement(xml, `${this.prefix}numFmts`);
      if (box) {
        const start = setAttrs(box.tag.replace(/\/>$/, '>'), { count: String(this.originalFormatCount + this.addedFormats.length) });
        xml = xml.slice(0, box.start) + `${start}${box.inner}${added}</${this.prefix}numFmts>` + xml.slice(box.end);
      } else {
        const root = /<(?![?!])[^>]+>/.exec(xml)!;
        const at = root.index + root[0].length;
        xml =
          xml.slice(0, at) +
          withPrefix(`<numFmts count="${this.addedFormats.length}">`, this.prefix) +
          added +
          `</${this.prefix}numFmts>` +
          xml.slice(at);
      }
    }
    return xml;
  }
}

function escapeCode(code: string): string {
  return code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
