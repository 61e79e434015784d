// `juesuan narrate` on real files: the text, the JSON shape, and the settings remembered in the workbook.
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { serializeSettings, SETTINGS_SHEET } from '../../src/hosts/host';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();

describe('juesuan narrate', () => {
  test('prints every section with the sample’s figures', async () => {
    const file = writeTemp(dir, 'sample.xlsx', await buildWorkbookBuffer(sampleDataset()));
    const run = await runCli(['narrate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('第二部分 2024年度部门决算情况说明');
    expect(run.stdout).toContain('2024年度收、支总计均为1894.06万元。与2023年相比，收、支总计各减少64.31万元，下降3.3%。');
    expect(run.stdout).toContain('十、其他重要事项的情况说明');
  });

  test('--json: sections with ids and paragraphs as interfaces.md §3', async () => {
    const file = writeTemp(dir, 'sample-json.xlsx', await buildWorkbookBuffer(sampleDataset()));
    const out = JSON.parse((await runCli(['narrate', file, '--json'])).stdout);
    expect(out.year).toBe(2024);
    expect(out.sections.map((s: { id: string }) => s.id)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五（一）',
      '五（二）',
      '五（三）',
      '六',
      '七（一）',
      '七（二）',
      '八',
      '九',
      '十（一）',
      '十（二）',
      '十（三）',
      '十（四）',
    ]);
    expect(out.sections[0].paragraphs[0]).toMatch(/^2024年度收、支总计均为1894\.06万元/);
  });

  test('uses the narrative settings the task pane remembered in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbookBuffer(sampleDataset())) as unknown as ExcelJS.Buffer);
    const ws = wb.addWorksheet(SETTINGS_SHEET);
    ws.getCell('A1').value = serializeSettings({ decreaseVerb: '减少' });
    ws.state = 'veryHidden';
    const file = writeTemp(dir, 'with-settings.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = await runCli(['narrate', file]);
    expect(run.stdout).toContain('收、支总计各减少64.31万元，减少3.3%。');
  });

  test('the bundled seed workbooks remember their seed’s style, so narrate writes like the published text', async () => {
    const path = require('path');
    const examples = path.join(__dirname, '..', '..', 'examples');
    const b = await runCli(['narrate', path.join(examples, 'seed002.xlsx')]);
    expect(b.stdout).toContain(
      '2021年度收、支总计986.91万元（其中包含上年结转38.31万元）。与2020年相比，收、支总计各减少125.97万元，下降11.3%，主要变动原因是上年结转。',
    );
    const a = await runCli(['narrate', path.join(examples, 'seed000.xlsx')]);
    expect(a.stdout).toContain('2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各减少65.23万元，减少3.3%。'); // seed 000 says 减少 for the percent too
  });
});
