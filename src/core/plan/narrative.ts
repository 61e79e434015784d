// The 部门决算情况说明 sheet: a title in A1, then the narrative one cell per row in column A —
// headings (“一、…”, “（一）…”) bold in their own cells, one paragraph per cell, wrap text, a
// column about 100 characters wide.
//
// Regenerating keeps what the accountant typed:
// - a column-A cell whose text juesuan did not write last time (per the journal's last narrative
//   entry) and that is not one of the new lines is the accountant's: it stays, under the same
//   heading, after the same number of juesuan paragraphs as before (typed text above the first
//   heading stays right under the title);
// - reasons are not typed into the narrative: they live in the 补充信息 sheet's 原因说明 column,
//   which the narrative reads, so a reason survives every regeneration. A juesuan paragraph the
//   accountant edited in place counts as typed text: it is kept, and the fresh paragraph is
//   written next to it (nothing typed is ever lost; the accountant deletes the one not wanted).
// Rows above the title are left alone; so are all other columns. Blank rows are dropped.
// Printing: the title “第二部分 {年}年度部门决算情况说明” in its own styled cell, headings and body in
// distinct fonts, juesuan's paragraphs indented two full-width spaces, A4 portrait fitted to the
// page width, and a manual page break before any heading that would otherwise end a page.
// Row heights are set from the text's wrapped width, CJK characters counting double (LibreOffice
// does not fit wrapped rows on opening a file, and Excel keeps a height once set).
// The same lines on the sheet this plan wrote give a plan that changes nothing (idempotent).
import type { Grid } from '../grid';
import { cellAt, cellText, rowCount } from '../grid';
import type { Journal } from './journal';
import { lastWritten } from './journal';
import { carryTypedReasons } from './reasons';
import { JOURNAL_SHEET } from './storage';
import type { PlanOp, WritePlan } from './types';

export const NARRATIVE_TITLE = '部门决算情况说明';
// About 34 CJK characters: the column fits A4 portrait within its margins both in Excel (Calibri
// digit, 7 px a unit) and in LibreOffice, whose unit is wider and which does not apply
// fit-to-width when the height is left free (fitToHeight=0), so the width itself must fit.
export const NARRATIVE_COLUMN_WIDTH = 68;
/** Points per wrapped line of 11-point text (CJK fonts need a little more than Excel's 15). */
const LINE_POINTS = 16;
/** First-line indent of a body paragraph: two full-width spaces (a cell has no first-line indent). */
export const BODY_INDENT = '\u3000\u3000';

/** The styles of the sheet's lines: font, size (points), bold, alignment. */
export const NARRATIVE_STYLES = {
  title: { fontName: '黑体', size: 16, bold: true, horizontal: 'center' },
  h1: { fontName: '黑体', size: 12, bold: true, horizontal: 'left' },
  h2: { fontName: '楷体', size: 12, bold: true, horizontal: 'left' },
  body: { fontName: '宋体', size: 11, bold: false, horizontal: 'left' },
} as const;
export type LineStyle = keyof typeof NARRATIVE_STYLES;

/** A4 portrait, one page wide; margins in inches (about 2 cm). */
export const NARRATIVE_PAGE = {
  orientation: 'portrait',
  paper: 'A4',
  fitToWidth: true,
  margins: { top: 0.79, bottom: 0.79, left: 0.75, right: 0.75 },
} as const;
/** Printable height of that page in points (297 mm less the margins), a little short to be safe. */
const PAGE_POINTS = 842 - (0.79 + 0.79) * 72 - 24;
/** How many top rows may hold the title. */
const TITLE_ROWS = 5;

export interface NarrativeSheetOptions {
  /** Title written in the title row. Default: the sheet's existing title, else 部门决算情况说明. */
  title?: string;
  /** Name of the sheet to create when there is none. Default 部门决算情况说明. */
  sheet?: string;
  /** Width of column A in characters. Default 100. */
  columnWidth?: number;
  /** 决算年度: a new sheet's title is then “第二部分 {年}年度部门决算情况说明”. */
  year?: number | null;
}

