/// <reference types="office-js" />
// The Excel host: WorkbookHost over the Excel JavaScript API (Office.js).
//
// Round trips (context.sync calls), none of which grows with sheets, rows, cells or findings:
//   readWorkbook / readGrids   1   every wanted sheet's used range (values, types, merges), the
//                                  journal and the settings, in one batch
//   applyPlan                  2   prepare: what the touched cells hold now (for the journal);
//                                  commit: the plan's writes and the new journal
//   undoLast, clearHighlights  2   prepare: the journal; commit: the revert and the journal
//   select, saveSettings       1
// The host remembers the sheet list (and the journal) from its last batch and checks it inside
// the next one; only when the workbook changed under it (a sheet added, renamed or deleted, the
// journal rewritten by an Excel undo) does it spend one more round trip to catch up.
import type { Grid, MergeRange } from '../../core/grid';
import { address } from '../../core/grid';
import type { NarrativeSettings } from '../../core/narrative';
import {
  JOURNAL_SHEET,
  isNoChange,
  journalChunks,
  planTargets,
  rangeAddresses,
} from '../../core/plan';
import type { CellContent, CellPart, Journal, PlanOp, WritePlan } from '../../core/plan';
import { cellKey } from '../../core/plan';
import type {
  ApplyOptions,
  ApplyResult,
  HostCapabilities,
  RevertResult,
  WorkbookHost,
  WorkbookSnapshot,
} from '../host';
import {
  FINDINGS_SHEET,
  HostError,
  SETTINGS_SHEET,
  isPrivateSheet,
  parseSettings,
  resolvePlanOps,
  serializeSettings,
} from '../host';
import {
  applyMade,
  applyResult,
  clearHighlightsMade,
  entryFor,
  findSheet,
  parseJournalOrEmpty,
  revertResult,
  undoMade,
} from '../journal-state';
import type { CellState, Done as DoneOf, EntryRules, Made } from '../journal-state';
import { officeErrorCode, toHostError } from './errors';
import { notesToSheet } from './findingsSheet';
import type { ExistingSheet } from './findingsSheet';
import { detectFeatures } from './support';
import type { ExcelFeatures } from './support';
import {
  charsToPoints,
  normaliseColor,
  parseAreasAddress,
  placeValues,
  pointsToChars,
  toCellContent,
  toExcelInput,
} from './values';

/** What the host needs from Office: Excel.run and the requirement-set check. */
export interface ExcelRuntime {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T>;
  /** isSetSupported('ExcelApi', version). */
  isSetSupported(version: string): boolean;
}

