// Random damage to the bytes of a real .xlsx: the file host either reads it or throws
// UnreadableWorkbookError — never anything else; the command line answers exit 2 with one
// Chinese sentence (never the internal-error one); the same file always gives the same JSON; and
// neither check nor batch ever writes the file they read.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';

// A fixed seed: CI runs the same cases every time (change it locally to explore others).
fc.configureGlobal({ seed: 20261125 });
import { checkWorkbook } from '../../src/core/engine';
import { loadWorkbook, readGrids, UnreadableWorkbookError } from '../../src/hosts/file';
import { makeTempDir } from '../helpers/tmp';
import { runCli } from '../helpers/cli';
import { applyDamage, damage, sample, sha256 } from './helpers';
import type { Sample } from './helpers';

let s: Sample;
const dir = makeTempDir('juesuan-prop-');
let counter = 0;
beforeAll(async () => {
  s = await sample();
});

const INTERNAL = /内部错误/;

type Reader = 'fast' | 'exceljs';

/**
 * What one reader makes of the bytes. check, narrate and batch read with the fast reader, which
 * inflates only the parts it needs: damage in a part it never reads (a theme, docProps) leaves the
 * file readable, where exceljs, which reads every part, refuses it.
 */
async function outcome(bytes: Uint8Array, reader: Reader = 'fast'): Promise<'read' | 'unreadable'> {
  try {
    const { grids } = reader === 'fast' ? readGrids(bytes, 'x.xlsx') : await loadWorkbook(bytes, 'x.xlsx');
    checkWorkbook(grids); // must not throw on whatever survived
    return 'read';
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      expect(e.message).toMatch(/^无法读取“x\.xlsx”：/);
      return 'unreadable';
    }
    throw e;
  }
}

test.each([
  ['deflated', 'fast'],
  ['stored', 'fast'],
  ['deflated', 'exceljs'],
  ['stored', 'exceljs'],
] as const)('damaged bytes (%s parts, %s reader): read, or UnreadableWorkbookError — never another exception', async (kind, reader) => {
  const seen = { read: 0, unreadable: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 2 }), async (damages) => {
      let bytes: Uint8Array = kind === 'stored' ? s.stored : s.bytes;
      for (const d of damages) bytes = applyDamage(bytes, d);
      seen[await outcome(bytes, reader)]++;
    }),
    { numRuns: 40 },
  );
  // Both outcomes occur, so the property is not vacuous.
  expect(seen.unreadable).toBeGreaterThan(0);
  if (kind === 'stored') expect(seen.read).toBeGreaterThan(0);
});

test('via the command line: exit 2 with one sentence naming the file, same JSON every time, file untouched', async () => {
  await fc.assert(
    fc.asyncProperty(fc.boolean(), damage, async (stored, d) => {
      const bytes = applyDamage(stored ? s.stored : s.bytes, d);
      const expected = await outcome(bytes);
      const file = path.join(dir, `damaged-${++counter}.xlsx`);
      fs.writeFileSync(file, bytes);
      const before = sha256(file);
      const mtime = fs.statSync(file).mtimeMs;

      const first = await runCli(['check', file, '--json']);
      expect(first.stderr).not.toMatch(INTERNAL);
      if (expected === 'unreadable') {
        expect(first.code).toBe(2);
        expect(first.stdout).toBe('');
        expect(first.stderr).toContain(path.basename(file));
        expect(first.stderr.trim().split('\n')).toHaveLength(1);
      } else {
        expect([0, 1]).toContain(first.code);
        JSON.parse(first.stdout);
      }
      const again = await runCli(['check', file, '--json']);
      expect(again).toEqual(first);
      expect(sha256(file)).toBe(before);
      expect(fs.statSync(file).mtimeMs).toBe(mtime);
    }),
    { numRuns: 20 },
  );
});

test('batch over damaged files: each gets its line, exit code by the worst, files untouched, same JSON twice', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 3 }), async (damages) => {
      const folder = makeTempDir('juesuan-prop-batch-');
      fs.writeFileSync(path.join(folder, '0-good.xlsx'), s.bytes);
      const expected: Array<'read' | 'unreadable'> = ['read'];
      for (const [i, d] of damages.entries()) {
        const bytes = applyDamage(i % 2 ? s.bytes : s.stored, d);
        expected.push(await outcome(bytes));
        fs.writeFileSync(path.join(folder, `${i + 1}-damaged.xlsx`), bytes);
      }
      const files = fs.readdirSync(folder).map((f) => path.join(folder, f));
      const before = files.map(sha256);

      const run = await runCli(['batch', folder, '--json']);
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout);
      expect(out.files).toHaveLength(expected.length);
      out.files.forEach((f: { unreadable: string | null }, i: number) => {
        expect(f.unreadable === null ? 'read' : 'unreadable').toBe(expected[i]);
        if (f.unreadable !== null) expect(f.unreadable).not.toMatch(INTERNAL);
      });
      const worst = expected.includes('unreadable') ? 2 : out.files.some((f: { counts: { error: number } }) => f.counts.error > 0) ? 1 : 0;
      expect(run.code).toBe(worst);
      expect(out.summary.exitCode).toBe(worst);
      expect((await runCli(['batch', folder, '--json'])).stdout).toBe(run.stdout);
      expect(files.map(sha256)).toEqual(before);
    }),
    { numRuns: 10 },
  );
});
