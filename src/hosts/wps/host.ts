// The WPS host: WorkbookHost over the WPS 表格 JSAPI (window.Application, a synchronous object
// model after Excel VBA's). Every property access and method call is a round trip into WPS, so
// the host counts them like the Excel host counts syncs, and none grows with the cells:
//
//   select            8                      ActiveWorkbook, Sheets, Item(name), Name, Visible,
//                                            Activate, Range, Select
//   every other       3 + 3 per sheet        the sheet list (ActiveWorkbook, Sheets, Count;
//   operation                                Item, Name, Visible of each sheet) and, when there
//                                            is one, the journal (UsedRange, Address, Value2)
//   read              + 3 per sheet read     UsedRange, Address, Value2 — one Value2 per sheet,
//                     + merged areas         1 per sheet (MergeCells) + 4 per merged area
//                                            (see ./merges)
//   apply a plan      + reads                values: one Formula + Value2 per sheet (its
//                                            bounding box); fills, bold, wrap, widths, heights:
//                                            one union read per address chunk, halved where
//                                            the cells differ (./probe); comments: Count + 4
//                                            per existing comment on a sheet the plan comments
//                     + writes               one Value2/Formula per rectangle of values, one
//                                            Interior per colour group, one Font/WrapText/
//                                            VerticalAlignment per format group, one width per
//                                            width group, one height per height group (each
//                                            per 255-character address chunk), one
//                                            ClearComments per chunk, one AddComment per note
//                                            (WPS has no bulk comment call), the journal in 3
//
// The journal (what each action overwrote) lives in the very hidden `_juesuan_journal` sheet in
// the format every host shares, so 清除标记 and 撤销 work the same after a save and reopen, and
// across hosts. A forward action writes its journal entry first and then the cells, so an action
// that fails half way is still undone completely by 撤销.
import type { Grid } from '../../core/grid';
import { address as cellAddress, parseAddress } from '../../core/grid';
import type { NarrativeSettings } from '../../core/narrative';
import {
  JOURNAL_SHEET,
  cellKey,
  isNoChange,
  journalChunks,
  planTargets,
  rangeAddresses,
  rangeText,
} from '../../core/plan';
import type { Bounds, CellContent, CellPart, Journal, PlanOp, WritePlan } from '../../core/plan';
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
import { notesToSheet } from '../excel/findingsSheet';
import type { ExistingSheet } from '../excel/findingsSheet';
import type { WpsApplication, WpsRange, WpsScalar, WpsWorkbook, WpsWorksheet } from './api';
import { xlNone, xlSheetVeryHidden, xlSheetVisible, xlVAlignBottom, xlVAlignCenter, xlVAlignTop } from './api';
import { parseAddressList, rectangles } from './address';
import type { RowCol } from './address';
import { NO_WORKBOOK, toHostError } from './errors';
import { MergeFinder, addressText } from './merges';
import type { MergeStrategy } from './merges';
import { MIXED, cellChunks, columnChunks, groupBy, probe, rowChunks } from './probe';
import type { Mixed } from './probe';
import {
  as2D,
  bgrToHex,
  hexToBgr,
  isMergedPlaceholder,
  normaliseContent,
  placeValues,
  toCellContent,
  toInput,
} from './values';

export { wpsApplication } from './app';

export interface WpsHostOptions {
  /** Shown in the task pane. */
  label?: string;
  /**
   * Finding messages in cell comments (Range.AddComment). Default: detected from the object
   * model; without it they go to a 审核结果 sheet.
   */
  notes?: boolean;
  /** How merged areas are found (default 'find'; the host falls back to 'halve' by itself). */
  merges?: MergeStrategy;
}

type Vertical = 'top' | 'center' | 'bottom';

interface SheetEntry {
  name: string;
  visible: boolean;
  ws: WpsWorksheet;
}

