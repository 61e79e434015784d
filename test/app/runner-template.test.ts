// The pane's settings follow the workbook's template until 设置 saves others: a Shanghai workbook
// shows (and writes with) two-decimal percentages and no 100% adjustment, not the Sichuan defaults.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Runner } from '../../src/app/runner';
import { DEFAULT_SETTINGS } from '../../src/core/narrative';
import { FileHost } from '../../src/hosts/file/fileHost';
import { loadRealFixture, writeRealFixture } from '../helpers/real-fixture';

async function openShanghai(): Promise<{ host: FileHost; runner: Runner }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-template-'));
  const { xlsx } = await writeRealFixture(loadRealFixture('shanghai-putuo-shegongbu-2024'), dir);
  const host = await FileHost.open(fs.readFileSync(xlsx), path.basename(xlsx));
  const runner = new Runner(host);
  await runner.start();
  return { host, runner };
}

test('a Shanghai workbook without saved settings: 设置 shows the template’s formats from the start and after 检查', async () => {
  const { runner } = await openShanghai();
  const shanghai = { percentDecimals: 2, keepTrailingZeros: true, shareMode: 'independent', classNames: 'official' };
  expect(runner.getState().template).toEqual({ id: 'shanghai9', name: '上海市部门决算（9张表）' });
  expect(runner.getState().settings).toMatchObject(shanghai);
  await runner.check();
  expect(runner.getState().status?.text).toContain('模板：上海市部门决算（9张表）');
  expect(runner.getState().settings).toMatchObject(shanghai);
});

test('生成说明 in the pane writes the Shanghai number formats (9.56%, not the Sichuan 9.6%)', async () => {
  const { runner } = await openShanghai();
  await runner.narrate();
  const text = runner.getState().narrative?.paragraphs.join('\n') ?? '';
  expect(text).toContain('住房保障支出（类）29.42万元，占9.56%');
  expect(text).toContain('基本支出105.58万元，占34.30%');
});

test('saved settings win over the template’s formats, and are remembered', async () => {
  const { host, runner } = await openShanghai();
  await runner.saveSettings({ ...runner.getState().settings, percentDecimals: 1 });
  const reopened = new Runner(await FileHost.open(await host.save(), host.label));
  await reopened.start();
  expect(reopened.getState().settings.percentDecimals).toBe(1);
  expect(reopened.getState().settings.shareMode).toBe('independent');
});

test('a Sichuan workbook keeps the defaults it had', async () => {
  const file = path.join(__dirname, '..', '..', 'examples', 'sample.xlsx');
  const runner = new Runner(await FileHost.open(fs.readFileSync(file), 'sample.xlsx'));
  await runner.start();
  expect(runner.getState().template?.id).toBe('sichuan14');
  expect(runner.getState().settings).toEqual(DEFAULT_SETTINGS);
});
