// What the Excel and WPS hosts share around writing a plan, independent of how each one reads
// and writes cells: the state of a touched cell, the state after the plan (simulated), the
// journal entry of a prepared plan, and the journal and result plumbing around a write action.
// How a host normalises what it writes (values, colours) and compares sizes comes in as rules.
import {
  JournalFormatError,
  appendEntry,
  cellKey,
  clearHighlightsPlan,
  emptyJournal,
  entriesForClear,
  entriesForUndo,
  journalFromChunks,
  popEntry,
  rangeAddresses,
  undoPlan,
  withoutHighlights,
} from '../core/plan';
import type {
  CellBefore,
  CellContent,
  CellPart,
  ColumnBefore,
  Journal,
  JournalEntry,
  PlanOp,
  PlanTargets,
  RowBefore,
  WritePlan,
} from '../core/plan';
import type { ApplyOptions, ApplyResult, RevertResult } from './host';
import { FINDINGS_SHEET, rehighlightPlan } from './host';

/** The state of one cell as read before a plan (only the parts asked for are set). */
export type CellState = Omit<CellBefore, 'sheet' | 'address'>;

/** What a host's prepare step gives, as far as the journal entry needs it. */
export interface PreparedState {
  ops: PlanOp[];
  state: Map<string, CellState>;
  targets: PlanTargets;
  /** Column widths before, by `sheet!COLUMN` (null: the sheet's default). */
  columns: Map<string, number | null>;
  /** Row heights before, by `sheet!row`; undefined for a host that never changes them (no `rows` in its entries). */
  rows?: Map<string, number | null>;
  marker: WritePlan['marker'];
}

/** How a host holds what a plan writes. */
export interface SimulateRules {
  /** A written value as the host will hold it; undefined: the op leaves the cell's value alone. */
  value(c: CellContent): CellContent | undefined;
  /** A written fill colour as the host will hold it. */
  color(c: string | null): string | null;
  /** Whether the host keeps vertical alignment (format ops' `vertical`); else only wrap counts. */
  vertical: boolean;
}

export interface EntryRules extends SimulateRules {
  /** Whether a column width / row height really changes from `was` to `now`. */
  sizeChanged(was: number | null, now: number | null): boolean;
}

/** A part's value when the state read has none. */
export function defaultPart(part: CellPart): unknown {
  switch (part) {
    case 'value':
      return null;
    case 'fill':
      return { color: null };
    case 'note':
      return { text: null };
    case 'font':
      return { bold: false };
    case 'alignment':
      return { wrap: false };
  }
}

/** The cells' state after the ops, from their state before (cells of created sheets start blank). */
export function simulate(before: Map<string, CellState>, ops: PlanOp[], rules: SimulateRules): Map<string, CellState> {
  const after = new Map<string, CellState>();
  for (const [k, v] of before) after.set(k, { ...v });
  const get = (sheet: string, address: string) => {
    const key = cellKey(sheet, address);
    let s = after.get(key);
    if (!s) after.set(key, (s = {}));
    return s;
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'value': {
        const value = rules.value(op.value);
        if (value !== undefined) get(op.sheet, op.address).value = value;
        break;
      }
      case 'fill':
        get(op.sheet, op.address).fill = { color: rules.color(op.color) };
        break;
      case 'note':
        get(op.sheet, op.address).note = { text: op.text === '' ? null : op.text };
        break;
      case 'format':
        for (const a of rangeAddresses(op.range)) {
          const s = get(op.sheet, a);
          if (op.bold !== undefined) s.font = { bold: op.bold };
          if (!rules.vertical) {
            if (op.wrap !== undefined) s.alignment = { wrap: op.wrap };
          } else if (op.wrap !== undefined || op.vertical !== undefined) {
            const was = s.alignment ?? { wrap: false };
            const vertical = op.vertical ?? was.vertical;
            s.alignment = { wrap: op.wrap ?? was.wrap, ...(vertical ? { vertical } : {}) };
          }
        }
        break;
      default:
        break;
    }
  }
  return after;
}

/** The journal entry for a prepared plan: the parts it really changes, as they were. */
export function entryFor(prep: PreparedState, rules: EntryRules): JournalEntry {
  const after = simulate(prep.state, prep.ops, rules);
  const cells: CellBefore[] = [];
  for (const t of prep.targets.cells) {
    const key = cellKey(t.sheet, t.address);
    const before = prep.state.get(key) ?? {};
    const now = after.get(key) ?? {};
    const kept: CellBefore = { sheet: t.sheet, address: t.address };
    let any = false;
    for (const part of t.parts) {
      const b = part in before ? before[part as keyof CellState] : defaultPart(part);
      if (JSON.stringify(b) !== JSON.stringify(now[part as keyof CellState])) {
        (kept as unknown as Record<string, unknown>)[part] = b;
        any = true;
      }
    }
    if (any) cells.push(kept);
  }
  const columns: ColumnBefore[] = [];
  for (const c of prep.targets.columns) {
    const was = prep.columns.get(`${c.sheet}!${c.column}`) ?? null;
    const op = [...prep.ops].reverse().find((o) => o.kind === 'columnWidth' && o.sheet === c.sheet && o.column.toUpperCase() === c.column);
    const width = op && op.kind === 'columnWidth' ? op.width : was;
    if (rules.sizeChanged(was, width)) columns.push({ sheet: c.sheet, column: c.column, width: was });
  }
  const entry: JournalEntry = { action: prep.marker.action, createdSheets: prep.targets.createdSheets, cells, columns };
  if (prep.rows) {
    const rows: RowBefore[] = [];
    for (const r of prep.targets.rows) {
      const was = prep.rows.get(`${r.sheet}!${r.row}`) ?? null;
      const op = [...prep.ops].reverse().find((o) => o.kind === 'rowHeight' && o.sheet === r.sheet && o.row === r.row);
      const height = op && op.kind === 'rowHeight' ? op.height : was;
      if (rules.sizeChanged(was, height)) rows.push({ sheet: r.sheet, row: r.row, height: was });
    }
    entry.rows = rows;
  }
  if (prep.marker.written) entry.written = prep.marker.written;
  return entry;
}

