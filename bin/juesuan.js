#!/usr/bin/env node
'use strict';
// Entry point of the command line; the code lives in lib/ (built by `npm run build`): the single-file
// bundle lib/juesuan.cjs (one file to load instead of ~190 modules, with its V8 code cache: see
// load-bundle.js), or the modules in lib/src when the bundle is missing or older than them (lib/src
// rebuilt by `tsc` alone).
const fs = require('fs');
const path = require('path');
const { loadBundle } = require('./load-bundle');

const LIB = path.join(__dirname, '..', 'lib');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

let main;
try {
  const modules = path.join(LIB, 'src', 'cli', 'main.js');
  const bundle = path.join(LIB, 'juesuan.cjs');
  ({ main } = mtime(bundle) >= mtime(modules) ? loadBundle(bundle).exports : require(modules));
} catch (e) {
  process.stderr.write('juesuan 尚未构建：请先运行 npm run build\n');
  process.exit(2);
}
// Exit only once stdout and stderr have drained: a slow pipe reader (`batch --json | …`) would
// otherwise get the output cut short. A write's callback runs after everything before it is flushed.
const exitWhenDrained = (code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
main(process.argv.slice(2)).then(exitWhenDrained);