/** What every operation starts from: the workbook, its sheets, the journal. */
interface Context {
  wb: WpsWorkbook;
  sheets: SheetEntry[];
  journal: Journal;
  /** Rows of the journal sheet's column A that hold text (to clear the rest on rewrite). */
  journalRows: number;
}

interface Prepared {
  ops: PlanOp[];
  state: Map<string, CellState>;
  columns: Map<string, number | null>;
  rows: Map<string, number | null>;
  targets: ReturnType<typeof planTargets>;
  notesAsSheet: number;
  marker: WritePlan['marker'];
}

type Done = DoneOf<Prepared>;

/** How WPS holds what a plan writes (for the journal entry of a prepared plan). */
const ENTRY_RULES: EntryRules = {
  value: (c) => (isMergedPlaceholder(c) ? undefined : normaliseContent(c)),
  color: (c) => bgrToHex(hexToBgr(c)),
  vertical: true,
  sizeChanged: (was, now) => !sameSize(was, now),
};

const lower = (s: string) => s.toLowerCase();

const VERTICAL: Record<number, Vertical> = { [xlVAlignTop]: 'top', [xlVAlignCenter]: 'center', [xlVAlignBottom]: 'bottom' };
const VERTICAL_CODE: Record<Vertical, number> = { top: xlVAlignTop, center: xlVAlignCenter, bottom: xlVAlignBottom };

export class WpsHost implements WorkbookHost {
  readonly kind = 'wps' as const;
  readonly label: string;
  private notes?: boolean;
  private mergeStrategy: MergeStrategy;

  constructor(private readonly app: WpsApplication, options: WpsHostOptions = {}) {
    this.label = options.label ?? 'WPS 表格';
    this.notes = options.notes;
    this.mergeStrategy = options.merges ?? 'find';
  }

  capabilities(): HostCapabilities {
    return { notes: this.notes !== false, mergedUndo: false, selectCells: true, download: false };
  }

  /** How merged areas are found now ('halve' once this WPS turned out not to search by format). */
  get merges(): MergeStrategy {
    return this.mergeStrategy;
  }

