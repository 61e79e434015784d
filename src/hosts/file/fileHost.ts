// WorkbookHost over an .xlsx in memory (the standalone page, the command line's fill). Reading is
// the fast reader's (the Grids come straight from the file's bytes, as `check` reads them);
// exceljs is loaded only for the first write (填表, 标记, 设置, 撤销, download) and holds the
// workbook from then on, with the journal kept in it by src/hosts/file/apply. What is read after
// a write is still the fast reader's grid, with the cells juesuan's writes changed taken from the
// workbook in memory (./overlay): a cell exceljs reads otherwise (<v>12abc</v> as 12) reads as
// `check` reads it. Saving writes the file's own package with only juesuan's changes
// (./package/writer). Nothing leaves the page: the result is downloaded as a new .xlsx.
import type * as ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { parseAddress } from '../../core/grid';
import type { NarrativeSettings } from '../../core/narrative';
import type { WritePlan } from '../../core/plan';
import { JOURNAL_SHEET, PlanRefusedError, assertJournalEntriesUsable, entriesForClear } from '../../core/plan';
import type { PartialSheet, ReadLimits } from './limits';
import { overlayWrites } from './overlay';
import { loadWriting, type Writing } from './writing-loader';
import { readGrids, ReadGrids } from './reader';
import type { ApplyOptions, ApplyResult, HostCapabilities, RevertResult, WorkbookHost, WorkbookSnapshot } from '../host';
import { HostError, SETTINGS_SHEET, isPrivateSheet, parseSettings, rehighlightPlan, serializeSettings } from '../host';
import { parseJournalOrEmpty } from '../journal-state';

/** ExcelJS.ValueType.Formula (the enum is not imported: this module only needs exceljs's types). */
const FORMULA = 6 as ExcelJS.ValueType;

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HostError) throw e;
    if (e instanceof PlanRefusedError) throw new HostError(e.message, e);
    throw new HostError('写入工作簿时出错，操作没有完成。请重新打开文件后再试。', e);
  }
}

/** Column A of the journal sheet, as the journal is stored (src/hosts/file/apply readJournal). */
function journalChunks(grid: Grid | undefined): string[] {
  const out: string[] = [];
  for (const row of grid?.cells ?? []) if (typeof row?.[0] === 'string') out.push(row[0]);
  return out;
}

export class FileHost implements WorkbookHost {
  readonly kind = 'file' as const;
  /** Set whenever the workbook changes (the page enables the download then). */
  changes = 0;
  private workbook: ExcelJS.Workbook | undefined;
  /** exceljs and the package writer, loaded with `workbook` (./writing-loader). */
  private w!: Writing;
  /** exceljs's grids as loaded, before any write: what tells juesuan's changes from the file's cells. */
  private loadedGrids = new Map<string, Grid>();

  private constructor(
    readonly label: string,
    private readonly bytes: ArrayBuffer | Uint8Array,
    private readonly read: ReadGrids,
    private readonly limits: ReadLimits,
  ) {}

  /**
   * Reads the file (throws UnreadableWorkbookError with a Chinese message naming it). `limits`
   * hold for the read and for the exceljs load of the first write (the command line's fill reads
   * every sheet in full: `largeSheet: false`, so the workbook can be saved back).
   */
  static async open(bytes: ArrayBuffer | Uint8Array, fileName: string, limits: ReadLimits = {}): Promise<FileHost> {
    return new FileHost(fileName, bytes, readGrids(bytes, fileName, { ...limits, withFormulas: true }), limits);
  }

  /** The exceljs workbook, loaded at the first write. */
  private async loaded(): Promise<ExcelJS.Workbook> {
    if (!this.workbook) {
      this.w = await loadWriting();
      const { workbook, grids } = await this.w.loadWorkbook(this.bytes, this.label, this.limits);
      this.loadedGrids = new Map(grids.map((g) => [g.sheet, g]));
      this.workbook = workbook;
    }
    return this.workbook;
  }

  /** Sheets read only in part (very large sheets with no table in their first rows). */
  partialSheets(): PartialSheet[] {
    return this.read.partialSheets;
  }

  capabilities(): HostCapabilities {
    return { notes: true, mergedUndo: false, selectCells: false, download: true };
  }

  async readWorkbook(sheetNames?: string[]): Promise<WorkbookSnapshot> {
    const wanted = sheetNames ? new Set(sheetNames.map((s) => s.toLowerCase())) : undefined;
    if (!this.workbook) return this.snapshotOfFile(wanted);
    const grids: Grid[] = [];
    let settings: Partial<NarrativeSettings> | undefined;
    const fileGrids = new Map(this.read.grids.map((g) => [g.sheet, g]));
    for (const ws of this.workbook.worksheets) {
      if (ws.name === SETTINGS_SHEET) settings = parseSettings(ws.getCell('A1').value);
      if (isPrivateSheet(ws.name)) continue;
      if (wanted && !wanted.has(ws.name.toLowerCase())) continue;
      grids.push(overlayWrites(fileGrids.get(ws.name), this.loadedGrids.get(ws.name), this.w.worksheetToGrid(ws)));
    }
    return { grids, journal: this.w.readJournal(this.workbook), settings };
  }

