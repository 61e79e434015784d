#!/usr/bin/env node
'use strict';
// Two builds of lib/ side by side: the fully warm engine (checkWorkbook) and read (readGrids) of FILE,
// the builds taking turns in one process (40 untimed rounds, then ROUNDS timed), CPU-time medians.
// For judging a change to the engine on a shared machine, where wall times of separate runs drift.
//   node bench/ab.js LIB_A LIB_B FILE [ROUNDS=150]     e.g. a copy of lib/ from main vs lib/
const fs = require('fs');
const path = require('path');

const [A, B, file] = process.argv.slice(2, 5).map((p) => path.resolve(p));
const rounds = Number(process.argv[5]) || 150;
const load = (lib) => ({
  read: require(path.join(lib, 'src/hosts/file/reader')).readGrids,
  check: require(path.join(lib, 'src/core/engine')).checkWorkbook,
});
const builds = [load(A), load(B)];
const bytes = fs.readFileSync(file);
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const engine = [[], []];
const read = [[], []];
for (let i = 0; i < rounds + 40; i++) {
  for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
    let t = cpu();
    const { grids } = builds[k].read(bytes, path.basename(file));
    const r = cpu() - t;
    t = cpu();
    builds[k].check(grids);
    const e = cpu() - t;
    if (i >= 40) {
      engine[k].push(e);
      read[k].push(r);
    }
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1] / 1000;
const [ea, eb, ra, rb] = [median(engine[0]), median(engine[1]), median(read[0]), median(read[1])];
console.log(
  `${path.basename(file)}: engine A ${ea.toFixed(2)} ms, B ${eb.toFixed(2)} ms (B/A ${(eb / ea).toFixed(2)}); ` +
    `read A ${ra.toFixed(2)} ms, B ${rb.toFixed(2)} ms`,
);