  // ---- the workbook ----------------------------------------------------------------------

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw toHostError(e);
    }
  }

  private workbook(): WpsWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new HostError(NO_WORKBOOK);
    return wb;
  }

  private context(withJournal = true): Context {
    const wb = this.workbook();
    const list = wb.Sheets;
    const n = list.Count;
    const sheets: SheetEntry[] = [];
    for (let i = 1; i <= n; i++) {
      const ws = list.Item(i);
      sheets.push({ name: String(ws.Name), visible: isVisible(ws.Visible), ws });
    }
    const journalSheet = withJournal ? findSheet(sheets, JOURNAL_SHEET) : undefined;
    let texts: string[] = [];
    if (journalSheet) texts = columnATexts(this.readUsed(journalSheet.ws).cells);
    return { wb, sheets, journal: parseJournalOrEmpty(texts), journalRows: texts.length };
  }

  /** A sheet's used range: its position, its values (one Value2 call) and the range itself. */
  private readUsed(ws: WpsWorksheet): { used: WpsRange; bounds: Bounds; cells: Grid['cells'] } {
    const used = ws.UsedRange;
    const [bounds] = parseAddressList(addressText(used));
    const b = bounds ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const values = as2D(used.Value2, b.bottom - b.top + 1, b.right - b.left + 1);
    return { used, bounds: b, cells: placeValues(values, b.top, b.left) };
  }

  /** Whether cell comments work here (Range.AddComment and Worksheet.Comments). */
  private notesSupported(ctx: Context): boolean {
    if (this.notes === undefined) {
      const ws = ctx.sheets[0]?.ws;
      const r = ws?.Range('A1');
      this.notes = !!r && typeof (r as unknown as { AddComment?: unknown }).AddComment === 'function';
    }
    return this.notes;
  }

  // ---- reading ---------------------------------------------------------------------------

  async readGrids(sheetNames?: string[]): Promise<Grid[]> {
    return (await this.readWorkbook(sheetNames)).grids;
  }

  async readWorkbook(sheetNames?: string[]): Promise<WorkbookSnapshot> {
    return this.guard(() => {
      const ctx = this.context();
      const wanted = sheetNames ? new Set(sheetNames.map(lower)) : undefined;
      const finder = new MergeFinder(this.app, this.mergeStrategy);
      const grids: Grid[] = [];
      let settings: Partial<NarrativeSettings> | undefined;
      try {
        for (const s of ctx.sheets) {
          if (s.name === SETTINGS_SHEET) {
            settings = parseSettings(this.readUsed(s.ws).cells[0]?.[0]);
            continue;
          }
          if (isPrivateSheet(s.name)) continue;
          if (wanted && !wanted.has(lower(s.name))) continue;
          const { used, bounds, cells } = this.readUsed(s.ws);
          grids.push({ sheet: s.name, cells, merges: finder.find(s.ws, used, bounds) });
        }
      } finally {
        finder.done();
        this.mergeStrategy = finder.strategy;
      }
      return { grids, journal: ctx.journal, settings };
    });
  }

  // ---- writing ---------------------------------------------------------------------------

  async applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
    return applyResult(this.runPlan((journal) => applyMade(journal, plan, options)));
  }

  async undoLast(): Promise<RevertResult> {
    return revertResult(this.runPlan(undoMade));
  }

  async clearHighlights(): Promise<RevertResult> {
    return revertResult(this.runPlan(clearHighlightsMade));
  }

  private runPlan(make: (journal: Journal) => Made | undefined): Done | undefined {
    return this.guard(() => {
      const ctx = this.context();
      const made = make(ctx.journal);
      if (!made) return undefined;
      const prep = this.prepare(ctx, made.plan);
      const entry = entryFor(prep, ENTRY_RULES);
      if (made.skipWhenUnchanged && isNoChange(entry)) return { entry, prep, committed: false, action: made.action };
      const next = made.next(entry);
      this.commit(ctx, prep, next, made.plan.marker.revert === true);
      return { entry, prep, committed: true, action: made.action };
    });
  }

  /** Reads what the plan's targets hold now (for the journal and to skip what is in place). */
  private prepare(ctx: Context, plan: WritePlan): Prepared {
    const revert = plan.marker.revert === true;
    let ops = resolvePlanOps(ctx.sheets.map((s) => s.name), plan.ops, revert);
    const notes = !ops.some((o) => o.kind === 'note') || this.notesSupported(ctx);
    let notesAsSheet = 0;
    if (!notes) {
      if (revert) ops = ops.filter((o) => o.kind !== 'note'); // nothing was put in comments
      else {
        const entry = findSheet(ctx.sheets, FINDINGS_SHEET);
        let existing: ExistingSheet | undefined;
        if (entry) {
          existing = { cells: new Map() };
          this.readUsed(entry.ws).cells.forEach((row, r) =>
            row?.forEach((v, c) => {
              if (v !== null && v !== undefined && typeof v !== 'object') existing!.cells.set(cellAddress(r, c), v);
            }),
          );
        }
        const moved = notesToSheet(ops, existing);
        ops = moved.ops.map((o) => (entry && o.sheet === FINDINGS_SHEET ? ({ ...o, sheet: entry.name } as PlanOp) : o));
        notesAsSheet = moved.rows;
      }
    }
    const targets = planTargets({ marker: plan.marker, ops });
    this.checkWritable(ctx, ops, targets, revert);

    const state = new Map<string, CellState>();
    const bySheet = new Map<string, { ws: WpsWorksheet; parts: Map<CellPart, RowCol[]> }>();
    for (const t of targets.cells) {
      const entry = findSheet(ctx.sheets, t.sheet);
      if (!entry) continue;
      let s = bySheet.get(entry.name);
      if (!s) bySheet.set(entry.name, (s = { ws: entry.ws, parts: new Map() }));
      const rc = parseAddress(t.address);
      for (const p of t.parts) {
        let list = s.parts.get(p);
        if (!list) s.parts.set(p, (list = []));
        list.push({ row: rc.row, col: rc.col });
      }
      state.set(cellKey(t.sheet, t.address), {});
    }
    const put = (sheet: string, rc: RowCol, fill: (s: CellState) => void) => {
      const k = cellKey(sheet, cellAddress(rc.row, rc.col));
      const s = state.get(k) ?? {};
      fill(s);
      state.set(k, s);
    };
    for (const [sheet, { ws, parts }] of bySheet) {
      const values = parts.get('value');
      if (values) for (const [rc, content] of readContents(ws, values)) put(sheet, rc, (s) => (s.value = content));
      const fills = parts.get('fill');
      if (fills) readCells(ws, fills, readFill, { color: null }, (rc, v) => put(sheet, rc, (s) => (s.fill = v)));
      const bolds = parts.get('font');
      if (bolds) readCells(ws, bolds, (r) => flag(r.Font.Bold), false, (rc, v) => put(sheet, rc, (s) => (s.font = { bold: v })));
      const aligned = parts.get('alignment');
      if (aligned) {
        const wraps = new Map<string, boolean>();
        readCells(ws, aligned, (r) => flag(r.WrapText), false, (rc, v) => wraps.set(`${rc.row},${rc.col}`, v));
        readCells(ws, aligned, readVertical, null as Vertical | null, (rc, v) =>
          put(sheet, rc, (s) => (s.alignment = { wrap: wraps.get(`${rc.row},${rc.col}`) === true, ...(v ? { vertical: v } : {}) })),
        );
      }
      const noted = parts.get('note');
      if (noted) {
        const comments = readComments(ws);
        for (const rc of noted) put(sheet, rc, (s) => (s.note = { text: comments.get(cellAddress(rc.row, rc.col)) ?? null }));
      }
    }

    const columns = new Map<string, number | null>();
    for (const [sheet, cols] of groupTargets(targets.columns.map((c) => [c.sheet, parseAddress(`${c.column}1`).col]))) {
      const ws = findSheet(ctx.sheets, sheet)?.ws;
      if (!ws) continue;
      probe(cols, (ks) => columnChunks(ks), (a) => readSize(ws.Range(a), 'width'), () => null, (c, w) => columns.set(`${sheet}!${colName(c)}`, w));
    }
    const rows = new Map<string, number | null>();
    for (const [sheet, rs] of groupTargets(targets.rows.map((r) => [r.sheet, r.row]))) {
      const ws = findSheet(ctx.sheets, sheet)?.ws;
      if (!ws) continue;
      probe(rs, (ks) => rowChunks(ks), (a) => readSize(ws.Range(a), 'height'), () => null, (r, h) => rows.set(`${sheet}!${r}`, h));
    }
    return { ops, state, columns, rows, targets, notesAsSheet, marker: plan.marker };
  }

  /** Stops before anything is written when a sheet to write, or the workbook structure, is protected. */
  private checkWritable(ctx: Context, ops: PlanOp[], targets: ReturnType<typeof planTargets>, revert: boolean): void {
    const written = new Set<string>();
    for (const t of targets.cells) written.add(t.sheet);
    for (const c of targets.columns) written.add(c.sheet);
    for (const r of targets.rows) written.add(r.sheet);
    for (const name of written) {
      const entry = findSheet(ctx.sheets, name);
      if (entry && entry.ws.ProtectContents === true) {
        throw new HostError(`工作表“${entry.name}”受保护，无法写入。请在“审阅”选项卡中撤销工作表保护后再试。`);
      }
    }
    // new or deleted sheets, the journal sheet to add, or (撤销, 清除标记) perhaps to remove
    const structural = revert || ops.some((o) => o.kind === 'createSheet' || o.kind === 'deleteSheet') || !findSheet(ctx.sheets, JOURNAL_SHEET);
    if (structural && ctx.wb.ProtectStructure === true) {
      throw new HostError('工作簿结构受保护，无法新建或删除工作表。请在“审阅”选项卡中撤销工作簿保护后再试。');
    }
  }

  /** Writes the plan and the journal (forward: journal first; revert: cells first). */
  private commit(ctx: Context, prep: Prepared, journal: Journal | undefined, revert: boolean): void {
    const app = this.app;
    const creates = prep.ops.some((o) => o.kind === 'createSheet') || (journal !== undefined && !findSheet(ctx.sheets, JOURNAL_SHEET) && journalChunks(journal).length > 0);
    const active = creates ? app.ActiveSheet : undefined;
    app.ScreenUpdating = false;
    try {
      if (journal && !revert) this.writeJournal(ctx, journal);
      this.runOps(ctx, prep);
      if (journal && revert) this.writeJournal(ctx, journal);
    } finally {
      try {
        if (active) active.Activate();
      } catch {
        // the sheet that was active is gone (撤销 deleted it): WPS picked another
      }
      app.ScreenUpdating = true;
    }
  }

  private runOps(ctx: Context, prep: Prepared): void {
    const sheets = new Map(ctx.sheets.map((s) => [lower(s.name), s]));
    const created = new Set<string>();
    const sheetOf = (name: string) => sheets.get(lower(name))?.ws;

    // sheets first (new ones after the last sheet of the user's)
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
    }

    // the final value of each cell part, by sheet (a later op on the same cell wins)
    type Final = { value?: CellContent; fill?: string | null; note?: string | null; bold?: boolean; wrap?: boolean; vertical?: Vertical };
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
        default:
          break;
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
      const values = changed((f) => (f.value === undefined ? undefined : normaliseContent(f.value)), (s) => ('value' in s ? s.value ?? null : undefined), null);
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
      writeGroups(ws, changed((f) => f.bold, (s) => s.font?.bold, false), (r, v) => (r.Font.Bold = v));
      writeGroups(ws, changed((f) => f.wrap, (s) => s.alignment?.wrap, false), (r, v) => (r.WrapText = v));
      writeGroups(ws, changed((f) => f.vertical, (s) => (s.alignment ? s.alignment.vertical ?? null : undefined), 'bottom'), (r, v) => (r.VerticalAlignment = VERTICAL_CODE[v]));

      // fills: one Interior per colour group
      writeGroups(ws, changed((f) => f.fill, (s) => (s.fill ? s.fill.color : undefined), null), (r, color) => {
        const bgr = hexToBgr(color);
        if (bgr === null) r.Interior.Pattern = xlNone;
        else r.Interior.Color = bgr;
      });

      // notes: clear the comments that change in one call per chunk, then one AddComment each
      const notes = changed((f) => f.note, (s) => (s.note ? s.note.text : undefined), null);
      const clear = fresh ? [] : notes.filter(([rc]) => (now(cellAddress(rc.row, rc.col)).note?.text ?? null) !== null).map(([rc]) => rc);
      for (const c of cellChunks(clear)) ws.Range(c.text).ClearComments();
      for (const [rc, text] of notes) if (text !== null) ws.Range(cellAddress(rc.row, rc.col)).AddComment(text);
    }

    // column widths and row heights: one call per group of equal sizes
    for (const [sheet, group] of groupTargets(widths.map(([s, c, w]) => [s, [c, w] as [number, number | null]]))) {
      const ws = sheetOf(sheet);
      if (!ws) continue;
      const last = new Map(group);
      const todo = [...last].filter(([c, w]) => created.has(lower(sheet)) ? w !== null : !sameSize(prep.columns.get(`${sheets.get(lower(sheet))!.name}!${colName(c)}`), w));
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
      const todo = [...last].filter(([row, h]) => created.has(lower(sheet)) ? h !== null : !sameSize(prep.rows.get(`${sheets.get(lower(sheet))!.name}!${row}`), h));
      for (const g of groupBy(todo)) {
        for (const chunk of rowChunks(g.keys)) {
          const r = ws.Range(chunk.text);
          if (g.value === null) r.UseStandardHeight = true;
          else r.RowHeight = g.value;
        }
      }
    }

    // sheets to delete last
    const deletes = prep.ops.filter((o) => o.kind === 'deleteSheet');
    if (deletes.length > 0) {
      this.app.DisplayAlerts = false;
      try {
        for (const op of deletes) {
          const entry = sheets.get(lower(op.sheet));
          if (!entry) continue;
          entry.ws.Delete();
          sheets.delete(lower(op.sheet));
          ctx.sheets.splice(ctx.sheets.indexOf(entry), 1);
        }
      } finally {
        this.app.DisplayAlerts = true;
      }
    }
  }

  /** Stores the journal in column A of the very hidden journal sheet (none: the sheet goes). */
  private writeJournal(ctx: Context, journal: Journal): void {
    const chunks = journalChunks(journal);
    const entry = findSheet(ctx.sheets, JOURNAL_SHEET);
    if (chunks.length === 0) {
      if (!entry) return;
      this.app.DisplayAlerts = false;
      try {
        entry.ws.Delete();
      } finally {
        this.app.DisplayAlerts = true;
      }
      ctx.sheets.splice(ctx.sheets.indexOf(entry), 1);
      ctx.journalRows = 0;
      return;
    }
    const ws = entry ? entry.ws : this.addPrivateSheet(ctx, JOURNAL_SHEET);
    const range = ws.Range(`A1:A${chunks.length}`);
    range.NumberFormat = '@';
    range.Value2 = chunks.length === 1 ? chunks[0] : chunks.map((c) => [c]);
    if (ctx.journalRows > chunks.length) ws.Range(`A${chunks.length + 1}:A${ctx.journalRows}`).ClearContents();
    ctx.journalRows = chunks.length;
  }

  /** A very hidden sheet of juesuan's own, after the last sheet. */
  private addPrivateSheet(ctx: Context, name: string): WpsWorksheet {
    const last = ctx.sheets[ctx.sheets.length - 1];
    const list = ctx.wb.Sheets;
    const ws = last ? list.Add(undefined, last.ws) : list.Add();
    ws.Name = name;
    ws.Visible = xlSheetVeryHidden;
    ctx.sheets.push({ name, visible: false, ws });
    return ws;
  }

  // ---- selection and settings ------------------------------------------------------------

  async select(sheet: string, addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    this.guard(() => {
      // straight to the sheet (Sheets.Item takes a name, in any case): a click costs 8 calls
      let ws: WpsWorksheet | undefined;
      try {
        ws = this.workbook().Sheets.Item(sheet);
      } catch (e) {
        if (e instanceof HostError) throw e;
      }
      if (!ws) throw new HostError(`找不到工作表“${sheet}”，它可能已被重命名或删除。请再点一次“检查”。`);
      const name = String(ws.Name);
      if (!isVisible(ws.Visible)) throw new HostError(`工作表“${name}”是隐藏的。请先取消隐藏（右键工作表标签 → 取消隐藏）再点一次。`);
      ws.Activate();
      ws.Range(addresses.join(',')).Select();
    });
  }

  async saveSettings(settings: Partial<NarrativeSettings>): Promise<void> {
    this.guard(() => {
      const ctx = this.context(false);
      const entry = findSheet(ctx.sheets, SETTINGS_SHEET);
      let ws: WpsWorksheet;
      if (entry) ws = entry.ws;
      else {
        if (ctx.wb.ProtectStructure === true) throw new HostError('工作簿结构受保护，无法保存设置。请在“审阅”选项卡中撤销工作簿保护后再试。');
        const active = this.app.ActiveSheet;
        ws = this.addPrivateSheet(ctx, SETTINGS_SHEET);
        try {
          active?.Activate();
        } catch {
          // nothing to go back to
        }
      }
      const a1 = ws.Range('A1');
      a1.NumberFormat = '@';
      a1.Value2 = serializeSettings(settings);
    });
  }
}