  /** The snapshot as the file holds it (nothing written yet). */
  private snapshotOfFile(wanted: Set<string> | undefined): WorkbookSnapshot {
    const grids: Grid[] = [];
    let settings: Partial<NarrativeSettings> | undefined;
    let journal: Grid | undefined;
    for (const grid of this.read.grids) {
      if (grid.sheet === SETTINGS_SHEET) settings = parseSettings(grid.cells[0]?.[0]);
      if (grid.sheet === JOURNAL_SHEET) journal = grid;
      if (isPrivateSheet(grid.sheet)) continue;
      if (wanted && !wanted.has(grid.sheet.toLowerCase())) continue;
      grids.push(grid);
    }
    return { grids, journal: parseJournalOrEmpty(journalChunks(journal)), settings };
  }

  async readGrids(sheetNames?: string[]): Promise<Grid[]> {
    return (await this.readWorkbook(sheetNames)).grids;
  }

  async applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
    const workbook = await this.loaded();
    const { applyPlan, markedSheetsOf, readJournal, sheetNames } = this.w;
    return wrap(() => {
      const replace = options.replaceHighlights === true && !plan.marker.revert;
      const journal = readJournal(workbook);
      // putting back the earlier highlights' cells acts on the journal: check it first
      if (replace) assertJournalEntriesUsable(entriesForClear(journal), markedSheetsOf(workbook), '清除标记', sheetNames(workbook));
      const final = replace ? rehighlightPlan(journal, plan) : plan;
      const entry = applyPlan(workbook, final);
      const changed = !(entry.cells.length === 0 && entry.createdSheets.length === 0 && entry.columns.length === 0);
      if (changed) this.changes++;
      return {
        changed,
        cellsWritten: entry.cells.length,
        sheetsCreated: entry.createdSheets,
        sheetsDeleted: final.ops.filter((o) => o.kind === 'deleteSheet').map((o) => o.sheet),
        notesAsSheet: 0,
      };
    });
  }

  async undoLast(): Promise<RevertResult> {
    const workbook = await this.loaded();
    return wrap(() => {
      const entry = this.w.undoLast(workbook);
      if (!entry) return { done: false, cellsRestored: 0, sheetsDeleted: [] };
      this.changes++;
      return { done: true, action: entry.action, cellsRestored: entry.cells.length, sheetsDeleted: entry.createdSheets };
    });
  }

  async clearHighlights(): Promise<RevertResult> {
    const workbook = await this.loaded();
    return wrap(() => {
      const had = this.w.readJournal(workbook).entries.some((e) => e.action === 'highlight');
      if (!had) return { done: false, cellsRestored: 0, sheetsDeleted: [] };
      const n = this.w.clearHighlights(workbook);
      this.changes++;
      return { done: true, action: 'highlight', cellsRestored: n, sheetsDeleted: [] };
    });
  }

  /**
   * The formula a cell holds (without “=”), if any: 填表 never writes over a blank-looking
   * formula, and in formulas mode rewrites a formula it wrote before only when it changed.
   */
  formulaAt(sheet: string, address: string): string | undefined {
    // Before the first write, the file's own formulas (a shared formula's cells give the text of
    // its first cell, untranslated: enough to know a formula is there).
    if (!this.workbook) return this.read.formulas?.get(sheet)?.get(address.toUpperCase()) || undefined;
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) return undefined;
    const { row, col } = parseAddress(address);
    const cell = ws.findCell(row + 1, col + 1);
    if (!cell || cell.type !== FORMULA) return undefined;
    return cell.formula || undefined; // a shared formula's cell gets its own, translated
  }

  /** The page shows the reference instead: there is no application selection to move. */
  async select(): Promise<void> {}

  async saveSettings(settings: Partial<NarrativeSettings>): Promise<void> {
    const workbook = await this.loaded();
    wrap(() => {
      let ws = workbook.worksheets.find((w) => w.name === SETTINGS_SHEET);
      if (!ws) ws = workbook.addWorksheet(SETTINGS_SHEET);
      ws.state = 'veryHidden';
      ws.getCell('A1').value = serializeSettings(settings);
      this.changes++;
    });
  }

  /** The workbook as .xlsx bytes, with everything done so far. */
  async save(): Promise<Uint8Array> {
    const workbook = await this.loaded();
    return this.w.saveWorkbook(workbook);
  }

  /** Names of the user's sheets (for the page's summary line). */
  sheetNames(): string[] {
    const names = this.workbook ? this.workbook.worksheets.map((w) => w.name) : this.read.grids.map((g) => g.sheet);
    return names.filter((name) => !isPrivateSheet(name) && name !== JOURNAL_SHEET);
  }
}
