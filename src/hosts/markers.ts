// juesuan's marker on the sheets it creates (core/plan/validate) in the Excel and WPS hosts: a
// workbook defined name `_juesuan_created_N` referring to the sheet's A1, added with the sheet
// and deleted with it (Excel and WPS would otherwise keep the name, referring to #REF!). 撤销 and
// 清除标记 act only on journal entries whose created sheets carry it.
import {
  CREATED_SHEET_MARKER_PREFIX,
  JournalRejectedError,
  assertJournalEntriesUsable,
  markedSheets,
  nextCreatedSheetMarkerName,
} from '../core/plan';
import type { PlanOp } from '../core/plan';
import { HostError } from './host';
import type { Made } from './journal-state';

/** A workbook-scoped defined name and what it refers to ("='表 1'!$A$1", with or without "="). */
export interface DefinedName {
  name: string;
  reference: string;
}

/** Shown in Excel's Name Manager beside the marker. */
export const MARKER_COMMENT = 'juesuan 新建的工作表；撤销时随工作表删除';

export const isMarkerName = (name: string): boolean => name.toLowerCase().startsWith(CREATED_SHEET_MARKER_PREFIX);

const lower = (s: string) => s.toLowerCase();

/**
 * Whether an action must read the workbook's defined names: its `ops` (by default its plan's;
 * a host passes the ops it will really run, 审核结果 fallback included) create or delete sheets,
 * or it checks journal entries that list created sheets.
 */
export function needsNames(made: Made | undefined, ops: PlanOp[] = made?.plan.ops ?? []): boolean {
  if (!made) return false;
  if (ops.some((o) => o.kind === 'createSheet' || o.kind === 'deleteSheet')) return true;
  return (made.checked?.entries ?? []).some((e) => e.createdSheets.length > 0);
}

/**
 * Throws a HostError with the Chinese reason, before anything is written, when a journal entry
 * the action acts on may not be acted on (see core/plan/validate). `sheets`: the workbook's.
 */
export function assertMadeUsable(made: Made, names: DefinedName[], sheets: string[]): void {
  if (!made.checked) return;
  try {
    assertJournalEntriesUsable(made.checked.entries, markedSheets(names), made.checked.action, sheets);
  } catch (e) {
    if (e instanceof JournalRejectedError) throw new HostError(e.message, e, 'unreadable');
    throw e;
  }
}

/** The marker names to add (by sheet, lower case) for the sheets `ops` create, none already in use. */
export function markersToAdd(names: DefinedName[], ops: PlanOp[]): Map<string, string> {
  const used = names.map((n) => n.name);
  const out = new Map<string, string>();
  for (const op of ops) {
    if (op.kind !== 'createSheet') continue;
    const name = nextCreatedSheetMarkerName(used);
    used.push(name);
    out.set(lower(op.sheet), name);
  }
  return out;
}

/** The marker names to delete (by sheet, lower case) with the sheets `ops` delete. */
export function markersToRemove(names: DefinedName[], ops: PlanOp[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const op of ops) {
    if (op.kind !== 'deleteSheet') continue;
    const found = names.filter((n) => isMarkerName(n.name) && markedSheets([n]).some((s) => lower(s) === lower(op.sheet)));
    if (found.length > 0)
      out.set(
        lower(op.sheet),
        found.map((n) => n.name),
      );
  }
  return out;
}
