// `fill` and 撤销 over a file keep every part of the package juesuan does not write: a user's
// workbook (here an .xlsm with VBA, a data validation, workbook protection, a chart sheet and an
// external link) comes back with all of it, byte for byte, and still opens in exceljs and
// converts cleanly in LibreOffice.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8 } from 'fflate';
// saxes is the XML parser exceljs itself uses (a dependency of exceljs): strict, namespace-aware
import { SaxesParser } from 'saxes';
import { sampleDataset } from '../../../examples/sample-data';
import { buildWorkbookBuffer } from '../../../examples/build-workbook';
import { loadWorkbook, saveWorkbook, undoLast } from '../../../src/hosts/file';
import { makeTempDir, writeTemp } from '../../helpers/tmp';
import { runCli } from '../../helpers/cli';
import { DATA_VALIDATIONS, EXTERNAL_FORMULA_CELL, PRESERVED_PARTS, PROTECTION, injectParts, partsOf, sheetPart } from './package-inject';

const dir = makeTempDir();
const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** Every XML part parses strictly; in every worksheet rows and cells come in ascending order. */
function expectWellFormed(parts: Record<string, Uint8Array>): void {
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let rows: number[] = [];
    let cols: number[] = [];
    const bad: string[] = [];
    parser.on('error', (e) => bad.push(`${name}: ${e.message}`));
    parser.on('opentag', (tag) => {
      if (!name.startsWith('xl/worksheets/sheet')) return;
      if (tag.local === 'row') {
        rows.push(Number(tag.attributes.r?.value ?? NaN));
        cols = [];
      } else if (tag.local === 'c') {
        const letters = /^[A-Z]+/.exec(String(tag.attributes.r?.value ?? ''))?.[0] ?? '';
        cols.push([...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
        if (cols.length > 1 && cols[cols.length - 1] <= cols[cols.length - 2])
          bad.push(`${name}: cells out of order in row ${rows[rows.length - 1]}`);
      }
    });
    parser.write(strFromU8(data)).close();
    for (let i = 1; i < rows.length; i++) if (!(rows[i] > rows[i - 1])) bad.push(`${name}: rows out of order at ${rows[i]}`);
    rows = [];
    expect(bad).toEqual([]);
  }
}

function expectPreserved(original: Record<string, Uint8Array>, out: Uint8Array): void {
  const parts = partsOf(out);
  expectWellFormed(parts);
  for (const name of PRESERVED_PARTS) {
    expect([name, parts[name]]).toEqual([name, original[name]]);
  }
  const types = strFromU8(parts['[Content_Types].xml']);
  expect(types).toContain(`PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"`);
  expect(types).toContain('application/vnd.ms-office.vbaProject');
  expect(types).toContain('/xl/chartsheets/sheet1.xml');
  const wb = strFromU8(parts['xl/workbook.xml']);
  expect(wb).toContain(PROTECTION);
  expect(wb).toContain('<externalReferences><externalReference r:id="rIdExt"/></externalReferences>');
  expect(wb).toMatch(/<sheet name="图表" sheetId="\d+" r:id="rIdChart"\/>/);
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  expect(rels).toContain('Target="vbaProject.bin"');
  expect(rels).toContain('Target="externalLinks/externalLink1.xml"');
  const t1 = strFromU8(parts[sheetPart(parts, '表1')]);
  expect(t1).toContain(DATA_VALIDATIONS);
  expect(t1).toContain(EXTERNAL_FORMULA_CELL);
  // every sheet juesuan touched still has its elements in schema order
  expect(t1.indexOf('</sheetData>')).toBeLessThan(t1.indexOf('<dataValidations'));
}

/** LibreOffice converts the file without complaint (a file it would have to repair fails to convert or loses sheets). */
function convertsCleanly(file: string): void {
  const out = path.join(dir, 'pdf');
  fs.mkdirSync(out, { recursive: true });
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      file,
    ],
    {
      stdio: 'pipe',
      timeout: 180_000,
    },
  );
  const pdf = path.join(out, `${path.basename(file, path.extname(file))}.pdf`);
  expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('收入支出决算总表');
  expect(text).toContain('部门决算情况说明');
}

describe('fill keeps what it does not understand', () => {
  let input: string;
  let original: Record<string, Uint8Array>;
  beforeAll(async () => {
    const broken = sampleDataset();
    broken.tables.T01.income['本年收入合计'] = '1.00';
    const bytes = injectParts(await buildWorkbookBuffer(broken), '表1');
    input = writeTemp(dir, 'in.xlsm', bytes);
    original = partsOf(bytes);
  });

  test('fill, then 撤销 of every step: VBA, validation, protection, chart sheet, external link are untouched', async () => {
    const out = path.join(dir, 'out.xlsm');
    const run = await runCli(['fill', input, '-o', out]);
    expect(run.stderr).toBe('');
    const filled = fs.readFileSync(out);
    expectPreserved(original, filled);

    // what fill wrote is there (and only juesuan's sheets are new)
    const loaded = await loadWorkbook(filled, out);
    const names = loaded.workbook.worksheets.map((w) => w.name);
    expect(names).toContain('部门决算情况说明');
    expect(names[names.length - 1]).toBe('_juesuan_journal');
    const t1 = loaded.workbook.getWorksheet('表1')!;
    const highlighted: string[] = [];
    t1.eachRow((row) =>
      row.eachCell((cell) => {
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        if (fill?.fgColor?.argb?.endsWith('FFC7CE')) highlighted.push(cell.address);
      }),
    );
    expect(highlighted.length).toBeGreaterThan(0);
    expect(t1.getCell(highlighted[0]).note).toBeTruthy();
    expect(t1.getCell('A300').value).toEqual({ formula: '[1]Sheet1!A1', result: 5 });

    // undo everything, step by step, saving in between as the page does
    let bytes: Uint8Array = filled;
    for (let i = 0; i < 10; i++) {
      const { workbook } = await loadWorkbook(bytes);
      if (!undoLast(workbook)) break;
      bytes = await saveWorkbook(workbook);
      expectPreserved(original, bytes);
    }
    const undone = await loadWorkbook(bytes);
    expect(undone.workbook.worksheets.map((w) => w.name)).toEqual(
      (await loadWorkbook(fs.readFileSync(input))).workbook.worksheets.map((w) => w.name),
    );
    expect(undone.workbook.definedNames.model).toEqual([]);
    const again = undone.workbook.getWorksheet('表1')!;
    for (const a of highlighted) expect(again.getCell(a).note).toBeUndefined();
    writeTemp(dir, 'undone.xlsm', bytes);
  }, 120_000);

  test('LibreOffice converts the filled and the undone file', () => {
    convertsCleanly(path.join(dir, 'out.xlsm'));
    const undone = path.join(dir, 'undone.xlsm');
    const out = path.join(dir, 'pdf');
    fs.mkdirSync(out, { recursive: true });
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        undone,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    expect(execFileSync('pdftotext', [path.join(out, 'undone.pdf'), '-'], { encoding: 'utf8' })).toContain('收入支出决算总表');
  }, 400_000);
});
