// WorkbookHost over an .xlsx held in memory by exceljs (the file host): the standalone page opens
// the user's file with it, the command line's `fill` writes OUT through it. The journal is kept in
// the workbook by ./apply. Nothing leaves the machine: the page downloads the result as a new .xlsx.
import type * as ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { parseAddress } from '../../core/grid';
import type { NarrativeSettings } from '../../core/narrative';
import type { WritePlan } from '../../core/plan';
import { JOURNAL_SHEET } from '../../core/plan';
import { applyPlan, clearHighlights, readJournal, undoLast } from './apply';
import { worksheetToGrid } from './grid';
import { loadWorkbook, saveWorkbook } from './load';
import type { ApplyOptions, ApplyResult, HostCapabilities, RevertResult, WorkbookHost, WorkbookSnapshot } from '../host';
import {
  HostError,
  SETTINGS_SHEET,
  isPrivateSheet,
  parseSettings,
  rehighlightPlan,
  serializeSettings,
} from '../host';

/** ExcelJS.ValueType.Formula (the enum is not imported: this module only needs exceljs's types). */
const FORMULA = 6 as ExcelJS.ValueType;

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HostError) throw e;
    const msg = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '写入工作簿时出错，操作没有完成。请重新打开文件后再试。';
    throw new HostError(msg, e);
  }
}

export class FileHost implements WorkbookHost {
  readonly kind = 'file' as const;
  /** Set whenever the workbook changes (the page enables the download then). */
  changes = 0;

  private constructor(readonly label: string, private readonly workbook: ExcelJS.Workbook) {}

  /** Reads the file (throws UnreadableWorkbookError with a Chinese message naming it). */
  static async open(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<FileHost> {
    const { workbook } = await loadWorkbook(bytes, fileName);
    return new FileHost(fileName, workbook);
  }

  /** A host over a workbook already loaded (the command line's `fill`, which saves it to OUT). */
  static of(workbook: ExcelJS.Workbook, label: string): FileHost {
    return new FileHost(label, workbook);
  }

  capabilities(): HostCapabilities {
    return { notes: true, mergedUndo: false, selectCells: false, download: true };
  }

  async readWorkbook(sheetNames?: string[]): Promise<WorkbookSnapshot> {
    const wanted = sheetNames ? new Set(sheetNames.map((s) => s.toLowerCase())) : undefined;
    const grids: Grid[] = [];
    let settings: Partial<NarrativeSettings> | undefined;
    for (const ws of this.workbook.worksheets) {
      if (ws.name === SETTINGS_SHEET) settings = parseSettings(ws.getCell('A1').value);
      if (isPrivateSheet(ws.name)) continue;
      if (wanted && !wanted.has(ws.name.toLowerCase())) continue;
      grids.push(worksheetToGrid(ws));
    }
    return { grids, journal: readJournal(this.workbook), settings };
  }

  async readGrids(sheetNames?: string[]): Promise<Grid[]> {
    return (await this.readWorkbook(sheetNames)).grids;
  }

  async applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
    return wrap(() => {
      const final = options.replaceHighlights && !plan.marker.revert ? rehighlightPlan(readJournal(this.workbook), plan) : plan;
      const entry = applyPlan(this.workbook, final);
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
    return wrap(() => {
      const entry = undoLast(this.workbook);
      if (!entry) return { done: false, cellsRestored: 0, sheetsDeleted: [] };
      this.changes++;
      return { done: true, action: entry.action, cellsRestored: entry.cells.length, sheetsDeleted: entry.createdSheets };
    });
  }

  async clearHighlights(): Promise<RevertResult> {
    return wrap(() => {
      const had = readJournal(this.workbook).entries.some((e) => e.action === 'highlight');
      if (!had) return { done: false, cellsRestored: 0, sheetsDeleted: [] };
      const n = clearHighlights(this.workbook);
      this.changes++;
      return { done: true, action: 'highlight', cellsRestored: n, sheetsDeleted: [] };
    });
  }

  /**
   * The formula a cell holds (without “=”), if any: 填表 never writes over a blank-looking
   * formula, and in formulas mode rewrites a formula it wrote before only when it changed.
   */
  formulaAt(sheet: string, address: string): string | undefined {
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
    wrap(() => {
      let ws = this.workbook.worksheets.find((w) => w.name === SETTINGS_SHEET);
      if (!ws) ws = this.workbook.addWorksheet(SETTINGS_SHEET);
      ws.state = 'veryHidden';
      ws.getCell('A1').value = serializeSettings(settings);
      this.changes++;
    });
  }

  /** The workbook as .xlsx bytes, with everything done so far. */
  async save(): Promise<Uint8Array> {
    return saveWorkbook(this.workbook);
  }

  /** Names of the user's sheets (for the page's summary line). */
  sheetNames(): string[] {
    return this.workbook.worksheets.filter((w) => !isPrivateSheet(w.name) && w.name !== JOURNAL_SHEET).map((w) => w.name);
  }
}
