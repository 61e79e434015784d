/// <reference types="office-js" />
// The Excel host: WorkbookHost over the Excel JavaScript API (Office.js).
//
// Round trips (context.sync calls), none of which grows with sheets, rows, cells or findings:
//   create                     0   (the features come from isSetSupported, no batch)
//   readWorkbook / readGrids   1   every wanted sheet's used range (values, types, merges), the
//                                  journal and the settings, in one batch (+1 the first time:
//                                  the sheet list)
//   applyPlan                  2   prepare: what the touched cells hold now (for the journal),
//                                  protection, threaded comments, the defined names when sheets
//                                  come or go (juesuan's created-sheet markers, ../markers);
//                                  commit: the journal, then the plan's writes (a created sheet
//                                  with its marker and print layout)
//   undoLast, clearHighlights  2   prepare: the journal (checked: a sheet it lists as created
//                                  must carry the marker); commit: the revert, then the journal
//   select, saveSettings       1
// Exceptions, each only where the workbook is out of the ordinary: a plan whose request would
// pass Excel on the web's 5 MB limit is written in as few syncs as fit (./requests); threaded
// comments on cells the plan would note cost 1 more; a sheet with more than 512 merged areas is
// read apart (./merges); a response over 5 MB is read a sheet at a time.
// The host remembers the sheet list (and the journal) from its last batch and checks it inside
// the next one; only when the workbook changed under it (a sheet added, renamed or deleted, the
// journal rewritten by an Excel undo) does it spend one more round trip to catch up.
import type { Grid, MergeRange } from '../../core/grid';
import { address } from '../../core/grid';
import type { NarrativeSettings } from '../../core/narrative';
import { JOURNAL_SHEET, isNoChange, journalChunks, planTargets, rangeAddresses } from '../../core/plan';
import { columnATexts, normaliseContent, toInput } from '../cells';
import type { CellPart, Journal, PlanOp, WritePlan } from '../../core/plan';
import { cellKey } from '../../core/plan';
import type { ApplyOptions, ApplyResult, HostCapabilities, RevertResult, WorkbookHost, WorkbookSnapshot } from '../host';
import {
  FINDINGS_SHEET,
  HostError,
  SETTINGS_SHEET,
  hiddenSheetMessage,
  isPrivateSheet,
  parseSettings,
  resolvePlanOps,
  serializeSettings,
} from '../host';
import { applyMade, applyResult, entryFor, findSheet, parseJournalOrEmpty, revertAction, revertResult } from '../journal-state';
import type { CellState, Done as DoneOf, EntryRules, Made } from '../journal-state';
import { notesToSheet } from '../findingsSheet';
import type { ExistingSheet } from '../findingsSheet';
import { assertMadeUsable, markersToAdd, markersToRemove, MARKER_COMMENT, needsNames } from '../markers';
import type { DefinedName } from '../markers';
import { officeErrorCode, toHostError } from './errors';
import { mergesApart } from './merges';
import { queueExcelPageOp } from './page';
import { LOAD_BYTES, RequestBudget, opBytes, textBytes, textRuns } from './requests';
import { detectFeatures } from './support';
import type { ExcelFeatures } from './support';
import { charsToPoints, normaliseColor, parseAreasAddress, placeValues, pointsToChars, toCellContent } from './values';

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
  veryHidden: boolean;
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
  vertical: true,
  sizeChanged: (was, now) => now === null || was === null || Math.abs(now - was) > 0.01,
};

const VERTICAL: Record<string, 'top' | 'center' | 'bottom'> = { Top: 'top', Center: 'center', Bottom: 'bottom' };
const VERTICAL_INPUT = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

