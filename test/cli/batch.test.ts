// `juesuan batch DIR` on a folder of real .xlsx files built with examples/build-workbook: a good
// file, a file with a broken identity, one without 补充信息 (unit name from the title block), an
// unreadable one, and files that are not workbooks at all.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { runBatch } from '../../src/cli/batch';
import { isWorkbookName, listWorkbooks } from '../../src/cli/batch/files';
import { unitFromLabel } from '../../src/cli/batch/identity';
import { progressBar } from '../../src/cli/batch/output';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'juesuan.js');
const builtWorker = path.join(root, 'lib', 'src', 'cli', 'batch', 'worker.js');
const builtCheckFile = path.join(root, 'lib', 'src', 'cli', 'batch', 'check-file.js');

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let dir: string;
let goodBytes: Buffer;
const inputs: Record<string, string> = {};

beforeAll(async () => {
  dir = makeTempDir('juesuan-batch-');
  goodBytes = await buildWorkbookBuffer(sampleDataset());
  const broken = structuredClone(sampleDataset());
  broken.tables.T01.income['本年收入合计'] = '1.00';
  const other = structuredClone(sampleDataset());
  other.unitName = '青川市第二示范局';
  fs.mkdirSync(path.join(dir, '二级单位', '下属'), { recursive: true });
  inputs.good = writeTemp(dir, '本级.xlsx', goodBytes);
  inputs.broken = writeTemp(dir, '二级单位/broken.xlsx', await buildWorkbookBuffer(broken));
  inputs.bare = writeTemp(dir, '二级单位/下属/bare.XLSX', await buildWorkbookBuffer(other, { supplement: false }));
  inputs.cut = writeTemp(dir, 'cut.xlsx', goodBytes.subarray(0, 20000));
  // Not workbooks to check: lock files, a macOS resource fork, other extensions.
  writeTemp(dir, '~$本级.xlsx', 'lock');
  writeTemp(dir, '._本级.xlsx', 'fork');
  writeTemp(dir, 'readme.txt', 'x');
  writeTemp(dir, '本级.xls', 'x');
});

function lines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l !== '');
}

describe('which files', () => {
  test('every .xlsx under the folder, recursively, in path order; lock files and forks skipped', () => {
    expect(listWorkbooks(dir).map((f) => f.name)).toEqual(['cut.xlsx', '二级单位/broken.xlsx', '二级单位/下属/bare.XLSX', '本级.xlsx']);
    expect(isWorkbookName('~$a.xlsx')).toBe(false);
    expect(isWorkbookName('.~lock.a.xlsx#')).toBe(false);
    expect(isWorkbookName('A.XLSX')).toBe(true);
  });

  test('a single file is a batch of one', () => {
    expect(listWorkbooks(inputs.good).map((f) => f.name)).toEqual(['本级.xlsx']);
  });
});

