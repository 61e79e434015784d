// The Excel task pane page (dist/taskpane.html) in headless Chromium with office.js replaced by a
// local stand-in (./fake-office.ts: the fake Excel object model over the sample workbook). The
// page's own code — the React app and the Excel host over Excel.run — runs unchanged: 检查 marks
// cells in three round trips, clicking a finding selects its cells one after the other,
// 生成说明 writes the sheet, 清除标记 and 撤销 restore every cell. No request leaves the machine:
// office.js is the only external address the page asks for, and it is answered locally.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import type { Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/engine';
import { SEVERITY_FILL } from '../../src/core/plan';
import { loadWorkbook } from '../../src/hosts/file/load';
import { launch } from './browser';
import { serve } from './server';
import type { StaticServer } from './server';
import { button, status } from '../helpers/page';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SAMPLE = path.join(ROOT, 'examples/sample.xlsx');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let server: StaticServer;
let tmp: string;
let fakeOffice: string;

beforeAll(async () => {
  await fs.access(path.join(DIST, 'taskpane.html'));
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'juesuan-e2e-excel-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    entry: path.join(__dirname, 'fake-office.ts'),
    output: { path: tmp, filename: 'fake-office.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(ROOT, 'taskpane/tsconfig.json'), transpileOnly: true } },
      ],
    },
    performance: { hints: false },
  });
  if (!compiler) throw new Error('webpack config for the office.js stand-in is invalid');
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, s) => (err || !s ? reject(err) : s.hasErrors() ? reject(new Error(s.toString('errors-only'))) : resolve(s))),
  );
  expect(stats.hasErrors()).toBe(false);
  fakeOffice = path.join(tmp, 'fake-office.js');
  server = await serve(DIST, { '/__fixtures/sample.xlsx': SAMPLE });
}, 240000);

afterAll(async () => {
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function withExcel(query: string, fn: (page: Page) => Promise<void>) {
  const session = await launch(server.origin, { width: 340, height: 900 }, { [OFFICE_JS]: fakeOffice });
  const errors: string[] = [];
  try {
    const page = await session.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/taskpane.html${query}`);
    await page.getByRole('button', { name: '检查', exact: true }).waitFor();
    await fn(page);
  } finally {
    await session.close();
  }
  expect(errors).toEqual([]);
  expect(session.external).toEqual([OFFICE_JS]); // answered by the stand-in, never the network
}

const fake = <T>(page: Page, expr: string) => page.evaluate(expr) as Promise<T>;
const cellsJson = (page: Page) =>
  fake<string>(
    page,
    `JSON.stringify(window.__fake.sheets.map(s => [s.name, s.visibility,
      [...s.cells].map(([a, c]) => [a, Object.entries(c).filter(([, v]) => v !== undefined).sort()]).filter(([, e]) => e.length > 0),
      [...s.notes]]))`,
  );

test('Excel task pane: 检查 in three round trips, findings select their cells, 生成说明, 清除标记, 撤销', async () => {
  const { grids } = await loadWorkbook(await fs.readFile(SAMPLE));
  const expected = checkWorkbook(grids).findings;

  await withExcel('', async (page) => {
    await expect(page.getByText('Excel', { exact: true }).count()).resolves.toBe(1);
    // the pane has read the workbook once on opening (settings, 说明 text, what 撤销 would take back)
    await page.waitForSelector('button[data-action=check]:not([disabled])');
    const original = await cellsJson(page);
    const before = await fake<number>(page, 'window.__fake.syncs');
    await button(page, '检查').click();
    await page.getByTestId('verdict').waitFor({ timeout: 60000 });
    expect(await fake<number>(page, 'window.__fake.syncs')).toBe(before + 3); // read 1 + apply 2
    await expandNotes(page);
    const rules = await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.sort()).toEqual(expected.map((f) => f.rule).sort());
    const f = expected[0];
    const c0 = f.cells[0];
    expect(
      await fake<string>(
        page,
        `window.__fake.sheets.find(s => s.name === ${JSON.stringify(c0.sheet)}).cells.get(${JSON.stringify(c0.address)}).fill`,
      ),
    ).toBe(SEVERITY_FILL[f.severity]);
    expect(
      await fake<string>(
        page,
        `window.__fake.sheets.find(s => s.name === ${JSON.stringify(c0.sheet)}).notes.get(${JSON.stringify(c0.address)})`,
      ),
    ).toContain(f.rule);

    // a finding selects its cells, one after the other
    const item = page.getByTestId('finding').first();
    await item.click();
    await page.waitForFunction(`window.__fake.selection && window.__fake.selection.address === ${JSON.stringify(c0.address)}`);
    expect(await fake<string>(page, 'window.__fake.active')).toBe(c0.sheet);
    await item.click();
    await page.waitForFunction(`window.__fake.selection.address === ${JSON.stringify(f.cells[1].address)}`);
    expect(await fake<unknown>(page, 'window.__fake.selection')).toEqual({ sheet: f.cells[1].sheet, address: f.cells[1].address });
    // or directly by its reference in the detail
    await page.getByTestId('finding-cell').nth(2).click();
    await page.waitForFunction(`window.__fake.selection.address === ${JSON.stringify(f.cells[2].address)}`);

    await button(page, '生成说明').click();
    await status(page, '已写入“部门决算情况说明”工作表');
    expect(await fake<string[]>(page, 'window.__fake.sheets.map(s => s.name)')).toContain('部门决算情况说明');

    await button(page, '清除标记').click();
    await status(page, '已清除标记');
    // 撤销 takes back the clear first (the marks return), then 生成说明, then the marks of 检查
    await button(page, '撤销').click();
    await status(page, '已撤销上一次清除标记');
    await button(page, '撤销').click();
    await status(page, '已撤销上一次生成说明');
    await button(page, '撤销').click();
    await status(page, '已撤销上一次标记');
    expect(await cellsJson(page)).toBe(original);
  });
});

test('Excel before ExcelApi 1.18: the messages go to a 审核结果 sheet', async () => {
  await withExcel('?api=1.7', async (page) => {
    await expect(page.getByText('Excel · 审核意见写入“审核结果”表').count()).resolves.toBe(1);
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('读不到合并单元格');
    await button(page, '检查').click();
    await status(page, '审核意见写在“审核结果”工作表');
    const rows = await fake<string[][]>(
      page,
      `[...window.__fake.sheets.find(s => s.name === '审核结果').cells].map(([a, c]) => [a, c.value])`,
    );
    expect(rows).toContainEqual(['A1', '工作表']);
    expect(await fake<number>(page, 'window.__fake.sheets.reduce((n, s) => n + s.notes.size, 0)')).toBe(0);
    await button(page, '清除标记').click();
    await status(page, '已清除标记');
    expect(await fake<string[]>(page, 'window.__fake.sheets.map(s => s.name)')).not.toContain('审核结果');
  });
});

/** Rounding notes are collapsed to one line per table: open them all. */
async function expandNotes(page: Page): Promise<void> {
  for (const t of await page.getByTestId('toggle-notes').all()) if ((await t.getAttribute('aria-expanded')) === 'false') await t.click();
}
