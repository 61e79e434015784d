// The commit step of a WPS write: the journal (first, for a forward action, so an action WPS
// stops half way is still undone completely), then the plan's writes grouped so the calls follow
// rectangles, colour groups and format groups — never the cells — and sheets created first and
// deleted last.
import { address as cellAddress, parseAddress } from '../../core/grid';
import type { CellContent, Journal, PlanOp } from '../../core/plan';
import { JOURNAL_SHEET, cellKey, createdSheetMarkerReference, journalChunks, rangeAddresses, rangeText } from '../../core/plan';
import { normaliseContent, toInput } from '../cells';
import { isPrivateSheet } from '../host';
import type { CellState } from '../journal-state';
import { findSheet } from '../journal-state';
import { markersToAdd, markersToRemove } from '../markers';
import type { DefinedName } from '../markers';
import { rectangles } from './address';
import type { RowCol } from './address';
import type { WpsApplication, WpsRange, WpsScalar, WpsWorksheet } from './api';
import { xlNone, xlSheetHidden, xlSheetVeryHidden } from './api';
import { applyWpsPageOp } from './page';
import { cellChunks, columnChunks, groupBy, rowChunks } from './probe';
import type { Context, SheetEntry } from './read';
import type { Prepared, Vertical } from './state';
import { VERTICAL_CODE, colName, groupTargets, sameSize } from './state';
import { bgrToHex, hexToBgr, isMergedPlaceholder } from './values';

const lower = (s: string) => s.toLowerCase();

/**
 * Writes the plan and the journal (forward: journal first; revert: cells first). `names`: the
 * workbook's defined names when sheets come or go (their created-sheet markers, ../markers).
 */
export function commit(
  app: WpsApplication,
  ctx: Context,
  prep: Prepared,
  journal: Journal | undefined,
  revert: boolean,
  names: DefinedName[],
): void {
  const creates =
    prep.ops.some((o) => o.kind === 'createSheet') ||
    (journal !== undefined && !findSheet(ctx.sheets, JOURNAL_SHEET) && journalChunks(journal).length > 0);
  const active = creates ? app.ActiveSheet : undefined;
  app.ScreenUpdating = false;
  try {
    if (journal && !revert) writeJournal(app, ctx, journal);
    runOps(app, ctx, prep, names);
    if (journal && revert) writeJournal(app, ctx, journal);
  } finally {
    try {
      if (active) active.Activate();
    } catch {
      // the sheet that was active is gone (撤销 deleted it): WPS picked another
    }
    app.ScreenUpdating = true;
  }
}

type Final = { value?: CellContent; fill?: string | null; note?: string | null; bold?: boolean; wrap?: boolean; vertical?: Vertical };

