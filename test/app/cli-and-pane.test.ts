// The command line and the task pane (the runner over the file host) give the same counts for the
// same workbook: findings by severity from `check --json` and from 检查; paragraphs of the 说明 from
// `fill` and from 生成说明 — one count, one word (段); `fill`'s findings and those the pane lists
// after the same steps (填表 → 确认填写, 插入补充信息表, 生成说明, 检查).
import * as fs from 'fs';
import * as path from 'path';
import { Runner } from '../../src/app/runner';
import { countFindings } from '../../src/app/view';
import { sampleDataset } from '../../examples/sample-data';
import { blankedWorkbook } from '../core/derive/helpers';
import type { Finding } from '../../src/core/finding';
import { FileHost } from '../../src/hosts/file/fileHost';
import { runCli } from '../helpers/cli';
import { makeTempDir, writeTemp } from '../helpers/tmp';

const SEED002 = path.join(__dirname, '..', '..', 'examples', 'seed002.xlsx');

async function paneCheck(file: string): Promise<Finding[]> {
  const runner = new Runner(await FileHost.open(fs.readFileSync(file), path.basename(file)), { throwErrors: true });
  return (await runner.check()).view!.findings;
}

async function cliCheck(file: string): Promise<Finding[]> {
  const run = await runCli(['check', file, '--json']);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
}

test('seed002 as published and after `fill`: check --json and the pane’s 检查 count the same findings', async () => {
  const dir = makeTempDir('juesuan-counts-');
  const out = path.join(dir, 'seed002-filled.xlsx');
  const filled = await runCli(['fill', SEED002, '-o', out]);
  expect(filled.stderr).toBe('');

  for (const file of [SEED002, out]) {
    const [cli, pane] = [await cliCheck(file), await paneCheck(file)];
    expect(countFindings(pane)).toEqual(countFindings(cli));
    expect(pane.map((f) => f.rule)).toEqual(cli.map((f) => f.rule));
  }
  // after fill the narrative text is checked too, once
  const txt = (await cliCheck(out)).filter((f) => f.rule.startsWith('TXT'));
  expect(new Set(txt.map((f) => JSON.stringify(f))).size).toBe(txt.length);

  // 说明: `fill` says N 段 where 生成说明 says N 段
  const paragraphs = Number(/“部门决算情况说明”表：(\d+) 段/.exec(filled.stdout)?.[1]);
  const runner = new Runner(await FileHost.open(fs.readFileSync(SEED002), 'seed002.xlsx'), { throwErrors: true });
  await runner.start();
  const narrated = await runner.narrate();
  expect(narrated.status?.text).toContain(`（${paragraphs} 段）`);
  expect(narrated.narrative?.paragraphs.length).toBe(paragraphs);
  expect(paragraphs).toBeGreaterThan(20);
});

test('`fill --json` and the pane’s 填表, 插入补充信息表, 生成说明, 检查 on a workbook with blanks: the same cells filled, the same findings', async () => {
  const dir = makeTempDir('juesuan-fill-pane-');
  const data = sampleDataset();
  const file = writeTemp(dir, 'blanks.xlsx', (await blankedWorkbook(data, { supplement: false })).bytes);
  const out = path.join(dir, 'blanks-filled.xlsx');
  const cli = await runCli(['fill', file, '-o', out, '--json']);
  expect(cli.stderr).toBe('');
  const json = JSON.parse(cli.stdout) as { items: { sheet: string; address: string }[]; check: { findings: Finding[] } };
  expect(json.items.length).toBeGreaterThan(0);

  const runner = new Runner(await FileHost.open(fs.readFileSync(file), 'blanks.xlsx'), { throwErrors: true });
  await runner.start();
  const preview = (await runner.previewFill()).fill!;
  expect(preview.result.items.map((i) => `${i.sheet}!${i.address}`)).toEqual(json.items.map((i) => `${i.sheet}!${i.address}`));
  await runner.confirmFill();
  expect((await runner.insertSupplement()).outcome?.sheetsCreated).toEqual(['补充信息']);
  await runner.narrate();
  const pane = (await runner.check()).view!.findings;
  expect(countFindings(pane)).toEqual(countFindings(json.check.findings));
  expect(pane).toEqual(json.check.findings);
  expect(pane.length).toBeGreaterThan(0);
});
