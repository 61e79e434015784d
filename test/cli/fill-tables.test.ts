// `juesuan fill FILE -o OUT [--prior LAST.xlsx] [--formulas] [--preview]` (填表) on real .xlsx files.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { sampleDataset } from '../../examples/sample-data';
import type { FillTablesOptions } from '../../src/cli/fill-tables';
import { runCli } from '../helpers/cli';
import { checkWorkbook } from '../../src/core/engine';
import { findSupplementGrid, readSupplement } from '../../src/core/supplement';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { blankedWorkbook } from '../core/derive/helpers';
import { makeTempDir, writeTemp } from '../helpers/tmp';

const dir = makeTempDir('juesuan-fill-');
let blankFile: string;
let lastYearFile: string;

/** `juesuan fill FILE …` with these options, as a user types it. */
async function run(file: string, options: FillTablesOptions) {
  const argv = ['fill', file];
  if (options.output) argv.push('-o', options.output);
  if (options.prior) argv.push('--prior', options.prior);
  if (options.formulas) argv.push('--formulas');
  if (options.preview) argv.push('--preview');
  if (options.json) argv.push('--json');
  return runCli(argv);
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  const data = sampleDataset();
  // this year's 上年数 are to come from last year's workbook; one is typed wrong
  data.supplement = data.supplement.map((r) => {
    const { 上年数: _dropped, ...rest } = r;
    return r.项目 === '公务接待费' ? { ...rest, 上年数: '3.50' } : rest;
  });
  blankFile = writeTemp(dir, 'blank.xlsx', (await blankedWorkbook(data)).bytes);
  const last = sampleDataset();
  last.year = 2023;
  last.supplement = last.supplement.map((r) => (r.项目 === '决算年度' ? { ...r, 本年数: '2023' } : r));
  lastYearFile = writeTemp(dir, 'last.xlsx', await buildWorkbookBuffer(last));
});

describe('juesuan fill (填表)', () => {
  test('writes OUT, never FILE, and prints the list in Chinese', async () => {
    const before = sha(blankFile);
    const out = path.join(dir, 'out.xlsx');
    const r = await run(blankFile, { output: out });
    expect(r.stderr).toBe('');
    // exit 1: this file's 补充信息 has no 上年数, so the narrative written into OUT still asks for them
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('【请填写…】');
    expect(r.stdout).toContain('文件：blank.xlsx');
    expect(r.stdout).toMatch(/将填写 \d+ 个单元格（数值）：/);
    expect(r.stdout).toContain('表1!C33  收入支出决算总表“本年收入合计” = 1872.11万元  ← 收入决算表“合计·本年收入合计” [X01]');
    expect(r.stdout).toContain(`已写入：${out}`);
    expect(sha(blankFile)).toBe(before);
    const { grids } = await readGridsFromFile(out);
    const errors = checkWorkbook(grids).findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => f.rule !== 'TXT-TEMPLATE')).toEqual([]);
    // filling the output again changes nothing
    const again = await run(out, { output: path.join(dir, 'out2.xlsx') });
    expect(again.stdout).toContain('附表没有需要填写的单元格');
  });

  test('--preview prints the list and writes nothing', async () => {
    const out = path.join(dir, 'preview.xlsx');
    const r = await run(blankFile, { output: out, preview: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/将填写 \d+ 个单元格/);
    expect(fs.existsSync(out)).toBe(false);
    expect((await run(blankFile, { preview: true })).code).toBe(0);
  });

  test('--formulas writes formulas with cached results; exceljs reads them back', async () => {
    const out = path.join(dir, 'formulas.xlsx');
    const r = await run(blankFile, { output: out, formulas: true, json: true });
    expect(r.code).toBe(1); // the narrative still asks for this file's 上年数 (see the first test)
    const json = JSON.parse(r.stdout);
    expect(json.mode).toBe('formulas');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const c33 = wb.getWorksheet('表1')!.getCell('C33').value as ExcelJS.CellFormulaValue;
    expect(c33).toEqual({ formula: "'表2'!C7", result: 1872.11 });
    for (const item of json.items) {
      const v = wb.getWorksheet(item.sheet)!.getCell(item.address).value as ExcelJS.CellFormulaValue;
      expect(v.formula).toBe(item.formula);
      expect(v.result?.toString()).toBe(String(Number(item.written)));
    }
  });

  test('--prior fills 上年数 from last year’s workbook and reports the mistyped one', async () => {
    const out = path.join(dir, 'prior.xlsx');
    const r = await run(blankFile, { output: out, prior: lastYearFile });
    // exit 1: the kept, mistyped 公务接待费 上年数 (3.50) makes the written 七（一） “持平” contradict its items
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('补充信息“收支总计”·上年数 = 1894.06万元');
    expect(r.stdout).toContain('last.xlsx');
    expect(r.stdout).toMatch(
      /\[NEED\] 补充信息“公务接待费”的上年数已填3\.50万元，上年工作簿“last\.xlsx”中.*为3\.86万元，两者不一致，未改写/,
    );
    const { grids } = await readGridsFromFile(out);
    const s = readSupplement(findSupplementGrid(grids)!);
    expect(s.get('收支总计')?.上年数?.value.toFixed(2)).toBe('1894.06');
    expect(s.get('公务接待费')?.上年数?.value.toFixed(2)).toBe('3.50');
  });

  test('a typed cell that disagrees is kept, reported, and the exit code is 1', async () => {
    const data = sampleDataset();
    data.tables.T03.total.本年支出合计 = '1800.00';
    const blanked = await blankedWorkbook(data, {}, (id, row, col) => id === 'T01' && row === '支:本年支出合计' && col === '金额');
    const file = writeTemp(dir, 'typo.xlsx', blanked.bytes);
    const r = await run(file, { output: path.join(dir, 'typo-out.xlsx'), json: true });
    expect(r.code).toBe(1);
    const { findings, items } = JSON.parse(r.stdout);
    expect(items.some((i: { sheet: string; address: string }) => i.sheet === '表3' && i.address === 'C7')).toBe(false);
    const finding = findings.find(
      (f: { cells: { sheet: string; address: string }[] }) => f.cells[0]?.sheet === '表3' && f.cells[0]?.address === 'C7',
    );
    expect(finding).toMatchObject({ severity: 'error', actual: '1800.00', expected: '1868.03' });
  });

  test('without -o, or with OUT = FILE, nothing is written and the exit code is 2', async () => {
    const before = sha(blankFile);
    const missing = await run(blankFile, {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('-o');
    const same = await run(blankFile, { output: blankFile });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('不能与输入文件相同');
    expect(sha(blankFile)).toBe(before);
    const unreadable = await run(path.join(dir, 'nope.xlsx'), { output: path.join(dir, 'x.xlsx') });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('找不到这个文件');
  });
});
