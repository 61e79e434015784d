#!/usr/bin/env node
'use strict';
// Third step of `npm run build` (called by bundle-cli.js): V8's code cache of the command line's
// bundle, made after the bundle has checked and narrated the bundled sample once, so it holds the
// functions a check compiles, not only the bundle's top level (bin/load-bundle.js reads it).
//   node scripts/code-cache.js [BUNDLE]   writes BUNDLE.cache (default lib/juesuan.cjs)
// Runs in its own process with its output discarded; the cache fits the Node that made it (the
// same that runs `npm run build`), and V8 flags other than the defaults make V8 refuse it.
const path = require('path');
const { loadBundle, writeCache } = require('../bin/load-bundle');

const ROOT = path.join(__dirname, '..');
const BUNDLE = path.resolve(process.argv[2] || path.join(ROOT, 'lib', 'juesuan.cjs'));
const SAMPLE = path.join(ROOT, 'examples', 'sample.xlsx');

async function main() {
  const { exports, script } = loadBundle(BUNDLE, { withoutCache: true });
  await exports.main(['check', SAMPLE]);
  await exports.main(['narrate', SAMPLE]);
  writeCache(BUNDLE, script);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`code-cache: ${(e && e.stack) || e}\n`);
    process.exit(1);
  },
);
