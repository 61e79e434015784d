// Reads a .docx back (fflate + word/document.xml): the body's headings, paragraphs, tables and
// images in order, with the formatting the tests look at.
import { strFromU8, unzipSync } from 'fflate';

export type DocItem =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; firstLine?: number; line?: string; lineRule?: string; fonts: string[]; sizes: string[] }
  | { kind: 'image'; name: string }
  | { kind: 'table'; rows: string[][] };

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');
}

function attr(xml: string, tag: string, name: string): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml);
  return m?.[1];
}

export function readDocx(bytes: Uint8Array): { items: DocItem[]; files: Record<string, Uint8Array>; documentXml: string } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const body = xml.slice(xml.indexOf('<w:body>') + 8, xml.lastIndexOf('</w:body>'));
  const items: DocItem[] = [];
  // top-level <w:p> and <w:tbl> in order (tables hold paragraphs of their own)
  const re = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\b[\s\S]*?<\/w:p>|<w:p\b[^>]*\/>/g;
  for (const m of body.matchAll(re)) {
    const part = m[0];
    if (part.startsWith('<w:tbl>')) {
      const rows = [...part.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((r) =>
        [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphText(c[0])),
      );
      items.push({ kind: 'table', rows });
      continue;
    }
    const blip = /<wp:docPr\b[^>]*name="([^"]*)"/.exec(part);
    if (part.includes('<a:blip')) {
      items.push({ kind: 'image', name: blip?.[1] ?? '' });
      continue;
    }
    const style = attr(part, 'w:pStyle', 'w:val');
    const text = paragraphText(part);
    if (style && /^Heading\d$/.test(style)) items.push({ kind: 'heading', level: Number(style.slice(7)), text });
    else if (text !== '') {
      items.push({
        kind: 'paragraph',
        text,
        firstLine: attr(part, 'w:ind', 'w:firstLine') !== undefined ? Number(attr(part, 'w:ind', 'w:firstLine')) : undefined,
        line: attr(part, 'w:spacing', 'w:line'),
        lineRule: attr(part, 'w:spacing', 'w:lineRule'),
        fonts: [...part.matchAll(/<w:rFonts\b[^>]*w:eastAsia="([^"]*)"/g)].map((f) => f[1]),
        sizes: [...part.matchAll(/<w:sz w:val="(\d+)"/g)].map((f) => f[1]),
      });
    }
  }
  return { items, files, documentXml: xml };
}
