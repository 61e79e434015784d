#!/usr/bin/env node
'use strict';
// npm run bench: whole-check time vs exceljs load time of the same file, for the bundled sample
// and a large generated department workbook. Prints a table; medians of several runs.
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const { loadWorkbook } = require('../lib/src/hosts/file');
const { checkWorkbook } = require('../lib/src/core/engine');
const { largeDataset } = require('../lib/examples/sample-data');
const { buildWorkbookBuffer } = require('../lib/examples/build-workbook');

const RUNS = Number(process.env.BENCH_RUNS || 7);

async function median(fn) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function countCells(grids) {
  let n = 0;
  for (const g of grids) for (const row of g.cells) if (row) for (const v of row) if (v !== null && v !== undefined) n++;
  return n;
}

async function benchFile(name, buffer) {
  const loadOnly = await median(() => new ExcelJS.Workbook().xlsx.load(buffer));
  let findings = 0;
  let cells = 0;
  const whole = await median(async () => {
    const { grids } = await loadWorkbook(buffer, name);
    cells = countCells(grids);
    findings = checkWorkbook(grids).findings.length;
  });
  return { name, kb: Math.round(buffer.length / 1024), cells, findings, loadOnly, whole, ratio: whole / loadOnly };
}

async function main() {
  const sample = fs.readFileSync(path.join(__dirname, '..', 'examples', 'sample.xlsx'));
  const large = await buildWorkbookBuffer(largeDataset(Number(process.env.BENCH_LARGE || 400)));
  const rows = [await benchFile('sample.xlsx', sample), await benchFile('large (generated)', large)];
  const os = require('os');
  console.log(`juesuan bench — ${os.cpus()[0].model}, ${os.cpus().length} cores, node ${process.version}, median of ${RUNS} runs`);
  console.log('| workbook | size KB | non-empty cells | findings | exceljs load ms | whole check ms | ratio |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.kb} | ${r.cells} | ${r.findings} | ${r.loadOnly.toFixed(1)} | ${r.whole.toFixed(1)} | ${r.ratio.toFixed(2)} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
