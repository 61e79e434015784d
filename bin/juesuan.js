#!/usr/bin/env node
'use strict';
// Entry point of the command line; the code lives in lib/ (built by `npm run build`).
let main;
try {
  ({ main } = require('../lib/src/cli/main.js'));
} catch (e) {
  process.stderr.write('juesuan 尚未构建：请先运行 npm run build\n');
  process.exit(2);
}
// Exit only once stdout and stderr have drained: a slow pipe reader (`batch --json | …`) would
// otherwise get the output cut short. A write's callback runs after everything before it is flushed.
const exitWhenDrained = (code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
main(process.argv.slice(2)).then(exitWhenDrained);
