// `batch --notices`, `batch --since`: on copies of seed 002's example workbook (安岳县人大常委会办公室
// 2021) with a figure changed by hand, so the checks find real identity errors.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeTempDir } from '../helpers/tmp';
import { runCli } from '../helpers/cli';
import { readDocx } from '../document/docx-read';

const seed = path.join(__dirname, '../../examples/seed002.xlsx');

/** seed002.xlsx with `sheet!address` set to `value`, saved as `file`. */
async function edited(file: string, sheet: string, address: string, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(seed);
  wb.getWorksheet(sheet)!.getCell(address).value = value;
  await wb.xlsx.writeFile(file);
}

describe('batch --notices and --since', () => {
  const dir = makeTempDir('juesuan-notices-');
  const notices = path.join(makeTempDir('juesuan-notices-out-'), '整改通知');
  const lastJson = path.join(makeTempDir(), 'last.json');
  let last: { files: { file: string; findings: { rule: string; severity: string; cells: { sheet: string; address: string }[] }[] }[] };

  beforeAll(async () => {
    fs.copyFileSync(seed, path.join(dir, '安岳-正确.xlsx'));
    // 表1 本年收入合计 948.60 → 958.60: T01 and its ties to 表2 break
    await edited(path.join(dir, '安岳-有误.xlsx'), '表1', 'C33', 958.6);
    const run = await runCli(['batch', dir, '--json', '--notices', notices]);
    expect(run.code).toBe(1);
    last = JSON.parse(run.stdout);
    fs.writeFileSync(lastJson, run.stdout);
  }, 180000);

  test('one notice per unit with errors, none for the clean one', () => {
    const files = fs.readdirSync(notices);
    expect(files).toEqual(['安岳县人大常委会办公室-整改通知.docx']);
  });

  test('the notice: unit, each error with its table, cells, both sides, difference and what to do', () => {
    const { items } = readDocx(fs.readFileSync(path.join(notices, '安岳县人大常委会办公室-整改通知.docx')));
    const heading = items.find((i) => i.kind === 'heading');
    expect(heading).toMatchObject({ text: '关于安岳县人大常委会办公室2021年度部门决算公开报表的整改通知' });
    const errors = last.files.find((f) => f.file === '安岳-有误.xlsx')!.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const table = items.find((i) => i.kind === 'table') as { rows: string[][] };
    expect(table.rows[0]).toEqual(['序号', '所在表及单元格', '一方', '另一方', '差额', '整改要求']);
    expect(table.rows).toHaveLength(errors.length + 1);
    errors.forEach((f, i) => {
      const row = table.rows[i + 1];
      for (const c of f.cells) expect(row[1]).toContain(`${c.sheet}!${c.address}`);
      expect(row[4]).toMatch(/^\d+\.\d{2}$/);
      expect(row[5]).toMatch(/^请/);
    });
    // T01-1 本年收入合计 against its items: both sides named, 10.00 apart
    const t01 = table.rows.find((r) => r[1].includes('表1!C33'))!;
    expect(t01[2] + t01[3]).toContain('958.60');
    expect(t01[4]).toBe('10.00');
  });

  test('--since: the earlier error is fixed, a new one is found, the clean unit is unchanged', async () => {
    // the accountant corrects 表1 C33 but mistypes 表3 合计·基本支出
    await edited(path.join(dir, '安岳-有误.xlsx'), '表3', 'D7', 610.51);
    const run = await runCli(['batch', dir, '--since', lastJson]);
    expect(run.stdout).toContain('与上次审核相比');
    const line = run.stdout.split('\n').find((l) => l.startsWith('  安岳-有误.xlsx'))!;
    const [fixed, still, added] = /已改正 (\d+) 条，仍存在 (\d+) 条，新发现 (\d+) 条/.exec(line)!.slice(1).map(Number);
    expect(fixed).toBeGreaterThan(0);
    expect(added).toBeGreaterThan(0);
    expect(still).toBeGreaterThanOrEqual(0);
    expect(run.stdout).toMatch(/\[已改正\] \[[A-Z0-9-]+\] [^\n]*958\.60/);
    expect(run.stdout).toMatch(/\[新发现\] \[[A-Z0-9-]+\] [^\n]*610\.51/);
    expect(run.stdout).toMatch(/ {2}安岳-正确\.xlsx（安岳县人大常委会办公室）：已改正 0 条，仍存在 \d+ 条，新发现 0 条/);
    const json = JSON.parse((await runCli(['batch', dir, '--json', '--since', lastJson])).stdout);
    const cmp = json.since.find((c: { file: string }) => c.file === '安岳-有误.xlsx');
    expect(cmp.fixed.length).toBe(fixed);
    expect(cmp.added.length).toBe(added);
  }, 180000);

  test('--since with a file that is not a batch --json output: a Chinese sentence, exit 2', async () => {
    const bad = path.join(makeTempDir(), 'x.json');
    fs.writeFileSync(bad, '{"a":1}');
    const run = await runCli(['batch', dir, '--since', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不是 juesuan batch --json 输出的审核结果');
  });
});
