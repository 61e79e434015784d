// Properties of the engine over random edits of the sample's amounts: it never throws, every
// broken identity is reported at the edited cell, and the same input gives the same output.
import Decimal from 'decimal.js';
import fc from 'fast-check';

// A fixed seed: CI runs the same cases every time (change it locally to explore others).
fc.configureGlobal({ seed: 20261125 });
import { checkWorkbook } from '../../src/core/engine';
import type { Finding } from '../../src/core/finding';
import { anyCellValue, cloneGrids, getCell, sample, setCell } from './helpers';
import type { Sample } from './helpers';

let s: Sample;
beforeAll(async () => {
  s = await sample();
});

const SEVERITIES = new Set(['error', 'warning', 'info']);
const AMOUNT = /^-?\d+\.\d\d$/;

function wellFormed(f: Finding): boolean {
  return (
    typeof f.rule === 'string' &&
    f.rule !== '' &&
    SEVERITIES.has(f.severity) &&
    typeof f.message === 'string' &&
    f.message !== '' &&
    Array.isArray(f.cells) &&
    f.cells.every((c) => typeof c.sheet === 'string' && /^[A-Z]+\d+$/.test(c.address)) &&
    [f.expected, f.actual, f.difference, f.tolerance].every((x) => x === undefined || AMOUNT.test(x))
  );
}

test('the sample itself has no error, so every error below comes from the edit', () => {
  const findings = checkWorkbook(s.grids).findings;
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(s.amounts.length).toBeGreaterThan(300);
});

test('any values in any amount cells: no exception, well-formed findings', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), anyCellValue), { minLength: 1, maxLength: 12 }), (edits) => {
      const grids = cloneGrids(s.grids);
      for (const [i, value] of edits) {
        const cell = s.amounts[i % s.amounts.length];
        setCell(grids, cell.sheet, cell.row, cell.col, value);
      }
      const { findings } = checkWorkbook(grids);
      for (const f of findings) expect(wellFormed(f)).toBe(true);
      JSON.stringify(findings);
    }),
    { numRuns: 50 },
  );
});

test('one amount changed by more than any rounding tolerance: an error finding names that cell', () => {
  fc.assert(
    fc.property(
      fc.nat(),
      // ±1.00 … ±100000.00 万元: above any tolerance (0.01 per rounded addend).
      fc.integer({ min: 100, max: 10_000_000 }),
      fc.boolean(),
      (i, cents, negative) => {
        const cell = s.amounts[i % s.amounts.length];
        const grids = cloneGrids(s.grids);
        const before = getCell(grids, cell.sheet, cell.row, cell.col);
        const old = new Decimal(typeof before === 'number' ? before : 0);
        const delta = new Decimal(cents).div(100).mul(negative ? -1 : 1);
        setCell(grids, cell.sheet, cell.row, cell.col, old.add(delta).toNumber());
        const { findings } = checkWorkbook(grids);
        const named = findings.filter(
          (f) => f.severity === 'error' && f.cells.some((c) => c.sheet === cell.sheet && c.address === cell.address),
        );
        if (named.length === 0) {
          throw new Error(
            `${cell.table} ${cell.sheet}!${cell.address} ${old.toFixed(2)} → ${old.add(delta).toFixed(2)}: no error names the cell`,
          );
        }
      },
    ),
    { numRuns: 50 },
  );
});

test('the same grids always give byte-identical results', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), anyCellValue), { maxLength: 6 }), (edits) => {
      const grids = cloneGrids(s.grids);
      for (const [i, value] of edits) {
        const cell = s.amounts[i % s.amounts.length];
        setCell(grids, cell.sheet, cell.row, cell.col, value);
      }
      const a = JSON.stringify(checkWorkbook(grids).findings);
      const b = JSON.stringify(checkWorkbook(cloneGrids(grids)).findings);
      expect(b).toBe(a);
    }),
    { numRuns: 30 },
  );
});
