// Reading a format property (fill, bold, wrap, width, height) of many cells, rows or columns
// without visiting them one by one. A property read on a union range ("A1,C3:C9,E5") answers one
// value when every cell has the same, and null when they differ (as in Excel's object model). So
// the cells go in as few unions as the address-length limit allows; a union that answers "mixed"
// is split in two (cells in row-major order) and each half asked again. The calls follow the
// number of unions and of runs of equal values (colour groups), not the number of cells.
import type { Bounds } from '../../core/plan';
import { rangeText } from '../../core/plan';
import { MAX_ADDRESS_CHARS, cellsOf, chunkAddresses, rectangles, runsOf } from './address';
import type { RowCol } from './address';
import { columnLetters } from '../../core/grid';

/** What a property read answers when the cells of the range differ. */
export const MIXED: unique symbol = Symbol('mixed');
export type Mixed = typeof MIXED;

/** One Range() call's worth of keys: the union address and the keys it covers. */
export interface Chunk<K> {
  text: string;
  keys: K[];
}

/**
 * Reads `read(address)` for every key in as few calls as it can: unions first, halves of a mixed
 * union next. `single` answers for one key whose read still says mixed (should not happen).
 */
export function probe<K, T>(
  keys: K[],
  chunk: (keys: K[]) => Chunk<K>[],
  read: (address: string) => T | Mixed,
  single: (key: K) => T,
  out: (key: K, value: T) => void,
): void {
  for (const c of chunk(keys)) {
    const v = read(c.text);
    if (v !== MIXED) {
      for (const k of c.keys) out(k, v);
      continue;
    }
    if (c.keys.length === 1) {
      out(c.keys[0], single(c.keys[0]));
      continue;
    }
    const mid = Math.ceil(c.keys.length / 2);
    probe(c.keys.slice(0, mid), chunk, read, single, out);
    probe(c.keys.slice(mid), chunk, read, single, out);
  }
}

/** Cells → unions of rectangles; keys come back row-major. */
export function cellChunks(cells: RowCol[], max = MAX_ADDRESS_CHARS): Chunk<RowCol>[] {
  const rects = rectangles(cells);
  const texts = rects.map(rangeText);
  const byText = new Map<string, Bounds>();
  rects.forEach((b, i) => byText.set(texts[i], b));
  return chunkAddresses(texts, max).map((group) => ({
    text: group.join(','),
    keys: group.flatMap((t) => cellsOf(byText.get(t) as Bounds)),
  }));
}

/** Sheet rows (1-based) → unions of "3:5" runs. */
export function rowChunks(rows: number[], max = MAX_ADDRESS_CHARS): Chunk<number>[] {
  return runChunks(rows, (a, b) => `${a}:${b}`, max);
}

/** Columns (0-based) → unions of "A:C" runs. */
export function columnChunks(cols: number[], max = MAX_ADDRESS_CHARS): Chunk<number>[] {
  return runChunks(cols, (a, b) => `${columnLetters(a)}:${columnLetters(b)}`, max);
}

function runChunks(values: number[], text: (a: number, b: number) => string, max: number): Chunk<number>[] {
  const runs = runsOf(values);
  const texts = runs.map(([a, b]) => text(a, b));
  const byText = new Map<string, [number, number]>();
  runs.forEach((r, i) => byText.set(texts[i], r));
  return chunkAddresses(texts, max).map((group) => ({
    text: group.join(','),
    keys: group.flatMap((t) => {
      const [a, b] = byText.get(t) as [number, number];
      return Array.from({ length: b - a + 1 }, (_, i) => a + i);
    }),
  }));
}

/** Groups keys by a value (its JSON): one union per distinct value, for writing. */
export function groupBy<K, V>(entries: [K, V][]): { value: V; keys: K[] }[] {
  const groups = new Map<string, { value: V; keys: K[] }>();
  for (const [k, v] of entries) {
    const id = JSON.stringify(v === undefined ? null : v);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { value: v, keys: [] }));
    g.keys.push(k);
  }
  return [...groups.values()];
}
