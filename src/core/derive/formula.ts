// The live formula of a derived cell: the identity that determined it, solved for the cell,
// over the source cells, e.g. SUM(D9:D11,D14) (a total), '表2'!D7 (a copy),
// F36-F33-F35 (an addend from its total). Sources in another unit are scaled; a result that
// needs it is wrapped in ROUND(…,2) so the formula gives exactly the value written.
import type { CellRef } from '../finding';
import { parseAddress } from '../grid';
import { UNIT_PER_WAN } from '../money';
import type { Equation, Node } from './network';

function sheetPrefix(sheet: string, target: string): string {
  return sheet === target ? '' : `'${sheet.replace(/'/g, "''")}'!`;
}

interface Ref {
  sheet: string;
  row: number;
  col: number;
  address: string;
}

/**
 * Same-sheet cells as ranges: runs of consecutive rows in one column, or — when all cells are
 * on one row — runs of consecutive columns (D8:D10, G7:I7).
 */
function groupRanges(refs: Ref[], target: string): string[] {
  const byRow = refs.every((r) => r.sheet === refs[0].sheet && r.row === refs[0].row);
  const [major, minor] = byRow ? (['row', 'col'] as const) : (['col', 'row'] as const);
  const sorted = [...refs].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a[major] - b[major] || a[minor] - b[minor]));
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1].sheet === sorted[i].sheet &&
      sorted[j + 1][major] === sorted[j][major] &&
      sorted[j + 1][minor] === sorted[j][minor] + 1
    )
      j++;
    const prefix = sheetPrefix(sorted[i].sheet, target);
    out.push(i === j ? `${prefix}${sorted[i].address}` : `${prefix}${sorted[i].address}:${sorted[j].address}`);
    i = j + 1;
  }
  return out;
}

/** a+b (one or two cells) or SUM(ranges) (three or more). */
function sumText(refs: Ref[], target: string): string {
  if (refs.length >= 3) return `SUM(${groupRanges(refs, target).join(',')})`;
  return refs.map((r) => `${sheetPrefix(r.sheet, target)}${r.address}`).join('+');
}

/**
 * The formula (no leading “=”) that gives `node` from the other cells of `eq`, in the unit of
 * the table `node` is in; undefined when a source with money has no cell, or holds its number
 * as text (a spreadsheet would not add it).
 */
export function formulaFor(
  eq: Equation,
  node: Node,
  target: CellRef,
  isText: (cell: CellRef) => boolean = () => false,
): string | undefined {
  const own = eq.coef.get(node) as number;
  const plain: Ref[] = [];
  const minus: Ref[] = [];
  const others: string[] = [];
  let round = node.exact !== undefined && !node.exact.eq(node.value);
  for (const [n, c] of eq.coef) {
    if (n === node) continue;
    const sign = -c / own;
    if (Math.abs(sign) !== 1) return undefined;
    if (!n.cell) {
      if (n.value.isZero()) continue;
      return undefined;
    }
    // a typed cell set aside as disagreeing: its cell does not hold the value used
    if (n.status === 'typed' && n.how !== 'typed') return undefined;
    // numbers stored as text (“1,234.56”) are not numbers to a formula
    if (isText(n.cell)) return undefined;
    const factor = UNIT_PER_WAN[node.table.unit] / UNIT_PER_WAN[n.table.unit];
    if (n.how === 'typed' && n.amount.raw) round = true;
    const { row, col } = parseAddress(n.cell.address);
    if (factor === 1) {
      (sign > 0 ? plain : minus).push({ sheet: n.cell.sheet, row, col, address: n.cell.address });
      continue;
    }
    let text = `${sheetPrefix(n.cell.sheet, target.sheet)}${n.cell.address}`;
    if (factor !== 1) {
      round = true;
      text += factor > 1 ? `*${factor}` : `/${1 / factor}`;
    }
    others.push(`${sign > 0 ? '+' : '-'}${text}`);
  }
  const constant = eq.constant.neg().div(own).mul(UNIT_PER_WAN[node.table.unit]);
  if (!constant.isZero()) others.push(`${constant.isNegative() ? '-' : '+'}${constant.abs().toFixed()}`);
  if (minus.length > 0)
    others.unshift(minus.length >= 3 ? `-${sumText(minus, target.sheet)}` : minus.map((r) => `-${sumText([r], target.sheet)}`).join(''));
  if (plain.length === 0 && others.length === 0) return undefined;
  let expr = sumText(plain, target.sheet);
  for (const o of others) expr += expr === '' && o.startsWith('+') ? o.slice(1) : o;
  return round ? `ROUND(${expr},2)` : expr;
}
