// The WPS host: WorkbookHost over the WPS 表格 JSAPI (window.Application, a synchronous object
// model after Excel VBA's). Every property access and method call is a round trip into WPS, so
// the host counts them like the Excel host counts syncs, and none grows with the cells:
//
//   select            8                      ActiveWorkbook, Sheets, Item(name), Name, Visible,
//                                            Activate, Range, Select
//   every other       3 + 3 per sheet        the sheet list (ActiveWorkbook, Sheets, Count;
//   operation                                Item, Name, Visible of each sheet) and, when there
//                                            is one, the journal (read like a sheet)
//   read              + 7 per sheet read     UsedRange, Address, 2 × (Find, Address) for the last
//                                            value cell, Value2 — one Value2 per sheet (+ Range
//                                            when formatted cells reach past the last value),
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
//                                            (WPS has no bulk comment call), the journal in 3,
//                                            a created sheet's print layout (./page: 12, +2
//                                            per row break) and its marker (Names.Add)
//                     + defined names        when sheets come or go, or 撤销 / 清除标记 acts on
//                                            an entry listing created sheets: Names, Count,
//                                            then Item + Name per name (+ RefersTo for
//                                            juesuan's markers, ./read readNames)
//
// The journal (what each action overwrote) lives in the very hidden `_juesuan_journal` sheet in
// the format every host shares, so 清除标记 and 撤销 work the same after a save and reopen, and
// across hosts. A forward action writes its journal entry first and then the cells, so an action
// that fails half way is still undone completely by 撤销.
//
// Split by job: ./read (sheet list, journal, used ranges), ./state (the prepare step: what the
// touched cells hold now), ./commit (the writes); this file ties them to WorkbookHost.
import type { Grid } from '../../core/grid';
import type { NarrativeSettings } from '../../core/narrative';
import { isNoChange } from '../../core/plan';
import type { Journal, WritePlan } from '../../core/plan';
import type { HostCapabilities, WorkbookHost, WorkbookSnapshot, ApplyOptions, ApplyResult, RevertResult } from '../host';
import { HostError, SETTINGS_SHEET, hiddenSheetMessage, isPrivateSheet, parseSettings, serializeSettings } from '../host';
import { applyMade, applyResult, entryFor, findSheet, revertAction, revertResult } from '../journal-state';
import type { Done as DoneOf, EntryRules, Made } from '../journal-state';
import { normaliseContent } from '../cells';
import { assertMadeUsable, needsNames } from '../markers';
import type { WpsApplication, WpsWorksheet } from './api';
import { addPrivateSheet, commit } from './commit';
import { toHostError } from './errors';
import { MergeFinder } from './merges';
import type { MergeStrategy } from './merges';
import type { Context } from './read';
import { activeWorkbook, isVisible, readContext, readNames, readUsed } from './read';
import type { Prepared } from './state';
import { prepare, sameSize } from './state';
import { bgrToHex, hexToBgr, isMergedPlaceholder } from './values';

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

type Done = DoneOf<Prepared>;

/** How WPS holds what a plan writes (for the journal entry of a prepared plan). */
const ENTRY_RULES: EntryRules = {
  value: (c) => (isMergedPlaceholder(c) ? undefined : normaliseContent(c)),
  color: (c) => bgrToHex(hexToBgr(c)),
  vertical: true,
  sizeChanged: (was, now) => !sameSize(was, now),
};

const lower = (s: string) => s.toLowerCase();

export class WpsHost implements WorkbookHost {
  readonly kind = 'wps' as const;
  readonly label: string;
  private notes?: boolean;
  private mergeStrategy: MergeStrategy;

  constructor(
    private readonly app: WpsApplication,
    options: WpsHostOptions = {},
  ) {
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

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw toHostError(e);
    }
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
      const ctx = readContext(this.app);
      const wanted = sheetNames ? new Set(sheetNames.map(lower)) : undefined;
      const finder = new MergeFinder(this.app, this.mergeStrategy);
      const grids: Grid[] = [];
      let settings: Partial<NarrativeSettings> | undefined;
      try {
        for (const s of ctx.sheets) {
          if (s.name === SETTINGS_SHEET) {
            settings = parseSettings(readUsed(s.ws, s.name).cells[0]?.[0]);
            continue;
          }
          if (isPrivateSheet(s.name)) continue;
          if (wanted && !wanted.has(lower(s.name))) continue;
          const { range, bounds, cells } = readUsed(s.ws, s.name);
          grids.push({ sheet: s.name, cells, merges: cells.length === 0 ? [] : finder.find(s.ws, range, bounds) });
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
    return revertResult(this.runPlan(revertAction('undo')));
  }

  async clearHighlights(): Promise<RevertResult> {
    return revertResult(this.runPlan(revertAction('clear')));
  }

  private runPlan(make: (journal: Journal) => Made | undefined): Done | undefined {
    return this.guard(() => {
      const ctx = readContext(this.app);
      const made = make(ctx.journal);
      if (!made) return undefined;
      const sheetNames = ctx.sheets.map((s) => s.name);
      const prep = prepare(ctx, made.plan, () => this.notesSupported(ctx)); // reads only
      const names = needsNames(made, prep.ops) ? readNames(ctx.wb) : [];
      assertMadeUsable(made, names, sheetNames);
      const entry = entryFor(prep, ENTRY_RULES);
      if (made.skipWhenUnchanged && isNoChange(entry)) return { entry, prep, committed: false, action: made.action };
      const next = made.next(entry);
      commit(this.app, ctx, prep, next, made.plan.marker.revert === true, names);
      return { entry, prep, committed: true, action: made.action };
    });
  }

  // ---- selection and settings ------------------------------------------------------------

  async select(sheet: string, addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    this.guard(() => {
      // straight to the sheet (Sheets.Item takes a name, in any case): a click costs 8 calls
      let ws: WpsWorksheet | undefined;
      try {
        ws = activeWorkbook(this.app).Sheets.Item(sheet);
      } catch (e) {
        if (e instanceof HostError) throw e;
      }
      if (!ws) throw new HostError(`找不到工作表“${sheet}”，它可能已被重命名或删除。请再点一次“检查”。`, undefined, 'missingSheet');
      const name = String(ws.Name);
      if (!isVisible(ws.Visible)) throw new HostError(hiddenSheetMessage(name), undefined, 'hiddenSheet');
      ws.Activate();
      ws.Range(addresses.join(',')).Select();
    });
  }

  async saveSettings(settings: Partial<NarrativeSettings>): Promise<void> {
    this.guard(() => {
      const ctx = readContext(this.app, false);
      const entry = findSheet(ctx.sheets, SETTINGS_SHEET);
      let ws: WpsWorksheet;
      if (entry) ws = entry.ws;
      else {
        if (ctx.wb.ProtectStructure === true) {
          throw new HostError('工作簿结构受保护，无法保存设置。请在“审阅”选项卡中撤销工作簿保护后再试。', undefined, 'protected');
        }
        const active = this.app.ActiveSheet;
        ws = addPrivateSheet(ctx, SETTINGS_SHEET);
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
