// DocModel → .docx with the `docx` package (Node and browser). Formatting after GB/T 9704-2012:
// A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 仿宋_GB2312 三号 (16 pt) at a
// fixed 28 pt line, first line indented two characters; part titles 方正小标宋简体 二号;
// 一级 headings 黑体 三号, 二级 楷体_GB2312 三号. Each East Asian font is named with its
// Windows fallback in the font table (see fontTable.ts), so the file reads well without them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  PageBreak,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Footer,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ISectionOptions, IRunOptions } from 'docx';
import type { Block, ChartSpec, DocModel, DocPart, DocTable } from '../core/document';
import { FONTS, fontTableXml } from './fontTable';

export interface ChartImage {
  png: Uint8Array;
  /** Pixels of the PNG; the picture is placed 15 cm wide with this aspect ratio. */
  width: number;
  height: number;
}

const PT = 2; // docx sizes are half-points
const SIZE = { 二号: 22 * PT, 三号: 16 * PT, 四号: 14 * PT, 小四: 12 * PT, 五号: 10.5 * PT, 小五: 9 * PT };
const LINE = 28 * 20; // fixed line spacing, twips
const INDENT_2_CHARS = 2 * 16 * 20; // two 三号 characters, twips

const mm = (v: number) => Math.round((v * 1440) / 25.4);
const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** A4 as Word writes it (210 × 297 mm = 11906 × 16838 twips). */
const A4 = { width: 11906, height: 16838 };

function run(text: string, font: keyof typeof FONTS, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  const f = FONTS[font];
  return new TextRun({ text, size, font: { ascii: f.latin, hAnsi: f.latin, eastAsia: f.name, hint: 'eastAsia' }, ...extra });
}

const body = (text: string, flush = false, align?: 'right') =>
  new Paragraph({
    children: [run(text, 'fangsong', SIZE.三号)],
    alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: flush ? undefined : { firstLine: INDENT_2_CHARS },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  if (level === 1) {
    return new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240, after: 240, line: 40 * 20, lineRule: LineRuleType.EXACT },
      children: [run(text, 'xiaobiaosong', SIZE.二号)],
    });
  }
  return new Paragraph({
    heading: level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    keepNext: true,
    indent: { firstLine: INDENT_2_CHARS },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: [run(text, level === 2 ? 'heiti' : 'kaiti', SIZE.三号)],
  });
}

function chart(spec: ChartSpec, image: ChartImage | undefined): Paragraph[] {
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [run(spec.caption, 'heiti', SIZE.小四)],
  });
  if (!image) return [caption];
  const width = 560; // points wide at 96 dpi ≈ 15 cm
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width, height: Math.round((width * image.height) / image.width) },
        altText: { name: spec.id, title: spec.caption, description: spec.caption },
      }),
    ],
  });
  return [picture, caption];
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

const LANDSCAPE_TEXT_WIDTH = mm(297 - 37 - 35);
const PORTRAIT_TEXT_WIDTH = mm(210 - 28 - 26);

/** Text width of a cell: CJK characters count double. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

/** Column widths (twips) in proportion to each column's longest unmerged text, within limits. */
function widths(rows: string[][], merges: DocTable['merges'], textWidth: number, numeric: Set<number>): number[] {
  const count = Math.max(...rows.map((r) => r.length));
  const spanned = new Set<string>();
  for (const m of merges) if (m.cols > 1) for (let r = m.row; r < m.row + m.rows; r++) spanned.add(`${r},${m.col}`);
  const need = Array.from({ length: count }, (_, c) => {
    let max = 6;
    rows.forEach((row, r) => {
      if (!spanned.has(`${r},${c}`)) max = Math.max(max, units(row[c] ?? ''));
    });
    return Math.min(Math.max(max, numeric.has(c) ? 9 : 0), 34);
  });
  const total = need.reduce((a, b) => a + b, 0);
  return need.map((n) => Math.floor((textWidth * n) / total));
}