// ---- reading cell state ----------------------------------------------------------------------

/** Values (with formulas) of the cells: one Formula and one Value2 of their bounding box. */
function readContents(ws: WpsWorksheet, cells: RowCol[]): [RowCol, CellContent][] {
  const box = {
    top: Math.min(...cells.map((c) => c.row)),
    left: Math.min(...cells.map((c) => c.col)),
    bottom: Math.max(...cells.map((c) => c.row)),
    right: Math.max(...cells.map((c) => c.col)),
  };
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const range = ws.Range(rangeText(box));
  const formulas = as2D(range.Formula, rows, cols);
  const values = as2D(range.Value2, rows, cols);
  return cells.map((rc) => [rc, toCellContent(formulas[rc.row - box.top]?.[rc.col - box.left], values[rc.row - box.top]?.[rc.col - box.left])]);
}

function readCells<T>(ws: WpsWorksheet, cells: RowCol[], read: (r: WpsRange) => T | Mixed, fallback: T, out: (rc: RowCol, v: T) => void): void {
  probe(cells, (ks) => cellChunks(ks), (a) => read(ws.Range(a)), () => fallback, out);
}

function readFill(r: WpsRange): { color: string | null } | Mixed {
  const interior = r.Interior;
  const pattern = interior.Pattern;
  if (pattern === null || pattern === undefined) return MIXED;
  if (pattern === xlNone) return { color: null };
  const color = interior.Color;
  if (color === null || color === undefined) return MIXED;
  return { color: bgrToHex(color) };
}

