// What a person reads: one screen for a clean seed, one verdict with 待补充 counted the same
// everywhere, rounding notes collapsed (and not painted unless asked), 未核验 per rule family.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();
const examples = path.join(__dirname, '..', '..', 'examples');

describe('check output', () => {
  test('check examples/seed000.xlsx fits on one screen; --all lists every rounding note', async () => {
    const run = await runCli(['check', path.join(examples, 'seed000.xlsx')]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(lines[1]).toBe('识别到 14 张附表（模板：四川省部门决算（14张表），万元）');
    expect(run.stdout).toContain('  表5：5处取整差额，均在允许范围内');
    // the README prints this output whole: it is kept current
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = /Example \(`check examples\/seed000\.xlsx`[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(run.stdout.trimEnd() + '\n');
    const all = await runCli(['check', path.join(examples, 'seed000.xlsx'), '--all']);
    expect(all.stdout.split('\n').length).toBeGreaterThan(60);
    expect((all.stdout.match(/属取整误差/g) ?? []).length).toBe(27);
  });

  test('【未核验】 lists the rule families that could not run, with why', async () => {
    const data = sampleDataset();
    const file = writeTemp(dir, 'no-t08.xlsx', await buildWorkbookBuffer(data));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.removeWorksheet(wb.getWorksheet('表8')!.id);
    await wb.xlsx.writeFile(file);
    const run = await runCli(['check', file, '--json']);
    const unchecked = JSON.parse(run.stdout).unchecked as { family: string; rules: string[]; reasons: string[] }[];
    const t08 = unchecked.find((f) => f.family === '表8 表内关系');
    expect(t08?.reasons).toEqual(['缺少表8 一般公共预算财政拨款基本支出决算表']);
    const cross = unchecked.find((f) => f.family === '表间关系');
    expect(cross?.rules).toEqual(expect.arrayContaining(['X10', 'X12', 'X13']));
    const text = await runCli(['check', file]);
    expect(text.stdout).toMatch(/【未核验】\d+ 类（未计入通过）/);
    expect(text.stdout).toContain('表8 表内关系（');
    // with every table and a narrative, nothing is left unchecked but what is really missing
    const sample = writeTemp(dir, 'sample.xlsx', await buildWorkbookBuffer(sampleDataset()));
    const ok = JSON.parse((await runCli(['check', sample, '--json'])).stdout).unchecked;
    expect(ok.map((f: { family: string }) => f.family)).toEqual(['说明文字']);
  });
});

describe('a finding that could not be checked is listed once', () => {
  test('under 【未核验】 with its cells, not again under 【提示】, and 提示 counts the rest', async () => {
    const file = writeTemp(dir, 'unreadable.xlsx', await buildWorkbookBuffer(sampleDataset()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('表3')!.getCell('D8').value = '12abc';
    await wb.xlsx.writeFile(file);
    const json = JSON.parse((await runCli(['check', file, '--json'])).stdout) as {
      findings: { rule: string; severity: string; unchecked?: boolean }[];
    };
    const unchecked = json.findings.filter((f) => f.unchecked);
    expect(unchecked.map((f) => f.rule)).toEqual(expect.arrayContaining(['T03-1', 'X18']));
    const run = await runCli(['check', file]);
    const warnings = json.findings.filter((f) => f.severity === 'warning' && !f.unchecked);
    expect(run.stdout).toContain(`提示 ${warnings.length} 条，`);
    expect(run.stdout).toContain(`【提示】${warnings.length} 条`);
    const [before, after] = run.stdout.split('【未核验】');
    expect(before).not.toMatch(/\[(T03-1|X18)\]/);
    expect(after).toContain('表间关系（X18）');
    expect(after).toContain('        单元格：表3!D8');
  });
});

describe('待补充: a state of its own, counted the same everywhere', () => {
  test('a workbook without 补充信息: fill, check and narrate give one number, and no error', async () => {
    const file = writeTemp(dir, 'nosup.xlsx', await buildWorkbookBuffer(sampleDataset(), { supplement: false }));
    const out = path.join(dir, 'nosup-out.xlsx');
    const narrated = await runCli(['narrate', file, '--json']);
    const needs = JSON.parse(narrated.stdout).findings.filter((f: { rule: string }) => f.rule === 'NEED').length;
    expect(needs).toBeGreaterThan(20);
    const filled = await runCli(['fill', file, '-o', out]);
    expect(filled.stdout).toContain(`错误 0 条，待补充 ${needs} 处`);
    expect(filled.stdout).toContain(`说明中有 ${needs} 处待补充`);
    expect(filled.code).toBe(1); // not ready to print
    const checked = await runCli(['check', out]);
    expect(checked.stdout).toContain(`结果：错误 0 条，待补充 ${needs} 处，`);
    expect(checked.stdout).toContain(`—— 待补充 ${needs} 处：请按【待补充】所列填写补充信息表`);
    expect(checked.stdout).toContain(`【待补充】${needs} 处`);
    expect(checked.stdout).not.toContain('TXT-TEMPLATE');
    expect(checked.stdout).not.toContain('TXT-PLACEHOLDER');
  });

  test('a placeholder left after the inputs are supplied is an error (regenerate the text)', async () => {
    const file = writeTemp(dir, 'stale.xlsx', await buildWorkbookBuffer(sampleDataset()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.addWorksheet('部门决算情况说明');
    ws.getCell('A1').value = '一、收入支出决算总体情况说明';
    ws.getCell('A2').value = '2024年度收、支总计均为1894.06万元。与2023年相比，收、支总计各【请填写上年数】。';
    const stale = path.join(dir, 'stale-text.xlsx');
    await wb.xlsx.writeFile(stale);
    const run = await runCli(['check', stale]);
    expect(run.stdout).toContain('[TXT-PLACEHOLDER] 第二部分 一“【请填写上年数】”是生成说明时留下的待补充标记');
    expect(run.code).toBe(1);
  });
});

describe('fill paints what needs work', () => {
  test('rounding notes are not painted unless --mark-notes', async () => {
    const file = writeTemp(dir, 'paint.xlsx', await buildWorkbookBuffer(sampleDataset()));
    const notes = JSON.parse((await runCli(['check', file, '--json'])).stdout).findings.filter(
      (f: { severity: string }) => f.severity === 'info',
    );
    expect(notes.length).toBe(3);
    const cell = notes[0].cells[0] as { sheet: string; address: string };
    const fillOf = async (out: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      return (wb.getWorksheet(cell.sheet)!.getCell(cell.address).fill as ExcelJS.FillPattern | undefined)?.pattern;
    };
    const plain = path.join(dir, 'paint-out.xlsx');
    await runCli(['fill', file, '-o', plain]);
    expect(await fillOf(plain)).not.toBe('solid');
    const marked = path.join(dir, 'paint-marked.xlsx');
    const r = await runCli(['fill', file, '-o', marked, '--mark-notes']);
    expect(r.stdout).toContain('蓝色：取整差额');
    expect(await fillOf(marked)).toBe('solid');
  });

  test('its own 100% adjustment of shares is one 提示 (TXT-SHARE), not a second one from 生成说明 (SHARE)', async () => {
    // seed002's 五（二） shares add up to 100% only with 住房保障支出 at 3.9% (36.92 ÷ 933.55 = 3.955%)
    const out = path.join(dir, 'seed002-shares.xlsx');
    const run = await runCli(['fill', path.join(examples, 'seed002.xlsx'), '-o', out, '--json']);
    const findings = JSON.parse(run.stdout).check.findings as {
      rule: string;
      message: string;
      cells: { sheet: string; address: string }[];
    }[];
    const shares = findings.filter((f) => /SHARE/.test(f.rule));
    expect(shares.map((f) => f.rule)).toEqual(['TXT-SHARE']);
    expect(shares[0].message).toContain('是为使各类支出占比合计为100%而调整的');
    // the notes fill writes on the paragraph's cell and on the table's cell say it once
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const { sheet, address } of shares[0].cells.slice(0, 2)) {
      const note = wb.getWorksheet(sheet)!.getCell(address).note;
      const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      expect([`${sheet}!${address}`, text.match(/SHARE：/g)?.length]).toEqual([`${sheet}!${address}`, 1]);
    }
  });
});