/** The title of a new narrative sheet. */
export function narrativeTitle(year: number | null | undefined): string {
  return year ? `第二部分 ${year}年度${NARRATIVE_TITLE}` : NARRATIVE_TITLE;
}

const HEADING = /^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）)/;

/** “一、…” (level 1) or “（一）…” (level 2): short, and not a sentence. */
export function headingLevel(text: string): 1 | 2 | undefined {
  const t = text.trim();
  const m = HEADING.exec(t);
  if (!m || t.length > 40 || /[。；]/.test(t)) return undefined;
  return m[1] ? 1 : 2;
}

function ordinal(text: string): string {
  const m = HEADING.exec(text.trim());
  return m ? (m[1] ?? `（${m[2]}）`) : '';
}

/** `titleText`: the title as cellText gives it (made once per search, not per cell). */
function isTitleText(v: unknown, titleText: string): boolean {
  if (typeof v !== 'string' || !endsMayBeThere(v, titleText)) return false;
  const t = cellText(v);
  return t.length <= 40 && (t === titleText || t.endsWith(NARRATIVE_TITLE));
}

/** A title's last character is in the cell (whitespace aside): most cells are passed over without cellText. */
function endsMayBeThere(v: string, titleText: string): boolean {
  return titleText === '' || v.includes(titleText[titleText.length - 1]) || v.includes(NARRATIVE_TITLE[NARRATIVE_TITLE.length - 1]);
}

function titleRow(grid: Grid, titleText: string): number | undefined {
  for (let r = 0; r < Math.min(TITLE_ROWS, rowCount(grid)); r++) if (isTitleText(cellAt(grid, r, 0), titleText)) return r;
  return undefined;
}

/**
 * The narrative sheet: the first with a …部门决算情况说明 title in its first rows (column A, or
 * a few columns in when the accountant centred it by hand), else one named so.
 */
export function findNarrativeGrid(grids: Grid[], title = NARRATIVE_TITLE): Grid | undefined {
  const candidates = grids.filter((g) => g.sheet !== JOURNAL_SHEET);
  const titleText = cellText(title);
  return (
    candidates.find((g) => titleRow(g, titleText) !== undefined) ??
    candidates.find((g) => hasTitleNearTop(g, titleText)) ??
    candidates.find((g) => g.sheet.includes(title) || g.sheet.includes(NARRATIVE_TITLE))
  );
}

/** Cells of the first rows, columns B to E, for a title centred by hand (`titleText` as cellText gives it). */
function hasTitleNearTop(grid: Grid, titleText: string): boolean {
  for (let r = 0; r < Math.min(TITLE_ROWS, rowCount(grid)); r++) {
    for (let c = 1; c < 5; c++) if (isTitleText(cellAt(grid, r, c), titleText)) return true;
  }
  return false;
}

// ---- the new lines as sections -----------------------------------------------------------

interface Group {
  /** "" before the first heading; "一", "五", "五（一）" … */
  key: string;
  heading?: string;
  paragraphs: string[];
}

function groupLines(lines: string[]): Group[] {
  const groups: Group[] = [{ key: '', paragraphs: [] }];
  let level1 = '';
  for (const raw of lines) {
    const text = raw.trim();
    if (text === '') continue;
    const level = headingLevel(text);
    if (level === 1) level1 = ordinal(text);
    if (level) groups.push({ key: level === 1 ? level1 : `${level1}${ordinal(text)}`, heading: text, paragraphs: [] });
    else groups[groups.length - 1].paragraphs.push(text);
  }
  return groups;
}

// ---- what the existing sheet holds ---------------------------------------------------------

interface Kept {
  key: string;
  /** How many juesuan paragraphs of its section preceded it. */
  after: number;
  text: string;
}

interface BodyCell {
  row: number;
  text: string;
}

