// The package around the parts: relationships, content types, part names. Only what the
// writer needs: read a part's relationships, add or remove one, keep [Content_Types].xml true.
import { attr, elements, escapeAttr, firstElement } from './xml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  worksheet: `${REL_NS}/worksheet`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
  calcChain: `${REL_NS}/calcChain`,
  officeDocument: `${REL_NS}/officeDocument`,
  styles: `${REL_NS}/styles`,
  sharedStrings: `${REL_NS}/sharedStrings`,
};
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The zip's entries by name, in order; changed ones keep their place, new ones go last. */
export class Parts {
  constructor(readonly entries: Map<string, Uint8Array>) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  text(name: string): string | undefined {
    const b = this.entries.get(name);
    return b === undefined ? undefined : decoder.decode(b);
  }

  setText(name: string, text: string): void {
    this.entries.set(name, encoder.encode(text));
  }

  set(name: string, data: Uint8Array): void {
    this.entries.set(name, data);
  }

  delete(name: string): void {
    this.entries.delete(name);
  }

  /** A part name not used yet: `${stem}${n}${ext}`, n from 1. */
  freeName(stem: string, ext: string): string {
    const used = new Set([...this.entries.keys()].map((k) => k.toLowerCase()));
    let n = 1;
    while (used.has(`${stem}${n}${ext}`.toLowerCase())) n++;
    return `${stem}${n}${ext}`;
  }
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as a part name (no leading slash). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** `toPart` relative to the folder of `fromPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export interface Rel {
  id: string;
  type: string;
  /** Resolved part name, or the raw target for external ones. */
  part: string;
  external: boolean;
  xml: string;
}

/** One part's relationships, editable. */
export class Rels {
  private text: string;
  readonly path: string;

  constructor(
    private readonly parts: Parts,
    private readonly owner: string,
  ) {
    this.path = relsPathOf(owner);
    this.text =
      parts.text(this.path) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  }

  list(): Rel[] {
    return elements(this.text, 'Relationship').map((e) => {
      const external = attr(e.tag, 'TargetMode') === 'External';
      const target = attr(e.tag, 'Target') ?? '';
      return {
        id: attr(e.tag, 'Id') ?? '',
        type: attr(e.tag, 'Type') ?? '',
        part: external ? target : resolveTarget(this.owner, target),
        external,
        xml: e.xml,
      };
    });
  }

  byType(type: string): Rel[] {
    return this.list().filter((r) => r.type === type);
  }

  byId(id: string): Rel | undefined {
    return this.list().find((r) => r.id === id);
  }

  add(type: string, part: string): string {
    const ids = new Set(this.list().map((r) => r.id));
    let n = 1;
    while (ids.has(`rIdJ${n}`)) n++;
    const id = `rIdJ${n}`;
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(this.owner, part))}"/>`;
    const close = this.text.lastIndexOf('</Relationships>');
    this.text =
      close >= 0
        ? this.text.slice(0, close) + rel + this.text.slice(close)
        : this.text.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
    return id;
  }

  remove(id: string): void {
    const rel = this.byId(id);
    if (rel) this.text = this.text.replace(rel.xml, '');
  }

  save(): void {
    if (this.list().length === 0) this.parts.delete(this.path);
    else this.parts.setText(this.path, this.text);
  }
}

/** [Content_Types].xml, editable. */
export class ContentTypes {
  private static readonly PART = '[Content_Types].xml';
  private text: string;
  private changed = false;

  constructor(private readonly parts: Parts) {
    this.text = parts.text(ContentTypes.PART) ?? '';
  }

  typeOf(part: string): string | undefined {
    const over = elements(this.text, 'Override').find((e) => (attr(e.tag, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase());
    if (over) return attr(over.tag, 'ContentType');
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const def = elements(this.text, 'Default').find((e) => (attr(e.tag, 'Extension') ?? '').toLowerCase() === ext);
    return def ? attr(def.tag, 'ContentType') : undefined;
  }

  /** Makes `part` have `type`: nothing when the extension's default already says so. */
  declare(part: string, type: string): void {
    if (this.typeOf(part) === type) return;
    this.undeclare(part);
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const hasDefault = elements(this.text, 'Default').some((e) => (attr(e.tag, 'Extension') ?? '').toLowerCase() === ext);
    const el =
      !hasDefault && type === CONTENT_TYPE.vml
        ? `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(type)}"/>`
        : `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`;
    this.text = this.text.replace(/<\/Types>\s*$/, `${el}</Types>`);
    this.changed = true;
  }

  undeclare(part: string): void {
    const over = elements(this.text, 'Override').find((e) => (attr(e.tag, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase());
    if (!over) return;
    this.text = this.text.replace(over.xml, '');
    this.changed = true;
  }

  save(): void {
    if (this.changed) this.parts.setText(ContentTypes.PART, this.text);
  }
}

/** The workbook part's name, from the package relationships. */
export function workbookPart(parts: Parts): string {
  const rels = new Rels(parts, '');
  const doc = rels.list().find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
  return doc ? doc.part : 'xl/workbook.xml';
}

export { firstElement };
