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
 * Where seed000's printed total is not the exact copy of its one non-zero addend (by hand):
 * 表8's 302 商品和服务支出 (F6) is 399.58 = 11.22 + 5.33 + 0.96 + 0.08 + 0.76 + 6.88 + 23.62 + 0.70 +
 * 1.16 + 4.92 + 5.61 + 4.17 + 35.88 + 4.34 + 22.81 + 18.21 + 117.10 + 135.83 (its 18 款, F7:F24), and it
 * is the only non-zero 公用经费 row of 表8, 表5 and 表7; yet their 公用经费合计 (表8!I25, 表5!F7,
 * 表7!F7) print 399.59, the figure 六 publishes. A total of one figure and zeros is that figure, in
 * any software: 399.59 ≠ 399.58 + 0 + 0 is not rounding of the sum. It comes from the seed's own
 * figures (examples/seed-data.ts, ROUNDING 2: the published 公用经费 over 款 the document lists,
 * which add up to 399.58). 填表 writes the exact 399.58, without the 0.01 note, and says it copies
 * 302 with the other addends 0.
 */
const ONE_ADDEND: Record<string, Record<string, string>> = {
  'seed000.xlsx': {
    '表5!F7': '财政拨款支出决算明细表“302 商品和服务支出·公用经费”（另有2项为0）',
    '表8!I25': '一般公共预算财政拨款基本支出决算表“302 商品和服务支出”',
    '表7!F7': '一般公共预算财政拨款基本支出决算表“公用经费合计”',
  },
  'seed002.xlsx': {},
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
      return item.written.toFixed(2) === c.printed ? [] : [{ ...c, item }];
    });
    const oneAddend = ONE_ADDEND[name];
    for (const d of differing.filter((x) => !(`${x.sheet}!${x.address}` in oneAddend))) {
      expect([`${d.sheet}!${d.address}`, d.item.roundedSum]).toEqual([`${d.sheet}!${d.address}`, true]);
      expect(Math.abs(Number(d.item.written) - Number(d.printed)).toFixed(2)).toBe('0.01');
    }
    // the one-addend totals: exact copies (no note), 0.01 off a printed figure that is not their sum
    const exact = differing.filter((x) => `${x.sheet}!${x.address}` in oneAddend);
    expect(
      exact.map((d) => `${d.sheet}!${d.address} ${d.printed} → ${d.item.written.toFixed(2)} ${d.item.roundedSum ?? false}`).sort(),
    ).toEqual(
      Object.keys(oneAddend)
        .map((cell) => `${cell} 399.59 → 399.58 false`)
        .sort(),
    );
    for (const d of exact) expect(d.item.from).toBe(oneAddend[`${d.sheet}!${d.address}`]);
  });
});