function columnAText(grid: Grid, row: number): string | undefined {
  const v = cellAt(grid, row, 0);
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function bodyCells(grid: Grid, start: number): BodyCell[] {
  const out: BodyCell[] = [];
  for (let r = start; r < rowCount(grid); r++) {
    const text = columnAText(grid, r);
    if (text !== undefined) out.push({ row: r, text });
  }
  return out;
}

/**
 * The typed cells among `body`, each placed by section and position. A cell is juesuan's when
 * its text is one juesuan wrote last time or one of the new lines.
 */
function typedCells(body: BodyCell[], groups: Group[], written: Set<string>): Kept[] {
  const newTexts = new Set<string>();
  const keys = new Set<string>();
  for (const g of groups) {
    keys.add(g.key);
    if (g.heading) newTexts.add(g.heading);
    for (const p of g.paragraphs) newTexts.add(p);
  }
  const ours = (t: string) => written.has(t) || newTexts.has(t);

  const kept: Kept[] = [];
  let key = '';
  let level1 = '';
  let after = 0;
  for (const cell of body) {
    const text = cell.text.trim();
    const level = headingLevel(text);
    if (level && ours(text)) {
      if (level === 1) level1 = ordinal(text);
      const k = level === 1 ? level1 : `${level1}${ordinal(text)}`;
      if (keys.has(k)) {
        key = k;
        after = 0;
      } else {
        after = Number.POSITIVE_INFINITY; // a section that is gone: its typed text ends the one before
      }
    } else if (ours(text)) {
      after++;
    } else {
      kept.push({ key, after, text: cell.text });
    }
  }
  return kept;
}

// ---- row heights ---------------------------------------------------------------------------

/** CJK, full-width forms and the quotes/ellipsis CJK fonts draw full width. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2018 && code <= 0x201d) ||
    code === 0x2026 ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** Width of `text` in column-width units (one unit = a digit of the 11-point default font). */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += charUnits(ch);
  return units;
}

function charUnits(ch: string): number {
  return isWide(ch.codePointAt(0) as number) ? 2 : 1;
}

/**
 * Wrapped lines of `text` at `size` points in a column `width` units wide: CJK characters wrap
 * anywhere, so the lines are counted character by character (a Latin run is kept whole).
 */
export function wrappedLines(text: string, width: number, size = 11): number {
  const scale = size / 11;
  const perLine = Math.max(1, width - 1);
  let lines = 1;
  let used = 0;
  for (const token of text.match(/[A-Za-z0-9.%]+|[\s\S]/gu) ?? []) {
    const w = textUnits(token) * scale;
    if (used + w > perLine && used > 0) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/** Row height for a wrapped cell: null (the default) for one line of 11-point text. */
export function rowHeightFor(text: string, width: number, size = 11): number | null {
  const lines = wrappedLines(text, width, size);
  if (lines <= 1 && size <= 11) return null;
  return Math.round(lines * LINE_POINTS * (size / 11) + 2);
}

// ---- layout --------------------------------------------------------------------------------

interface Line {
  text: string;
  style: LineStyle;
}

function headingStyle(text: string): LineStyle {
  return headingLevel(text) === 1 ? 'h1' : 'h2';
}

function layout(title: string, groups: Group[], kept: Kept[]): Line[] {
  const out: Line[] = [{ text: title, style: 'title' }];
  const typed = (k: Kept): Line => ({ text: k.text, style: 'body' });
  for (const g of groups) {
    const mine = kept.filter((k) => k.key === g.key);
    if (g.heading) out.push({ text: g.heading, style: headingStyle(g.heading) });
    g.paragraphs.forEach((p, i) => {
      for (const k of mine) if (k.after === i) out.push(typed(k));
      out.push({ text: BODY_INDENT + p, style: 'body' });
    });
    for (const k of mine) if (k.after >= g.paragraphs.length) out.push(typed(k));
  }
  return out;
}

/** Format ops for runs of rows with the same style (rows are 0-based sheet rows). */
function formatOps(sheet: string, start: number, lines: Line[]): PlanOp[] {
  const ops: PlanOp[] = [];
  let from = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || lines[i].style !== lines[from].style) {
      const a = `A${start + from + 1}`;
      const b = `A${start + i}`;
      const st = NARRATIVE_STYLES[lines[from].style];
      ops.push({
        kind: 'format',
        sheet,
        range: a === b ? a : `${a}:${b}`,
        bold: st.bold,
        wrap: true,
        vertical: lines[from].style === 'title' ? 'center' : 'top',
        size: st.size,
        fontName: st.fontName,
        horizontal: st.horizontal,
      });
      from = i;
    }
  }
  return ops;
}