function sheetEntries(items: Excel.Worksheet[]): SheetEntry[] {
  return items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible', veryHidden: ws.visibility === 'VeryHidden' }));
}

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

  /**
   * A host for this Excel. No round trip: the first read brings the sheet list with it, so
   * opening the pane (its settings) costs 2 in all.
   */
  static async create(runtime: ExcelRuntime = officeRuntime()): Promise<ExcelHost> {
    return new ExcelHost(runtime);
  }

  capabilities(): HostCapabilities {
    return { notes: this.features.notes, mergedUndo: this.features.mergeUndoGroup, selectCells: true, download: false };
  }

  // ---- batches -------------------------------------------------------------------------------

  private batch = <T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const options: Excel.RunOptions = {};
    if (this.features.delayForCellEdit) options.delayForCellEdit = true;
    if (this.features.mergeUndoGroup) options.mergeUndoGroup = true;
    return this.runtime.run(fn, Object.keys(options).length > 0 ? options : undefined);
  };

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
    throw toHostError(last instanceof Stale ? new HostError('工作簿在操作过程中不断变化，请稍候再试。', undefined, 'busy') : last);
  }

  private async loadSheetList(): Promise<SheetEntry[]> {
    const list = await this.batch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      return sheetEntries(sheets.items);
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
      const read = await this.readAll(targets);
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

  /**
   * Every target sheet in one batch. Excel on the web answers at most 5 MB per round trip: a
   * workbook too big for one is read a sheet at a time. A sheet with more than 512 merged areas
   * fails the batch's merged-area command: then values come without merges and each sheet's
   * merges are read apart (./merges). Only then do the round trips follow the sheets.
   */
  private async readAll(targets: SheetEntry[]): Promise<SheetsRead> {
    try {
      return await this.readSheets(targets, this.features.merges);
    } catch (e) {
      const code = officeErrorCode(e);
      if (code === 'ResponsePayloadSizeLimitExceeded' && targets.length >= 2) {
        let read: SheetsRead = { list: [], reads: [] };
        for (const t of targets) {
          const one = await this.readAll([t]);
          read = { list: one.list, reads: [...read.reads, ...one.reads] };
        }
        return read;
      }
      if (!this.features.merges || code === 'ItemNotFound' || code === 'ResponsePayloadSizeLimitExceeded') throw e;
      const read = await this.readSheets(targets, false);
      for (const r of read.reads) {
        if (isPrivateSheet(r.sheet) || r.values.length === 0) continue;
        r.merges = await mergesApart(this.batch, r.sheet, { top: r.rowIndex, bottom: r.rowIndex + r.values.length - 1 });
      }
      return read;
    }
  }

  /** One batch: the sheet list and, for each target sheet, its used range and merged areas. */
  private async readSheets(targets: SheetEntry[], merges: boolean): Promise<SheetsRead> {
    return this.batch(async (context) => {
      const list = context.workbook.worksheets;
      list.load('items/name,items/visibility');
      const reads = targets.map((s) => {
        const ws = list.getItem(s.name);
        const used = ws.getUsedRange(true);
        used.load('values,valueTypes,rowIndex,columnIndex');
        let merged: Excel.RangeAreas | undefined;
        if (merges && !isPrivateSheet(s.name)) {
          merged = ws.getUsedRange(false).getMergedAreasOrNullObject();
          merged.load('address');
        }
        return { sheet: s.name, used, merged };
      });
      await context.sync();
      return {
        list: sheetEntries(list.items),
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
    return revertResult(await this.runPlan(revertAction('undo')));
  }

  async clearHighlights(): Promise<RevertResult> {
    return revertResult(await this.runPlan(revertAction('clear')));
  }

  /**
   * One write action in two round trips. The plan is made from the journal as the host last saw
   * it; the prepare sync reads the journal again with the touched cells, and if it differs (an
   * Excel undo, another window) the action starts over with the fresh one. A batch is not a
   * transaction (the commands before a failing one stay applied), so a forward action writes its
   * journal entry first and a revert removes its entry last: whatever happens, 撤销 can still
   * take back every cell written.
   */
  private async runPlan(make: (journal: Journal) => Made | undefined): Promise<Done | undefined> {
    return this.withSheets(async (sheets) =>
      this.batch(async (context) => {
        const journal = parseJournalOrEmpty(this.journalChunks ?? []);
        const made = make(journal);
        const plan = made?.plan ?? { marker: { action: 'highlight' as const }, ops: [] };
        // notes may turn into a 审核结果 sheet to create (known only after the prepare sync): its marker needs the names too
        const withNames = needsNames(made) || plan.ops.some((o) => o.kind === 'note');
        const prep = await this.prepare(context, sheets, plan, withNames);
        if (!made) return undefined;
        assertMadeUsable(
          made,
          prep.names,
          prep.sheets.map((s) => s.name),
        );
        const entry = entryFor(prep, ENTRY_RULES);
        if (made.skipWhenUnchanged && isNoChange(entry)) return { entry, prep, committed: false, action: made.action };
        const next = made.next(entry);
        try {
          await this.commit(context, prep, next, plan.marker.revert === true);
        } catch (e) {
          this.journalChunks = undefined; // the journal may or may not have been written: read it again
          throw e;
        }
        this.afterCommit(prep, next, plan.marker.revert === true);
        return { entry, prep, committed: true, action: made.action };
      }),
    );
  }

  /** The prepare half of applyPlan: loads what the touched cells hold now; one sync (more only for a very large plan). */
  private async prepare(context: Excel.RequestContext, sheets: SheetEntry[], plan: WritePlan, withNames: boolean): Promise<Prepared> {
    const revert = plan.marker.revert === true;
    let ops = resolvePlanOps(
      sheets.map((s) => s.name),
      plan.ops,
      revert,
    );
    // Without notes there are no notes to put back; without ExcelApi 1.9 no print layout.
    if (revert && !this.features.notes) ops = ops.filter((o) => o.kind !== 'note');
    if (!this.features.pageLayout) ops = ops.filter((o) => o.kind !== 'pageSetup' && o.kind !== 'printTitles' && o.kind !== 'rowBreaks');
    const budget = new RequestBudget(context);
    const list = context.workbook.worksheets;
    list.load('items/name,items/visibility');
    const journalRange = findSheet(sheets, JOURNAL_SHEET) ? list.getItem(JOURNAL_SHEET).getUsedRange(true).load('values') : undefined;
    // workbook-scoped names (Workbook.names, 1.1; NamedItem.formula, 1.7)
    const nameItems = withNames ? context.workbook.names.load('items/name,items/formula') : undefined;

    // Without notes, a highlight's messages go to the 审核结果 sheet: read what it holds now.
    const noted = ops.some((o) => o.kind === 'note');
    const findingsEntry = findSheet(sheets, FINDINGS_SHEET);
    let findings = !this.features.notes && noted && findingsEntry ? this.loadFindingsSheet(list, findingsEntry.name, plan, ops) : undefined;

    // Threaded comments on sheets the plan notes: a cell with one cannot take a note.
    const commented = this.features.notes && noted ? this.loadThreadedComments(list, ops) : [];

    // What the plan (before the fallback) touches; the fallback's own cells come from `findings`.
    const targets = planTargets({ marker: plan.marker, ops: ops.filter((o) => o.kind !== 'note' || this.features.notes) });
    const protection = this.loadProtection(context, list, sheets, ops, targets, revert);
    const loads: ReturnType<ExcelHost['loadCell']>[] = [];
    for (const t of targets.cells) {
      await budget.spend(LOAD_BYTES);
      loads.push(this.loadCell(list, t.sheet, t.address, t.parts));
    }
    const columnLoads = targets.columns.map((c) => {
      const ws = list.getItem(c.sheet);
      const fmt = ws.getRange(`${c.column}:${c.column}`).format.load('columnWidth');
      ws.load('standardWidth');
      return { ...c, fmt, ws };
    });
    const rowLoads = targets.rows.map((r) => ({
      ...r,
      fmt: list.getItem(r.sheet).getRange(`${r.row}:${r.row}`).format.load('rowHeight,useStandardHeight'),
    }));

    await budget.flush();

    const fresh = sheetEntries(list.items);
    this.sheets = fresh;
    if (!ExcelHost.sameList(fresh, sheets)) throw new Stale();
    const chunks = journalRange ? columnATexts(placeValues(journalRange.values as unknown[][], undefined, 0, 0)) : [];
    const known = this.journalChunks ?? [];
    this.journalChunks = chunks;
    if (chunks.join('') !== known.join('')) throw new Stale();
    protection.check();

    // Cells with a threaded comment: their notes go to the 审核结果 sheet (one more sync, only then).
    const blocked = await this.threadedCells(context, commented);
    if (blocked.size > 0 && !findings && findingsEntry) {
      findings = this.loadFindingsSheet(list, findingsEntry.name, plan, ops);
      await context.sync();
    }

    const state = new Map<string, CellState>();
    for (const l of loads) state.set(cellKey(l.sheet, l.address), l.read());
    const columns = new Map<string, number | null>();
    const standardWidths = new Map<string, number>();
    for (const c of columnLoads) {
      columns.set(`${c.sheet}!${c.column}`, pointsToChars(c.fmt.columnWidth));
      standardWidths.set(c.sheet, c.ws.standardWidth);
    }
    const rows = new Map<string, number | null>();
    for (const r of rowLoads) rows.set(`${r.sheet}!${r.row}`, r.fmt.useStandardHeight === true ? null : r.fmt.rowHeight);

    let notesAsSheet = 0;
    const moves = this.features.notes ? (op: { sheet: string; address: string }) => blocked.has(cellKey(op.sheet, op.address)) : () => true;
    if (revert && blocked.size > 0)
      ops = ops.filter((o) => o.kind !== 'note' || !moves(o)); // nothing to put back there
    else if (noted && (!this.features.notes || blocked.size > 0)) {
      const existing = findings?.read();
      const moved = notesToSheet(ops, existing, moves);
      ops = moved.ops;
      notesAsSheet = moved.rows;
      if (existing && findings) {
        // the cells the fallback writes on the existing sheet: their state before is what it holds
        for (const l of findings.loads) state.set(cellKey(l.sheet, l.address), { ...state.get(cellKey(l.sheet, l.address)), ...l.read() });
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
    const names: DefinedName[] = (nameItems?.items ?? []).map((n) => ({ name: n.name, reference: String(n.formula ?? '') }));
    return { sheets: fresh, ops, state, targets: finalTargets, columns, rows, standardWidths, notesAsSheet, marker: plan.marker, names };
  }

  /** The 审核结果 sheet's contents and the format state of the cells the fallback formats. */
  private loadFindingsSheet(list: Excel.WorksheetCollection, name: string, plan: WritePlan, ops: PlanOp[]) {
    const range = list.getItem(name).getUsedRange(true).load('formulas,values,valueTypes,rowIndex,columnIndex');
    const formats = planTargets({
      marker: plan.marker,
      ops: notesToSheet(ops, { cells: new Map() }).ops.filter((o) => o.kind === 'format'),
    });
    const loads = formats.cells.map((t) => this.loadCell(list, name, t.address, t.parts));
    return {
      loads,
      read(): ExistingSheet {
        const existing: ExistingSheet = { cells: new Map() };
        const f = range.formulas as unknown[][];
        const v = range.values as unknown[][];
        const t = range.valueTypes as string[][];
        f.forEach((row, r) =>
          row.forEach((formula, c) => {
            const content = toCellContent(formula, v[r][c], t[r][c]);
            if (content !== null) existing.cells.set(address(range.rowIndex + r, range.columnIndex + c), content);
          }),
        );
        return existing;
      },
    };
  }

  /**
   * The threaded comments of each sheet the plan puts notes on (Worksheet.comments, ExcelApi
   * 1.10, @types/office-js index.d.ts:37268). Excel keeps a threaded comment and a note apart: a
   * cell holds one or the other ("The difference between threaded comments and notes"), so a
   * note cannot be added where a comment is.
   */
  private loadThreadedComments(list: Excel.WorksheetCollection, ops: PlanOp[]): { sheet: string; comments: Excel.CommentCollection }[] {
    if (!this.features.threadedComments) return [];
    const sheets = new Map<string, string>();
    for (const op of ops) if (op.kind === 'note' && op.text) sheets.set(lower(op.sheet), op.sheet);
    return [...sheets.values()].map((sheet) => ({ sheet, comments: list.getItem(sheet).comments.load('items/id') }));
  }

  /** The cells (by cellKey) holding a threaded comment; one sync when there are comments at all. */
  private async threadedCells(
    context: Excel.RequestContext,
    commented: { sheet: string; comments: Excel.CommentCollection }[],
  ): Promise<Set<string>> {
    const located = commented.flatMap(({ sheet, comments }) => comments.items.map((c) => ({ sheet, at: c.getLocation().load('address') })));
    const out = new Set<string>();
    if (located.length === 0) return out;
    await context.sync();
    for (const { sheet, at } of located) out.add(cellKey(sheet, at.address.replace(/^.*!/, '').replace(/\$/g, '')));
    return out;
  }

  /**
   * Whether a sheet the plan writes is protected (WorksheetProtection.protected, ExcelApi 1.2) or,
   * when sheets are added or deleted, the workbook structure (WorkbookProtection.protected, 1.7):
   * checked with the prepare sync, before anything is written.
   */
  private loadProtection(
    context: Excel.RequestContext,
    list: Excel.WorksheetCollection,
    sheets: SheetEntry[],
    ops: PlanOp[],
    targets: ReturnType<typeof planTargets>,
    revert: boolean,
  ) {
    const written = new Map<string, string>();
    for (const t of [...targets.cells, ...targets.columns, ...targets.rows]) {
      const entry = findSheet(sheets, t.sheet);
      if (entry) written.set(lower(entry.name), entry.name);
    }
    if (ops.some((o) => o.kind === 'note') && !this.features.notes) {
      const entry = findSheet(sheets, FINDINGS_SHEET);
      if (entry) written.set(lower(entry.name), entry.name);
    }
    const sheetLoads = [...written.values()].map((name) => ({ name, protection: list.getItem(name).protection.load('protected') }));
    const structural = revert || ops.some((o) => o.kind === 'createSheet' || o.kind === 'deleteSheet') || !findSheet(sheets, JOURNAL_SHEET);
    const book = structural ? context.workbook.protection.load('protected') : undefined;
    return {
      check(): void {
        for (const s of sheetLoads) {
          if (s.protection.protected) {
            throw new HostError(`工作表“${s.name}”受保护，无法写入。请在“审阅”选项卡中撤销工作表保护后再试。`, undefined, 'protected');
          }
        }
        if (book?.protected) {
          throw new HostError('工作簿结构受保护，无法新建或删除工作表。请在“审阅”选项卡中撤销工作簿保护后再试。', undefined, 'protected');
        }
      },
    };
  }

  /** Queues the loads of the given parts of one cell; read() gives its state after the sync. */
  private loadCell(list: Excel.WorksheetCollection, sheet: string, address: string, parts: CellPart[]) {
    const ws = list.getItem(sheet);
    const range = ws.getRange(address);
    const has = (p: CellPart) => parts.includes(p);
    if (has('value')) range.load('formulas,values,valueTypes');
    const fill = has('fill') ? range.format.fill.load(this.features.fillPattern ? 'color,pattern' : 'color') : undefined;
    const font = has('font') ? range.format.font.load('bold') : undefined;
    const format = has('alignment') ? range.format.load('wrapText,verticalAlignment') : undefined;
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
        if (format) {
          const vertical = VERTICAL[String(format.verticalAlignment)];
          s.alignment = { wrap: format.wrapText === true, ...(vertical ? { vertical } : {}) };
        }
        if (note) s.note = { text: note.isNullObject ? null : String(note.content ?? '') };
        else if (has('note')) s.note = { text: null };
        return s;
      },
    };
  }

  /**
   * Writes the journal (forward: first; revert: last) and the plan's ops, in as few syncs as keep
   * each request under Excel on the web's 5 MB (one for the usual plan).
   */
  private async commit(context: Excel.RequestContext, prep: Prepared, journal: Journal | undefined, revert: boolean): Promise<void> {
    const list = context.workbook.worksheets;
    const created = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => created.get(lower(name)) ?? list.getItem(name);
    const notes = new Map<string, boolean>(); // does the cell have a note now (as the batch goes)
    for (const [key, s] of prep.state) if (s.note) notes.set(key, s.note.text !== null);

    const budget = new RequestBudget(context);
    const names = context.workbook.names;
    const markers = { add: markersToAdd(prep.names, prep.ops), remove: markersToRemove(prep.names, prep.ops) };
    const writeJournal = async () => {
      if (!journal) return;
      const chunks = journalChunks(journal);
      const ws = this.journalSheet(list, prep.sheets, chunks);
      if (!ws) return;
      // the journal's rows in runs that each fit a request (a big 填表 journal passes 5 MB)
      let row = 0;
      for (const run of textRuns(chunks)) {
        await budget.spend(textBytes(run));
        const range = ws.getRange(`A${row + 1}:A${row + run.length}`);
        range.numberFormat = run.map(() => ['@']);
        range.values = run.map((c) => [c]);
        row += run.length;
      }
      const old = this.journalChunks?.length ?? 0;
      if (old > chunks.length) ws.getRange(`A${chunks.length + 1}:A${old}`).clear('Contents');
    };
    if (!revert) await writeJournal();
    for (const op of prep.ops) {
      await budget.spend(opBytes(op));
      this.queueOp(op, { list, prep, created, sheet, notes, names, markers });
    }
    if (revert) await writeJournal();
    await budget.flush();
  }

  /** Queues one plan op. Every op kind has its case: a new kind does not compile until it has one. */
  private queueOp(op: PlanOp, at: CommitState): void {
    const { list, prep, created, sheet, notes, names, markers } = at;
    switch (op.kind) {
      case 'createSheet': {
        const ws = list.add(op.sheet);
        created.set(lower(op.sheet), ws);
        const marker = markers.add.get(lower(op.sheet));
        if (marker) names.add(marker, ws.getRange('A1'), MARKER_COMMENT); // NamedItemCollection.add, ExcelApi 1.4
        break;
      }
      case 'deleteSheet':
        // the marker first: a name outlives its sheet in Excel (its formula turns to #REF!)
        for (const marker of markers.remove.get(lower(op.sheet)) ?? []) names.getItem(marker).delete();
        deleteSheet(sheet(op.sheet), findSheet(prep.sheets, op.sheet));
        created.delete(lower(op.sheet));
        break;
      case 'value': {
        const range = sheet(op.sheet).getRange(op.address);
        const input = toInput(op.value);
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
        if (op.vertical !== undefined) format.verticalAlignment = VERTICAL_INPUT[op.vertical];
        break;
      }
      case 'columnWidth': {
        const chars = op.width ?? prep.standardWidths.get(op.sheet) ?? 8.43;
        sheet(op.sheet).getRange(`${op.column}:${op.column}`).format.columnWidth = charsToPoints(chars);
        break;
      }
      case 'rowHeight': {
        const format = sheet(op.sheet).getRange(`${op.row}:${op.row}`).format;
        if (op.height === null) format.useStandardHeight = true;
        else format.rowHeight = op.height;
        break;
      }
      case 'pageSetup':
      case 'printTitles':
      case 'rowBreaks':
        queueExcelPageOp(sheet(op.sheet), op); // only on sheets this plan creates (resolvePlanOps)
        break;
      default: {
        const never: never = op;
        throw new HostError(`内部错误：未知的写入操作 ${JSON.stringify(never)}。请把问题反馈给维护人员。`, undefined, 'internal');
      }
    }
  }

  /** The journal sheet to write `chunks` to (added very hidden when new); none: it is deleted. */
  private journalSheet(list: Excel.WorksheetCollection, sheets: SheetEntry[], chunks: string[]): Excel.Worksheet | undefined {
    const entry = findSheet(sheets, JOURNAL_SHEET);
    if (chunks.length === 0) {
      if (entry) deleteSheet(list.getItem(JOURNAL_SHEET), entry);
      return undefined;
    }
    if (entry) return list.getItem(JOURNAL_SHEET);
    const ws = list.add(JOURNAL_SHEET);
    ws.visibility = 'VeryHidden';
    return ws;
  }

  /** Keeps the cached sheet list and journal in step with what the batch just did (in its order). */
  private afterCommit(prep: Prepared, journal: Journal | undefined, revert: boolean): void {
    let sheets = [...prep.sheets];
    const chunks = journal ? journalChunks(journal) : undefined;
    const journalStep = () => {
      if (!chunks) return;
      const had = sheets.some((s) => s.name === JOURNAL_SHEET);
      if (chunks.length === 0) sheets = sheets.filter((s) => s.name !== JOURNAL_SHEET);
      else if (!had) sheets.push({ name: JOURNAL_SHEET, visible: false, veryHidden: true });
      this.journalChunks = chunks;
    };
    if (!revert) journalStep();
    for (const op of prep.ops) {
      if (op.kind === 'createSheet') sheets.push({ name: op.sheet, visible: true, veryHidden: false });
      if (op.kind === 'deleteSheet') sheets = sheets.filter((s) => lower(s.name) !== lower(op.sheet));
    }
    if (revert) journalStep();
    this.sheets = sheets;
  }

  // ---- selection and settings ----------------------------------------------------------------

  async select(sheet: string, addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    await this.withSheets(async (sheets) => {
      const entry = findSheet(sheets, sheet);
      if (!entry) throw new HostError(`找不到工作表“${sheet}”，它可能已被重命名或删除。请再点一次“检查”。`, undefined, 'missingSheet');
      // Excel cannot show a hidden sheet: activate and select fail on it (the list says which are)
      if (!entry.visible) throw new HostError(hiddenSheetMessage(entry.name), undefined, 'hiddenSheet');
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
      if (!exists) this.sheets = [...sheets, { name: SETTINGS_SHEET, visible: false, veryHidden: true }];
    });
  }
}

/**
 * Queues a sheet's deletion. Worksheet.delete fails with InvalidOperation on a very hidden sheet
 * (@types/office-js index.d.ts:37511; office-js issue #365): such a sheet (the journal) is made
 * hidden first, in the same batch.
 */
function deleteSheet(ws: Excel.Worksheet, entry: SheetEntry | undefined): void {
  if (entry?.veryHidden) ws.visibility = 'Hidden';
  ws.delete();
}

interface CommitState {
  list: Excel.WorksheetCollection;
  prep: Prepared;
  created: Map<string, Excel.Worksheet>;
  sheet: (name: string) => Excel.Worksheet;
  notes: Map<string, boolean>;
  names: Excel.NamedItemCollection;
  /** Created-sheet markers to add and to delete, by sheet (lower case). */
  markers: { add: Map<string, string>; remove: Map<string, string[]> };
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
  rows: Map<string, number | null>;
  standardWidths: Map<string, number>;
  notesAsSheet: number;
  marker: WritePlan['marker'];
  /** The workbook's defined names (loaded only when sheets come or go, or a checked entry lists some). */
  names: DefinedName[];
}
