// What juesuan writes stays within Excel's limits and its failures are Chinese sentences (issue 12):
// cell and note text past 32,767 characters, exceljs's English warning, unwritable output paths.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import type { Finding } from '../../src/core/finding';
import { highlightPlan } from '../../src/core/plan';
import { type FileResult } from '../../src/cli/batch';
import { writeReport } from '../../src/cli/batch/report';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();
const LIMIT = 32767;
let sampleFile: string;

beforeAll(async () => {
  sampleFile = writeTemp(dir, 'sample.xlsx', await buildWorkbookBuffer(sampleDataset()));
});

describe('text longer than a cell holds', () => {
  test('a note gathering many long findings is cut visibly below 32,767 characters', () => {
    const findings: Finding[] = Array.from({ length: 60 }, (_, i) => ({
      rule: `T02-${i}`,
      severity: 'error',
      message: `第${i}条：${'很长的说明'.repeat(200)}`,
      cells: [{ sheet: '表2', address: 'E8' }],
    }));
    const note = highlightPlan(findings).ops.find((op) => op.kind === 'note');
    expect(note && 'text' in note).toBe(true);
    const text = (note as { text: string }).text;
    expect(text.length).toBeLessThanOrEqual(LIMIT);
    expect(text).toMatch(/\n…（已截断，全文见审核结果）$/);
    expect(text.startsWith('T02-0：第0条：')).toBe(true);
  });

  test('the batch report cuts a 40,000-character message and keeps it whole on the 全文 sheet', async () => {
    const message = `说明${'一二三四五六七八九十'.repeat(4000)}`;
    const result: FileResult = {
      file: 'a.xlsx',
      unit: '某单位',
      year: 2024,
      counts: { error: 1, pending: 0, warning: 0, info: 0 },
      unreadable: null,
      findings: [{ rule: 'X01', severity: 'error', message, cells: [{ sheet: '表1', address: 'C7' }] }],
    };
    const file = path.join(dir, 'report.xlsx');
    await writeReport(file, [result]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cell = String(wb.getWorksheet('问题明细')!.getCell('E4').value);
    expect(cell.length).toBeLessThanOrEqual(LIMIT);
    expect(cell).toMatch(/…（已截断，全文见“全文”表第2行）$/);
    const full = wb.getWorksheet('全文')!.getRow(2).values as unknown[];
    expect(full.slice(1, 3)).toEqual(['a.xlsx', 'X01 说明']);
    expect(full.slice(3).join('')).toBe(message);
    const rerun = await runCli(['batch', makeTempDir(), '-o', file]); // an empty folder: exit 2 before writing
    expect(rerun.code).toBe(2);
  });
});

test('a sheet name longer than 31 characters: a Chinese sentence, not exceljs’s English warning', async () => {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(sampleFile)));
  const long = '表14（一般公共预算财政拨款“三公”经费支出决算表，含公务接待和公务用车说明）';
  parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace('name="表14"', `name="${long}"`));
  const file = writeTemp(dir, 'long-name.xlsx', zipSync(parts));
  const warn = jest.spyOn(console, 'warn');
  try {
    // check reads with the fast reader, which takes the name as it is
    const check = await runCli(['check', file]);
    expect(check.stderr).not.toMatch(/Worksheet|exceeds|truncated/);
    expect(check.code).toBeLessThan(2);
    // fill loads the file with exceljs, which cuts the name (and then cannot load it)
    const run = await runCli(['fill', file, '-o', path.join(dir, 'long-name-out.xlsx')]);
    expect(warn).not.toHaveBeenCalled();
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(`注：工作表名“${long}”超过 Excel 允许的 31 个字符，请在 Excel/WPS 中把它改短后再试。`);
    expect(run.stderr).not.toMatch(/Worksheet|exceeds|truncated/);
    expect(run.code).toBe(2); // exceljs cannot load the name it cut: the file is refused
  } finally {
    warn.mockRestore();
  }
});

describe('an output path that cannot be written is named, with the reason', () => {
  test.each([
    ['no folder', () => path.join(dir, '没有这个文件夹', 'out.xlsx'), '所在文件夹不存在'],
    ['a folder', () => makeTempDir(), '是一个文件夹'],
    ['not a regular file', () => '/dev/full', '不是普通文件'],
  ])('fill -o %s', async (_what, out, why) => {
    const target = out();
    const run = await runCli(['fill', sampleFile, '-o', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^(无法写入|输出文件)“${target}”[^\n]*${why}[^\n]*。\n$`));
    expect(run.stderr).not.toContain('内部错误');
  });

  test('batch -o a folder', async () => {
    const batchDir = makeTempDir();
    writeTemp(batchDir, 'sample.xlsx', fs.readFileSync(sampleFile));
    const target = makeTempDir();
    const run = await runCli(['batch', batchDir, '-o', target, '--jobs', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`无法写入报告“${target}”：这是一个文件夹`);
  });
});
