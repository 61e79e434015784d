#!/usr/bin/env node
'use strict';
// Child process of the benchmark's control rows: reads and checks the .xlsx files FROM..TO (in
// name order) of DIR one after the other, as one batch worker does, with no pool and no output.
//   node [--single-threaded] bench/check-loop.js DIR FROM TO
const fs = require('fs');
const path = require('path');
const { readGridsFromFile } = require('../lib/src/hosts/file/node');
const { checkWorkbook } = require('../lib/src/core/engine');

async function main() {
  const [dir, from, to] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .slice(from, to);
  for (const f of files) checkWorkbook((await readGridsFromFile(path.join(dir, f))).grids);
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