function runOps(app: WpsApplication, ctx: Context, prep: Prepared, names: DefinedName[]): void {
  const sheets = new Map(ctx.sheets.map((s) => [lower(s.name), s]));
  const created = new Set<string>();
  const sheetOf = (name: string) => sheets.get(lower(name))?.ws;
  const markers = markersToAdd(names, prep.ops);

  // sheets first (new ones after the last sheet of the user's), each with its marker
  for (const op of prep.ops) {
    if (op.kind !== 'createSheet') continue;
    const list = ctx.wb.Sheets;
    const users = [...sheets.values()].filter((s) => !isPrivateSheet(s.name));
    const after = users.length > 0 ? users[users.length - 1].ws : undefined;
    const ws = after ? list.Add(undefined, after) : list.Add();
    ws.Name = op.sheet;
    const entry = { name: op.sheet, visible: true, ws };
    sheets.set(lower(op.sheet), entry);
    ctx.sheets.push(entry);
    created.add(lower(op.sheet));
    const marker = markers.get(lower(op.sheet));
    if (marker) ctx.wb.Names.Add(marker, `=${createdSheetMarkerReference(op.sheet)}`); // Names.Add(Name, RefersTo), lib.et.d.ts:6383
  }

  // the final value of each cell part, by sheet (a later op on the same cell wins)
  const finals = new Map<string, Map<string, Final>>();
  const cell = (sheet: string, address: string) => {
    let m = finals.get(lower(sheet));
    if (!m) finals.set(lower(sheet), (m = new Map()));
    const a = address.replace(/\$/g, '').toUpperCase();
    let f = m.get(a);
    if (!f) m.set(a, (f = {}));
    return f;
  };
  const widths: [string, number, number | null][] = [];
  const heights: [string, number, number | null][] = [];
  const pages: Extract<PlanOp, { kind: 'pageSetup' | 'printTitles' | 'rowBreaks' }>[] = [];
  for (const op of prep.ops) {
    switch (op.kind) {
      case 'value':
        if (!isMergedPlaceholder(op.value)) cell(op.sheet, op.address).value = op.value;
        break;
      case 'fill':
        cell(op.sheet, op.address).fill = bgrToHex(hexToBgr(op.color));
        break;
      case 'note':
        cell(op.sheet, op.address).note = op.text === '' ? null : op.text;
        break;
      case 'format':
        for (const a of rangeAddresses(op.range)) {
          const f = cell(op.sheet, a);
          if (op.bold !== undefined) f.bold = op.bold;
          if (op.wrap !== undefined) f.wrap = op.wrap;
          if (op.vertical !== undefined) f.vertical = op.vertical;
        }
        break;
      case 'columnWidth':
        widths.push([op.sheet, parseAddress(`${op.column.toUpperCase()}1`).col, op.width]);
        break;
      case 'rowHeight':
        heights.push([op.sheet, op.row, op.height]);
        break;
      case 'createSheet':
      case 'deleteSheet':
        break; // before and after the cells
      case 'pageSetup':
      case 'printTitles':
      case 'rowBreaks':
        pages.push(op); // only on sheets this plan creates (resolvePlanOps)
        break;
      default: {
        const never: never = op;
        throw new Error(`unknown plan op ${JSON.stringify(never)}`);
      }
    }
  }

  for (const [key, cells] of finals) {
    const ws = sheetOf(key);
    if (!ws) continue;
    const sheet = sheets.get(key)!.name;
    const fresh = created.has(key);
    const now = (a: string) => prep.state.get(cellKey(sheet, a)) ?? {};
    const changed = <T>(pick: (f: Final) => T | undefined, was: (s: CellState) => unknown, blank: unknown) => {
      const out: [RowCol, T][] = [];
      for (const [a, f] of cells) {
        const v = pick(f);
        if (v === undefined) continue;
        const before = fresh ? blank : was(now(a));
        if (JSON.stringify(before ?? blank) === JSON.stringify(v)) continue; // already so
        out.push([parseAddress(a), v]);
      }
      return out;
    };

    // values: one Value2 (or Formula) per rectangle
    const values = changed(
      (f) => (f.value === undefined ? undefined : normaliseContent(f.value)),
      (s) => ('value' in s ? (s.value ?? null) : undefined),
      null,
    );
    const contentAt = new Map(values.map(([rc, v]) => [`${rc.row},${rc.col}`, v]));
    for (const b of rectangles(values.map(([rc]) => rc))) {
      const inputs: WpsScalar[][] = [];
      let formula = false;
      for (let r = b.top; r <= b.bottom; r++) {
        const row: WpsScalar[] = [];
        for (let c = b.left; c <= b.right; c++) {
          const input = toInput(contentAt.get(`${r},${c}`) ?? null);
          if (input.formula !== undefined) {
            formula = true;
            row.push(input.formula);
          } else row.push(input.value as WpsScalar);
        }
        inputs.push(row);
      }
      const range = ws.Range(rangeText(b));
      const one = b.top === b.bottom && b.left === b.right;
      if (formula) range.Formula = one ? inputs[0][0] : inputs;
      else range.Value2 = one ? inputs[0][0] : inputs;
    }

    // formats: one call per group of equal values
    writeGroups(
      ws,
      changed(
        (f) => f.bold,
        (s) => s.font?.bold,
        false,
      ),
      (r, v) => (r.Font.Bold = v),
    );
    writeGroups(
      ws,
      changed(
        (f) => f.wrap,
        (s) => s.alignment?.wrap,
        false,
      ),
      (r, v) => (r.WrapText = v),
    );
    writeGroups(
      ws,
      changed(
        (f) => f.vertical,
        (s) => (s.alignment ? (s.alignment.vertical ?? null) : undefined),
        'bottom',
      ),
      (r, v) => (r.VerticalAlignment = VERTICAL_CODE[v]),
    );

    // fills: one Interior per colour group
    writeGroups(
      ws,
      changed(
        (f) => f.fill,
        (s) => (s.fill ? s.fill.color : undefined),
        null,
      ),
      (r, color) => {
        const bgr = hexToBgr(color);
        if (bgr === null) r.Interior.Pattern = xlNone;
        else r.Interior.Color = bgr;
      },
    );

    // notes: clear the comments that change in one call per chunk, then one AddComment each
    const notes = changed(
      (f) => f.note,
      (s) => (s.note ? s.note.text : undefined),
      null,
    );
    const clear = fresh ? [] : notes.filter(([rc]) => (now(cellAddress(rc.row, rc.col)).note?.text ?? null) !== null).map(([rc]) => rc);
    for (const c of cellChunks(clear)) ws.Range(c.text).ClearComments();
    for (const [rc, text] of notes) if (text !== null) ws.Range(cellAddress(rc.row, rc.col)).AddComment(text);
  }

  // column widths and row heights: one call per group of equal sizes
  for (const [sheet, group] of groupTargets(widths.map(([s, c, w]) => [s, [c, w] as [number, number | null]]))) {
    const ws = sheetOf(sheet);
    if (!ws) continue;
    const last = new Map(group);
    const todo = [...last].filter(([c, w]) =>
      created.has(lower(sheet)) ? w !== null : !sameSize(prep.columns.get(`${sheets.get(lower(sheet))!.name}!${colName(c)}`), w),
    );
    for (const g of groupBy(todo)) {
      for (const chunk of columnChunks(g.keys)) {
        const r = ws.Range(chunk.text);
        if (g.value === null) r.UseStandardWidth = true;
        else r.ColumnWidth = g.value;
      }
    }
  }
  for (const [sheet, group] of groupTargets(heights.map(([s, row, h]) => [s, [row, h] as [number, number | null]]))) {
    const ws = sheetOf(sheet);
    if (!ws) continue;
    const last = new Map(group);
    const todo = [...last].filter(([row, h]) =>
      created.has(lower(sheet)) ? h !== null : !sameSize(prep.rows.get(`${sheets.get(lower(sheet))!.name}!${row}`), h),
    );
    for (const g of groupBy(todo)) {
      for (const chunk of rowChunks(g.keys)) {
        const r = ws.Range(chunk.text);
        if (g.value === null) r.UseStandardHeight = true;
        else r.RowHeight = g.value;
      }
    }
  }

  // print layout, once the rows have their heights
  for (const op of pages) {
    const ws = sheetOf(op.sheet);
    if (ws) applyWpsPageOp(ws, op);
  }

  // sheets to delete last, with their markers (a name outlives its sheet, referring to #REF!)
  const unmark = markersToRemove(names, prep.ops);
  for (const op of prep.ops) {
    if (op.kind !== 'deleteSheet') continue;
    const entry = sheets.get(lower(op.sheet));
    if (!entry) continue;
    for (const marker of unmark.get(lower(op.sheet)) ?? []) ctx.wb.Names.Item(marker).Delete();
    deleteSheet(app, ctx, entry);
    sheets.delete(lower(op.sheet));
  }
}

