// The command line and the task pane (the runner over the file host) give the same counts for the
// same workbook: findings by severity from `check --json` and from 检查; paragraphs of the 说明 from
// `fill` and from 生成说明 — one count, one word (段).
import * as fs from 'fs';
import * as path from 'path';
import { Runner } from '../../src/app/runner';
import { countFindings } from '../../src/app/view';
import type { Finding } from '../../src/core/finding';
import { FileHost } from '../../src/hosts/file/fileHost';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/tmp';

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
