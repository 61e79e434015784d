// 补充信息 inputs checked before a sentence is written from them (SUP-SUM, SUP-CAR), on built workbooks.
import * as path from 'path';
import { sampleDataset } from '../../../examples/sample-data';
import { buildWorkbookBuffer } from '../../../examples/build-workbook';
import type { Dataset, SupplementRow } from '../../../examples/dataset';
import { makeTempDir, writeTemp } from '../../helpers/tmp';
import { runCli } from '../../helpers/cli';

const dir = makeTempDir();

function withRows(rows: Record<string, Partial<SupplementRow>>): Dataset {
  const data = sampleDataset();
  const supplement = data.supplement.map((r) => {
    const label = r.项目.replace(/（[^（）]*）$/, '');
    return rows[label] ? { ...r, ...rows[label] } : r;
  });
  for (const [项目, row] of Object.entries(rows)) {
    if (!supplement.some((r) => r.项目.replace(/（[^（）]*）$/, '') === 项目)) supplement.push({ 项目, ...row } as SupplementRow);
  }
  return { ...data, supplement };
}

async function check(data: Dataset, name: string) {
  const file = writeTemp(dir, name, await buildWorkbookBuffer(data));
  return runCli(['check', file, '--json']);
}

const rulesOf = (stdout: string) => JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule) as string[];

describe('补充信息 inputs', () => {
  test('the sample’s 补充信息 is consistent: no SUP finding', async () => {
    const run = await check(sampleDataset(), 'sample.xlsx');
    expect(rulesOf(run.stdout).filter((r) => r.startsWith('SUP-'))).toEqual([]);
  });

  test('SUP-SUM: “三公”经费 上年数 not the sum of its parts is an error naming the 补充信息 cells', async () => {
    const data = withRows({
      '“三公”经费': { 上年数: '0.70' },
      '因公出国（境）费': { 上年数: '0' },
      公务用车购置及运行维护费: { 上年数: '23.10' },
      公务接待费: { 上年数: '0.70' },
    });
    const run = await check(data, 'sangong.xlsx');
    expect(run.code).toBe(1);
    const f = JSON.parse(run.stdout).findings.find((x: { rule: string }) => x.rule === 'SUP-SUM');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('补充信息“三公”经费的上年数0.70万元');
    expect(f.message).toContain('= 23.80万元，相差23.10万元');
    expect(f.cells.every((c: { sheet: string }) => c.sheet === '补充信息')).toBe(true);
    expect(f.cells).toHaveLength(4);
  });

  test('SUP-SUM: a total 0.01 off the sum of two rounded parts is within tolerance, 0.02 off is not', async () => {
    const parts = { '因公出国（境）费': { 上年数: '0' }, 公务用车购置及运行维护费: { 上年数: '23.10' }, 公务接待费: { 上年数: '0.70' } };
    const within = await check(withRows({ '“三公”经费': { 上年数: '23.81' }, ...parts }), 'sangong-within.xlsx');
    expect(rulesOf(within.stdout)).not.toContain('SUP-SUM');
    const beyond = await check(withRows({ '“三公”经费': { 上年数: '23.82' }, ...parts }), 'sangong-beyond.xlsx');
    const f = JSON.parse(beyond.stdout).findings.find((x: { rule: string }) => x.rule === 'SUP-SUM');
    expect(f.message).toContain('= 23.80万元，相差0.02万元（允许误差0.01万元）');
  });

  test('SUP-SUM on counts: 车辆总数 against its kinds', async () => {
    const data = withRows({
      车辆总数: { 本年数: '5' },
      主要领导干部用车: { 本年数: '1' },
      机要通信用车: { 本年数: '0' },
      应急保障用车: { 本年数: '0' },
      执法执勤用车: { 本年数: '0' },
      特种专业技术用车: { 本年数: '0' },
      其他用车: { 本年数: '2' },
      公务用车保有量: { 本年数: '3' },
    });
    const run = await check(data, 'cars.xlsx');
    const msgs = JSON.parse(run.stdout)
      .findings.filter((x: { rule: string }) => x.rule === 'SUP-SUM')
      .map((x: { message: string }) => x.message);
    expect(msgs.join('\n')).toContain('补充信息“车辆总数”的本年数5');
    expect(msgs.join('\n')).toContain('= 3，相差2');
  });

  test('SUP-CAR: 公务用车保有量 above 车辆总数 is an error; 0 against vehicles a 提示', async () => {
    const above = await check(withRows({ 车辆总数: { 本年数: '2' }, 公务用车保有量: { 本年数: '3' } }), 'cars-above.xlsx');
    const a = JSON.parse(above.stdout).findings.find((x: { rule: string }) => x.rule === 'SUP-CAR');
    expect(a.severity).toBe('error');
    expect(a.message).toContain('“公务用车保有量”3辆');
    const seed002 = await runCli(['check', path.join(__dirname, '..', '..', '..', 'examples', 'seed002.xlsx'), '--json']);
    const b = JSON.parse(seed002.stdout).findings.find((x: { rule: string }) => x.rule === 'SUP-CAR');
    expect(b.severity).toBe('warning');
    expect(b.message).toContain('“其他用车”2辆（补充信息!C52）说明为“一般公务用车”');
  });
});

describe('one cause, one 提示 for seed 002', () => {
  test('after fill, the 七（二）/十（三） disagreement is named in the SUP-CAR 提示, not a second one', async () => {
    const out = path.join(dir, 'seed002-once.xlsx');
    await runCli(['fill', path.join(__dirname, '..', '..', '..', 'examples', 'seed002.xlsx'), '-o', out]);
    const json = JSON.parse((await runCli(['check', out, '--json'])).stdout) as {
      findings: { rule: string; cells: { sheet: string }[] }[];
    };
    expect(json.findings.some((f) => f.rule === 'TXT-CARS')).toBe(false);
    const car = json.findings.find((f) => f.rule === 'SUP-CAR');
    expect(car?.cells.filter((c) => c.sheet === '部门决算情况说明').length).toBe(2);
  });
});

describe('one verdict for seed 000', () => {
  const seed000 = path.join(__dirname, '..', '..', '..', 'examples', 'seed000.xlsx');
  test('check names the 补充信息 cells of the 三公 上年数 and fails as fill does', async () => {
    const checked = await runCli(['check', seed000]);
    expect(checked.stdout).toContain('[SUP-SUM] 补充信息“三公”经费的上年数0.70万元（补充信息!D24）');
    expect(checked.code).toBe(1);
    const filled = await runCli(['fill', seed000, '-o', path.join(dir, 'seed000-filled.xlsx')]);
    expect(filled.code).toBe(1);
    const checkedOut = await runCli(['check', path.join(dir, 'seed000-filled.xlsx')]);
    expect(checkedOut.stdout).toContain('[SUP-SUM]');
  });

  test('one cause, one finding: the 七（一） sentence written from those cells is named in the SUP-SUM, not a second error', async () => {
    const out = path.join(dir, 'seed000-once.xlsx');
    await runCli(['fill', seed000, '-o', out]);
    const json = JSON.parse((await runCli(['check', out, '--json'])).stdout) as {
      findings: { rule: string; severity: string; cells: { sheet: string }[]; message: string }[];
    };
    const errors = json.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['SUP-SUM']);
    expect(errors[0].cells.filter((c) => c.sheet === '部门决算情况说明').length).toBeGreaterThan(0);
    expect(errors[0].message).toContain('说明中据此写出的增减也因此前后矛盾');
    expect(json.findings.some((f) => f.rule === 'TXT-SUM')).toBe(false);
  });
});
