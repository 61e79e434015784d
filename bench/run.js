#!/usr/bin/env node
'use strict';
// npm run bench: one table of
//   1. whole-check time (fast reader + engine, in process) vs exceljs load time of the same file
//      (sample and a large department);
//   2. `juesuan batch` over N copies (worker threads) vs the same N files checked one after the
//      other in one process (`batch --jobs 1`), and vs N separate `juesuan check` runs; control
//      rows: the same read + check loop in 1 vs 2 independent processes (default flags,
//      --single-threaded, pool.ts's interrupt budget), what this machine gives that work without a pool;
//   3. peak memory (maxRSS of a child process) of a check on a workbook with a 200,000-row sheet
//      that holds no table, against the sample alone and against loading that sheet in full.
//   4. the whole `juesuan check` process against a process doing nothing but a bare exceljs load
//      of the same file (issue 18's goal: ≤ 1.0), and in-process the engine's time against the
//      fast reader's (goal: ≤ 0.2), warm and in a fresh process (first call).
//   5. with BENCH_BUILD=1, the time of `npx webpack --mode production` (build:web), run once.
// Medians of several runs. Env: BENCH_RUNS (7), BENCH_LARGE (400 项 rows), BENCH_COPIES (40),
// BENCH_NOISE_ROWS (200000), BENCH_SKIP_FULL=1 skips the slow full load, BENCH_ONLY_READ=1 stops
// after rows 1 and 4, BENCH_ONLY_BATCH=1 prints only rows 2, BENCH_BUILD=1 adds row 5.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const ExcelJS = require('exceljs');
const { readGrids } = require('../lib/src/hosts/file/reader');
const { checkWorkbook } = require('../lib/src/core/engine');
const { availableCores } = require('../lib/src/cli/batch/pool');
const { largeDataset, sampleDataset } = require('../lib/examples/sample-data');
const { buildWorkbookBuffer } = require('../lib/examples/build-workbook');
const { workbookWithNoise } = require('./noise');

const RUNS = Number(process.env.BENCH_RUNS || 7);
const CORES = availableCores();
const COPIES = Number(process.env.BENCH_COPIES || 40);
const MANY_COPIES = Number(process.env.BENCH_MANY_COPIES ?? 200);
const NOISE_ROWS = Number(process.env.BENCH_NOISE_ROWS || 200000);
const BIN = path.join(__dirname, '..', 'bin', 'juesuan.js');
const MEASURE = path.join(__dirname, 'measure-check.js');
const EXCELJS_LOAD = path.join(__dirname, 'exceljs-load.js');
const COLD_CHECK = path.join(__dirname, 'cold-check.js');
const CHECK_LOOP = path.join(__dirname, 'check-loop.js');

function log(msg) {
  process.stderr.write(`bench: ${msg}\n`);
}

