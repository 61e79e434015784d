// 填表 on the seed workbooks the repo ships (examples/seed000.xlsx, seed002.xlsx — the published
// figures of two Sichuan departments) with every total cleared: every 合计 row, every 合计/总计
// cell of the summary tables (both sides, every column of T04's 支 side), T08's and the “三公”
// table's totals. Once filled, the workbook checks with no table error, and a total differs from
// the printed one only where the preview says that it may (summed from rounded figures).
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../../src/core/engine';
import type { Model, Table } from '../../../src/core/model';
import { readWorkbook } from '../../../src/core/read';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file';
import { fill, gridsOf, type Filled } from './helpers';

const SAN_GONG_TOTALS = ['合计', '公务用车购置及运行费'];

/** A total: a 合计/总计 row or a T08 合计 row, T04's 合计 column, the “三公” 合计 columns, T04's 年初 total. */
function isTotal(table: Table, row: string, col: string): boolean {
  if (/合计|总计/.test(row)) return true;
  if (table.id === 'T04') return col === '合计' || row === '收:年初财政拨款结转和结余';
  if (table.id === 'T10' || table.id === 'T12') return SAN_GONG_TOTALS.includes(col);
  return false;
}

interface Seed {
  model: Model;
  cleared: Array<{ sheet: string; address: string; printed: string }>;
  filled: Filled;
}

async function seedWithTotalsCleared(name: string): Promise<Seed> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../examples', name)));
  const { workbook, grids } = await loadWorkbook(bytes);
  const model = readWorkbook(grids);
  const cleared: Seed['cleared'] = [];
  for (const table of Object.values(model.tables) as Table[]) {
    for (const row of table.rows) {
      for (const [col, amount] of Object.entries(row.cells)) {
        if (amount.value.isZero() || !isTotal(table, row.key, col)) continue; // a blank reads as 0 already
        workbook.getWorksheet(amount.cell.sheet)!.getCell(amount.cell.address).value = null;
        cleared.push({ ...amount.cell, printed: amount.value.toFixed(2) });
      }
    }
  }
  return { model, cleared, filled: await fill(await saveWorkbook(workbook)) };
}

/**
 * seed000 prints 六's 302 类 row 399.58 and its 公用经费合计 399.59 (its own rounding, ROUNDING 2 of
 * examples/seed-data.ts): 填表 writes the one printed addend, and its copies in 表5/表7.
 */
const PRINTED_ADDEND: Record<string, string[]> = {
  'seed000.xlsx': ['表5!F7', '表7!F7', '表8!I25'],
  'seed002.xlsx': [],
};

describe.each([
  ['seed000.xlsx', 35],
  ['seed002.xlsx', 35],
])('%s with every total cleared', (name, atLeast) => {
  let seed: Seed;
  beforeAll(async () => {
    seed = await seedWithTotalsCleared(name);
  });

  test('fill writes every total back; the workbook then checks with no table error', async () => {
    expect(seed.cleared.length).toBeGreaterThan(atLeast);
    const written = new Map(seed.filled.result.items.map((i) => [`${i.sheet}!${i.address}`, i.written.toFixed(2)]));
    for (const c of seed.cleared)
      expect([`${c.sheet}!${c.address}`, written.has(`${c.sheet}!${c.address}`)]).toEqual([`${c.sheet}!${c.address}`, true]);
    const { findings } = checkWorkbook(await gridsOf(seed.filled.bytes));
    // the tables only: the narrative (TXT-) and the 补充信息 inputs (SUP-: seed000's 三公 上年数) are checked elsewhere
    expect(findings.filter((f) => f.severity === 'error' && !/^(TXT|SUP)-/.test(f.rule))).toEqual([]);
    expect(seed.filled.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a total written differs from the printed one only where the preview says it may (0.01, summed from rounded figures)', () => {
    const written = new Map(seed.filled.result.items.map((i) => [`${i.sheet}!${i.address}`, i]));
    const differing = seed.cleared.flatMap((c) => {
      const item = written.get(`${c.sheet}!${c.address}`)!;
      return item.written.toFixed(2) === c.printed ? [] : [{ ...c, written: item.written.toFixed(2), roundedSum: item.roundedSum }];
    });
    for (const d of differing) {
      expect([`${d.sheet}!${d.address}`, d.roundedSum ?? PRINTED_ADDEND[name].includes(`${d.sheet}!${d.address}`)]).toEqual([
        `${d.sheet}!${d.address}`,
        true,
      ]);
      expect(Math.abs(Number(d.written) - Number(d.printed)).toFixed(2)).toBe('0.01');
    }
  });
});
