// `fill` over a workbook whose journal was edited: 检查's marks replace the earlier ones only after
// the journal entries they put back are validated; a tampered entry is refused with the host's
// Chinese sentence (exit 2), never “内部错误”, and OUT is not written.
import * as fs from 'fs';
import * as path from 'path';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { loadWorkbook, readJournal, saveWorkbook, writeJournal } from '../../src/hosts/file';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

test('a highlight entry over A1:XFD1048576 is refused by fill with a sentence, nothing written', async () => {
  const dir = makeTempDir('juesuan-fill-journal-');
  const { workbook } = await loadWorkbook(await buildWorkbookBuffer(sampleDataset()));
  writeJournal(workbook, {
    entries: [
      ...readJournal(workbook).entries,
      { action: 'highlight', createdSheets: [], cells: [{ sheet: '表1', address: 'A1:XFD1048576', fill: { color: null } }], columns: [] },
    ],
  });
  const file = writeTemp(dir, 'tampered.xlsx', await saveWorkbook(workbook));
  const out = path.join(dir, 'tampered-out.xlsx');
  const run = await runCli(['fill', file, '-o', out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('不是一个单元格地址');
  expect(run.stderr).not.toContain('内部错误');
  expect(fs.existsSync(out)).toBe(false);
});
