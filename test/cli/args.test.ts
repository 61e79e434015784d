// Strict arguments: a mistyped or misplaced option is refused with usage, never ignored.
import * as path from 'path';
import { parseArgs } from '../../src/cli/args';
import { runCli } from '../helpers/cli';

const SAMPLE = path.resolve(__dirname, '../../examples/sample.xlsx');

describe('command-line arguments', () => {
  test('a mistyped option is an error with usage, exit 2, nothing checked', async () => {
    const run = await runCli(['check', SAMPLE, '--jsno']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不认识选项“--jsno”');
    expect(run.stderr).toContain('用法：');
    expect(run.stdout).toBe('');
  });

  test('an option of another command is refused', async () => {
    const run = await runCli(['batch', 'some-folder', '--prior', 'last.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('命令 batch 不认识选项“--prior”');
  });

  test('an option missing its value is named', async () => {
    const run = await runCli(['fill', SAMPLE, '-o']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('选项“--output”后面缺少它的值');
  });

  test('a second file is refused, not dropped', async () => {
    const run = await runCli(['check', SAMPLE, SAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('多余的参数');
  });

  test('options before or after the file, short and long forms', () => {
    expect(parseArgs(['fill', '-o', 'out.xlsx', 'in.xlsx', '--formulas'])).toMatchObject({
      command: 'fill',
      positional: ['in.xlsx'],
      output: 'out.xlsx',
      formulas: true,
    });
    expect(parseArgs(['fill', 'a.xlsx', '--output', 'b.xlsx', '--prior', 'c.xlsx', '--preview', '--json', '--mark-notes'])).toMatchObject({
      command: 'fill',
      positional: ['a.xlsx'],
      output: 'b.xlsx',
      prior: 'c.xlsx',
      formulas: false,
      preview: true,
      json: true,
      markNotes: true,
    });
    expect(parseArgs(['batch', 'dir', '-j', '3', '--json'])).toMatchObject({ command: 'batch', positional: ['dir'], jobs: 3, json: true });
    expect(parseArgs(['--help']).help).toBe(true);
  });
});