function readVertical(r: WpsRange): Vertical | null | Mixed {
  const v = r.VerticalAlignment;
  if (v === null || v === undefined) return MIXED;
  return VERTICAL[v] ?? null;
}

function flag(v: boolean | null | undefined): boolean | Mixed {
  return v === null || v === undefined ? MIXED : v === true;
}

/** Column width (characters) or row height (points); null = the sheet's default. */
function readSize(r: WpsRange, what: 'width' | 'height'): number | null | Mixed {
  const standard = what === 'width' ? r.UseStandardWidth : r.UseStandardHeight;
  if (standard === true) return null;
  if (standard === null || standard === undefined) return MIXED;
  const size = what === 'width' ? r.ColumnWidth : r.RowHeight;
  return typeof size === 'number' ? size : MIXED;
}

/** The sheet's comments by cell address: Count, then Item, Parent, Address, Text of each. */
function readComments(ws: WpsWorksheet): Map<string, string> {
  const out = new Map<string, string>();
  const list = ws.Comments;
  const n = list.Count;
  for (let i = 1; i <= n; i++) {
    const c = list.Item(i);
    const [at] = parseAddressList(addressText(c.Parent));
    if (at) out.set(cellAddress(at.top, at.left), String(c.Text() ?? ''));
  }
  return out;
}

function writeGroups<T>(ws: WpsWorksheet, entries: [RowCol, T][], write: (r: WpsRange, v: T) => void): void {
  for (const g of groupBy(entries)) for (const c of cellChunks(g.keys)) write(ws.Range(c.text), g.value);
}

// ---- small helpers ---------------------------------------------------------------------------

function isVisible(v: unknown): boolean {
  return v === xlSheetVisible || v === true;
}

function columnATexts(cells: Grid['cells']): string[] {
  const out: string[] = [];
  for (const row of cells) {
    const v = row?.[0];
    if (v === null || v === undefined || v === '') continue;
    out.push(String(typeof v === 'object' ? v.error : v));
  }
  return out;
}

function groupTargets<V>(pairs: [string, V][]): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const [sheet, v] of pairs) {
    let list = out.get(sheet);
    if (!list) out.set(sheet, (list = []));
    list.push(v);
  }
  return out;
}

function colName(col: number): string {
  return cellAddress(0, col).replace(/\d+$/, '');
}

function sameSize(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 0.01;
}
