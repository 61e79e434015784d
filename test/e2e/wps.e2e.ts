// The WPS add-in (dist-wps/, `npm run build:wps`) in headless Chromium, with WPS replaced by the
// fake JSAPI (./wps-fake-app.ts over test/hosts/wps/fakeWps.ts) holding the sample workbook.
// The pages' own code runs unchanged: the task pane's 检查 marks the cells and lists the same
// findings as the engine, clicking a finding selects its cell, 生成说明 writes the narrative
// sheet, 清除标记 and 撤销 give back the original workbook; the ribbon page opens the task pane
// with CreateTaskPane and hands it its command. No request leaves the local test server.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import type { Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/engine';
import { narrate, narrativeLines, resolveSettings } from '../../src/core/narrative';
import { NARRATIVE_TITLE, SEVERITY_FILL } from '../../src/core/plan';
import { loadWorkbook } from '../../src/hosts/file/load';
import { hexToBgr } from '../../src/hosts/wps/values';
import { WpsHost } from '../../src/hosts/wps';
import { Runner } from '../../src/app/runner';
import { FakeApplication } from '../hosts/wps/fakeWps';
import { fakeFromXlsx } from '../hosts/wps/xlsx';
import { launch } from './browser';
import type { Session } from './browser';
import { serve } from './server';
import type { StaticServer } from './server';
import { button, status } from '../helpers/page';

// Used inside page.evaluate (the browser's parser); the Node-side types have no DOM.
declare const DOMParser: { new (): { parseFromString(text: string, type: string): any } }; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist-wps');
const SAMPLE = path.join(ROOT, 'examples/sample.xlsx');

let server: StaticServer;
let tmp: string;
let fakeApp: string;
let fixture: unknown;

async function compile(config: webpack.Configuration): Promise<void> {
  const compiler = webpack(config);
  if (!compiler) throw new Error('invalid webpack config');
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || !stats) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      compiler.close(() => resolve());
    }),
  );
}

beforeAll(async () => {
  // Always built from the sources here (a dist-wps left from an earlier build would test old code).
  const config = require(path.join(ROOT, 'wps/webpack.wps.js'))({}, { mode: 'development' });
  await compile({ ...config, devtool: false });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'juesuan-e2e-wps-'));
  await compile({
    mode: 'development',
    devtool: false,
    entry: path.join(__dirname, 'wps-fake-app.ts'),
    output: { path: tmp, filename: 'wps-fake-app.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(ROOT, 'taskpane/tsconfig.json'), transpileOnly: true } },
      ],
    },
    performance: { hints: false },
  });
  fakeApp = path.join(tmp, 'wps-fake-app.js');
  fixture = (await fakeFromXlsx(await fs.readFile(SAMPLE))).toJSON();
  server = await serve(DIST);
}, 240000);

