'use strict';
// A department workbook plus one sheet that holds no table: `rows` rows of numbers and text, as
// an export pasted next to the 附表 might be. Built from the compiled code in lib/.
const zlib = require('zlib');
const { buildWorkbook } = require('../lib/examples/build-workbook');
const { readZipDirectory } = require('../lib/src/hosts/file/zip');
const { rewriteZip } = require('../lib/src/hosts/file/zipwrite');

function noiseSheetXml(rows, cols = 5) {
  const letters = 'ABCDEFGHIJ';
  const parts = [];
  for (let r = 1; r <= rows; r++) {
    let cells = `<c r="A${r}" t="inlineStr"><is><t>明细${r % 97}</t></is></c>`;
    for (let c = 1; c < cols; c++) cells += `<c r="${letters[c]}${r}"><v>${((r * 37 + c * 11) % 100000) / 100}</v></c>`;
    parts.push(`<row r="${r}">${cells}</row>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="A1:${letters[cols - 1]}${rows}"/><sheetData>${parts.join('')}</sheetData></worksheet>`
  );
}

/** xlsx bytes: `dataset` as build-workbook writes it, plus a sheet “导出数据” of `rows` rows. */
async function workbookWithNoise(dataset, rows, cols = 5) {
  const wb = buildWorkbook(dataset);
  wb.addWorksheet('导出数据').getCell('A1').value = 'x';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const dir = readZipDirectory(bytes);
  const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
  const part = `xl/worksheets/sheet${wb.worksheets.length}.xml`;
  const xml = Buffer.from(noiseSheetXml(rows, cols), 'utf8');
  return Buffer.from(rewriteZip(bytes, entries, new Map([[part, xml]]), (d) => zlib.deflateRawSync(d)));
}

module.exports = { noiseSheetXml, workbookWithNoise };
