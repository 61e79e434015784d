#!/usr/bin/env node
'use strict';
// Child process of the benchmark: in a fresh process, the first readGrids and the first
// checkWorkbook of FILE (what one `juesuan check` pays, code not yet optimised by V8), with the
// time it took to load the modules, as JSON.
const t0 = process.hrtime.bigint();
const fs = require('fs');
const { readGrids } = require('../lib/src/hosts/file/reader');
const { checkWorkbook } = require('../lib/src/core/engine');
const t1 = process.hrtime.bigint();
const file = process.argv[2];
const bytes = fs.readFileSync(file);
const { grids } = readGrids(bytes, file);
const t2 = process.hrtime.bigint();
checkWorkbook(grids);
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(JSON.stringify({ modules: ms(t0, t1), read: ms(t1, t2), engine: ms(t2, t3) }) + '\n');
