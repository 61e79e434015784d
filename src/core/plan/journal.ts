// The journal: what each applied plan changed, so 撤销 (undo) and 清除标记 (clear highlights)
// work after the workbook is saved and reopened. It lives inside the workbook, in a very
// hidden sheet, as JSON split across the cells of column A (see ./storage).
import type { CellContent, Json, MarkerAction, WritePlan, PlanOp, WrittenTexts } from './types';
import { cellKey } from './targets';

/** What one cell held before a plan, for the parts the plan changed (absent key = untouched). */
export interface CellBefore {
  sheet: string;
  address: string;
  value?: CellContent;
  /** `color` is "#RRGGBB" for a solid fill, else null; `raw` the host's exact fill (null: none). */
  fill?: { color: string | null; raw?: Json };
  /** `raw` the host's exact note (null: none). */
  note?: { text: string | null; raw?: Json };
  /** `raw` the host's exact font (null: none). */
  font?: { bold: boolean; raw?: Json };
  /** `raw` the host's exact alignment (null: none). */
  alignment?: { wrap: boolean; vertical?: 'top' | 'center' | 'bottom'; raw?: Json };
}

export interface ColumnBefore {
  sheet: string;
  column: string;
  /** null = the sheet's default width. */
  width: number | null;
}

export interface RowBefore {
  sheet: string;
  /** 1-based. */
  row: number;
  /** Points; null = automatic. */
  height: number | null;
}

/** A sheet's page setup, print titles and row breaks as the host records them (its own JSON). */
export interface PageBefore {
  sheet: string;
  raw: Json;
}

export interface JournalEntry {
  action: MarkerAction;
  /** Sheets the plan created (undo deletes them). */
  createdSheets: string[];
  /** Cells of pre-existing sheets whose touched parts really changed. */
  cells: CellBefore[];
  columns: ColumnBefore[];
  /** Row heights (absent in entries of hosts that never change them). */
  rows?: RowBefore[];
  /** Page setups (absent in entries of hosts that never change them). */
  pages?: PageBefore[];
  /** narrative: the texts juesuan wrote (kept so a rerun can tell them from typed paragraphs). */
  written?: WrittenTexts;
}

/** Oldest entry first. */
export interface Journal {
  entries: JournalEntry[];
}

export function emptyJournal(): Journal {
  return { entries: [] };
}

/** True when the entry records no change at all (the plan found everything already in place). */
export function isNoChange(entry: JournalEntry): boolean {
  return (
    entry.createdSheets.length === 0 &&
    entry.cells.length === 0 &&
    entry.columns.length === 0 &&
    (entry.rows ?? []).length === 0 &&
    (entry.pages ?? []).length === 0
  );
}

export function appendEntry(journal: Journal, entry: JournalEntry): Journal {
  return { entries: [...journal.entries, entry] };
}

/** The journal without its last entry, and that entry (undefined when empty). */
export function popEntry(journal: Journal): { journal: Journal; entry?: JournalEntry } {
  const n = journal.entries.length;
  if (n === 0) return { journal };
  return { journal: { entries: journal.entries.slice(0, n - 1) }, entry: journal.entries[n - 1] };
}

/**
 * What juesuan last wrote into a narrative sheet: the latest narrative entry for `sheet`, or,
 * when none names it (the sheet was renamed), the latest narrative entry at all.
 */
export function lastWritten(journal: Journal | undefined, sheet?: string): WrittenTexts | undefined {
  if (!journal) return undefined;
  const narrative = journal.entries.filter((e) => e.action === 'narrative' && e.written);
  const same = narrative.filter((e) => e.written?.sheet === sheet);
  const pick = (same.length > 0 ? same : narrative).pop();
  return pick?.written;
}

// ---- reverting ---------------------------------------------------------------------------

function restoreOps(cell: CellBefore): PlanOp[] {
  const { sheet, address } = cell;
  const ops: PlanOp[] = [];
  if ('value' in cell) ops.push({ kind: 'value', sheet, address, value: cell.value ?? null });
  if (cell.fill) {
    ops.push({ kind: 'fill', sheet, address, color: cell.fill.color, ...(cell.fill.raw !== undefined ? { raw: cell.fill.raw } : {}) });
  }
  if (cell.note) {
    ops.push({ kind: 'note', sheet, address, text: cell.note.text, ...(cell.note.raw !== undefined ? { raw: cell.note.raw } : {}) });
  }
  if (cell.font) {
    ops.push({
      kind: 'format',
      sheet,
      range: address,
      bold: cell.font.bold,
      ...(cell.font.raw !== undefined ? { raw: { font: cell.font.raw } } : {}),
    });
  }
  if (cell.alignment) {
    ops.push({
      kind: 'format',
      sheet,
      range: address,
      wrap: cell.alignment.wrap,
      ...(cell.alignment.vertical ? { vertical: cell.alignment.vertical } : {}),
      ...(cell.alignment.raw !== undefined ? { raw: { alignment: cell.alignment.raw } } : {}),
    });
  }
  return ops;
}

/**
 * The plan that puts back exactly what `entry` recorded: every touched part of every cell,
 * column widths, row heights, and deletes the sheets the action created. Not itself journaled.
 */
export function undoPlan(entry: JournalEntry): WritePlan {
  const created = new Set(entry.createdSheets);
  const ops: PlanOp[] = [];
  for (const cell of entry.cells) if (!created.has(cell.sheet)) ops.push(...restoreOps(cell));
  for (const c of entry.columns) {
    if (!created.has(c.sheet)) ops.push({ kind: 'columnWidth', sheet: c.sheet, column: c.column, width: c.width });
  }
  for (const r of entry.rows ?? []) {
    if (!created.has(r.sheet)) ops.push({ kind: 'rowHeight', sheet: r.sheet, row: r.row, height: r.height });
  }
  for (const p of entry.pages ?? []) {
    if (!created.has(p.sheet)) ops.push({ kind: 'pageSetup', sheet: p.sheet, setup: null, raw: p.raw });
  }
  for (const sheet of [...entry.createdSheets].reverse()) ops.push({ kind: 'deleteSheet', sheet });
  return { marker: { action: entry.action, revert: true }, ops };
}

/**
 * The plan that removes every highlight: the fill and note each highlighted cell had before
 * the first highlight action that touched it. Other actions' changes stay.
 */
export function clearHighlightsPlan(journal: Journal): WritePlan {
  const fills = new Map<string, PlanOp>();
  const notes = new Map<string, PlanOp>();
  for (const entry of journal.entries) {
    if (entry.action !== 'highlight') continue;
    for (const cell of entry.cells) {
      const key = cellKey(cell.sheet, cell.address);
      for (const op of restoreOps({ sheet: cell.sheet, address: cell.address, fill: cell.fill, note: cell.note })) {
        const map = op.kind === 'fill' ? fills : notes;
        if (!map.has(key)) map.set(key, op); // the oldest highlight saw the original
      }
    }
  }
  return { marker: { action: 'highlight', revert: true }, ops: [...fills.values(), ...notes.values()] };
}

/** The journal once highlights are cleared: the highlight entries dropped, the rest kept. */
export function withoutHighlights(journal: Journal): Journal {
  return { entries: journal.entries.filter((e) => e.action !== 'highlight') };
}