afterAll(async () => {
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** A page of the add-in with WPS (the fake) around it; `storage`: PluginStorage to start with. */
async function withWps(
  file: string,
  fn: (page: Page, session: Session) => Promise<void>,
  storage: Record<string, unknown> = {},
  wps = true,
) {
  const session = await launch(server.origin, { width: 340, height: 900 });
  const errors: string[] = [];
  try {
    if (wps) {
      await session.context.addInitScript({
        content: `window.__wpsFixture = ${JSON.stringify(fixture)}; window.__wpsStorage = ${JSON.stringify(storage)};`,
      });
      await session.context.addInitScript({ path: fakeApp });
    }
    const page = await session.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/${file}`);
    await fn(page, session);
  } finally {
    await session.close();
  }
  expect(errors).toEqual([]);
  expect(session.external).toEqual([]); // nothing left the local server
  for (const url of session.requests) expect(url.startsWith(`${server.origin}/`)).toBe(true);
}

const fake = <T>(page: Page, expr: string) => page.evaluate(expr) as Promise<T>;
const workbookJson = (page: Page) => fake<string>(page, 'JSON.stringify(window.__fakeBook.toJSON())');
/** Calls into WPS so far, without the pane's polling of PluginStorage for ribbon commands. */
const calls = (page: Page) =>
  fake<number>(page, 'window.__fakeBook.calls - (window.__fakeBook.byMember.get("Application.PluginStorage") || 0)');

/** The call count once the page has stopped calling into WPS. */
async function settled(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    const now = await calls(page);
    if (now === last && now > 0) return now;
    last = now;
    await page.waitForTimeout(100);
  }
}

test('task pane in WPS: 检查 marks the findings, 生成说明 writes the sheet, 清除标记 and 撤销 restore the workbook', async () => {
  const { grids } = await loadWorkbook(await fs.readFile(SAMPLE));
  const expected = checkWorkbook(grids);
  const lines = narrativeLines(narrate(expected.model, expected.supplement, resolveSettings()));

  await withWps('taskpane.html', async (page) => {
    await button(page, '检查').waitFor();
    await expect(page.getByText('WPS 表格', { exact: true }).count()).resolves.toBe(1);
    const original = await workbookJson(page);
    const before = await settled(page); // after the pane's first read (the remembered settings)

    await button(page, '检查').click();
    await page.getByTestId('verdict').waitFor({ timeout: 60000 });
    const used = (await calls(page)) - before;
    await expandNotes(page); // rounding notes are collapsed per table
    const rules = await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.sort()).toEqual(expected.findings.map((f) => f.rule).sort());
    for (const f of expected.findings) {
      for (const c of f.cells) {
        const cell = await fake<{ fill?: number }>(
          page,
          `window.__fakeBook.get(${JSON.stringify(c.sheet)}).peek(${JSON.stringify(c.address)}) || {}`,
        );
        expect(cell.fill).toBe(hexToBgr(SEVERITY_FILL[f.severity]));
        const note = await fake<string>(
          page,
          `window.__fakeBook.get(${JSON.stringify(c.sheet)}).comments.get(${JSON.stringify(c.address)})`,
        );
        expect(note).toContain(f.rule);
      }
    }
    // the same calls as the same 检查 over the same workbook in Node (test/hosts/wps pins them)
    const book = await fakeFromXlsx(await fs.readFile(SAMPLE));
    const session = new Runner(new WpsHost(new FakeApplication(book).api()));
    await session.start();
    const start = book.calls;
    await session.check();
    expect(used).toBe(book.calls - start);

    // a finding selects its first cell in WPS
    const f0 = expected.findings[0];
    await expandNotes(page);
    await page.getByTestId('finding').first().click();
    await page.waitForFunction(
      `window.__fakeBook.selection && window.__fakeBook.selection.address === ${JSON.stringify(f0.cells[0].address)}`,
    );
    expect(await fake<string>(page, 'window.__fakeBook.active')).toBe(f0.cells[0].sheet);

    await button(page, '生成说明').click();
    await status(page, `已写入“${NARRATIVE_TITLE}”工作表`);
    const written = await fake<(string | undefined)[]>(
      page,
      `(() => { const s = window.__fakeBook.get(${JSON.stringify(NARRATIVE_TITLE)}); return Array.from({ length: ${lines.length + 1} }, (_, i) => (s.peek('A' + (i + 1)) || {}).value); })()`,
    );
    // the title names the part and year; body paragraphs carry a two-character first-line indent
    expect(written[0]).toMatch(/^第二部分 \d{4}年度部门决算情况说明$/);
    expect(written.slice(1).map((t) => String(t).replace(/^\u3000\u3000/, ''))).toEqual(lines);
    expect(await fake<number>(page, 'window.__fakeBook.get("_juesuan_journal").visible')).toBe(2); // very hidden

    await button(page, '清除标记').click();
    await status(page, '已清除标记');
    // 撤销 takes back the clear first (the marks return), then 生成说明, then the marks of 检查
    await button(page, '撤销').click();
    await status(page, '已撤销上一次清除标记');
    await button(page, '撤销').click();
    await status(page, '已撤销上一次生成说明');
    await button(page, '撤销').click();
    await status(page, '已撤销上一次标记');
    const after = JSON.parse(await workbookJson(page));
    const was = JSON.parse(original);
    expect(after.sheets).toEqual(was.sheets);
    expect(await fake<number>(page, 'window.__fakeBook.alertsShown')).toBe(0); // deleting sheets asked nobody
  });
});

test('ribbon: 检查 opens the task pane with CreateTaskPane and leaves the pane its command; the pane runs it', async () => {
  await withWps('index.html', async (page) => {
    await page.waitForFunction('typeof window.OnAction === "function"');
    expect(await fake<boolean>(page, 'window.OnAddinLoad({})')).toBe(true);
    expect(await fake<string>(page, 'window.GetImage({ Id: "juesuanCheck" })')).toBe('images/icon-32.png');
    expect((await page.request.get(`${server.origin}/images/icon-32.png`)).ok()).toBe(true);
    await fake(page, 'window.OnAction({ Id: "juesuanCheck" })');
    const panes = await fake<{ url: string; Visible: boolean; title: string }[]>(page, 'window.__fakeApp.taskPanes');
    expect(panes).toEqual([{ ID: 1, url: `${server.origin}/taskpane.html`, title: '决算助手', Visible: true }]);
    expect(JSON.parse(await fake<string>(page, 'window.__fakeApp.PluginStorage.getItem("juesuan.command")'))).toMatchObject({
      action: 'check',
    });
    // the 决算助手 button shows and hides the same pane
    await fake(page, 'window.OnAction({ Id: "juesuanPane" })');
    await fake(page, 'window.OnAction({ Id: "juesuanPane" })');
    expect(await fake<unknown[]>(page, 'window.__fakeApp.taskPanes.map((p) => p.Visible)')).toEqual([true]);
    await fake(page, 'window.OnAction({ Id: "juesuanPane" })');
    expect(await fake<unknown[]>(page, 'window.__fakeApp.taskPanes.map((p) => p.Visible)')).toEqual([false]);
    // the add-in's XML files are well-formed (the browser's own parser) and say what WPS expects
    const xml = async (file: string) => {
      const text = await (await page.request.get(`${server.origin}/${file}`)).text();
      const parsed = await page.evaluate((t) => {
        const doc = new DOMParser().parseFromString(t, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length > 0) return null;
        const all: { nodeName: string; attributes: ArrayLike<{ name: string; value: string }> }[] = Array.from(
          doc.getElementsByTagName('*'),
        );
        return {
          root: doc.documentElement.nodeName as string,
          elements: all.map((e) => ({
            name: e.nodeName,
            attrs: Object.fromEntries(Array.from(e.attributes).map((a) => [a.name, a.value])) as Record<string, string>,
          })),
        };
      }, text);
      expect(parsed).not.toBeNull();
      return { text, ...parsed! };
    };
    const ribbon = await xml('ribbon.xml');
    expect(ribbon.text.startsWith('<customUI')).toBe(true); // what wpsjs publish checks for
    expect(ribbon.elements.find((e) => e.name === 'tab')?.attrs.label).toBe('决算助手');
    const buttons = ribbon.elements.filter((e) => e.name === 'button');
    expect(buttons.map((b) => [b.attrs.id, b.attrs.label, b.attrs.onAction])).toEqual([
      ['juesuanPane', '决算助手', 'OnAction'],
      ['juesuanCheck', '检查', 'OnAction'],
      ['juesuanNarrate', '生成说明', 'OnAction'],
    ]);
    for (const callback of ['OnAddinLoad', 'OnAction', 'GetImage', 'OnGetEnabled']) {
      expect(await fake<string>(page, `typeof window.${callback}`)).toBe('function');
    }
    const addon = JSON.parse(await (await page.request.get(`${server.origin}/package.json`)).text());
    expect(addon).toMatchObject({ name: 'juesuan', addonType: 'et' });
    for (const file of ['publish.xml', 'jsplugins.xml']) {
      const list = await xml(file);
      expect(list.root).toBe('jsplugins');
      const entry = list.elements.find((e) => e.name === 'jspluginonline');
      expect(entry?.attrs).toMatchObject({ name: addon.name, type: 'et' });
      expect(entry?.attrs.url.endsWith('/')).toBe(true);
      expect(list.text).toContain(`version="${addon.version}"`);
    }
  });

  // the pane, opened with a command waiting, runs 检查 by itself
  await withWps(
    'taskpane.html',
    async (page) => {
      await page.getByTestId('verdict').waitFor({ timeout: 60000 });
      expect(await fake<string>(page, 'window.__fakeApp.PluginStorage.getItem("juesuan.command")')).toBe('');
    },
    { 'juesuan.command': JSON.stringify({ action: 'check', at: Date.now() }) },
  );
});

test('outside WPS the task pane says where to use it', async () => {
  await withWps(
    'taskpane.html',
    async (page) => {
      await page.getByText('没有检测到 WPS 表格', { exact: false }).waitFor();
    },
    {},
    false,
  );
});

/** Rounding notes are collapsed to one line per table: open them all. */
async function expandNotes(page: Page): Promise<void> {
  for (const t of await page.getByTestId('toggle-notes').all()) if ((await t.getAttribute('aria-expanded')) === 'false') await t.click();
}
