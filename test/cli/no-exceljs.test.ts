// check and narrate read with the fast reader and write nothing: the exceljs module is never
// loaded (src/hosts/file/writing-loader.ts); fill loads it to write. Run as the user runs them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const bin = path.join(__dirname, '../../bin/juesuan.js');
const seed = path.join(__dirname, '../../examples/seed000.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-no-exceljs-'));
// Preloaded with -r: prints, at exit, whether any file of the exceljs package was required.
const probe = path.join(dir, 'probe.js');
fs.writeFileSync(
  probe,
  `process.on('exit', () => process.stderr.write('EXCELJS=' + Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(f)) + '\\n'));`,
);

function loadsExceljs(args: string[]): boolean {
  const run = spawnSync('node', ['-r', probe, bin, ...args], { encoding: 'utf8' });
  const line = /EXCELJS=(true|false)/.exec(run.stderr);
  if (!line) throw new Error(`no probe line: ${run.stderr}`);
  return line[1] === 'true';
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('check and narrate never load exceljs; fill does, to write', () => {
  expect(loadsExceljs(['check', seed])).toBe(false);
  expect(loadsExceljs(['narrate', seed])).toBe(false);
  expect(loadsExceljs(['fill', seed, '-o', path.join(dir, 'out.xlsx')])).toBe(true);
});