function table(t: DocTable, textWidth: number): (Paragraph | Table)[] {
  const small = (text: string, bold = false) => run(text, bold ? 'heiti' : 'fangsong', SIZE.小五);
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 200, after: 100 },
    children: [run(t.title, 'xiaobiaosong', SIZE.四号)],
  });
  const infoLine = [...t.caption, t.unitLine].filter(Boolean).join('        ');
  const info = new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, spacing: { after: 60 }, children: [small(infoLine)] });
  const rows = [...t.header, ...t.body];
  const covered = new Set<string>();
  const spanAt = new Map<string, { rows: number; cols: number }>();
  for (const m of t.merges) {
    spanAt.set(`${m.row},${m.col}`, { rows: m.rows, cols: m.cols });
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  const numeric = new Set(t.numericColumns);
  const columnWidths = widths(rows, t.merges, textWidth, numeric);
  const tableRows = rows.map(
    (cells, r) =>
      new TableRow({
        tableHeader: r < t.header.length,
        cantSplit: true,
        children: cells.flatMap((text, c) => {
          if (covered.has(`${r},${c}`)) {
            // a vertically merged cell continues in the rows below its anchor: docx adds those itself
            return [];
          }
          const span = spanAt.get(`${r},${c}`);
          const isHeader = r < t.header.length;
          return [
            new TableCell({
              ...(span ? { columnSpan: span.cols, rowSpan: span.rows } : {}),
              verticalAlign: VerticalAlign.CENTER,
              margins: { left: 60, right: 60 },
              children: [
                new Paragraph({
                  spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
                  alignment: isHeader ? AlignmentType.CENTER : numeric.has(c) ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: text
                    .split('\n')
                    .map((line, k) => run(line, isHeader ? 'heiti' : 'fangsong', SIZE.小五, k > 0 ? { break: 1 } : {})),
                }),
              ],
            }),
          ];
        }),
      }),
  );
  const notes = t.notes.map((n) => new Paragraph({ spacing: { before: 60 }, children: [small(n)] }));
  return [
    title,
    info,
    new Table({
      rows: tableRows,
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
    }),
    ...notes,
  ];
}

function blocks(list: Block[], images: Map<string, ChartImage>, textWidth = PORTRAIT_TEXT_WIDTH): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  list.forEach((b, i) => {
    switch (b.kind) {
      case 'heading':
        out.push(heading(b.text, b.level));
        break;
      case 'paragraph':
        out.push(body(b.text, b.flush, b.align));
        break;
      case 'chart':
        out.push(...chart(b.chart, images.get(b.chart.id)));
        break;
      case 'table':
        if (i > 0 && textWidth === LANDSCAPE_TEXT_WIDTH) out.push(new Paragraph({ children: [new PageBreak()] }));
        out.push(...table(b.table, textWidth));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  });
  return out;
}

function cover(doc: DocModel): Paragraph[] {
  const lines = doc.parts.find((p) => p.id === 'cover')?.blocks ?? [];
  return [
    ...Array.from({ length: 6 }, () => body('', true)),
    ...lines.map(
      (b) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 60 * 20, lineRule: LineRuleType.EXACT },
          children: [run(b.kind === 'paragraph' || b.kind === 'heading' ? b.text : '', 'xiaobiaosong', 26 * PT)],
        }),
    ),
  ];
}

function contents(part: DocPart): (Paragraph | TableOfContents)[] {
  const title = part.blocks[0]?.kind === 'heading' ? part.blocks[0].text : '目  录';
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(title, 'xiaobiaosong', SIZE.二号)] }),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

const footer = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.四号, font: 'Times New Roman' })],
      }),
    ],
  });

export function docxDocument(doc: DocModel, images: Map<string, ChartImage> = new Map()): Document {
  const portrait = { page: { size: A4, margin: MARGINS } };
  const landscape = {
    page: {
      size: { ...A4, orientation: PageOrientation.LANDSCAPE },
      margin: { top: MARGINS.left, bottom: MARGINS.right, left: MARGINS.top, right: MARGINS.bottom },
    },
  };
  const sections: ISectionOptions[] = [];
  if (doc.parts.some((p) => p.id === 'cover')) sections.push({ properties: portrait, children: cover(doc) });
  const toc = doc.parts.find((p) => p.id === 'contents');
  if (toc) sections.push({ properties: portrait, children: contents(toc) });
  for (const part of doc.parts) {
    if (part.id === 'cover' || part.id === 'contents') continue;
    const children = [
      ...(part.heading ? [heading(part.heading, 1)] : []),
      ...blocks(part.blocks, images, part.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH),
    ];
    sections.push({ properties: part.landscape ? landscape : portrait, footers: { default: footer() }, children });
  }
  return new Document({
    creator: 'juesuan 决算助手',
    title: doc.title,
    description: `${doc.unit} ${doc.year}年度部门决算`,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONTS.fangsong.latin, hAnsi: FONTS.fangsong.latin, eastAsia: FONTS.fangsong.name }, size: SIZE.三号 },
        },
        heading1: { run: { size: SIZE.二号, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 240 } } },
        heading2: { run: { size: SIZE.三号, bold: false, color: '000000' } },
        heading3: { run: { size: SIZE.三号, bold: false, color: '000000' } },
      },
    },
    sections,
  });
}

/** The .docx bytes (Node and browser). */
export async function renderDocx(doc: DocModel, images: Map<string, ChartImage> = new Map()): Promise<Uint8Array> {
  const file = docxDocument(doc, images);
  const buffer = await Packer.toArrayBuffer(file, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer);
}
