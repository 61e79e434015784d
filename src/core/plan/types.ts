// A WritePlan is everything one juesuan action writes into a workbook, as an ordered list of
// small operations a host applies in one batch. Plans are plain data (JSON-serialisable), so the
// engine stays free of Office/exceljs types and the same plan works in every host.

/** Plain JSON, for host-specific values the engine passes through untouched. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The actions that write into a workbook; each applied plan is journaled under one of them. */
/** 'clear': 清除标记, journaled so that 撤销 puts the marks back. */
export type MarkerAction = 'narrative' | 'highlight' | 'supplement' | 'fill' | 'clear';

export const MARKER_ACTIONS: readonly MarkerAction[] = ['narrative', 'highlight', 'supplement', 'fill', 'clear'];

export type Scalar = string | number | boolean | null;

/**
 * What a cell holds. The engine writes scalars and formulas (with their cached result); a host
 * restoring what was there before may also use `raw`, its own exact encoding of anything else
 * (rich text, dates, hyperlinks, errors …), which only that host reads back.
 */
export type CellContent = Scalar | { formula: string; result?: Scalar } | { raw: Json };

/** Texts the engine wrote into column A of a sheet (so a later run can tell them from typed ones). */
export interface WrittenTexts {
  sheet: string;
  texts: string[];
}

/** Names what a plan does. */
export interface Marker {
  action: MarkerAction;
  /** True for plans that put back what an earlier plan changed (undo, clear highlights). */
  revert?: boolean;
  /** narrative: the texts juesuan wrote this time. */
  written?: WrittenTexts;
}

export type PlanOp =
  /** A new, empty, visible sheet, appended after the others. */
  | { kind: 'createSheet'; sheet: string }
  /** Only in revert plans: remove a sheet an earlier plan created. */
  | { kind: 'deleteSheet'; sheet: string }
  | { kind: 'value'; sheet: string; address: string; value: CellContent }
  /**
   * A solid fill of `color` ("#RRGGBB"), or no fill (null). `raw`, when present, is the host's
   * exact fill to restore instead (null: none).
   */
  | { kind: 'fill'; sheet: string; address: string; color: string | null; raw?: Json }
  /** A note (comment) with `text`, or none (null). `raw` as for fills. */
  | { kind: 'note'; sheet: string; address: string; text: string | null; raw?: Json }
  /**
   * Bold, wrap text and/or vertical alignment on every cell of `range` ("A1" or "A1:C9"); an
   * absent key is left as it is. `raw.font` / `raw.alignment`, when present, is the host's exact font / alignment to
   * restore instead (null: none).
   */
  | {
      kind: 'format';
      sheet: string;
      range: string;
      bold?: boolean;
      wrap?: boolean;
      vertical?: 'top' | 'center' | 'bottom';
      /** Font size in points and font name (the cell's font); horizontal alignment. */
      size?: number;
      fontName?: string;
      horizontal?: 'left' | 'center';
      raw?: { font?: Json; alignment?: Json };
    }
  /** Column width in characters; null = the sheet's default. */
  | { kind: 'columnWidth'; sheet: string; column: string; width: number | null }
  /** Row height in points (1-based row); null = automatic (the sheet's default). */
  | { kind: 'rowHeight'; sheet: string; row: number; height: number | null }
  /**
   * Printing: paper, orientation, fit to page width, margins. In revert plans `raw` is the host's
   * exact page setup, print titles and row breaks to put back (then `setup` is ignored).
   */
  | { kind: 'pageSetup'; sheet: string; setup: PageSetup | null; raw?: Json }
  /** Rows repeated at the top of every printed page ("2:2"), or none (null). */
  | { kind: 'printTitles'; sheet: string; rows: string | null }
  /** Manual page breaks: each listed row (1-based) starts a new page; replaces the sheet's manual row breaks. */
  | { kind: 'rowBreaks'; sheet: string; rows: number[] };

export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** All columns on one page width, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Inches. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

export type PageOpKind = 'pageSetup' | 'printTitles' | 'rowBreaks';

export type OpKind = PlanOp['kind'];

export interface WritePlan {
  marker: Marker;
  ops: PlanOp[];
}

/** A plan that writes nothing (e.g. the 补充信息 sheet is already there). */
export function emptyPlan(action: MarkerAction): WritePlan {
  return { marker: { action }, ops: [] };
}
