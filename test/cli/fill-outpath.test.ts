// `fill -o` never writes over a user file: OUT is compared with the input and the --prior
// workbook as real files (symlinks, hard links, another spelling of the path), and OUT is
// written through a temporary file renamed into place.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { checkOutputPath } from '../../src/cli/outpath';
import { writeOutputFile as writeOutputAtomically } from '../../src/cli/output-file';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('fill -o refuses to write over an input', () => {
  let input: string;
  let prior: string;
  beforeAll(async () => {
    input = writeTemp(dir, 'in.xlsx', await buildWorkbookBuffer(sampleDataset()));
    prior = writeTemp(dir, 'prior.xlsx', await buildWorkbookBuffer(sampleDataset()));
  });

  async function refused(out: string, extra: string[] = []): Promise<string> {
    const before = [sha(input), sha(prior)];
    const run = await runCli(['fill', input, ...extra, '-o', out]);
    expect(run.code).toBe(2);
    expect([sha(input), sha(prior)]).toEqual(before);
    return run.stderr;
  }

  test('the --prior workbook', async () => {
    const msg = await refused(prior, ['--prior', prior]);
    expect(msg).toContain('上年工作簿');
    expect(msg).toContain(prior);
  });

  test('a symlink to the input, a hard link to it, another spelling of its path', async () => {
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(input, link);
    expect(await refused(link)).toContain('不能与输入文件相同');
    const hard = path.join(dir, 'hard.xlsx');
    fs.linkSync(input, hard);
    const msg = await refused(hard);
    expect(msg).toContain(hard);
    expect(msg).toContain(input);
    fs.mkdirSync(path.join(dir, 'sub'));
    expect(await refused(path.join(dir, 'sub', '..', 'in.xlsx'))).toContain('不能与输入文件相同');
  });

  test('a symlink to the --prior workbook', async () => {
    const link = path.join(dir, 'prior-link.xlsx');
    fs.symlinkSync(prior, link);
    expect(await refused(link, ['--prior', prior])).toContain('上年工作簿');
  });

  test('a folder as OUT', () => {
    expect(() => checkOutputPath(dir, [{ role: '输入文件', file: input }])).toThrow(/是一个文件夹/);
  });
});

describe('OUT is replaced whole or not at all', () => {
  test('a failed write leaves what was at OUT and no temporary file', () => {
    // renaming a file over a non-empty folder fails for every user, root included
    const out = path.join(dir, 'busy.xlsx');
    fs.mkdirSync(out);
    writeTemp(out, 'keep.txt', 'old');
    expect(() => writeOutputAtomically(out, new Uint8Array([1, 2, 3]))).toThrow(/无法写入“.*busy\.xlsx”/);
    expect(fs.readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('old');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.juesuan-tmp'))).toEqual([]);
    expect(() => writeOutputAtomically(path.join(dir, 'missing', 'x.xlsx'), new Uint8Array([1]))).toThrow(/所在文件夹不存在/);
  });

  test('a symlink OUT pointing at an unrelated file is replaced by the output, its target kept', () => {
    const target = writeTemp(dir, 'target.txt', 'keep');
    const out = path.join(dir, 'out-link.xlsx');
    fs.symlinkSync(target, out);
    writeOutputAtomically(out, new Uint8Array([7]));
    expect(fs.readFileSync(target, 'utf8')).toBe('keep');
    expect([...fs.readFileSync(out)]).toEqual([7]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.juesuan-tmp'))).toEqual([]);
  });
});
