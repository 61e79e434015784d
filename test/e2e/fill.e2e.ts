// 填表 in the task pane, end to end in headless Chromium: the standalone page (dist/standalone.html)
// opens the sample with its summary cells blank, 填表 previews every cell the engine derives
// (nothing written yet), 确认填写 writes them through the journal and re-runs 检查, 撤销 takes it
// back; last year's workbook fills 上年数, formulas mode writes live formulas, a typed 上年数
// that disagrees is listed with both values. Also the Excel pane over the fake Office. No request
// leaves the local test server.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import webpack from 'webpack';
import type { Page } from 'playwright-core';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import type { Dataset } from '../../examples/dataset';
import { sampleDataset } from '../../examples/sample-data';
import { deriveFill, type DeriveResult } from '../../src/core/derive';
import { checkWorkbook } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import { JOURNAL_SHEET } from '../../src/core/plan';
import { readWorkbook } from '../../src/core/read';
import { findSupplementGrid, readSupplement } from '../../src/core/supplement';
import { loadWorkbook } from '../../src/hosts/file/load';
import { blankedWorkbook, differences, type Blanked } from '../core/derive/helpers';
import { launch } from './browser';
import type { Session } from './browser';
import { serve } from './server';
import type { StaticServer } from './server';
import { button, status, openFile, readBook, cellsOf, download as downloadTo } from '../helpers/page';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The sample's documented 0.01 rounding differences: there 填表 writes the exact sum (see test/core/derive/fill.test.ts). */
const ROUNDING_CELLS = [
  'T01 支:一般公共服务支出 金额',
  'T01 支:年末结转和结余 金额',
  'T01 支:本年支出合计 金额',
  'T03 201 基本支出',
  'T03 201 本年支出合计',
  'T03 合计 基本支出',
  'T03 合计 本年支出合计',
  'T08 基本支出合计 金额',
].sort();

let server: StaticServer;
let tmp: string;

const download = (page: Page, name: string) => downloadTo(page, tmp, name);
let fakeOffice: string;
let blanked: Blanked;
let blankFile: string;
let expected: DeriveResult;

/** Last year's workbook: the sample's figures as the 2023 决算 (as in test/core/derive/prior.test.ts). */
function lastYear(): Dataset {
  const data = sampleDataset();
  data.year = 2023;
  data.supplement = data.supplement.map((r) => (r.项目 === '决算年度' ? { ...r, 本年数: '2023' } : r));
  return data;
}

/** This year's sample with the 上年数 column empty, except a 收支总计 typed as `typedTotal`. */
function withoutPriorColumn(typedTotal: string): Dataset {
  const data = sampleDataset();
  data.supplement = data.supplement.map((r) => {
    const { 上年数: _dropped, ...rest } = r;
    return r.项目 === '收支总计' ? { ...rest, 上年数: typedTotal } : rest;
  });
  return data;
}

async function gridsOfFile(file: string): Promise<Grid[]> {
  return (await loadWorkbook(await fs.readFile(file), path.basename(file))).grids;
}

async function compileFakeOffice(): Promise<string> {
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
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, s) =>
      err || !s ? reject(err) : s.hasErrors() ? reject(new Error(s.toString('errors-only'))) : compiler.close(() => resolve()),
    ),
  );
  return path.join(tmp, 'fake-office.js');
}

beforeAll(async () => {
  await fs.access(path.join(DIST, 'standalone.html')).catch(() => {
    throw new Error('dist/standalone.html is missing: run `npm run build:web` (npm run e2e does) first.');
  });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'juesuan-e2e-fill-'));
  blanked = await blankedWorkbook(sampleDataset());
  blankFile = path.join(tmp, '示范局-汇总数待填.xlsx');
  await fs.writeFile(blankFile, blanked.bytes);
  expected = deriveFill(await gridsOfFile(blankFile));
  fakeOffice = await compileFakeOffice();
  server = await serve(DIST, { '/__fixtures/blank.xlsx': blankFile });
}, 240000);

