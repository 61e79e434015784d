// The prepare step of a WPS write: the plan's ops as they can run here (notes to the 审核结果
// sheet without comments), a stop before anything is written when a sheet to write is protected,
// and what the touched cells, columns and rows hold now (for the journal and to skip what is
// already in place) — read in unions (./probe), never cell by cell.
import { address as cellAddress, parseAddress } from '../../core/grid';
import type { CellPart, PlanOp, PlanTargets, WritePlan } from '../../core/plan';
import { JOURNAL_SHEET, cellKey, planTargets } from '../../core/plan';
import { notesToSheet } from '../findingsSheet';
import type { ExistingSheet } from '../findingsSheet';
import { FINDINGS_SHEET, HostError, resolvePlanOps } from '../host';
import type { CellState } from '../journal-state';
import { findSheet } from '../journal-state';
import { parseAddressList } from './address';
import type { RowCol } from './address';
import type { WpsRange, WpsWorksheet } from './api';
import { xlNone, xlVAlignBottom, xlVAlignCenter, xlVAlignTop } from './api';
import { addressText } from './merges';
import { MIXED, cellChunks, columnChunks, probe, rowChunks } from './probe';
import type { Mixed } from './probe';
import type { Context } from './read';
import { readContents, readUsed } from './read';
import { bgrToHex } from './values';

export type Vertical = 'top' | 'center' | 'bottom';

export const VERTICAL_CODE: Record<Vertical, number> = { top: xlVAlignTop, center: xlVAlignCenter, bottom: xlVAlignBottom };
const VERTICAL: Record<number, Vertical> = { [xlVAlignTop]: 'top', [xlVAlignCenter]: 'center', [xlVAlignBottom]: 'bottom' };

export interface Prepared {
  ops: PlanOp[];
  state: Map<string, CellState>;
  columns: Map<string, number | null>;
  rows: Map<string, number | null>;
  targets: PlanTargets;
  notesAsSheet: number;
  marker: WritePlan['marker'];
}

/** Reads what the plan's targets hold now (for the journal and to skip what is in place). */
export function prepare(ctx: Context, plan: WritePlan, notesSupported: () => boolean): Prepared {
  const revert = plan.marker.revert === true;
  let ops = resolvePlanOps(
    ctx.sheets.map((s) => s.name),
    plan.ops,
    revert,
  );
  const notes = !ops.some((o) => o.kind === 'note') || notesSupported();
  let notesAsSheet = 0;
  if (!notes) {
    if (revert)
      ops = ops.filter((o) => o.kind !== 'note'); // nothing was put in comments
    else {
      const entry = findSheet(ctx.sheets, FINDINGS_SHEET);
      let existing: ExistingSheet | undefined;
      if (entry) {
        existing = { cells: new Map() };
        readUsed(entry.ws, entry.name).cells.forEach((row, r) =>
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
  checkWritable(ctx, ops, targets, revert);

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
    if (values) for (const [rc, content] of readContents(ws, sheet, values)) put(sheet, rc, (s) => (s.value = content));
    const fills = parts.get('fill');
    if (fills) readCells(ws, fills, readFill, { color: null }, (rc, v) => put(sheet, rc, (s) => (s.fill = v)));
    const bolds = parts.get('font');
    if (bolds)
      readCells(
        ws,
        bolds,
        (r) => flag(r.Font.Bold),
        false,
        (rc, v) => put(sheet, rc, (s) => (s.font = { bold: v })),
      );
    const aligned = parts.get('alignment');
    if (aligned) {
      const wraps = new Map<string, boolean>();
      readCells(
        ws,
        aligned,
        (r) => flag(r.WrapText),
        false,
        (rc, v) => wraps.set(`${rc.row},${rc.col}`, v),
      );
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
    probe(
      cols,
      (ks) => columnChunks(ks),
      (a) => readSize(ws.Range(a), 'width'),
      () => null,
      (c, w) => columns.set(`${sheet}!${colName(c)}`, w),
    );
  }
  const rows = new Map<string, number | null>();
  for (const [sheet, rs] of groupTargets(targets.rows.map((r) => [r.sheet, r.row]))) {
    const ws = findSheet(ctx.sheets, sheet)?.ws;
    if (!ws) continue;
    probe(
      rs,
      (ks) => rowChunks(ks),
      (a) => readSize(ws.Range(a), 'height'),
      () => null,
      (r, h) => rows.set(`${sheet}!${r}`, h),
    );
  }
  return { ops, state, columns, rows, targets, notesAsSheet, marker: plan.marker };
}

/** Stops before anything is written when a sheet to write, or the workbook structure, is protected. */
function checkWritable(ctx: Context, ops: PlanOp[], targets: PlanTargets, revert: boolean): void {
  const written = new Set<string>();
  for (const t of targets.cells) written.add(t.sheet);
  for (const c of targets.columns) written.add(c.sheet);
  for (const r of targets.rows) written.add(r.sheet);
  for (const name of written) {
    const entry = findSheet(ctx.sheets, name);
    if (entry && entry.ws.ProtectContents === true) {
      throw new HostError(`工作表“${entry.name}”受保护，无法写入。请在“审阅”选项卡中撤销工作表保护后再试。`, undefined, 'protected');
    }
  }
  // new or deleted sheets, the journal sheet to add, or (撤销, 清除标记) perhaps to remove
  const structural =
    revert || ops.some((o) => o.kind === 'createSheet' || o.kind === 'deleteSheet') || !findSheet(ctx.sheets, JOURNAL_SHEET);
  if (structural && ctx.wb.ProtectStructure === true) {
    throw new HostError('工作簿结构受保护，无法新建或删除工作表。请在“审阅”选项卡中撤销工作簿保护后再试。', undefined, 'protected');
  }
}

function readCells<T>(
  ws: WpsWorksheet,
  cells: RowCol[],
  read: (r: WpsRange) => T | Mixed,
  fallback: T,
  out: (rc: RowCol, v: T) => void,
): void {
  probe(
    cells,
    (ks) => cellChunks(ks),
    (a) => read(ws.Range(a)),
    () => fallback,
    out,
  );
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

export function groupTargets<V>(pairs: [string, V][]): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const [sheet, v] of pairs) {
    let list = out.get(sheet);
    if (!list) out.set(sheet, (list = []));
    list.push(v);
  }
  return out;
}

export function colName(col: number): string {
  return cellAddress(0, col).replace(/\d+$/, '');
}

export function sameSize(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 0.01;
}