/**
 * Deletes a sheet without WPS asking the user (DisplayAlerts off). A very hidden sheet is made
 * hidden first: the Excel object model, which WPS follows, refuses to delete a very hidden sheet
 * (Office.js typings of Worksheet.delete, @types/office-js index.d.ts:37511; office-js issue #365).
 */
function deleteSheet(app: WpsApplication, ctx: Context, entry: SheetEntry): void {
  app.DisplayAlerts = false;
  try {
    if (entry.ws.Visible === xlSheetVeryHidden) entry.ws.Visible = xlSheetHidden;
    entry.ws.Delete();
  } finally {
    app.DisplayAlerts = true;
  }
  ctx.sheets.splice(ctx.sheets.indexOf(entry), 1);
}

/** Stores the journal in column A of the very hidden journal sheet (none: the sheet goes). */
function writeJournal(app: WpsApplication, ctx: Context, journal: Journal): void {
  const chunks = journalChunks(journal);
  const entry = findSheet(ctx.sheets, JOURNAL_SHEET);
  if (chunks.length === 0) {
    if (!entry) return;
    deleteSheet(app, ctx, entry);
    ctx.journalRows = 0;
    return;
  }
  const ws = entry ? entry.ws : addPrivateSheet(ctx, JOURNAL_SHEET);
  const range = ws.Range(`A1:A${chunks.length}`);
  range.NumberFormat = '@';
  range.Value2 = chunks.length === 1 ? chunks[0] : chunks.map((c) => [c]);
  if (ctx.journalRows > chunks.length) ws.Range(`A${chunks.length + 1}:A${ctx.journalRows}`).ClearContents();
  ctx.journalRows = chunks.length;
}

/** A very hidden sheet of juesuan's own, after the last sheet. */
export function addPrivateSheet(ctx: Context, name: string): WpsWorksheet {
  const last = ctx.sheets[ctx.sheets.length - 1];
  const list = ctx.wb.Sheets;
  const ws = last ? list.Add(undefined, last.ws) : list.Add();
  ws.Name = name;
  ws.Visible = xlSheetVeryHidden;
  ctx.sheets.push({ name, visible: false, ws });
  return ws;
}

function writeGroups<T>(ws: WpsWorksheet, entries: [RowCol, T][], write: (r: WpsRange, v: T) => void): void {
  for (const g of groupBy(entries)) for (const c of cellChunks(g.keys)) write(ws.Range(c.text), g.value);
}
