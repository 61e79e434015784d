#!/usr/bin/env node
'use strict';
// Child process of the benchmark: one check of one file, then its time and peak memory as JSON.
//   node bench/measure-check.js FILE check        read + check, default limits
//   node bench/measure-check.js FILE load-full    read only, every sheet loaded in full
// maxRSS is the process's peak resident set (process.resourceUsage), so it includes Node itself.
const fs = require('fs');
const { readGridsFromFile } = require('../lib/src/hosts/file/node');
const { checkWorkbook } = require('../lib/src/core/engine');

async function main() {
  const [file, mode = 'check'] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  const options = mode === 'load-full' ? { largeSheet: false, maxCells: Infinity, maxLoadedBytes: Infinity, maxSheetSpan: Infinity } : {};
  const loaded = await readGridsFromFile(file, options);
  const findings = mode === 'check' ? checkWorkbook(loaded.grids).findings.length : null;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const out = {
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / (1024 * 1024),
    findings,
    partial: (loaded.partialSheets || []).map((p) => p.sheet),
    sizeKb: fs.statSync(file).size / 1024,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