afterAll(async () => {
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

// ---- helpers ------------------------------------------------------------------------------

async function withPage(
  url: string,
  viewport: { width: number; height: number },
  fn: (page: Page) => Promise<void>,
  standIns: Record<string, string> = {},
) {
  const session: Session = await launch(server.origin, viewport, standIns);
  const errors: string[] = [];
  try {
    const page = await session.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/${url}`);
    await fn(page);
  } finally {
    await session.close();
  }
  expect(errors).toEqual([]);
  // Nothing left the local server (office.js, where asked for, is answered by the local stand-in).
  expect(session.external).toEqual(Object.keys(standIns));
  for (const url of session.requests) {
    expect(url.startsWith(`${server.origin}/`) || /^(blob|data):/.test(url) || url in standIns).toBe(true);
  }
}

/** Opens every group of the preview and returns the cells it lists. */
async function previewCells(page: Page): Promise<string[]> {
  const preview = page.getByTestId('fill-preview');
  await preview.waitFor({ timeout: 90000 });
  const all = preview.getByRole('button', { name: '全部展开', exact: true });
  if ((await all.count()) > 0) await all.click();
  return page.locator('[data-testid=fill-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
}

const item = (page: Page, cell: string) => page.locator(`[data-testid=fill-item][data-cell="${cell}"]`);

async function tabTo(page: Page, text: string, max = 80): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement && document.activeElement.textContent')) === text) return true;
  }
  return false;
}

// ---- the tests -----------------------------------------------------------------------------

test('standalone: 填表 previews the blank summary cells, writes nothing until 确认填写, re-runs 检查; 撤销 takes it back', async () => {
  const expectedCells = expected.items.map((i) => `${i.sheet}!${i.address}`);
  expect(expectedCells.length).toBeGreaterThan(300);
  const total = expected.items.find((i) => i.sheet === '表1' && i.label === '收入支出决算总表“本年收入合计”');
  expect(total).toBeDefined();
  const totalCell = `${total!.sheet}!${total!.address}`;
  const original = await readBook(blankFile);
  const sheets = original.worksheets.map((w) => w.name);
  expect(original.getWorksheet(total!.sheet)!.getCell(total!.address).value).toBeNull();

  await withPage('standalone.html', { width: 340, height: 900 }, async (page) => {
    await page.getByTestId('drop-zone').waitFor();
    await expect(button(page, '填表').isDisabled()).resolves.toBe(true);
    await openFile(page, blankFile);

    // 填表 → the preview: every derived cell, with value, what it is, source and rule
    await button(page, '填表').click();
    const summary = await status(page, `将填写 ${expectedCells.length} 个单元格`);
    expect(summary).toContain('尚未写入');
    expect(await previewCells(page)).toEqual(expectedCells);
    const line = (await item(page, totalCell).textContent()) ?? '';
    expect(line).toContain(totalCell);
    expect(line).toContain('收入支出决算总表“本年收入合计”');
    expect(line).toContain('1872.11 万元');
    expect(line).toContain('收入决算表“合计·本年收入合计”');
    expect(line).toContain(total!.rule);
    // a copy of 收入决算表's 合计, itself summed from rounded figures (issue 15)
    expect(line).toContain('由取整后的数相加，可能与导出软件打印的数相差0.01');
    await expect(page.getByTestId('fill-counts').textContent()).resolves.toContain(`填写 ${expectedCells.length} 个单元格`);
    // the file host keeps formulas: the choice is offered
    await expect(page.getByRole('radio', { name: '公式（引用来源单元格）' }).isDisabled()).resolves.toBe(false);
    await expect(page.getByRole('radio', { name: '数值（默认，公开的就是数值）' }).isChecked()).resolves.toBe(true);

    // nothing is written before 确认填写
    const before = await readBook(await download(page, 'preview.xlsx'));
    expect(before.getWorksheet(total!.sheet)!.getCell(total!.address).value).toBeNull();
    expect(before.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
    expect(cellsOf(before, sheets)).toEqual(cellsOf(original, sheets));

    // 取消 → nothing; then the usual order: 检查 (the blank totals are errors), 填表, 确认填写
    await button(page, '取消').click();
    await status(page, '已取消填表，工作簿没有改动');
    await expect(page.getByTestId('fill-preview').count()).resolves.toBe(0);
    await button(page, '检查').click();
    await status(page, /识别到 14 张附表；已标记 \d+ 个单元格/);
    const blankErrors = checkWorkbook(await gridsOfFile(blankFile)).findings.filter((f) => f.severity === 'error').length;
    expect(blankErrors).toBeGreaterThan(0);
    await expect(page.getByTestId('verdict').textContent()).resolves.toBe(`${blankErrors} 条错误，改正后才能打印`);
    const checked = await readBook(await download(page, 'checked.xlsx'));
    await button(page, '填表').click();
    await status(page, `将填写 ${expectedCells.length} 个单元格`);

    // 确认填写 → written, then 检查 on the filled cells (their marks go)
    await button(page, '确认填写').click();
    const done = await status(page, `已填写 ${expectedCells.length} 个单元格（数值）`);
    expect(done).toContain('重新检查：识别到 14 张附表');
    await expect(page.getByTestId('fill-preview').count()).resolves.toBe(0);
    const filledFile = await download(page, 'filled.xlsx');
    const filled = await readBook(filledFile);
    expect(filled.getWorksheet(total!.sheet)!.getCell(total!.address).value).toBe(1872.11);
    for (const i of expected.items) {
      expect([`${i.sheet}!${i.address}`, filled.getWorksheet(i.sheet)!.getCell(i.address).value]).toEqual([
        `${i.sheet}!${i.address}`,
        Number(i.written.toFixed(2)),
      ]);
    }
    // … which are the sample's own figures (exact sums where the sample rounds by 0.01)
    const grids = await gridsOfFile(filledFile);
    const off = differences(readWorkbook(grids), blanked.index, blanked.expected).map((d) => d.split(' ').slice(0, 3).join(' '));
    expect(off.every((d) => ROUNDING_CELLS.includes(d))).toBe(true);
    // the verdict and findings shown are 检查's on the filled workbook
    const after = checkWorkbook(grids).findings;
    const errors = after.filter((f) => f.severity === 'error').length;
    await expect(page.getByTestId('verdict').textContent()).resolves.toBe(errors === 0 ? '可以打印' : `${errors} 条错误，改正后才能打印`);
    const shown = await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''));
    expect(shown.sort()).toEqual(after.map((f) => f.rule).sort());
    // the cells the first 检查 marked have their own fill and note back
    const look = (wb: ExcelJS.Workbook, key: string) => {
      const [sheet, address] = key.split('!');
      const c = wb.getWorksheet(sheet)!.getCell(address);
      return JSON.stringify({ fill: c.style?.fill ?? null, note: c.note ?? null });
    };
    const marked = Object.keys(cellsOf(checked, sheets)).filter((k) => look(checked, k) !== look(original, k));
    expect(marked.length).toBeGreaterThan(0);
    for (const k of marked) expect([k, look(filled, k)]).toEqual([k, look(original, k)]);

    // 撤销 → the fill together with the marks of its 检查: back to the checked workbook
    await button(page, '撤销').click();
    await status(page, '已撤销上一次填表（连同填表后检查所作的标记）');
    const unfilled = await readBook(await download(page, 'unfilled.xlsx'));
    expect(unfilled.getWorksheet(total!.sheet)!.getCell(total!.address).value).toBeNull();
    expect(cellsOf(unfilled, sheets)).toEqual(cellsOf(checked, sheets));
    // 撤销 → the marks of the first 检查: the original cells
    await button(page, '撤销').click();
    await status(page, '已撤销上一次标记');
    const restored = await readBook(await download(page, 'restored.xlsx'));
    expect(restored.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
    expect(cellsOf(restored, sheets)).toEqual(cellsOf(original, sheets));
    await button(page, '撤销').click();
    await status(page, '没有可撤销的操作');
  });
});

test('standalone at 320 px, by keyboard: last year’s workbook fills 上年数, formulas mode, a typed 上年数 that differs is listed', async () => {
  const thisYear = await blankedWorkbook(withoutPriorColumn('1958.37'));
  const file = path.join(tmp, '示范局2024-上年数待填.xlsx');
  await fs.writeFile(file, thisYear.bytes);
  const priorFile = path.join(tmp, '示范局2023年部门决算.xlsx');
  await fs.writeFile(priorFile, await buildWorkbookBuffer(lastYear()));
  const want = deriveFill(await gridsOfFile(file), {
    mode: 'formulas',
    prior: { grids: await gridsOfFile(priorFile), file: path.basename(priorFile) },
  });
  const py = want.items.filter((i) => i.rule === 'PY');
  expect(py.length).toBeGreaterThan(3);
  const fiscal = py.find((i) => i.label === '补充信息“财政拨款收支总计”·上年数')!;
  expect(fiscal.written.toFixed(2)).toBe('1830.47');
  const total = want.items.find((i) => i.sheet === '表1' && i.label === '收入支出决算总表“本年收入合计”')!;
  expect(total.formula).toBeDefined();

  await withPage('standalone.html', { width: 320, height: 900 }, async (page) => {
    await openFile(page, file);
    await page.locator('body').focus();
    expect(await tabTo(page, '填表')).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('fill-preview').waitFor({ timeout: 90000 });
    await status(page, '尚未写入');
    await expect(page.locator(`[data-testid=fill-item][data-rule=PY]`).count()).resolves.toBe(0);

    // a file that is no workbook: a Chinese sentence, the preview stays as it was
    const broken = path.join(tmp, '上年.xlsx');
    await fs.writeFile(broken, '这不是工作簿');
    await page.setInputFiles('[data-testid=prior-input]', broken);
    const error = page.locator('[data-testid=status][role=alert]');
    await error.waitFor({ timeout: 60000 });
    expect(await error.textContent()).toMatch(/上年\.xlsx.*[\u4e00-\u9fff]/);
    await expect(page.getByTestId('prior-file').count()).resolves.toBe(0);
    await expect(page.getByTestId('fill-preview').count()).resolves.toBe(1);

    // last year's workbook → 上年数 in the preview, the typed one that differs under 需要注意
    await page.setInputFiles('[data-testid=prior-input]', priorFile);
    await expect(page.getByTestId('prior-file').textContent()).resolves.toBe(path.basename(priorFile));
    await status(page, '尚未写入');
    // formulas mode (the file host keeps formulas)
    await page.getByRole('radio', { name: '公式（引用来源单元格）' }).check();
    await status(page, '（公式），尚未写入');
    expect(await previewCells(page)).toEqual(want.items.map((i) => `${i.sheet}!${i.address}`));
    const priorLine = (await item(page, `${fiscal.sheet}!${fiscal.address}`).textContent()) ?? '';
    expect(priorLine).toContain('1830.47 万元');
    expect(priorLine).toContain(`（${path.basename(priorFile)}）`);
    await expect(item(page, `表1!${total.address}`).getByTestId('fill-formula').textContent()).resolves.toBe(`=${total.formula}`);
    const attention = page.locator('[data-testid=fill-preview] [data-testid=finding]').filter({ hasText: '1958.37' });
    await attention.click();
    const detail = (await page.getByTestId('finding-detail').textContent()) ?? '';
    expect(detail).toContain('表中数1958.37 万元');
    expect(detail).toContain('另一侧1894.06 万元'); // an identity: neither copy is known right

    // readable at 320 px: no horizontal scrolling with the preview open
    const scroll = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as number[];
    expect(scroll[0]).toBeLessThanOrEqual(scroll[1]);

    // keyboard to 确认填写
    await page.locator('body').focus();
    expect(await tabTo(page, '确认填写')).toBe(true);
    await page.keyboard.press('Enter');
    await status(page, `已填写 ${want.items.length} 个单元格（公式）`);
    const filled = await readBook(await download(page, 'formulas.xlsx'));
    expect(filled.getWorksheet('表1')!.getCell(total.address).value).toEqual({ formula: total.formula, result: 1872.11 });
    expect(filled.getWorksheet(fiscal.sheet)!.getCell(fiscal.address).value).toBe(1830.47);
    const supplement = readSupplement(findSupplementGrid(await gridsOfFile(path.join(tmp, 'formulas.xlsx')))!);
    expect(supplement.rows['收支总计']?.上年数?.value.toFixed(2)).toBe('1958.37'); // typed: kept
  });
});

test('Excel pane: 填表 preview selects cells, a cell typed after the preview is not overwritten, 确认填写 writes through Excel.run, 撤销 restores every cell', async () => {
  const expectedCells = expected.items.map((i) => `${i.sheet}!${i.address}`);
  const total = expected.items.find((i) => i.sheet === '表1' && i.label === '收入支出决算总表“本年收入合计”')!;
  const fake = <T>(page: Page, expr: string) => page.evaluate(expr) as Promise<T>;
  const cellsJson = (page: Page) =>
    fake<string>(
      page,
      `JSON.stringify(window.__fake.sheets.map(s => [s.name, s.visibility,
        [...s.cells].map(([a, c]) => [a, Object.entries(c).filter(([, v]) => v !== undefined).sort()]).filter(([, e]) => e.length > 0),
        [...s.notes]]))`,
    );
  const cell = (page: Page, sheet: string, address: string) =>
    fake<{ value?: unknown; formula?: string } | null>(
      page,
      `(window.__fake.sheets.find(s => s.name === ${JSON.stringify(sheet)}).cells.get(${JSON.stringify(address)}) || null)`,
    );

  await withPage(
    'taskpane.html?file=/__fixtures/blank.xlsx',
    { width: 340, height: 900 },
    async (page) => {
      await page.waitForSelector('button[data-action=fill]:not([disabled])'); // the pane's first read is done
      const original = await cellsJson(page);
      const syncs = () => fake<number>(page, 'window.__fake.syncs');
      let before = await syncs();
      await button(page, '填表').click();
      await status(page, `将填写 ${expectedCells.length} 个单元格`);
      expect(await syncs()).toBe(before + 1); // one read
      expect(await previewCells(page)).toEqual(expectedCells);
      await expect(page.getByRole('radio', { name: '公式（引用来源单元格）' }).isDisabled()).resolves.toBe(false);
      // a cell of the preview selects it in Excel
      await item(page, `表1!${total.address}`)
        .getByRole('button', { name: `选中 表1!${total.address}` })
        .click();
      await page.waitForFunction(`window.__fake.selection && window.__fake.selection.address === ${JSON.stringify(total.address)}`);
      expect((await cell(page, '表1', total.address))?.value ?? null).toBeNull();
      expect(await cellsJson(page)).toBe(original); // nothing written yet

      // the user types one of the cells after the preview: 确认填写 writes nothing and previews again
      await fake(page, `window.__fake.sheets.find(s => s.name === '表1').cells.set(${JSON.stringify(total.address)}, { value: 1872.11 })`);
      const typed = await cellsJson(page);
      await button(page, '确认填写').click();
      await status(page, '工作簿在预览之后有改动');
      expect(await cellsJson(page)).toBe(typed);
      const fewer = expectedCells.filter((c) => c !== `表1!${total.address}`);
      expect(await previewCells(page)).toEqual(fewer);

      before = await syncs();
      await button(page, '确认填写').click();
      await status(page, `已填写 ${fewer.length} 个单元格（数值）`);
      expect(await syncs()).toBeLessThanOrEqual(before + 6); // read again, apply (2), 检查 (read, apply 2 — 1 when there is nothing to mark)
      const other = expected.items.find((i) => i.sheet === '表1' && i.address !== total.address)!;
      expect((await cell(page, '表1', other.address))?.value).toBe(Number(other.written.toFixed(2)));
      await button(page, '撤销').click();
      await status(page, '已撤销上一次填表');
      expect(await cellsJson(page)).toBe(typed);

      // last year's workbook: the pane fetches the workbook reader, a chunk of its own, on this first
      // use (a production build once wrapped the chunks so that they never registered)
      const priorFile = path.join(tmp, '示范局2023年部门决算（Excel）.xlsx');
      await fs.writeFile(priorFile, await buildWorkbookBuffer(lastYear()));
      await button(page, '填表').click();
      await page.getByTestId('fill-preview').waitFor();
      await page.setInputFiles('[data-testid=prior-input]', priorFile);
      await expect(page.getByTestId('prior-file').textContent()).resolves.toBe(path.basename(priorFile));
    },
    { [OFFICE_JS]: fakeOffice },
  );
});