async function median(fn, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
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

const ms = (x) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const mb = (x) => `${x.toFixed(0)} MB`;

// ---- 1. check vs load ----------------------------------------------------------------------

async function checkVsLoad(name, buffer) {
  await new ExcelJS.Workbook().xlsx.load(buffer); // both warm
  checkWorkbook(readGrids(buffer, name).grids);
  const loadOnly = await median(() => new ExcelJS.Workbook().xlsx.load(buffer));
  let findings = 0;
  let cells = 0;
  const whole = await median(async () => {
    const { grids } = readGrids(buffer, name);
    cells = countCells(grids);
    findings = checkWorkbook(grids).findings.length;
  });
  return {
    measurement: 'whole check vs exceljs load',
    input: `${name} (${Math.round(buffer.length / 1024)} KB, ${cells} cells, ${findings} findings)`,
    juesuan: `check ${ms(whole)}`,
    baseline: `exceljs load ${ms(loadOnly)}`,
    ratio: (whole / loadOnly).toFixed(2),
  };
}

// ---- 4. whole processes, and engine vs read -------------------------------------------------

/** `juesuan check FILE` as a process ÷ a process that only loads FILE with exceljs. */
function processRows(inputs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const rows = [];
  for (const { name, bytes } of inputs) {
    const file = path.join(dir, name.replace(/[^\w.]+/g, '_') + (name.endsWith('.xlsx') ? '' : '.xlsx'));
    fs.writeFileSync(file, bytes);
    const [check, load] = medianRuns(
      [
        [BIN, 'check', file],
        [EXCELJS_LOAD, file],
      ],
      RUNS,
    );
    rows.push({
      measurement: 'whole check process ÷ bare exceljs load process',
      input: `${name} (${Math.round(bytes.length / 1024)} KB): node bin/juesuan.js check FILE vs node bench/exceljs-load.js FILE`,
      juesuan: `check ${ms(check.wall)}`,
      baseline: `exceljs load ${ms(load.wall)}`,
      ratio: `${(check.wall / load.wall).toFixed(2)} (goal ≤ 1.0)`,
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

/**
 * In one warm process: checkWorkbook(grids) ÷ readGrids(bytes), read and check taking turns, after
 * WARM_RUNS untimed turns (V8 has then optimised both; what re-checking after an edit or a long batch
 * pays), medians of TIMED_RUNS turns. Each engine run gets grids read afresh (outside its time), so
 * nothing the engine memoises per grid carries over between runs.
 */
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS || 30);
const TIMED_RUNS = Number(process.env.BENCH_TIMED_RUNS || 51);

async function engineVsReadRows(inputs) {
  const rows = [];
  const middle = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const { name, bytes } of inputs) {
    const reads = [];
    const engines = [];
    for (let i = 0; i < WARM_RUNS + TIMED_RUNS; i++) {
      const t0 = process.hrtime.bigint();
      const { grids } = readGrids(bytes, name);
      const t1 = process.hrtime.bigint();
      checkWorkbook(grids);
      const t2 = process.hrtime.bigint();
      if (i < WARM_RUNS) continue;
      reads.push(Number(t1 - t0) / 1e6);
      engines.push(Number(t2 - t1) / 1e6);
    }
    const [read, engine] = [middle(reads), middle(engines)];
    rows.push({
      measurement: `engine time ÷ read time (in process, warm: medians of ${TIMED_RUNS} after ${WARM_RUNS} untimed)`,
      input: `${name}: checkWorkbook(grids) vs readGrids(bytes)`,
      juesuan: `engine ${read < 10 ? engine.toFixed(2) + ' ms' : ms(engine)}`,
      baseline: `read ${read < 10 ? read.toFixed(2) + ' ms' : ms(read)}`,
      ratio: `${(engine / read).toFixed(2)} (goal ≤ 0.2)`,
    });
    const excelLoad = await warmExcelLoad(bytes);
    rows.push({
      measurement: 'control: engine time ÷ exceljs load (in process, warm)',
      input: `${name}: checkWorkbook(grids) vs new ExcelJS.Workbook().xlsx.load(bytes), the read issue 18 timed`,
      juesuan: `engine ${read < 10 ? engine.toFixed(2) + ' ms' : ms(engine)}`,
      baseline: `exceljs load ${ms(excelLoad)}`,
      ratio: `${(engine / excelLoad).toFixed(2)} (the issue's "load ≈ 35 ms, engine ≈ 50 ms"; the goal row above divides by juesuan's own read)`,
    });
  }
  return rows;
}

/** Median of 15 exceljs loads of `bytes` after 5 untimed ones. */
async function warmExcelLoad(bytes) {
  for (let i = 0; i < 5; i++) await new ExcelJS.Workbook().xlsx.load(bytes);
  return median(() => new ExcelJS.Workbook().xlsx.load(bytes), 15);
}

/**
 * The same in a fresh process (bench/cold-check.js): the first readGrids and the first
 * checkWorkbook, before V8 has optimised either; what one `juesuan check` pays.
 */
function coldRows(inputs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const rows = [];
  for (const { name, bytes } of inputs) {
    const file = path.join(dir, name.replace(/[^\w.]+/g, '_') + (name.endsWith('.xlsx') ? '' : '.xlsx'));
    fs.writeFileSync(file, bytes);
    const runs = Array.from({ length: RUNS }, () => {
      const r = spawnSync(process.execPath, [COLD_CHECK, file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold-check ${name}: ${r.stderr}`);
      return JSON.parse(r.stdout);
    });
    const mid = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    rows.push({
      measurement: 'engine time ÷ read time (fresh process, first call)',
      input: `${name}: node bench/cold-check.js FILE (modules loaded in ${ms(mid('modules'))})`,
      juesuan: `engine ${ms(mid('engine'))}`,
      baseline: `read ${ms(mid('read'))}`,
      ratio: (mid('engine') / mid('read')).toFixed(2),
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

// ---- 2. batch vs sequential ----------------------------------------------------------------

/** CPU time (user + system, ms) of this process's finished children; Linux only, else NaN. */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, cutime 16, cstime 17 (1-based over the whole line).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

let lastCpu = NaN;

function timeNode(args) {
  const c0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const t = Number(process.hrtime.bigint() - t0) / 1e6;
  lastCpu = childrenCpuMs() - c0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} → ${r.status}: ${r.stderr}`);
  return t;
}

/**
 * Median wall time of each command (and the CPU time of that same run), the commands taking
 * turns so that a change in the machine's load hits all of them alike.
 */
function medianRuns(commands, runs) {
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, k) => samples[k].push({ wall: timeNode(args), cpu: lastCpu }));
  }
  return samples.map((list) => {
    list.sort((a, b) => a.wall - b.wall);
    return list[Math.floor(list.length / 2)];
  });
}

/** Runs the commands at the same time, each its own process: wall time until the last ends, CPU of all. */
async function timeTogether(commands) {
  const c0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    commands.map(
      (args) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} → ${code}`))));
        }),
    ),
  );
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: childrenCpuMs() - c0 };
}

/**
 * The machine's own limit for batch's work, without batch: the files of `dir` read and checked in
 * one process ÷ split between `workers` independent processes running at once (bench/check-loop.js,
 * no pool, no threads, no output), with Node's default flags, with --single-threaded (no helper
 * threads for garbage collection and compiling) and with the larger interrupt budget batch's pool
 * sets when every core has a worker. Whatever a pool adds comes on top of this.
 */
async function processControlRows(name, dir, workers, runs) {
  const rows = [];
  // the last: the V8 flag batch sets when every core has a worker (src/cli/batch/pool.ts)
  for (const flags of [[], ['--single-threaded'], ['--interrupt-budget=300000']]) {
    const split = Array.from({ length: workers }, (_, k) => [
      ...flags,
      CHECK_LOOP,
      dir,
      String(Math.floor((k * COPIES) / workers)),
      String(Math.floor(((k + 1) * COPIES) / workers)),
    ]);
    const share = Math.ceil(COPIES / workers);
    const samples = { many: [], one: [], share: [] };
    for (let i = 0; i < runs; i++) {
      samples.many.push(await timeTogether(split));
      samples.one.push(await timeTogether([[...flags, CHECK_LOOP, dir, '0', String(COPIES)]]));
      samples.share.push(await timeTogether([[...flags, CHECK_LOOP, dir, '0', String(share)]]));
    }
    const [many, one, alone] = [samples.many, samples.one, samples.share].map(
      (list) => list.sort((a, b) => a.wall - b.wall)[Math.floor(list.length / 2)],
    );
    const node = ['node', ...flags].join(' ');
    // Each process (each worker) starts Node, loads the engine and warms V8 up on its own: one
    // process's share alone against all the files is the best the split can give on any number of cores.
    rows.push({
      measurement: `control: warm-up floor, ${share} files ÷ ${COPIES} files, each in one process alone${flags.length ? ` (${flags.join(' ')})` : ''}`,
      input: `${COPIES} × ${name}: ${node} bench/check-loop.js DIR 0 ${share} vs DIR 0 ${COPIES}, nothing else running`,
      juesuan: `${share} files ${withCpu(alone)}`,
      baseline: `${COPIES} files ${withCpu(one)}`,
      ratio: `${(alone.wall / one.wall).toFixed(2)} (perfect cores: the best ${workers} processes can reach)`,
    });
    rows.push({
      measurement: `control: ${workers} processes ÷ 1 process, same read + check loop${flags.length ? ` (${flags.join(' ')})` : ''}`,
      input: `${COPIES} × ${name}: ${node} bench/check-loop.js DIR, files split over ${workers} processes at once vs all in one`,
      juesuan: `${workers} processes ${withCpu(many)}`,
      baseline: `1 process ${withCpu(one)}`,
      ratio: `${(many.wall / one.wall).toFixed(2)} (ideal ${(1 / workers).toFixed(2)})`,
    });
  }
  return rows;
}

const withCpu = (s) => (Number.isFinite(s.cpu) ? `${ms(s.wall)} (CPU ${ms(s.cpu)})` : ms(s.wall));

/**
 * The goal's ratio on more workbooks: warm-up is paid once per worker, so it weighs less the more
 * files each worker checks; what is left is how well the machine runs two busy isolates at once.
 */
async function batchScaleRow(name, bytes, copies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-many-'));
  for (let i = 0; i < copies; i++) fs.writeFileSync(path.join(dir, `unit-${String(i).padStart(4, '0')}.xlsx`), bytes);
  const workers = Math.min(CORES, copies);
  const [parallel, sequential] = medianRuns(
    [
      [BIN, 'batch', dir, '--json', '--jobs', String(workers)],
      [BIN, 'batch', dir, '--json', '--jobs', '1'],
    ],
    3,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    measurement: `control: batch --jobs ${workers} ÷ batch --jobs 1 on ${copies} workbooks`,
    input: `${copies} × ${name}: node bin/juesuan.js batch DIR --json --jobs ${workers} vs --jobs 1 (medians of 3)`,
    juesuan: `batch ${withCpu(parallel)}`,
    baseline: `batch --jobs 1 ${withCpu(sequential)}`,
    ratio: `${(parallel.wall / sequential.wall).toFixed(2)} (the goal's ratio, on ${copies / COPIES}× the workbooks)`,
  };
}

async function batchRows(name, bytes, withSeparate) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const files = [];
  for (let i = 0; i < COPIES; i++) {
    const f = path.join(dir, `unit-${String(i).padStart(3, '0')}.xlsx`);
    fs.writeFileSync(f, bytes);
    files.push(f);
  }
  const runs = Math.max(3, Math.min(RUNS, 5));
  const workers = Math.min(CORES, COPIES);
  // one worker's share of the files, alone: what `--jobs N` could take at best on perfect cores
  const shareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-share-')); // not inside dir: batch reads subfolders
  const share = Math.ceil(COPIES / workers);
  for (const f of files.slice(0, share)) fs.copyFileSync(f, path.join(shareDir, path.basename(f)));
  const [parallel, sequential, shareAlone] = medianRuns(
    [
      [BIN, 'batch', dir, '--json', '--jobs', String(workers)],
      [BIN, 'batch', dir, '--json', '--jobs', '1'],
      [BIN, 'batch', shareDir, '--json', '--jobs', '1'],
    ],
    runs,
  );
  fs.rmSync(shareDir, { recursive: true, force: true });
  const input = `${COPIES} × ${name}`;
  const rows = [
    {
      measurement: `batch --jobs ${workers} ÷ batch --jobs 1`,
      input: `${input}: node bin/juesuan.js batch DIR --json --jobs ${workers} vs --jobs 1`,
      juesuan: `batch ${withCpu(parallel)}`,
      baseline: `batch --jobs 1 ${withCpu(sequential)}`,
      ratio: `${(parallel.wall / sequential.wall).toFixed(2)} (goal ≤ 0.65, ideal ${(1 / workers).toFixed(2)})`,
    },
    {
      // Each worker loads the engine and warms V8 up on its own: `--jobs ${workers}` on perfect cores
      // takes as long as one worker checking its share alone, never less.
      measurement: `control: batch's floor, ${share} files ÷ ${COPIES} files, both --jobs 1`,
      input: `${input}: node bin/juesuan.js batch DIR --json --jobs 1 on ${share} of the files vs on all`,
      juesuan: `${share} files ${withCpu(shareAlone)}`,
      baseline: `${COPIES} files ${withCpu(sequential)}`,
      ratio: `${(shareAlone.wall / sequential.wall).toFixed(2)} (the best --jobs ${workers} can reach on perfect cores)`,
    },
    {
      // --jobs 1 is not one core's work: V8 compiles and collects garbage on helper threads beside
      // the worker. Split over N workers, the same CPU (and each worker's own warm-up on top) has
      // N cores at most, so --jobs N takes at least CPU ÷ N, whatever the pool does.
      measurement: `control: the CPU bound, --jobs 1's CPU ÷ (${workers} cores × its wall time)`,
      input: `${input}: the --jobs 1 run above; --jobs ${workers} used ${(parallel.cpu / sequential.cpu).toFixed(2)} × its CPU`,
      juesuan: `--jobs 1 CPU ${ms(sequential.cpu)} (${(sequential.cpu / sequential.wall).toFixed(2)} cores busy)`,
      baseline: `${workers} cores × ${ms(sequential.wall)}`,
      ratio: `${(sequential.cpu / (workers * sequential.wall)).toFixed(2)} (the least --jobs ${workers} can take without less CPU in all)`,
    },
  ];
  rows.push(...(await processControlRows(name, dir, workers, runs)));
  if (withSeparate) {
    const separate = await median(() => {
      for (const f of files) timeNode([BIN, 'check', f, '--json']);
    }, 1);
    rows.push({
      measurement: 'batch vs separate check runs',
      input: `${input}: batch DIR --jobs ${workers} vs node bin/juesuan.js check FILE --json per file`,
      juesuan: `batch ${ms(parallel.wall)}`,
      baseline: `${COPIES} × juesuan check ${ms(separate)}`,
      ratio: (parallel.wall / separate).toFixed(2),
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

/**
 * The machine's own parallelism, for reading the batch ratio: a fixed amount of work split over
 * `workers` bare worker threads (no pool, no files) ÷ the same on one thread. Pure arithmetic, and
 * readGrids + checkWorkbook of sample.xlsx 40 times (allocation-heavy, like a batch). Ideal
 * 1/workers; nearer 1 when the cores are busy with other work or share one physical core.
 */
function machineRows(workers) {
  const lib = path.join(__dirname, '..', 'lib', 'src');
  const sample = path.join(__dirname, '..', 'examples', 'sample.xlsx');
  const script = `
    const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
    const [kind, n] = [process.argv[2], Number(process.argv[3])];
    if (isMainThread) {
      let left = n;
      for (let k = 0; k < n; k++) {
        new Worker(__filename, { argv: [kind, n] }).on('message', () => { if (--left === 0) process.exit(0); });
      }
    } else if (kind === 'arithmetic') {
      let x = 0;
      for (let i = 0; i < 4e8 / n; i++) x = (x + (i & 1023) * 7) % 1000003;
      parentPort.postMessage(x);
    } else {
      const { readGrids } = require(${JSON.stringify(path.join(lib, 'hosts', 'file', 'reader'))});
      const { checkWorkbook } = require(${JSON.stringify(path.join(lib, 'core', 'engine'))});
      const bytes = require('fs').readFileSync(${JSON.stringify(sample)});
      for (let i = 0; i < 40 / n; i++) checkWorkbook(readGrids(bytes, 'sample.xlsx').grids);
      parentPort.postMessage(0);
    }`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const file = path.join(dir, 'machine.js');
  fs.writeFileSync(file, script);
  const rows = [];
  for (const [kind, what] of [
    ['arithmetic', '4e8 loop steps'],
    ['check', '40 × readGrids + checkWorkbook of sample.xlsx'],
  ]) {
    const [many, one] = medianRuns(
      [
        [file, kind, String(workers)],
        [file, kind, '1'],
      ],
      3,
    );
    rows.push({
      measurement: `control: ${kind} on ${workers} bare worker threads ÷ on 1`,
      input: `${what}, split over the threads (no pool, no files)`,
      juesuan: `${workers} threads ${withCpu(many)}`,
      baseline: `1 thread ${withCpu(one)}`,
      ratio: `${(many.wall / one.wall).toFixed(2)} (ideal ${(1 / workers).toFixed(2)})`,
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

/**
 * Where one worker's CPU goes (Linux: per-thread CPU from /proc): the worker thread reading and
 * checking, against V8's helper threads working for it (optimising compiles, garbage collection).
 * On a machine with as many workers as cores, the helpers' share has no idle core to run on.
 */
function threadRows() {
  if (!fs.existsSync('/proc/thread-self/stat')) return [];
  const sample = path.join(__dirname, '..', 'examples', 'sample.xlsx');
  const script = path.join(__dirname, 'thread-cpu.js');
  const runs = Array.from({ length: 3 }, () => {
    const r = spawnSync(process.execPath, [script, sample, String(COPIES)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`thread-cpu.js → ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  });
  const run = runs.sort((a, b) => a.wholeMs - b.wholeMs)[1];
  const helpers = run.wholeMs - run.workerMs - run.mainMs;
  return [
    {
      measurement: "control: where one worker's CPU goes, V8's helper threads ÷ the worker thread",
      input: `${COPIES} × readGrids + checkWorkbook of sample.xlsx in one worker thread: node bench/thread-cpu.js sample.xlsx ${COPIES} (medians of 3)`,
      juesuan: `helper threads ${ms(helpers)} (compiling, garbage collection)`,
      baseline: `worker thread ${ms(run.workerMs)} (main thread ${ms(run.mainMs)})`,
      ratio: `${(helpers / run.workerMs).toFixed(2)} (0 would leave the second core to a second worker)`,
    },
  ];
}

// ---- 3. peak memory --------------------------------------------------------------------------

function measure(file, mode) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', MEASURE, file, mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`measure ${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function memoryRows(sample) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const plain = path.join(dir, 'sample.xlsx');
  const noisy = path.join(dir, 'noisy.xlsx');
  fs.writeFileSync(plain, sample);
  fs.writeFileSync(noisy, await workbookWithNoise(sampleDataset(), NOISE_ROWS));
  const pick = (runs) => runs.sort((a, b) => a.maxRssMb - b.maxRssMb)[Math.floor(runs.length / 2)];
  const repeat = (file, mode, n = 3) => pick(Array.from({ length: n }, () => measure(file, mode)));
  const base = repeat(plain, 'check');
  const withNoise = repeat(noisy, 'check');
  const rows = [
    {
      measurement: 'peak memory of a check (maxRSS)',
      input: `sample + ${NOISE_ROWS.toLocaleString('en-US')}-row sheet (${Math.round(withNoise.sizeKb)} KB; read in part: ${withNoise.partial.join(', ') || 'none'})`,
      juesuan: `${mb(withNoise.maxRssMb)}, ${ms(withNoise.ms)}`,
      baseline: `sample alone ${mb(base.maxRssMb)}, ${ms(base.ms)}`,
      ratio: (withNoise.maxRssMb / base.maxRssMb).toFixed(2),
    },
  ];
  if (!process.env.BENCH_SKIP_FULL) {
    log(`loading the ${NOISE_ROWS}-row sheet in full once (slow)…`);
    const full = measure(noisy, 'load-full');
    rows.push({
      measurement: 'same, if every sheet were loaded (load only)',
      input: `sample + ${NOISE_ROWS.toLocaleString('en-US')}-row sheet, largeSheet: false`,
      juesuan: `${mb(withNoise.maxRssMb)}, ${ms(withNoise.ms)} (check)`,
      baseline: `${mb(full.maxRssMb)}, ${ms(full.ms)} (load only)`,
      ratio: (withNoise.maxRssMb / full.maxRssMb).toFixed(2),
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

// ---- 5. build:web ---------------------------------------------------------------------------

function buildRow() {
  log('npx webpack --mode production (once)…');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('npx', ['webpack', '--mode', 'production'], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const t = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`webpack → ${r.status}: ${r.stderr}`);
  return {
    measurement: 'build:web',
    input: 'npx webpack --mode production (esbuild-loader, no type-check), once',
    juesuan: ms(t),
    baseline: 'goal 30 s',
    ratio: `${(t / 30000).toFixed(2)} (goal ≤ 1.0)`,
  };
}

async function main() {
  const sample = fs.readFileSync(path.join(__dirname, '..', 'examples', 'sample.xlsx'));
  log('building the large workbook…');
  const large = await buildWorkbookBuffer(largeDataset(Number(process.env.BENCH_LARGE || 400)));
  const rows = [];
  if (process.env.BENCH_ONLY_BATCH) {
    rows.push(...(await batchRows('sample.xlsx', sample, false)));
    if (MANY_COPIES > 0) rows.push(await batchScaleRow('sample.xlsx', sample, MANY_COPIES));
    rows.push(...(await batchRows('large (generated)', large, false)));
    rows.push(...threadRows());
    return print(rows);
  }
  log('check vs load…');
  rows.push(await checkVsLoad('sample.xlsx', sample));
  rows.push(await checkVsLoad('large (generated)', large));
  const examples = path.join(__dirname, '..', 'examples');
  const processInputs = [
    { name: 'seed000.xlsx', bytes: fs.readFileSync(path.join(examples, 'seed000.xlsx')) },
    { name: 'seed002.xlsx', bytes: fs.readFileSync(path.join(examples, 'seed002.xlsx')) },
    { name: 'large (generated)', bytes: large },
  ];
  log('check process vs exceljs load process…');
  rows.push(...processRows(processInputs));
  log('engine vs read…');
  rows.push(...(await engineVsReadRows(processInputs)));
  rows.push(...coldRows(processInputs));
  if (process.env.BENCH_ONLY_READ) return print(rows);
  log(`batch over ${COPIES} copies…`);
  rows.push(...(await batchRows('sample.xlsx', sample, true)));
  if (MANY_COPIES > 0) rows.push(await batchScaleRow('sample.xlsx', sample, MANY_COPIES));
  rows.push(...(await batchRows('large (generated)', large, false)));
  rows.push(...machineRows(Math.min(CORES, COPIES)));
  rows.push(...threadRows());
  log('peak memory…');
  rows.push(...(await memoryRows(sample)));
  if (process.env.BENCH_BUILD) rows.push(buildRow());
  print(rows);
}

function print(rows) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(
    `juesuan bench — ${cpu}, ${os.cpus().length} cores (${CORES} available), ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
      `node ${process.version}, load average ${load}; medians of ${RUNS} runs`,
  );
  console.log('| measurement | input | juesuan | baseline | ratio |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.measurement} | ${r.input} | ${r.juesuan} | ${r.baseline} | ${r.ratio} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
