// `juesuan check` on real .xlsx files: exit codes, human and JSON output, unreadable files.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();
let sampleFile: string;
let brokenFile: string;

beforeAll(async () => {
  sampleFile = writeTemp(dir, 'sample.xlsx', await buildWorkbookBuffer(sampleDataset()));
  const broken = sampleDataset();
  // A typo in the summary table: 本年收入合计 copied wrongly from 收入决算表.
  const income = broken.tables.T01.income;
  income['本年收入合计'] = '1.00';
  brokenFile = writeTemp(dir, 'broken.xlsx', await buildWorkbookBuffer(broken));
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('juesuan check', () => {
  test('the sample checks with no error, shows its rounding notes, exits 0', async () => {
    const run = await runCli(['check', sampleFile]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('识别到 14 张附表');
    expect(run.stdout).toMatch(/错误 0 条/);
    expect(run.stdout).toContain('可以打印');
    expect(run.stdout).toContain('【取整差额】3 处，均在允许范围内'); // one line per table by default
    expect(run.stdout).toContain('表8：1处取整差额，均在允许范围内');
    expect(run.stdout).not.toContain('取整误差');
    const all = await runCli(['check', sampleFile, '--all']);
    expect(all.stdout).toContain('属取整误差');
  });

  test('--json prints one object with tables and findings per interfaces.md', async () => {
    const run = await runCli(['check', sampleFile, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.file).toBe('sample.xlsx');
    expect(out.tables).toHaveLength(14);
    expect(out.tables[0]).toEqual({ id: 'T01', title: '收入支出决算总表', sheet: expect.any(String), unit: '万元' });
    expect(out.findings.length).toBeGreaterThan(0);
    for (const f of out.findings) {
      expect(f.severity).toBe('info');
      expect(f.difference).toMatch(/^\d+\.\d\d$/);
      expect(f.cells.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('a wrong summary cell is an error finding with both sides, the difference and the cells; exit 1', async () => {
    const run = await runCli(['check', brokenFile, '--json']);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout);
    const x01 = findings.find((f: { rule: string }) => f.rule === 'X01');
    expect(x01).toBeDefined();
    expect(x01.severity).toBe('error');
    expect(x01.actual).toBe('1.00');
    expect(x01.message).toContain('收入支出决算总表');
    expect(x01.message).toContain('收入决算表');
    expect(x01.message).toContain('相差');
    expect(x01.cells.map((c: { sheet: string }) => c.sheet)).toEqual(expect.arrayContaining(['表1', '表2']));
    const human = await runCli(['check', brokenFile]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/【错误】\d+ 条/);
    expect(human.stdout).toContain('修改后才能打印');
  });

  test('a big sheet with no table is read only in part, and the report says so', async () => {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await buildWorkbookBuffer(sampleDataset()));
    const noise = wb.addWorksheet('导出数据');
    for (let r = 1; r <= 6000; r++) noise.addRow([`记录${r}`, r, r * 2]);
    const file = writeTemp(dir, 'noise.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('可以打印');
    expect(run.stdout).toMatch(/工作表“导出数据”超过 \d+ 行且前 10 行没有附表标题，只读取了前 10 行/);
  });

  test('--text checks a pasted 第二部分 against the tables: the bundled seed 002 and its published text', async () => {
    const examples = path.join(__dirname, '..', '..', 'examples');
    const run = await runCli([
      'check',
      path.join(examples, 'seed002.xlsx'),
      '--text',
      path.join(examples, 'seed-text', 'seed002-part2.txt'),
      '--json',
    ]);
    expect(run.code).toBe(1);
    const errors = JSON.parse(run.stdout).findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { rule: string }) => f.rule).sort()).toEqual(['TXT-AMOUNT', 'TXT-SHARE', 'TXT-TEMPLATE', 'TXT-TEMPLATE']);
    expect(errors.find((f: { rule: string }) => f.rule === 'TXT-AMOUNT').message).toContain('948.06');
    const missing = await runCli(['check', path.join(examples, 'seed002.xlsx'), '--text', path.join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt');
  });

  test('the input file is never written', async () => {
    const before = sha(brokenFile);
    const mtime = fs.statSync(brokenFile).mtimeMs;
    await runCli(['check', brokenFile]);
    await runCli(['check', brokenFile, '--json']);
    expect(sha(brokenFile)).toBe(before);
    expect(fs.statSync(brokenFile).mtimeMs).toBe(mtime);
  });

  describe('unreadable files exit 2 with one Chinese sentence and no stack trace', () => {
    const cases: [string, () => Uint8Array | string, RegExp][] = [
      ['empty.xlsx', () => new Uint8Array(0), /空/],
      ['text.xlsx', () => '单位,金额\n办公室,12.5\n', /文本|CSV/],
      ['old.xlsx', () => cfb(false), /\.xls|97-2003/],
      ['locked.xlsx', () => cfb(true), /密码/],
      ['cut.xlsx', () => fs.readFileSync(sampleFile).subarray(0, 20000), /损坏|不完整|截断/],
    ];
    test.each(cases)('%s', async (name, bytes, reason) => {
      const file = writeTemp(dir, name, bytes());
      const run = await runCli(['check', file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(name);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr).not.toMatch(/Error|at .*\.js|node_modules/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });

    test('a missing file', async () => {
      const run = await runCli(['check', path.join(dir, 'nope.xlsx')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('nope.xlsx');
    });
  });

  test('the built command (bin/juesuan.js) runs as users run it', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'juesuan.js');
    const out = execFileSync('node', [bin, 'check', sampleFile], { encoding: 'utf8' });
    expect(out).toContain('可以打印');
    const bad = spawnSync('node', [bin, 'check', brokenFile], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    const usage = spawnSync('node', [bin], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stdout).toContain('用法');
  });
});

/** A minimal OLE compound file: an old .xls, or (with the stream name) a password-protected .xlsx. */
function cfb(encrypted: boolean): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const name = encrypted ? 'EncryptionInfo' : 'Workbook';
  for (let i = 0; i < name.length; i++) bytes[1024 + i * 2] = name.charCodeAt(i);
  return bytes;
}
