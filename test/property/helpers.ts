// Shared set-up of the property tests: the sample workbook as bytes and Grids, the cells that
// hold its amounts, and ways to edit or damage them.
import * as crypto from 'crypto';
import * as fs from 'fs';
import fc from 'fast-check';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { checkWorkbook } from '../../src/core/engine';
import type { CellValue, Grid } from '../../src/core/grid';
import { parseAddress } from '../../src/core/grid';
import type { TableId } from '../../src/core/model';
import { loadWorkbook } from '../../src/hosts/file';
import { entryChunks } from '../../src/hosts/file/unzip';
import { readZipDirectory } from '../../src/hosts/file/zip';
import { rewriteZip } from '../../src/hosts/file/zipwrite';

async function storedCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const dir = readZipDirectory(bytes);
  if (dir.kind !== 'ok') throw new Error('zip');
  const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) {
    const chunks: Uint8Array[] = [];
    for await (const c of entryChunks(bytes, e)) chunks.push(c.slice());
    parts.set(e.name, Buffer.concat(chunks));
  }
  return rewriteZip(bytes, entries, parts);
}

export interface AmountCell {
  table: TableId;
  sheet: string;
  address: string;
  row: number;
  col: number;
}

export interface Sample {
  bytes: Buffer;
  /** The same workbook with every part stored uncompressed: damage lands in the XML itself. */
  stored: Uint8Array;
  grids: Grid[];
  amounts: AmountCell[];
}

let cached: Promise<Sample> | undefined;

/** The sample workbook, loaded once per test file. Clone `grids` before editing. */
export function sample(): Promise<Sample> {
  cached ??= (async () => {
    const bytes = await buildWorkbookBuffer(structuredClone(sampleDataset()));
    const { grids } = await loadWorkbook(bytes, 'sample.xlsx');
    const { model } = checkWorkbook(grids);
    const seen = new Set<string>();
    const amounts: AmountCell[] = [];
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      for (const row of table.rows) {
        for (const amount of Object.values(row.cells)) {
          const key = `${amount.cell.sheet}!${amount.cell.address}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const { row: r, col: c } = parseAddress(amount.cell.address);
          amounts.push({ table: table.id, sheet: amount.cell.sheet, address: amount.cell.address, row: r, col: c });
        }
      }
    }
    return { bytes, stored: await storedCopy(bytes), grids, amounts };
  })();
  return cached;
}

export function cloneGrids(grids: Grid[]): Grid[] {
  return structuredClone(grids);
}

export function getCell(grids: Grid[], sheet: string, row: number, col: number): CellValue {
  const g = grids.find((x) => x.sheet === sheet);
  return g?.cells[row]?.[col] ?? null;
}

export function setCell(grids: Grid[], sheet: string, row: number, col: number, value: CellValue): void {
  const g = grids.find((x) => x.sheet === sheet);
  if (!g) throw new Error(`no sheet ${sheet}`);
  while (g.cells.length <= row) g.cells.push([]);
  const r = g.cells[row] ?? (g.cells[row] = []);
  while (r.length < col) r.push(null);
  r[col] = value;
}

/** Anything a user (or a broken export) may leave in an amount cell. */
export const anyCellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
  fc.double({ noNaN: false, noDefaultInfinity: false }),
  fc.constantFrom<CellValue>(null, '', '-', '—', '－', ' 12.3 ', '1,234.56', '#N/A', '（1.00）', '1e400', '0x1F', '12.3.4', true, false),
  fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#VALUE!' }),
  fc.string({ maxLength: 12 }),
);

export const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** One way of damaging a file's bytes. */
export type Damage =
  | { kind: 'flip'; at: number[]; mask: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'overwrite'; at: number; bytes: number[] }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; count: number };

/**
 * Positions are fractions of the length, so one arbitrary fits any file; unbiased, since
 * fast-check's preference for small numbers would put nearly every change in the first bytes.
 */
const position = fc.noBias(fc.nat({ max: 1_000_000 }));

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(position, { minLength: 1, maxLength: 3 }),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), keep: position }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: position,
    bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 64 }) }),
);

export function applyDamage(bytes: Uint8Array, d: Damage): Uint8Array {
  const n = bytes.length;
  const pos = (x: number) => Math.floor((x / 1_000_001) * n);
  const out = Uint8Array.from(bytes);
  switch (d.kind) {
    case 'flip':
      for (const a of d.at) out[pos(a)] ^= d.mask;
      return out;
    case 'truncate':
      return out.subarray(0, pos(d.keep));
    case 'overwrite':
      out.set(d.bytes.slice(0, n - pos(d.at)), pos(d.at));
      return out;
    case 'insert':
      return Uint8Array.from([...out.subarray(0, pos(d.at)), ...d.bytes, ...out.subarray(pos(d.at))]);
    case 'delete':
      return Uint8Array.from([...out.subarray(0, pos(d.at)), ...out.subarray(pos(d.at) + d.count)]);
  }
}
