const { readGrids } = require('../../lib/src/hosts/file/reader');
const { checkWorkbook } = require('../../lib/src/core/engine');
const { sampleDataset } = require('../../lib/examples/sample-data');
const { buildWorkbook } = require('../../lib/examples/build-workbook');
const { unzipSync, zipSync, strToU8, strFromU8 } = require('fflate');
const HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
(async () => {
  const wb = buildWorkbook(sampleDataset());
  wb.addWorksheet('M').getCell('A1').value = 'x';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const n = wb.worksheets.length;
  const withSheet = (xml, wbEdit) => { const f = unzipSync(bytes); f[`xl/worksheets/sheet${n}.xml`] = strToU8(xml); if (wbEdit) f['xl/workbook.xml'] = strToU8(wbEdit(strFromU8(f['xl/workbook.xml']))); return zipSync(f); };
  const cells = (k) => Array.from({ length: k }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i+1}" t="inlineStr"><is><t>t${i}</t></is></c></row>`).join('');
  const sheet = (rows, after = '', before = '') => `${HEAD}${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
  const cases = {
    base: sheet(cells(5)),
    wholeMerge: sheet(cells(20), '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    merges60k: sheet(cells(60000), `<mergeCells count="60000">${Array.from({ length: 60000 }, (_, i) => `<mergeCell ref="C${i + 1}:D${i + 1}"/>`).join('')}</mergeCells>`),
    merges60kNoCells: sheet(cells(5), `<mergeCells count="60000">${Array.from({ length: 60000 }, (_, i) => `<mergeCell ref="C${i + 1}:D${i + 1}"/>`).join('')}</mergeCells>`),
    colMax: sheet(cells(5), '', '<cols><col min="1" max="200000000" width="9" customWidth="1"/></cols>'),
    row99999999: sheet(cells(5) + '<row r="99999999"><c r="A99999999"><v>1</v></c></row>'),
    row1048576: sheet(cells(5) + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'),
    xfd3000: sheet(Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="XFD${i + 1}"><v>1</v></c></row>`).join('')),
    xfd3000titled: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>收入决算表</t></is></c></row>' + Array.from({ length: 3000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="XFD${i + 2}"><v>1</v></c></row>`).join('')),
  };
  const names = (x) => x.replace('</sheets>', '</sheets><definedNames><definedName name="big">表1!$A$1:$XFD$1048576</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">表1!$A$1:$IV$65536</definedName></definedNames>').replace(/<definedNames\/>/, '');
  const only = process.argv[2];
  for (const [name, xml] of Object.entries(cases).concat([['definedNames', null]])) {
    if (only && name !== only) continue;
    const b = xml ? withSheet(xml) : withSheet(cases.base, names);
    const t0 = Date.now();
    try {
      const r = readGrids(b, 'x.xlsx');
      const t1 = Date.now();
      const c = checkWorkbook(r.grids);
      console.log(name, `${b.length} B read ${t1 - t0} ms engine ${Date.now() - t1} ms findings ${c.findings.length} partial ${JSON.stringify(r.partialSheets)}`);
    } catch (e) { console.log(name, 'refused', Date.now() - t0, 'ms', e.message); }
  }
})();
