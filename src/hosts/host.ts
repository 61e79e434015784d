// One interface for every place a workbook lives: Excel (Office.js), WPS (JSAPI) and a file in
// the browser (exceljs). The task pane only talks to this; the engine never sees it.
//
// Round trips: a host whose workbook lives in another process (Excel, WPS) keeps the number of
// round trips of each operation constant — it never grows with the number of sheets, rows,
// cells or findings. Reading is one round trip; writing a plan is one round trip to record what
// the touched cells hold now (for the journal) and one to write the plan and the journal.
import type { Grid } from '../core/grid';
import type { Journal, PlanOp, WritePlan } from '../core/plan';
import { cellKey, clearHighlightsPlan, JOURNAL_SHEET } from '../core/plan';
import type { NarrativeSettings } from '../core/narrative';

export type HostKind = 'excel' | 'wps' | 'file';

/** What this host (and this version of Excel) can do; the task pane adapts to it. */
export interface HostCapabilities {
  /** Finding messages go into cell notes; otherwise into a 审核结果 sheet. */
  notes: boolean;
  /** One Ctrl+Z in the application undoes a whole juesuan action. */
  mergedUndo: boolean;
  /** select() moves the application's selection (false: the UI shows the reference instead). */
  selectCells: boolean;
  /** The result is a file the user downloads (the standalone page). */
  download: boolean;
}

/** A sheet of the workbook, as the host lists it. */
export interface SheetInfo {
  name: string;
  visible: boolean;
}

/** What applying a plan did. */
export interface ApplyResult {
  /** False when the plan found everything already in place (nothing written, nothing journaled). */
  changed: boolean;
  /** Cells whose value, fill, note or format was written. */
  cellsWritten: number;
  sheetsCreated: string[];
  sheetsDeleted: string[];
  /**
   * Finding notes the host could not put in cell notes (notes unsupported) and wrote into the
   * 审核结果 sheet instead; 0 otherwise.
   */
  notesAsSheet: number;
}

/** What 撤销 / 清除标记 did. */
export interface RevertResult {
  /** False when there was nothing to undo / no highlight to clear. */
  done: boolean;
  /** The action that was undone ('highlight' for 清除标记). */
  action?: WritePlan['marker']['action'];
  cellsRestored: number;
  sheetsDeleted: string[];
}

export interface ApplyOptions {
  /**
   * Remove the highlights of earlier runs in the same batch before applying this plan (检查
   * re-highlights from scratch, so cells fixed since the last run lose their colour).
   */
  replaceHighlights?: boolean;
}

/** Everything one read gives. */
export interface WorkbookSnapshot {
  grids: Grid[];
  /** The workbook's journal (empty when none, or when it could not be read). */
  journal: Journal;
  /** The narrative settings remembered in this workbook (undefined: none yet). */
  settings?: Partial<NarrativeSettings>;
}

export interface WorkbookHost {
  readonly kind: HostKind;
  /** Shown in the task pane, e.g. “Excel” or the file name. */
  readonly label: string;
  capabilities(): HostCapabilities;

  /**
   * The sheets' used ranges as Grids, in workbook order (hidden sheets included, juesuan's own
   * `_juesuan_*` sheets excluded), with the journal and the remembered settings.
   * `sheetNames`: only these sheets (missing names are skipped). One round trip.
   */
  readWorkbook(sheetNames?: string[]): Promise<WorkbookSnapshot>;

  /** readWorkbook(sheetNames).grids. One round trip. */
  readGrids(sheetNames?: string[]): Promise<Grid[]>;

  /** Applies the plan in one batch and journals what it overwrote, inside the workbook. */
  applyPlan(plan: WritePlan, options?: ApplyOptions): Promise<ApplyResult>;

  /** 撤销: reverts everything the last journaled action wrote and drops it from the journal. */
  undoLast(): Promise<RevertResult>;

  /** 清除标记: puts back the fills and notes that every highlight overwrote. */
  clearHighlights(): Promise<RevertResult>;

  /** Activates `sheet` and selects `addresses` ("C14", "A1:C9"); no-op where unsupported. */
  select(sheet: string, addresses: string[]): Promise<void>;

  /** Remembers the narrative settings in this workbook. */
  saveSettings(settings: Partial<NarrativeSettings>): Promise<void>;
}

/** Sheets juesuan keeps for itself (journal, settings): never shown to the engine. */
export const PRIVATE_SHEET_PREFIX = '_juesuan_';

export function isPrivateSheet(name: string): boolean {
  return name.startsWith(PRIVATE_SHEET_PREFIX);
}

/** The very hidden sheet holding the per-workbook settings (ASCII JSON in A1, like the journal). */
export const SETTINGS_SHEET = '_juesuan_settings';
export const SETTINGS_FORMAT = 'juesuan-settings';

/** ASCII-only JSON of the settings document for A1 of the settings sheet. */
export function serializeSettings(settings: Partial<NarrativeSettings>): string {
  return JSON.stringify({ format: SETTINGS_FORMAT, version: 1, narrative: settings }).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The settings from A1 of the settings sheet; undefined when absent or not ours. */
export function parseSettings(text: unknown): Partial<NarrativeSettings> | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    const doc = JSON.parse(text) as { format?: unknown; narrative?: unknown };
    if (doc.format !== SETTINGS_FORMAT || typeof doc.narrative !== 'object' || doc.narrative === null) return undefined;
    return doc.narrative as Partial<NarrativeSettings>;
  } catch {
    return undefined;
  }
}