/** The runtime of the real Office.js (call after Office.onReady). */
export function officeRuntime(): ExcelRuntime {
  return {
    run: (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    isSetSupported: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
}

interface SheetEntry {
  name: string;
  visible: boolean;
}

/** Excel sheet names are case-insensitive. */
const lower = (s: string) => s.toLowerCase();

/** How many times a batch is retried after finding the workbook changed under the host. */
const MAX_ATTEMPTS = 3;

/** A stale cached sheet list or journal: redo the batch with fresh ones. */
class Stale extends Error {}

/** How Excel holds what a plan writes (for the journal entry of a prepared plan). */
const ENTRY_RULES: EntryRules = {
  value: (c) => normaliseContent(c),
  color: (c) => normaliseColor(c),
  vertical: false,
  sizeChanged: (was, now) => now === null || was === null || Math.abs(now - was) > 0.01,
};

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly label = 'Excel';
  readonly features: ExcelFeatures;
  private sheets?: SheetEntry[];
  /** Column A texts of the journal sheet as last seen (undefined: not known). */
  private journalChunks?: string[];

  constructor(private readonly runtime: ExcelRuntime) {
    this.features = detectFeatures((v) => runtime.isSetSupported(v));
  }

  /** A host with the sheet list and journal already known (one batch when the workbook is small). */
  static async create(runtime: ExcelRuntime = officeRuntime()): Promise<ExcelHost> {
    const host = new ExcelHost(runtime);
    await host.readWorkbook([]);
    return host;
  }

  capabilities(): HostCapabilities {
    return { notes: this.features.notes, mergedUndo: this.features.mergeUndoGroup, selectCells: true, download: false };
  }

  // ---- batches -------------------------------------------------------------------------------

  private async batch<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = {};
    if (this.features.delayForCellEdit) options.delayForCellEdit = true;
    if (this.features.mergeUndoGroup) options.mergeUndoGroup = true;
    return this.runtime.run(fn, Object.keys(options).length > 0 ? options : undefined);
  }

  /** Runs `attempt` with a known sheet list; on a stale list, refreshes it and tries again. */
  private async withSheets<T>(attempt: (sheets: SheetEntry[]) => Promise<T>): Promise<T> {
    let last: unknown;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      try {
        const sheets = this.sheets ?? (await this.loadSheetList());
        return await attempt(sheets);
      } catch (e) {
        last = e;
        if (e instanceof Stale) continue;
        const code = officeErrorCode(e);
        if (code === 'ItemNotFound' || code === 'ItemAlreadyExists') {
          this.sheets = undefined;
          this.journalChunks = undefined;
          continue;
        }
        throw toHostError(e);
      }
    }
    throw toHostError(last instanceof Stale ? new HostError('工作簿在操作过程中不断变化，请稍候再试。') : last);
  }

  private async loadSheetList(): Promise<SheetEntry[]> {
    const list = await this.batch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' }));
    });
    this.sheets = list;
    return list;
  }

  private static sameList(a: SheetEntry[], b: SheetEntry[]): boolean {
    return a.length === b.length && a.every((s, i) => s.name === b[i].name);
  }

  // ---- reading -------------------------------------------------------------------------------

  async readGrids(sheetNames?: string[]): Promise<Grid[]> {
    return (await this.readWorkbook(sheetNames)).grids;
  }

  async readWorkbook(sheetNames?: string[]): Promise<WorkbookSnapshot> {
    const wanted = sheetNames ? new Set(sheetNames.map(lower)) : undefined;
    return this.withSheets(async (sheets) => {
      const targets = sheets.filter((s) => isPrivateSheet(s.name) || !wanted || wanted.has(lower(s.name)));
      let read: SheetsRead;
      try {
        read = await this.readSheets(targets);
      } catch (e) {
        // Excel on the web answers at most ~5 MB per round trip: a workbook too big for one is
        // read a sheet at a time (only then does the number of round trips follow the sheets).
        if (officeErrorCode(e) !== 'ResponsePayloadSizeLimitExceeded' || targets.length < 2) throw e;
        read = { list: [], reads: [] };
        for (const t of targets) {
          const one = await this.readSheets([t]);
          read = { list: one.list, reads: [...read.reads, ...one.reads] };
        }
      }
      const fresh = read.list;
      const complete = ExcelHost.sameList(fresh, sheets);
      this.sheets = fresh;
      if (!complete) throw new Stale();

      const grids: Grid[] = [];
      let journalTexts: string[] = [];
      let settings: Partial<NarrativeSettings> | undefined;
      for (const r of read.reads) {
        const cells = placeValues(r.values, r.types, r.rowIndex, r.columnIndex);
        if (r.sheet === JOURNAL_SHEET) journalTexts = columnATexts(cells);
        else if (r.sheet === SETTINGS_SHEET) settings = parseSettings(cells[0]?.[0]);
        else if (!isPrivateSheet(r.sheet)) grids.push({ sheet: r.sheet, cells, merges: r.merges });
      }
      this.journalChunks = journalTexts;
      return { grids, journal: parseJournalOrEmpty(journalTexts), settings };
    });
  }

  /** One batch: the sheet list and, for each target sheet, its used range and merged areas. */
  private async readSheets(targets: SheetEntry[]): Promise<SheetsRead> {
    return this.batch(async (context) => {
      const list = context.workbook.worksheets;
      list.load('items/name,items/visibility');
      const reads = targets.map((s) => {
        const ws = list.getItem(s.name);
        const used = ws.getUsedRange(true);
        used.load('values,valueTypes,rowIndex,columnIndex');
        let merged: Excel.RangeAreas | undefined;
        if (this.features.merges && !isPrivateSheet(s.name)) {
          merged = ws.getUsedRange(false).getMergedAreasOrNullObject();
          merged.load('address');
        }
        return { sheet: s.name, used, merged };
      });
      await context.sync();
      return {
        list: list.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' })),
        reads: reads.map(({ sheet, used, merged }) => ({
          sheet,
          values: used.values as unknown[][],
          types: used.valueTypes as string[][],
          rowIndex: used.rowIndex,
          columnIndex: used.columnIndex,
          merges: merged && !merged.isNullObject ? parseAreasAddress(merged.address) : [],
        })),
      };
    });
  }

  // ---- writing -------------------------------------------------------------------------------

  async applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
    return applyResult(await this.runPlan((journal) => applyMade(journal, plan, options)));
  }

  async undoLast(): Promise<RevertResult> {
    return revertResult(await this.runPlan(undoMade));
  }

  async clearHighlights(): Promise<RevertResult> {
    return revertResult(await this.runPlan(clearHighlightsMade));
  }

  /**
   * One write action in two round trips. The plan is made from the journal as the host last saw
   * it; the prepare sync reads the journal again with the touched cells, and if it differs (an
   * Excel undo, another window) the action starts over with the fresh one.
   */
  private async runPlan(make: (journal: Journal) => Made | undefined): Promise<Done | undefined> {
    return this.withSheets(async (sheets) =>
      this.batch(async (context) => {
        const journal = parseJournalOrEmpty(this.journalChunks ?? []);
        const made = make(journal);
        const plan = made?.plan ?? { marker: { action: 'highlight' as const }, ops: [] };
        const prep = await this.prepare(context, sheets, plan);
        if (!made) return undefined;
        const entry = entryFor(prep, ENTRY_RULES);
        if (made.skipWhenUnchanged && isNoChange(entry)) return { entry, prep, committed: false, action: made.action };
        const next = made.next(entry);
        this.commit(context, prep, next);
        await context.sync();
        this.afterCommit(prep, next);
        return { entry, prep, committed: true, action: made.action };
      }),
    );
  }

  /** The prepare half of applyPlan: loads what the touched cells hold now; one sync. */
  private async prepare(
    context: Excel.RequestContext,
    sheets: SheetEntry[],
    plan: WritePlan,
  ): Promise<Prepared> {
    const revert = plan.marker.revert === true;
    let ops = resolvePlanOps(sheets.map((s) => s.name), plan.ops, revert);
    // Without notes there are no notes to put back.
    if (revert && !this.features.notes) ops = ops.filter((o) => o.kind !== 'note');
    const list = context.workbook.worksheets;
    list.load('items/name,items/visibility');
    const journalRange = findSheet(sheets, JOURNAL_SHEET)
      ? list.getItem(JOURNAL_SHEET).getUsedRange(true).load('values')
      : undefined;

    // Without notes, a highlight's messages go to the 审核结果 sheet: read what it holds now.
    const notesToFallBack = !this.features.notes && ops.some((o) => o.kind === 'note');
    const findingsEntry = findSheet(sheets, FINDINGS_SHEET);
    const findingsRange =
      notesToFallBack && findingsEntry
        ? list.getItem(findingsEntry.name).getUsedRange(true).load('formulas,values,valueTypes,rowIndex,columnIndex')
        : undefined;

    // What the plan (before the fallback) touches; the fallback's own cells come from findingsRange
    // (values) and from the formats its header and message cells get (known before the sync).
    const targets = planTargets({ marker: plan.marker, ops: ops.filter((o) => o.kind !== 'note' || this.features.notes) });
    const loads = targets.cells.map((t) => this.loadCell(list, t.sheet, t.address, t.parts));
    if (findingsRange && findingsEntry) {
      const formats = planTargets({ marker: plan.marker, ops: notesToSheet(ops, { cells: new Map() }).ops.filter((o) => o.kind === 'format') });
      for (const t of formats.cells) loads.push(this.loadCell(list, findingsEntry.name, t.address, t.parts));
    }
    const columnLoads = targets.columns.map((c) => {
      const ws = list.getItem(c.sheet);
      const fmt = ws.getRange(`${c.column}:${c.column}`).format.load('columnWidth');
      ws.load('standardWidth');
      return { ...c, fmt, ws };
    });

    await context.sync();

    const fresh = list.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' }));
    this.sheets = fresh;
    if (!ExcelHost.sameList(fresh, sheets)) throw new Stale();
    const chunks = journalRange ? columnATexts(placeValues(journalRange.values as unknown[][], undefined, 0, 0)) : [];
    const known = this.journalChunks ?? [];
    this.journalChunks = chunks;
    if (chunks.join('') !== known.join('')) throw new Stale();

    const state = new Map<string, CellState>();
    for (const l of loads) state.set(cellKey(l.sheet, l.address), l.read());
    const columns = new Map<string, number | null>();
    const standardWidths = new Map<string, number>();
    for (const c of columnLoads) {
      columns.set(`${c.sheet}!${c.column}`, pointsToChars(c.fmt.columnWidth));
      standardWidths.set(c.sheet, c.ws.standardWidth);
    }

    let notesAsSheet = 0;
    if (notesToFallBack) {
      let existing: ExistingSheet | undefined;
      if (findingsEntry && findingsRange) {
        existing = { cells: new Map() };
        const f = findingsRange.formulas as unknown[][];
        const v = findingsRange.values as unknown[][];
        const t = findingsRange.valueTypes as string[][];
        f.forEach((row, r) =>
          row.forEach((formula, c) => {
            const content = toCellContent(formula, v[r][c], t[r][c]);
            if (content !== null) {
              const a = address(findingsRange.rowIndex + r, findingsRange.columnIndex + c);
              existing!.cells.set(a, content);
            }
          }),
        );
      }
      const moved = notesToSheet(ops, existing);
      ops = moved.ops;
      notesAsSheet = moved.rows;
      if (existing) {
        // the cells the fallback writes on the existing sheet: their state before is what it holds
        for (const op of ops) {
          if (op.sheet !== FINDINGS_SHEET || op.kind === 'createSheet') continue;
          const addrs = op.kind === 'value' ? [op.address] : op.kind === 'format' ? rangeAddresses(op.range) : [];
          for (const a of addrs) {
            const key = cellKey(FINDINGS_SHEET, a);
            const s = state.get(key) ?? {};
            if (op.kind === 'value') s.value = existing.cells.get(a) ?? null;
            state.set(key, s);
          }
        }
      }
    }
    const finalTargets = planTargets({ marker: plan.marker, ops });
    return { sheets: fresh, ops, state, targets: finalTargets, columns, standardWidths, notesAsSheet, marker: plan.marker };
  }

  /** Queues the loads of the given parts of one cell; read() gives its state after the sync. */
  private loadCell(list: Excel.WorksheetCollection, sheet: string, address: string, parts: CellPart[]) {
    const ws = list.getItem(sheet);
    const range = ws.getRange(address);
    const has = (p: CellPart) => parts.includes(p);
    if (has('value')) range.load('formulas,values,valueTypes');
    const fill = has('fill') ? range.format.fill.load(this.features.fillPattern ? 'color,pattern' : 'color') : undefined;
    const font = has('font') ? range.format.font.load('bold') : undefined;
    const format = has('alignment') ? range.format.load('wrapText') : undefined;
    const note = has('note') && this.features.notes ? ws.notes.getItemOrNullObject(address).load('content') : undefined;
    const fillPattern = this.features.fillPattern;
    return {
      sheet,
      address,
      read(): CellState {
        const s: CellState = {};
        if (has('value')) {
          const f = range.formulas as unknown[][];
          const v = range.values as unknown[][];
          const t = range.valueTypes as string[][];
          s.value = toCellContent(f[0]?.[0], v[0]?.[0], t[0]?.[0]);
        }
        if (fill) {
          const none = fillPattern ? fill.pattern === 'None' : normaliseColor(fill.color) === '#FFFFFF';
          s.fill = { color: none ? null : normaliseColor(fill.color) };
        }
        if (font) s.font = { bold: font.bold === true };
        if (format) s.alignment = { wrap: format.wrapText === true };
        if (note) s.note = { text: note.isNullObject ? null : String(note.content ?? '') };
        else if (has('note')) s.note = { text: null };
        return s;
      },
    };
  }

  /** Queues the plan's writes and the journal's new text (none: leave the journal alone). */
  private commit(context: Excel.RequestContext, prep: Prepared, journal: Journal | undefined): void {
    const list = context.workbook.worksheets;
    const created = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => created.get(lower(name)) ?? list.getItem(name);
    const notes = new Map<string, boolean>(); // does the cell have a note now (as the batch goes)
    for (const [key, s] of prep.state) if (s.note) notes.set(key, s.note.text !== null);

    for (const op of prep.ops) {
      switch (op.kind) {
        case 'createSheet':
          created.set(lower(op.sheet), list.add(op.sheet));
          break;
        case 'deleteSheet':
          sheet(op.sheet).delete();
          created.delete(lower(op.sheet));
          break;
        case 'value': {
          const range = sheet(op.sheet).getRange(op.address);
          const input = toExcelInput(op.value);
          if (input.formula !== undefined) range.formulas = [[input.formula]];
          else range.values = [[input.value as string | number | boolean]];
          break;
        }
        case 'fill': {
          const fill = sheet(op.sheet).getRange(op.address).format.fill;
          const color = normaliseColor(op.color);
          if (color) fill.color = color;
          else fill.clear();
          break;
        }
        case 'note': {
          if (!this.features.notes) break;
          const ws = sheet(op.sheet);
          const key = cellKey(op.sheet, op.address);
          const has = notes.get(key) === true;
          if (op.text === null || op.text === '') {
            if (has) ws.notes.getItem(op.address).delete();
            notes.set(key, false);
          } else {
            if (has) ws.notes.getItem(op.address).content = op.text;
            else ws.notes.add(op.address, op.text);
            notes.set(key, true);
          }
          break;
        }
        case 'format': {
          const format = sheet(op.sheet).getRange(op.range).format;
          if (op.bold !== undefined) format.font.bold = op.bold;
          if (op.wrap !== undefined) format.wrapText = op.wrap;
          break;
        }
        case 'columnWidth': {
          const chars = op.width ?? prep.standardWidths.get(op.sheet) ?? 8.43;
          sheet(op.sheet).getRange(`${op.column}:${op.column}`).format.columnWidth = charsToPoints(chars);
          break;
        }
      }
    }
    if (journal) this.queueJournal(list, prep.sheets, journal);
  }

  private queueJournal(list: Excel.WorksheetCollection, sheets: SheetEntry[], journal: Journal): void {
    const chunks = journalChunks(journal);
    const exists = findSheet(sheets, JOURNAL_SHEET) !== undefined;
    const old = this.journalChunks?.length ?? 0;
    if (chunks.length === 0) {
      if (exists) list.getItem(JOURNAL_SHEET).delete();
      return;
    }
    let ws: Excel.Worksheet;
    if (exists) ws = list.getItem(JOURNAL_SHEET);
    else {
      ws = list.add(JOURNAL_SHEET);
      ws.visibility = 'VeryHidden';
    }
    const range = ws.getRange(`A1:A${chunks.length}`);
    range.numberFormat = chunks.map(() => ['@']);
    range.values = chunks.map((c) => [c]);
    if (old > chunks.length) ws.getRange(`A${chunks.length + 1}:A${old}`).clear('Contents');
  }

  /** Keeps the cached sheet list and journal in step with what the batch just did. */
  private afterCommit(prep: Prepared, journal: Journal | undefined): void {
    let sheets = [...prep.sheets];
    for (const op of prep.ops) {
      if (op.kind === 'createSheet') sheets.push({ name: op.sheet, visible: true });
      if (op.kind === 'deleteSheet') sheets = sheets.filter((s) => lower(s.name) !== lower(op.sheet));
    }
    if (journal) {
      const chunks = journalChunks(journal);
      const had = sheets.some((s) => s.name === JOURNAL_SHEET);
      if (chunks.length === 0) sheets = sheets.filter((s) => s.name !== JOURNAL_SHEET);
      else if (!had) sheets.push({ name: JOURNAL_SHEET, visible: false });
      this.journalChunks = chunks;
    }
    this.sheets = sheets;
  }

  // ---- selection and settings ----------------------------------------------------------------

  async select(sheet: string, addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    await this.withSheets(async (sheets) => {
      const entry = findSheet(sheets, sheet);
      if (!entry) throw new HostError(`找不到工作表“${sheet}”，它可能已被重命名或删除。请再点一次“检查”。`);
      await this.batch(async (context) => {
        const ws = context.workbook.worksheets.getItem(entry.name);
        ws.activate();
        if (addresses.length > 1 && this.features.multiSelect) ws.getRanges(addresses.join(',')).select();
        else ws.getRange(addresses[0]).select();
        await context.sync();
      });
    });
  }

  async saveSettings(settings: Partial<NarrativeSettings>): Promise<void> {
    await this.withSheets(async (sheets) => {
      const exists = findSheet(sheets, SETTINGS_SHEET) !== undefined;
      await this.batch(async (context) => {
        const list = context.workbook.worksheets;
        let ws: Excel.Worksheet;
        if (exists) ws = list.getItem(SETTINGS_SHEET);
        else {
          ws = list.add(SETTINGS_SHEET);
          ws.visibility = 'VeryHidden';
        }
        const a1 = ws.getRange('A1');
        a1.numberFormat = [['@']];
        a1.values = [[serializeSettings(settings)]];
        await context.sync();
      });
      if (!exists) this.sheets = [...sheets, { name: SETTINGS_SHEET, visible: false }];
    });
  }
}

interface SheetsRead {
  list: SheetEntry[];
  reads: { sheet: string; values: unknown[][]; types: string[][]; rowIndex: number; columnIndex: number; merges: MergeRange[] }[];
}

type Done = DoneOf<Prepared>;

interface Prepared {
  sheets: SheetEntry[];
  ops: PlanOp[];
  state: Map<string, CellState>;
  targets: ReturnType<typeof planTargets>;
  columns: Map<string, number | null>;
  standardWidths: Map<string, number>;
  notesAsSheet: number;
  marker: WritePlan['marker'];
}

/** A written value as Excel will hold it (what a later read gives back). */
function normaliseContent(c: CellContent): CellContent {
  if (c === '' ) return null;
  if (c !== null && typeof c === 'object' && 'formula' in c) {
    return { formula: c.formula.replace(/^=/, ''), ...(c.result !== undefined && c.result !== null ? { result: c.result } : {}) };
  }
  return c;
}

function columnATexts(cells: (unknown[] | undefined)[]): string[] {
  const out: string[] = [];
  for (const row of cells) {
    const v = row?.[0];
    if (v === null || v === undefined || v === '') continue;
    out.push(String(v));
  }
  return out;
}