/**
 * Rows (1-based) that must start a new page so that no heading ends a page: the rows are laid
 * out on pages of PAGE_POINTS; a heading whose next row would not fit on its page moves, with
 * the rows after it, to the next page. Rows above `start` are taken as one page's top.
 */
export function keepWithNextBreaks(heights: number[], isHeading: boolean[], firstRow: number, pagePoints = PAGE_POINTS): number[] {
  const breaks: number[] = [];
  let used = 0;
  for (let i = 0; i < heights.length; i++) {
    if (used + heights[i] > pagePoints) used = 0; // the row starts a page by itself
    const next = heights[i + 1] ?? 0;
    if (isHeading[i] && used > 0 && used + heights[i] + next > pagePoints) {
      breaks.push(firstRow + i);
      used = 0;
    }
    used += heights[i];
  }
  return breaks;
}

/**
 * The plan that writes (or rewrites) the narrative sheet from `lines` (narrativeLines()).
 * `existing` is the sheet as it is now (findNarrativeGrid), `journal` the workbook's journal
 * (to know which cells juesuan wrote last time).
 */
export function narrativeSheetPlan(lines: string[], existing?: Grid, journal?: Journal, options: NarrativeSheetOptions = {}): WritePlan {
  const sheet = existing?.sheet ?? options.sheet ?? NARRATIVE_TITLE;

  const found = existing ? titleRow(existing, cellText(options.title ?? NARRATIVE_TITLE)) : undefined;
  const start = found ?? 0;
  // An existing title (“2023年度××部门决算情况说明”) stays as the accountant worded it.
  const title =
    options.title ?? (existing && found !== undefined ? columnAText(existing, found) : undefined) ?? narrativeTitle(options.year);
  const body = existing ? bodyCells(existing, found === undefined ? 0 : found + 1) : [];
  const carried = carryTypedReasons(
    lines,
    body.map((b) => b.text),
  );
  const groups = groupLines(carried.lines);
  const written = new Set([...(lastWritten(journal, sheet)?.texts ?? []), ...carried.absorbed].map((t) => t.trim()));
  const rows = layout(title, groups, typedCells(body, groups, written));

  const ops: PlanOp[] = [];
  if (!existing) ops.push({ kind: 'createSheet', sheet });
  rows.forEach((line, i) => {
    const r = start + i;
    if (!existing || cellAt(existing, r, 0) !== line.text) ops.push({ kind: 'value', sheet, address: `A${r + 1}`, value: line.text });
  });
  for (const cell of body) {
    if (cell.row >= start + rows.length) ops.push({ kind: 'value', sheet, address: `A${cell.row + 1}`, value: null });
  }
  ops.push(...formatOps(sheet, start, rows));
  const width = options.columnWidth ?? NARRATIVE_COLUMN_WIDTH;
  ops.push({ kind: 'columnWidth', sheet, column: 'A', width });
  const heights = rows.map((line) => rowHeightFor(line.text, width, NARRATIVE_STYLES[line.style].size));
  rows.forEach((_line, i) => ops.push({ kind: 'rowHeight', sheet, row: start + i + 1, height: heights[i] }));
  for (const cell of body) {
    if (cell.row >= start + rows.length) ops.push({ kind: 'rowHeight', sheet, row: cell.row + 1, height: null });
  }
  ops.push({ kind: 'pageSetup', sheet, setup: { ...NARRATIVE_PAGE, margins: { ...NARRATIVE_PAGE.margins } } });
  const points = heights.map((h) => h ?? LINE_POINTS);
  const breaks = keepWithNextBreaks(
    points,
    rows.map((l) => l.style === 'h1' || l.style === 'h2'),
    start + 1,
  );
  ops.push({ kind: 'rowBreaks', sheet, rows: breaks });

  const texts = [title, ...groups.flatMap((g) => (g.heading ? [g.heading, ...g.paragraphs] : g.paragraphs))];
  return { marker: { action: 'narrative', written: { sheet, texts } }, ops };
}