/** What a host says when asked to show cells on a hidden sheet (Excel and WPS refuse to). */
export function hiddenSheetMessage(sheet: string): string {
  return `工作表“${sheet}”是隐藏的，无法选中其中的单元格。请先取消隐藏（右键工作表标签 → 取消隐藏）再点一次。`;
}

/** The sheet a host writes finding messages to when cell notes are not supported. */
export const FINDINGS_SHEET = '审核结果';

/** What kind of trouble a HostError reports (the pane may react to it; the message says it). */
export type HostErrorCode =
  | 'protected' // a sheet or the workbook structure is protected
  | 'hiddenSheet' // the sheet to show is hidden
  | 'missingSheet' // a sheet the action needs is not there (renamed, deleted)
  | 'sheetExists' // a sheet to create already exists
  | 'busy' // the application is editing a cell, busy or in conflict: try again
  | 'tooLarge' // more than the application takes in one request
  | 'unsupported' // this version of the application lacks an API
  | 'unreadable' // the application answered something the host cannot read safely
  | 'noWorkbook' // no workbook is open
  | 'internal' // a plan the host must not run (a bug)
  | 'failed'; // anything else the application refused

/**
 * An error a host throws with a Chinese sentence fit to show the user as is (what went wrong
 * and what to do), and a code saying what kind of trouble it is. Anything else that escapes a
 * host is turned into one by the task pane.
 */
export class HostError extends Error {
  readonly cause?: unknown;
  constructor(
    message: string,
    cause?: unknown,
    readonly code: HostErrorCode = 'failed',
  ) {
    super(message);
    this.name = 'HostError';
    if (cause !== undefined) this.cause = cause;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'HostError');
}

/**
 * 检查 again: the new highlight plus, for cells an earlier highlight marked that this one does
 * not, the fill / note they had before any highlight (so fixed cells lose their colour). Applied
 * as one journaled highlight action: 撤销 brings the previous marks back, 清除标记 still finds
 * the originals in the oldest highlight entries.
 */
export function rehighlightPlan(journal: Journal, highlight: WritePlan): WritePlan {
  const touched = new Set<string>();
  for (const op of highlight.ops) {
    if (op.kind === 'fill' || op.kind === 'note') touched.add(`${op.kind}|${cellKey(op.sheet, op.address)}`);
  }
  const restore: PlanOp[] = clearHighlightsPlan(journal).ops.filter(
    (op) => (op.kind === 'fill' || op.kind === 'note') && !touched.has(`${op.kind}|${cellKey(op.sheet, op.address)}`),
  );
  return { marker: highlight.marker, ops: [...restore, ...highlight.ops] };
}

/**
 * Ops as they can run on a workbook whose sheets are `sheetNames` (sheet names are
 * case-insensitive in Excel and WPS): names resolved to their real spelling, fills and notes on
 * sheets that are gone dropped (a finding may name a sheet since removed), and, in revert plans,
 * anything on a missing sheet. Values and formats on a missing sheet, or a sheet to create that
 * exists, stop the plan before anything is written. Print layout (page setup, print titles, row
 * breaks) goes only on sheets the plan itself creates, so 撤销 takes it away with the sheet: these
 * hosts do not journal a sheet's page setup, and a user's own print layout is never touched.
 */
export function resolvePlanOps(sheetNames: string[], ops: PlanOp[], revert: boolean): PlanOp[] {
  const lower = (s: string) => s.toLowerCase();
  const present = new Map(sheetNames.map((name) => [lower(name), name]));
  const createdHere = new Set<string>();
  const out: PlanOp[] = [];
  for (const op of ops) {
    const key = lower(op.sheet);
    if ((op.kind === 'pageSetup' || op.kind === 'printTitles' || op.kind === 'rowBreaks') && !createdHere.has(key)) continue;
    if (op.sheet === JOURNAL_SHEET || op.sheet === SETTINGS_SHEET) {
      throw new HostError(`内部错误：计划不能修改“${op.sheet}”工作表。请把问题反馈给维护人员。`, undefined, 'internal');
    }
    if (op.kind === 'createSheet') {
      if (present.has(key))
        throw new HostError(`无法新建工作表“${op.sheet}”：已有同名工作表。请重命名那张工作表后再试。`, undefined, 'sheetExists');
      present.set(key, op.sheet);
      createdHere.add(key);
      out.push(op);
      continue;
    }
    const name = present.get(key);
    if (op.kind === 'deleteSheet') {
      if (name) {
        present.delete(key);
        out.push({ ...op, sheet: name });
      }
      continue;
    }
    if (!name) {
      if (revert || op.kind === 'fill' || op.kind === 'note') continue;
      throw new HostError(`找不到工作表“${op.sheet}”，它可能已被重命名或删除。请再点一次。`, undefined, 'missingSheet');
    }
    out.push({ ...op, sheet: name } as PlanOp);
  }
  return out;
}