/** The journal stored in these chunks; an unreadable one counts as empty. */
export function parseJournalOrEmpty(chunks: string[]): Journal {
  try {
    return journalFromChunks(chunks);
  } catch (e) {
    if (e instanceof JournalFormatError) return emptyJournal();
    throw e;
  }
}

/** A sheet by name: the exact name first, else ignoring case (sheet names are case-insensitive). */
export function findSheet<S extends { name: string }>(sheets: S[], name: string): S | undefined {
  const lower = (s: string) => s.toLowerCase();
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => lower(s.name) === lower(name));
}

/** One write action: the plan made from the journal, and what becomes of the journal. */
export interface Made {
  plan: WritePlan;
  /** The journal to store after the plan (undefined: leave it as it is). */
  next: (entry: JournalEntry) => Journal | undefined;
  /** Do nothing (no commit) when the plan changes nothing. */
  skipWhenUnchanged?: boolean;
  action?: WritePlan['marker']['action'];
  /** Journal entries the plan acts on, checked (./markers assertMadeUsable) before anything is written. */
  checked?: { entries: JournalEntry[]; action: '撤销' | '清除标记' };
}

/** What a write action did (P: the host's prepared plan). */
export interface Done<P extends { ops: PlanOp[] }> {
  entry: JournalEntry;
  prep: P;
  committed: boolean;
  action?: WritePlan['marker']['action'];
}

/** What 撤销 / 清除标记 report from the action they ran (undefined: nothing to do). */
export function revertResult(done: Done<{ ops: PlanOp[] }> | undefined): RevertResult {
  if (!done) return { done: false, cellsRestored: 0, sheetsDeleted: [] };
  return {
    done: true,
    action: done.action,
    cellsRestored: done.entry.cells.length,
    sheetsDeleted: done.prep.ops.filter((o) => o.kind === 'deleteSheet').map((o) => o.sheet),
  };
}

/** applyPlan's action: the plan (after the earlier highlights go, if asked), appended to the journal unless it reverts. */
export function applyMade(journal: Journal, plan: WritePlan, options: ApplyOptions): Made {
  const revert = plan.marker.revert === true;
  const replace = options.replaceHighlights === true && !revert;
  return {
    plan: replace ? rehighlightPlan(journal, plan) : plan,
    next: (entry) => (revert ? undefined : appendEntry(journal, entry)),
    skipWhenUnchanged: true,
    ...(replace ? { checked: { entries: entriesForClear(journal), action: '清除标记' as const } } : {}),
  };
}

/** undoLast's action: the last entry undone and popped (undefined: nothing to undo). */
export function undoMade(journal: Journal): Made | undefined {
  const { journal: rest, entry } = popEntry(journal);
  if (!entry) return undefined;
  return { plan: undoPlan(entry), next: () => rest, action: entry.action, checked: { entries: entriesForUndo(journal), action: '撤销' } };
}

/** 撤销 or 清除标记. */
export type Revert = 'undo' | 'clear';

/**
 * The one way the Excel and WPS hosts turn their workbook's journal into the plan of 撤销 or
 * 清除标记 and the journal that remains: whatever must hold of a journal before it is reverted
 * belongs here, once for both hosts.
 */
export function revertAction(kind: Revert): (journal: Journal) => Made | undefined {
  return kind === 'undo' ? undoMade : clearHighlightsMade;
}

/** clearHighlights' action: every highlight undone and dropped (undefined: none). */
export function clearHighlightsMade(journal: Journal): Made | undefined {
  const highlights = journal.entries.filter((e) => e.action === 'highlight');
  if (highlights.length === 0) return undefined;
  const plan = clearHighlightsPlan(journal);
  // Without notes, the messages went to a 审核结果 sheet a highlight created: it goes too.
  if (highlights.some((e) => e.createdSheets.includes(FINDINGS_SHEET))) plan.ops.push({ kind: 'deleteSheet', sheet: FINDINGS_SHEET });
  return {
    plan,
    next: () => withoutHighlights(journal),
    action: 'highlight' as const,
    checked: { entries: entriesForClear(journal), action: '清除标记' },
  };
}

/** What applyPlan reports from the action it ran. */
export function applyResult(done: Done<{ ops: PlanOp[]; notesAsSheet: number }> | undefined): ApplyResult {
  const entry = done?.entry;
  const committed = done?.committed === true;
  return {
    changed: committed,
    cellsWritten: entry?.cells.length ?? 0,
    sheetsCreated: committed ? (entry?.createdSheets ?? []) : [],
    sheetsDeleted: committed && done ? done.prep.ops.filter((o) => o.kind === 'deleteSheet').map((o) => o.sheet) : [],
    notesAsSheet: done?.prep.notesAsSheet ?? 0,
  };
}
