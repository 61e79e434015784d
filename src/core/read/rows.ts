// Row tests shared by the code-keyed readers (classified tables, T08/T09).
import { address } from '../grid';
import type { Amount } from '../model';
import { normalizeLabel } from '../tables';
import { isFullCode } from './codes';
import type { ReadContext } from './context';
import { readFinding } from './findings';
import type { KeyedColumn } from './header';
import { headerLabel } from './header';
import type { SheetView } from './sheet';
import { isNonZeroNumber, readAmount } from './value';

/** A data row starts (in its first two filled cells) with a code: 201, 20101, “201 一般公共服务支出”. */
export function isCodeRow(view: SheetView, row: number): boolean {
  return view
    .nonEmptyCols(row)
    .slice(0, 2)
    .some((c) => startsWithCode(view.text(row, c)));
}

function startsWithCode(text: string): boolean {
  const m = /^[[【]?(\d+)[\]】]?(.*)$/.exec(text);
  return !!m && isFullCode(m[1]) && !/^[\d.]/.test(m[2]);
}

/** A total row: its first filled cell is a total label and no other cell is a header word. */
export function isTotalOnlyRow(view: SheetView, row: number, totals: Set<string>, keywords: ReadonlySet<string>): boolean {
  const cols = view.nonEmptyCols(row);
  if (cols.length === 0) return false;
  const first = headerLabel(view.text(row, cols[0]));
  if (!totals.has(first)) return false;
  return cols.slice(1).every((c) => {
    const label = headerLabel(view.text(row, c));
    return label === first || !keywords.has(label);
  });
}

/** The first of the row's cells in `cols` whose label is in `labels`. */
export function findLabel(view: SheetView, row: number, cols: number[], labels: Set<string>): string | undefined {
  const shared = sharedChar(labels);
  for (const c of cols) {
    const text = view.text(row, c);
    if (text === '' || !text.includes(shared)) continue; // a blank cell is no label
    const label = normalizeLabel(text);
    if (labels.has(label)) return label;
  }
  return undefined;
}

/**
 * A character every label holds (计 of 合计 and 总计), or '' when they share none: normalizeLabel
 * only drops and unifies characters, so a text without it labels none of them and need not be
 * normalised. Worked out once per list of labels (the readers' own, which never change).
 */
export function sharedChar(labels: ReadonlySet<string> | ReadonlyMap<string, unknown>): string {
  let shared = sharedChars.get(labels);
  if (shared === undefined) {
    const [first = '', ...rest] = labels.keys();
    shared = [...first].find((ch) => ch !== '（' && ch !== '）' && rest.every((l) => l.includes(ch))) ?? '';
    sharedChars.set(labels, shared);
  }
  return shared;
}

const sharedChars = new WeakMap<object, string>();

export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

export function readAmounts(ctx: ReadContext, row: number, columns: KeyedColumn[]): Record<string, Amount> {
  const cells: Record<string, Amount> = {};
  for (const { key, col } of columns) {
    const amount = readAmount(ctx, row, col);
    if (amount) cells[key] = amount;
  }
  return cells;
}

/** A row holding money that the reader could not key is worth a warning; an empty one is not. */
export function warnIfSkippedRowHasMoney(ctx: ReadContext, row: number, columns: KeyedColumn[], label: string): void {
  if (!columns.some(({ col }) => isNonZeroNumber(ctx.view.value(row, col)))) return;
  const cell = { sheet: ctx.view.sheet, address: address(row, columns[0].col) };
  ctx.findings.push(
    readFinding('warning', `表“${cell.sheet}”第${row + 1}行${label ? `“${label}”` : ''}没有可识别的科目编码或合计标签，已忽略`, cell),
  );
}
