// The merged areas of a sheet's used range, without visiting its cells. The WPS object model has
// no "all merged areas" call, so:
//   1. UsedRange.MergeCells is false when nothing is merged: one call, done.
//   2. Find with a search format (Application.FindFormat.MergeCells = true) jumps from merged
//      cell to merged cell: four calls per merged area (Find, the cell's address, MergeArea, its
//      address), whatever the number of cells.
//   3. Where the search format is not honoured (Find throws, finds unmerged cells or never comes
//      back to the first hit), the used range is halved until each part is unmerged (MergeCells
//      false) or one merged area: the calls follow the merged areas times the halvings (the
//      logarithm of the rows), still not the cells.
import type { MergeRange } from '../../core/grid';
import type { Bounds } from '../../core/plan';
import { rangeText } from '../../core/plan';
import type { WpsApplication, WpsRange, WpsWorksheet } from './api';
import { xlByRows, xlFormulas, xlNext, xlPart } from './api';
import { parseAddressList } from './address';

export type MergeStrategy = 'find' | 'halve';

/** The address of a range without $ (Address is a method in the JSAPI; tolerate a property). */
export function addressText(r: WpsRange): string {
  const a = (r as unknown as { Address: unknown }).Address;
  return typeof a === 'function' ? String((a as (x: boolean, y: boolean) => unknown).call(r, false, false)) : String(a);
}

class NotHonoured extends Error {}

const key = (b: Bounds) => rangeText(b);
const inside = (b: Bounds, row: number, col: number) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

/**
 * Finds merged areas sheet after sheet within one operation. Sets the search format once and
 * clears it when done (Application.FindFormat is shared with the user's 查找 dialog).
 */
export class MergeFinder {
  private formatSet = false;
  constructor(
    private readonly app: WpsApplication,
    public strategy: MergeStrategy,
  ) {}

  /** The merged areas inside `used` (at `bounds`), sorted by top then left. */
  find(ws: WpsWorksheet, used: WpsRange, bounds: Bounds): MergeRange[] {
    if (used.MergeCells === false) return [];
    let areas: Bounds[] | undefined;
    if (this.strategy === 'find') {
      try {
        areas = this.byFind(used, bounds);
      } catch {
        this.strategy = 'halve'; // this WPS does not search by format: halve from now on
      }
    }
    if (!areas) areas = this.byHalving(ws, bounds);
    return areas.filter((b) => b.top !== b.bottom || b.left !== b.right).sort((a, b) => a.top - b.top || a.left - b.left);
  }

  /** Clears the search format (call once at the end of the operation). */
  done(): void {
    if (!this.formatSet) return;
    this.formatSet = false;
    try {
      this.app.FindFormat?.Clear();
    } catch {
      // nothing to restore then
    }
  }

  private byFind(used: WpsRange, bounds: Bounds): Bounds[] {
    if (!this.formatSet) {
      const format = this.app.FindFormat;
      if (!format) throw new NotHonoured();
      format.Clear();
      format.MergeCells = true;
      this.formatSet = true;
    }
    const cells = (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
    const areas = new Map<string, Bounds>();
    let first: string | undefined;
    let after: WpsRange | undefined;
    for (let i = 0; i <= cells; i++) {
      const hit = used.Find('', after, xlFormulas, xlPart, xlByRows, xlNext, false, undefined, true);
      if (!hit) return [...areas.values()];
      const at = addressText(hit);
      if (at === first) return [...areas.values()];
      if (first === undefined) first = at;
      after = hit;
      const [cell] = parseAddressList(at);
      if (!cell) throw new NotHonoured();
      if ([...areas.values()].some((b) => inside(b, cell.top, cell.left))) continue; // a later cell of a known area
      const [area] = parseAddressList(addressText(hit.MergeArea));
      if (!area || (area.top === area.bottom && area.left === area.right)) throw new NotHonoured(); // not a merged cell
      areas.set(key(area), area);
    }
    throw new NotHonoured(); // never came back to the first hit
  }

  private byHalving(ws: WpsWorksheet, bounds: Bounds): Bounds[] {
    const areas = new Map<string, Bounds>();
    const visit = (b: Bounds) => {
      const r = ws.Range(rangeText(b));
      const merged = r.MergeCells;
      if (merged === false) return;
      const one = b.top === b.bottom && b.left === b.right;
      if (merged === true) {
        // all cells merged: one area exactly, or several (or one reaching beyond b)
        const corner = one ? r : ws.Range(rangeText({ top: b.top, left: b.left, bottom: b.top, right: b.left }));
        const [area] = parseAddressList(addressText(corner.MergeArea));
        if (area) {
          areas.set(key(area), area);
          if (one || (area.top === b.top && area.left === b.left && area.bottom === b.bottom && area.right === b.right)) return;
        }
      }
      if (one) return;
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      if (rows >= cols) {
        const mid = b.top + Math.floor(rows / 2) - 1;
        visit({ ...b, bottom: mid });
        visit({ ...b, top: mid + 1 });
      } else {
        const mid = b.left + Math.floor(cols / 2) - 1;
        visit({ ...b, right: mid });
        visit({ ...b, left: mid + 1 });
      }
    };
    visit(bounds);
    return [...areas.values()];
  }
}
