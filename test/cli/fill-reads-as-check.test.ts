// `fill` reads the workbook as `check` reads it (issue 12): a numeric cell whose stored value is
// not a number (<v>12abc</v>, written by some export tool) is a READ warning naming the sheet and
// the cell, never 12. The file is the sample built here with one sheet part patched by fflate.
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  cells: { sheet: string; address: string }[];
}

const dir = makeTempDir('juesuan-fill-read-');
const SENTINEL = '98765.4321';

/** The sample with 表1!C7 (一般公共预算财政拨款收入) stored as <v>12abc</v>; the part that holds it. */
async function workbookWith12abc(): Promise<{ file: string; part: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbookBuffer(sampleDataset())) as unknown as ArrayBuffer);
  wb.getWorksheet('表1')!.getCell('C7').value = Number(SENTINEL);
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const part = Object.keys(files).find(
    (name) => name.startsWith('xl/worksheets/') && strFromU8(files[name]).includes(`<v>${SENTINEL}</v>`),
  )!;
  const xml = strFromU8(files[part]);
  expect(xml).toMatch(new RegExp(`<c r="C7"[^>]*><v>${SENTINEL.replace('.', '\\.')}</v></c>`));
  files[part] = strToU8(xml.replace(`<v>${SENTINEL}</v>`, '<v>12abc</v>'));
  return { file: writeTemp(dir, 'twelve-abc.xlsx', zipSync(files, { level: 6 })), part };
}

const readWarnings = (findings: JsonFinding[]) =>
  findings
    .filter((f) => f.rule === 'READ')
    .map((f) => `${f.severity} ${f.cells.map((c) => `${c.sheet}!${c.address}`).join(',')} ${f.message}`);

test('fill gives the READ warning check gives for <v>12abc</v>, does not use 12, and leaves the cell as stored', async () => {
  const { file, part } = await workbookWith12abc();
  const checked = await runCli(['check', file, '--json']);
  const checkFindings: JsonFinding[] = JSON.parse(checked.stdout).findings;

  const out = path.join(dir, 'twelve-abc-filled.xlsx');
  const filled = await runCli(['fill', file, '-o', out, '--json']);
  expect(filled.stderr).toBe('');
  const fillFindings: JsonFinding[] = JSON.parse(filled.stdout).check.findings;

  const read = readWarnings(fillFindings);
  expect(read).toEqual(readWarnings(checkFindings));
  expect(read.some((r) => r.startsWith('warning 表1!C7 ') && r.includes('表“表1”单元格C7的值“12abc”无法确定金额'))).toBe(true);
  // 12 is never compared with anything: no identity fails on 表1!C7, no amount 12.00 appears
  expect(fillFindings.filter((f) => f.severity === 'error' && f.cells.some((c) => c.sheet === '表1' && c.address === 'C7'))).toEqual([]);
  expect(fillFindings.filter((f) => /(^|[^\d.])12\.00万元/.test(f.message))).toEqual([]);
  expect(filled.code).toBe(1); // a READ warning and what it left unchecked: not printable

  // OUT keeps the user's cell as stored (painted, not rewritten as 12)
  const outXml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))[part]);
  expect(outXml).toMatch(/<c r="C7"[^>]*><v>12abc<\/v><\/c>/);
});
