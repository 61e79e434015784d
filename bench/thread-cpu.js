#!/usr/bin/env node
'use strict';
// Child process of the benchmark's control row "where one worker's CPU goes" (Linux only): one
// worker thread reads and checks sample.xlsx N times, as a batch worker does; prints the CPU time
// of that thread, of the main thread and of the whole process as JSON. What is left (whole − the
// two) ran on V8's helper threads: optimising compiles and garbage collection for the worker.
//   node bench/thread-cpu.js FILE N
const fs = require('fs');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

/** CPU time (user + system) of the calling thread, ms, from /proc/thread-self/stat. */
function threadCpuMs() {
  const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

if (isMainThread) {
  const [file, n] = [process.argv[2], Number(process.argv[3])];
  new Worker(__filename, { workerData: { file, n } }).on('message', (workerMs) => {
    const all = process.cpuUsage();
    const wholeMs = (all.user + all.system) / 1000;
    process.stdout.write(JSON.stringify({ workerMs, mainMs: threadCpuMs(), wholeMs }) + '\n');
  });
} else {
  const lib = path.join(__dirname, '..', 'lib', 'src');
  const { readGrids } = require(path.join(lib, 'hosts', 'file', 'reader'));
  const { checkWorkbook } = require(path.join(lib, 'core', 'engine'));
  const bytes = fs.readFileSync(workerData.file);
  for (let i = 0; i < workerData.n; i++) checkWorkbook(readGrids(bytes, 'sample.xlsx').grids);
  parentPort.postMessage(threadCpuMs());
}
