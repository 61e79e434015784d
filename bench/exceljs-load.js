#!/usr/bin/env node
'use strict';
// The baseline of `npm run bench`'s process rows: a bare exceljs load of FILE in a fresh process.
const fs = require('fs');
const ExcelJS = require('exceljs');

new ExcelJS.Workbook().xlsx.load(fs.readFileSync(process.argv[2])).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String((e && e.stack) || e) + '\n');
    process.exit(1);
  },
);
