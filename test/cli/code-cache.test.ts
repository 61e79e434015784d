// The command line bundle's V8 code cache (bin/load-bundle.js, scripts/code-cache.js): taken for the
// bundle it was made from, ignored for any other, and the command's output is the same either way.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const seed = path.join(ROOT, 'examples/seed000.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-code-cache-'));
const bundle = path.join(dir, 'juesuan.cjs');

/** Loads the bundle as bin/juesuan.js does, in a fresh process; whether V8 took its cache, and `check`'s output. */
function run(): { cacheUsed: boolean; output: string } {
  const script = `
    const { loadBundle } = require(${JSON.stringify(path.join(ROOT, 'bin/load-bundle.js'))});
    const { exports, cacheUsed } = loadBundle(${JSON.stringify(bundle)});
    process.stderr.write('CACHE=' + cacheUsed + '\\n');
    exports.main(['check', ${JSON.stringify(seed)}, '--json']);`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const line = /CACHE=(true|false)/.exec(r.stderr);
  if (!line) throw new Error(`no CACHE line: ${r.stderr}`);
  return { cacheUsed: line[1] === 'true', output: r.stdout };
}

beforeAll(() => {
  fs.copyFileSync(path.join(ROOT, 'lib/juesuan.cjs'), bundle);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a bundle without a cache runs as it is; the cache made for it is taken and changes nothing', () => {
  const plain = run();
  expect(plain.cacheUsed).toBe(false);
  const made = spawnSync(process.execPath, [path.join(ROOT, 'scripts/code-cache.js'), bundle], { encoding: 'utf8' });
  expect(made.status).toBe(0);
  expect(fs.statSync(`${bundle}.cache`).size).toBeGreaterThan(20);
  const cached = run();
  expect(cached.cacheUsed).toBe(true);
  expect(cached.output).toBe(plain.output);
  expect(JSON.parse(cached.output).findings.length).toBeGreaterThan(0);
});

test('a cache is not used for another bundle of the same length (V8 itself would only compare lengths)', () => {
  const source = fs.readFileSync(bundle, 'utf8');
  const at = source.indexOf('部门决算');
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(bundle, `${source.slice(0, at)}部门决筭${source.slice(at + 4)}`);
  expect(fs.statSync(bundle).size).toBe(Buffer.byteLength(source));
  expect(run().cacheUsed).toBe(false);
  // what V8 alone says of the same data for the changed source: it would take it
  const probe = `
    const fs = require('fs'); const vm = require('vm'); const Module = require('module');
    const data = fs.readFileSync(${JSON.stringify(`${bundle}.cache`)}).subarray(20);
    const script = new vm.Script(Module.wrap(fs.readFileSync(${JSON.stringify(bundle)}, 'utf8')), { filename: ${JSON.stringify(bundle)}, cachedData: data });
    process.stdout.write(String(script.cachedDataRejected));`;
  expect(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout).toBe('false');
});
