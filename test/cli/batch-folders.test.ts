// A sub-folder batch cannot read gets a line of its own; it is not skipped in silence.
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { makeTempDir } from '../helpers/tmp';

const SAMPLE = path.resolve(__dirname, '../../examples/sample.xlsx');

afterEach(() => jest.restoreAllMocks());

test('an unreadable sub-folder is named on stderr; the readable files are checked', async () => {
  const dir = makeTempDir();
  fs.copyFileSync(SAMPLE, path.join(dir, '本级.xlsx'));
  const locked = path.join(dir, '下属单位');
  fs.mkdirSync(locked);
  fs.copyFileSync(SAMPLE, path.join(locked, '甲.xlsx'));
  // Tests run as root here, and root reads any folder: make this one refuse as it would for a user.
  const nodeFs = jest.requireActual<typeof fs>('fs');
  const readdir = nodeFs.readdirSync;
  jest.spyOn(nodeFs, 'readdirSync').mockImplementation(((p: fs.PathLike, options?: unknown) => {
    if (path.resolve(String(p)) === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return (readdir as (p: fs.PathLike, o?: unknown) => unknown)(p, options);
  }) as typeof fs.readdirSync);
  const run = await runCli(['batch', dir, '--jobs', '1']);
  expect(run.stderr).toContain('子文件夹“下属单位”没有读取权限，其中的文件未检查。');
  expect(run.stdout).toMatch(/^本级\.xlsx/m);
  expect(run.stdout).not.toContain('甲.xlsx');
});