describe('juesuan batch DIR', () => {
  test('one line per file in path order, a summary, exit 2 because one file is unreadable', async () => {
    const run = await runCli(['batch', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    const out = lines(run.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatch(/^cut\.xlsx {2}无法读取“cut\.xlsx”：.*(损坏|不完整)/);
    expect(out[1]).toMatch(/^二级单位\/broken\.xlsx {2}青川市示范局 2024年度 {2}错误 [1-9]\d* 条.*修改后才能打印$/);
    // No 补充信息: the unit comes from the title block (部门：…); no year printed there.
    expect(out[2]).toBe('二级单位/下属/bare.XLSX  青川市第二示范局  错误 0 条，提示 0 条，说明 3 条 —— 可以打印');
    expect(out[3]).toBe('本级.xlsx  青川市示范局 2024年度  错误 0 条，提示 0 条，说明 3 条 —— 可以打印');
    expect(out[4]).toMatch(/^共 4 个文件：可以打印 2 个，有错误 1 个，无法读取 1 个；合计错误 [1-9]\d* 条，提示 0 条，说明 \d+ 条。$/);
  });

  test('exit 1 when the worst file has errors, 0 when all can be printed', async () => {
    const d = makeTempDir('juesuan-batch-');
    writeTemp(d, 'a.xlsx', goodBytes);
    expect((await runCli(['batch', d])).code).toBe(0);
    fs.copyFileSync(inputs.broken, path.join(d, 'b.xlsx'));
    expect((await runCli(['batch', d])).code).toBe(1);
  });

  test('--json: one object with files (file, unit, year, counts, findings, unreadable) and summary; stdout holds nothing else', async () => {
    const run = await runCli(['batch', dir, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['files', 'summary']);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([
      'cut.xlsx',
      '二级单位/broken.xlsx',
      '二级单位/下属/bare.XLSX',
      '本级.xlsx',
    ]);
    for (const f of out.files) expect(Object.keys(f)).toEqual(['file', 'unit', 'year', 'counts', 'findings', 'unreadable']);
    const [cut, broken, bare, good] = out.files;
    expect(cut).toMatchObject({ unit: null, year: null, findings: [], unreadable: expect.stringContaining('cut.xlsx') });
    expect(broken.unit).toBe('青川市示范局');
    expect(broken.year).toBe(2024);
    expect(broken.counts.error).toBeGreaterThan(0);
    const x01 = broken.findings.find((f: { rule: string }) => f.rule === 'X01');
    expect(x01).toMatchObject({ severity: 'error', actual: '1.00' });
    expect(bare).toMatchObject({ unit: '青川市第二示范局', year: null, unreadable: null, counts: { error: 0, warning: 0 } });
    expect(good).toMatchObject({ unit: '青川市示范局', year: 2024, unreadable: null, counts: { error: 0, warning: 0, info: 3 } });
    expect(out.summary).toEqual({
      files: 4,
      printable: 2,
      withErrors: 1,
      unchecked: 0,
      unreadable: 1,
      errors: broken.counts.error,
      warnings: 0,
      infos: broken.counts.info + bare.counts.info + good.counts.info,
      exitCode: 2,
    });
  });

  test('the same folder always gives byte-identical JSON, in this thread and on worker threads', async () => {
    const first = await runCli(['batch', dir, '--json']);
    const again = await runCli(['batch', dir, '--json']);
    expect(again.stdout).toBe(first.stdout);
    // The built command runs the workers (one per core, at least 2 here).
    const viaWorkers = spawnSync('node', [bin, 'batch', dir, '--json', '--jobs', '2'], { encoding: 'utf8' });
    expect(viaWorkers.status).toBe(2);
    expect(viaWorkers.stdout).toBe(first.stdout);
    const human = spawnSync('node', [bin, 'batch', dir], { encoding: 'utf8' });
    expect(human.stdout).toBe((await runCli(['batch', dir])).stdout);
    // stderr is not a terminal here: no progress bar.
    expect(human.stderr).toBe('');
  });

  test('no input file is written', async () => {
    const before = Object.values(inputs).map((f) => [sha(f), fs.statSync(f).mtimeMs]);
    const report = path.join(makeTempDir(), 'r.xlsx');
    await runCli(['batch', dir, '-o', report]);
    await runCli(['batch', dir, '--json']);
    spawnSync('node', [bin, 'batch', dir, '--jobs', '2'], { encoding: 'utf8' });
    expect(Object.values(inputs).map((f) => [sha(f), fs.statSync(f).mtimeMs])).toEqual(before);
  });

  test('a missing folder, an empty folder, a bad --jobs, a missing argument: exit 2 with a sentence', async () => {
    const missing = await runCli(['batch', path.join(dir, '没有')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到这个文件夹/);
    const empty = await runCli(['batch', makeTempDir()]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/没有找到 \.xlsx 文件/);
    const emptyJson = await runCli(['batch', makeTempDir(), '--json']);
    expect(JSON.parse(emptyJson.stdout).summary.files).toBe(0);
    const jobs = await runCli(['batch', dir, '--jobs', 'many']);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toMatch(/--jobs 后面应写/);
    const none = await runCli(['batch']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/请指定要检查的文件夹/);
  });

  test('progress bar on stderr only when asked (a terminal), never on stdout', async () => {
    let out = '';
    let err = '';
    const code = await runBatch(dir, { progress: true }, { out: (t) => (out += t), err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('[');
    expect(err).toMatch(/\] 4\/4/);
    expect(err.endsWith('\r\x1b[2K')).toBe(true); // cleared at the end
    expect(out).not.toMatch(/[\r\x1b]/);
    expect(lines(out)).toHaveLength(5);
    expect(progressBar(3, 4, '二级单位/broken.xlsx', 60)).toBe('[###############-----] 3/4 二级单位/broken.xlsx');
    expect(progressBar(1, 4, 'x'.repeat(200), 60).length).toBeLessThanOrEqual(59);
  });

  test('the unit name after 部门：/编制单位：, not the 金额单位', () => {
    expect(unitFromLabel('部门：青川市示范局')).toBe('青川市示范局');
    expect(unitFromLabel('编制单位：元宝山区财政局      金额单位：万元')).toBe('元宝山区财政局');
    expect(unitFromLabel('部门：青川市示范局　金额单位：元')).toBe('青川市示范局');
    expect(unitFromLabel('金额单位：万元')).toBeUndefined();
    expect(unitFromLabel('单位：万元')).toBeUndefined();
  });
});

describe('-o REPORT.xlsx', () => {
  let report: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    report = path.join(makeTempDir(), '审核报告.xlsx');
    const run = await runCli(['batch', dir, '-o', report]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`审核报告已写入：${report}`);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
  });

  test('汇总: a title, the date, then one row per file with 文件, 单位名称, 年度, counts and 结论, then a 合计 row', () => {
    const ws = wb.getWorksheet('汇总')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题明细', '取整差额']);
    const all = ws
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(all[0][0]).toBe('部门决算公开审核汇总表');
    expect(String(all[1][0])).toMatch(/^审核日期：\d{4}年\d{1,2}月\d{1,2}日 +文件 4 个$/);
    const rows = all.slice(2);
    expect(rows[0]).toEqual(['文件', '单位名称', '年度', '错误', '提示', '说明', '结论']);
    expect(rows).toHaveLength(6);
    expect(rows[1][0]).toBe('cut.xlsx');
    expect(String(rows[1][6])).toMatch(/无法读取/);
    expect(rows[2].slice(0, 3)).toEqual(['二级单位/broken.xlsx', '青川市示范局', 2024]);
    expect(rows[2][6]).toMatch(/修改后才能打印/);
    expect(rows[4]).toEqual(['本级.xlsx', '青川市示范局', 2024, 0, 0, 3, '可以打印']);
    // 合计: the sums of the three readable files' counts
    const sum = (c: number) => rows.slice(1, 5).reduce((s, r) => s + (typeof r[c] === 'number' ? (r[c] as number) : 0), 0);
    expect(rows[5][0]).toBe('合计（4 个文件）');
    expect(rows[5].slice(3, 6)).toEqual([sum(3), sum(4), sum(5)]);
    expect(sum(3)).toBeGreaterThan(0);
    expect(rows[5][6]).toBe('可以打印 2 个');
  });

  test('问题明细: one row per finding (and per unreadable file) with cells and 差额', () => {
    const ws = wb.getWorksheet('问题明细')!;
    const all = ws
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(all[0][0]).toBe('部门决算公开审核问题明细表');
    const rows = all.slice(2);
    expect(rows[0]).toEqual(['文件', '单位', '规则', '级别', '说明', '单元格', '差额']);
    const x01 = rows.find((r) => r[0] === '二级单位/broken.xlsx' && r[2] === 'X01')!;
    expect(x01[3]).toBe('错误');
    expect(String(x01[4])).toContain('相差');
    expect(String(x01[5])).toMatch(/表1!C\d+/);
    expect(typeof x01[6]).toBe('number');
    expect(rows.find((r) => r[0] === 'cut.xlsx')?.slice(2, 4)).toEqual(['READ', '无法读取']);
    const findings = JSON.parse(spawnSync('node', [bin, 'batch', dir, '--json'], { encoding: 'utf8' }).stdout);
    type F = { message: string; severity: string };
    const isNote = (f: F) => f.severity === 'info' && f.message.includes('取整误差');
    const every = findings.files.flatMap((f: { findings: F[] }) => f.findings) as F[];
    // rounding notes are on a sheet of their own: 问题明细 lists what needs work
    expect(rows).toHaveLength(1 + every.filter((f) => !isNote(f)).length + 1);
    const notes = wb.getWorksheet('取整差额')!.getSheetValues().slice(1);
    expect(notes).toHaveLength(2 + 1 + every.filter(isNote).length); // title, date, header, rows
    expect(every.filter(isNote).length).toBeGreaterThan(0);
  });

  test('frozen header row under the title, repeated on every printed page; filters over the data, readable column widths', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(String(ws.autoFilter)).toMatch(/^A3:G\d+$/);
      expect(ws.pageSetup.printTitlesRow).toBe('3:3');
      for (let c = 1; c <= 7; c++) {
        const w = ws.getColumn(c).width ?? 9; // exceljs leaves out a column of the default width 9
        expect(w).toBeGreaterThanOrEqual(6);
        expect(w).toBeLessThanOrEqual(70);
      }
    }
    expect(wb.getWorksheet('问题明细')!.getColumn(5).width).toBeGreaterThanOrEqual(30);
  });

  test('the report never overwrites a workbook being checked; last run’s report in the folder is replaced, not checked', async () => {
    const d = makeTempDir('juesuan-batch-');
    const a = writeTemp(d, 'a.xlsx', goodBytes);
    const before = sha(a);
    const clash = await runCli(['batch', d, '-o', a]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/不能覆盖/);
    expect(sha(a)).toBe(before);

    const inside = path.join(d, '报告.xlsx');
    expect((await runCli(['batch', d, '-o', inside])).code).toBe(0);
    const again = await runCli(['batch', d, '-o', inside]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/共 1 个文件/);
  });

  test('a report folder that does not exist: exit 2, nothing checked', async () => {
    const run = await runCli(['batch', dir, '-o', path.join(dir, '没有', 'r.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/所在文件夹不存在/);
  });
});

describe('worker threads', () => {
  // lib/ is built by jest's globalSetup (test/helpers/build-lib.js): these never turn into skips.
  test('the built worker is there', () => {
    expect(fs.existsSync(builtWorker)).toBe(true);
  });

  /** A worker that misbehaves on some files and checks the others with the built code. */
  function flakyWorker(body: string): string {
    const file = path.join(makeTempDir(), 'worker.js');
    fs.writeFileSync(
      file,
      `const { parentPort } = require('worker_threads');
       const { checkFile } = require(${JSON.stringify(builtCheckFile)});
       ${body}
       parentPort.postMessage({ ready: true });
       parentPort.on('message', async (task) => {
         if (await misbehave(task)) return;
         parentPort.postMessage({ index: task.index, result: await checkFile(task.path, task.name) });
       });`,
    );
    return file;
  }

  test('a worker that dies or hangs on one file costs that file a line; the others are checked', async () => {
    const d = makeTempDir('juesuan-batch-');
    for (const n of ['a', 'crash', 'b', 'hang', 'c']) writeTemp(d, `${n}.xlsx`, goodBytes);
    const workerScript = flakyWorker(`async function misbehave(task) {
      if (task.name === 'crash.xlsx') process.exit(3);
      if (task.name === 'hang.xlsx') { for (;;) {} }
      return false;
    }`);
    for (const jobs of [2, 1]) {
      let out = '';
      // A generous bound: a file's time counts from its worker being ready, so only the hang reaches it.
      const code = await runBatch(d, { jobs, workerScript, timeoutMs: 10000 }, { out: (t) => (out += t), err: () => undefined });
      expect(code).toBe(2);
      const ls = lines(out);
      expect(ls[0]).toMatch(/^a\.xlsx {2}青川市示范局/);
      expect(ls[1]).toMatch(/^b\.xlsx {2}青川市示范局/);
      expect(ls[2]).toMatch(/^c\.xlsx {2}青川市示范局/);
      expect(ls[3]).toMatch(/^crash\.xlsx {2}无法检查“crash\.xlsx”：.*意外中止/);
      expect(ls[4]).toMatch(/^hang\.xlsx {2}无法检查“hang\.xlsx”：超过 10 秒/);
      expect(ls[5]).toMatch(/^共 5 个文件：可以打印 3 个，有错误 0 个，无法读取 2 个/);
    }
  });

  test('workers that cannot start: the batch runs in this thread instead', async () => {
    const script = path.join(makeTempDir(), 'broken-worker.js');
    fs.writeFileSync(script, "throw new Error('cannot start');");
    let out = '';
    const code = await runBatch(dir, { jobs: 2, workerScript: script }, { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(2);
    expect(out).toBe((await runCli(['batch', dir])).stdout);
  });
});
