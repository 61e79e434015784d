// Jest globalSetup: builds lib/ (`tsc -p tsconfig.build.json`, then the single-file bundles of
// scripts/bundle-cli.js: what `npm run build` does) when it is missing or older than a source
// file, so the tests that run the built code as users run it — bin/juesuan.js (the bundle), and
// `batch`'s worker threads (lib/juesuan-worker.cjs from the bundle, lib/src/cli/batch/worker.js
// from the tests) — run on every `npx jest`, never skipped. Building once per run (seconds, and
// nothing when lib/ is up to date) was chosen over ts-node/register inside each worker: that
// would compile the engine again in every worker thread, eating into the per-file timeouts the
// worker tests measure, and would test a different loader than the one users get.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const BUILT = path.join(ROOT, 'lib', 'src', 'cli', 'main.js');
const BUNDLE = path.join(ROOT, 'lib', 'juesuan.cjs');
const SOURCES = ['src', 'examples', 'tsconfig.json', 'tsconfig.build.json'];

function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(p) ? stat.mtimeMs : 0;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);

module.exports = async function buildLib() {
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  if (mtime(BUILT) < sources) {
    process.stderr.write('\n[jest] lib/ is missing or out of date: building it (tsc -p tsconfig.build.json)…\n');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    // tsc leaves an unchanged file alone: mark the build as newer than the sources it saw.
    const now = new Date();
    fs.utimesSync(BUILT, now, now);
  }
  // bin/juesuan.js runs the bundle when it is not older than lib/src/cli/main.js.
  if (mtime(BUNDLE) < mtime(BUILT)) await require('../../scripts/bundle-cli').bundleCli();
};
