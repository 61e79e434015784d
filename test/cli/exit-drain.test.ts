// The built command line exits only after its output has drained: a pipe whose reader is slow
// (`batch … --json | python3 …`) gets every byte, not the first 128 KB.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeTempDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/juesuan.js');
const SEED = path.join(ROOT, 'examples/seed002.xlsx');

test('batch --json into a slow pipe reader arrives whole', () => {
  const dir = makeTempDir();
  for (let i = 0; i < 20; i++) fs.copyFileSync(SEED, path.join(dir, `单位${String(i).padStart(2, '0')}.xlsx`));
  const direct = execFileSync('node', [BIN, 'batch', dir, '--json', '--jobs', '1'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  expect(direct.length).toBeGreaterThan(150_000); // bytes: more than a pipe holds
  // the reader starts only after the writer has finished writing
  const piped = execFileSync('sh', ['-c', `node "${BIN}" batch "${dir}" --json --jobs 1 | (sleep 2; cat)`], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(piped.length).toBe(direct.length);
  expect(() => JSON.parse(piped.toString())).not.toThrow();
});
