// The standalone page (dist/standalone.html) end to end in headless Chromium: open the sample
// workbook, 检查, look at a finding, change a setting, 生成说明, download and read the result
// with exceljs, 清除标记 and 撤销 back to the original cells — with every request that would
// leave the local server aborted and failing the test. Also: keyboard use, the 320 px layout,
// and the screenshot of the pane with findings (docs/taskpane.png).
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/engine';
import { narrate, narrativeLines, resolveSettings } from '../../src/core/narrative';
import { JOURNAL_SHEET, NARRATIVE_TITLE, SEVERITY_FILL } from '../../src/core/plan';
import { loadWorkbook } from '../../src/hosts/file/load';
import { SETTINGS_SHEET, parseSettings } from '../../src/hosts/host';
import { launch } from './browser';
import type { Session } from './browser';
import { serve } from './server';
import type { StaticServer } from './server';
import { button, status, openFile, readBook, cellsOf, download as downloadTo } from '../helpers/page';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SAMPLE = path.join(ROOT, 'examples/sample.xlsx');
const SCREENSHOT = path.join(ROOT, 'docs/taskpane.png');

let server: StaticServer;
let tmp: string;

const download = (page: Page, name: string) => downloadTo(page, tmp, name, (suggested) => expect(suggested).toMatch(/（决算助手）\.xlsx$/));

beforeAll(async () => {
  await fs.access(path.join(DIST, 'standalone.html')).catch(() => {
    throw new Error('dist/standalone.html is missing: run `npm run build:web` (npm run e2e does) first.');
  });
  server = await serve(DIST);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'juesuan-e2e-'));
});

afterAll(async () => {
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

// ---- helpers ------------------------------------------------------------------------------

async function withPage(viewport: { width: number; height: number }, fn: (page: Page, session: Session) => Promise<void>) {
  const session = await launch(server.origin, viewport);
  const errors: string[] = [];
  try {
    const page = await session.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/standalone.html`);
    await fn(page, session);
  } finally {
    await session.close();
  }
  expect(errors).toEqual([]);
  // Nothing left the local server: no CDN, no fonts, no upload.
  expect(session.external).toEqual([]);
  for (const url of session.requests) expect(url.startsWith(`${server.origin}/`) || /^(blob|data):/.test(url)).toBe(true);
}

async function expectedFindings(file: string) {
  const { grids } = await loadWorkbook(await fs.readFile(file), file);
  return checkWorkbook(grids);
}

/** Rounding notes are collapsed to one line per table: open them all. */
async function expandNotes(page: Page): Promise<void> {
  for (const t of await page.getByTestId('toggle-notes').all()) if ((await t.getAttribute('aria-expanded')) === 'false') await t.click();
}

async function shownRules(page: Page): Promise<string[]> {
  await expandNotes(page);
  return (await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''))).sort();
}

/** The sample with three errors, two warnings and two infos (for the screenshot). */
async function sampleWithErrors(): Promise<string> {
  const wb = await readBook(SAMPLE);
  wb.getWorksheet('表3')!.getCell('C9').value = 1490.88; // 20103 本年支出合计 off by 1.00
  wb.getWorksheet('表10')!.getCell('L8').value = 4.86; // 公务接待费 决算 above 预算, ≠ 表7
  wb.getWorksheet('表10')!.getCell('G8').value = 32.11;
  const file = path.join(tmp, '青川市示范局2024年部门决算.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

// ---- the tests -----------------------------------------------------------------------------

test('sample workbook: 检查, detail, 设置, 生成说明, download, 清除标记 and 撤销 restore the original', async () => {
  const original = await readBook(SAMPLE);
  const originalSheets = original.worksheets.map((w) => w.name);
  const expected = await expectedFindings(SAMPLE);

  await withPage({ width: 340, height: 900 }, async (page) => {
    await page.getByTestId('drop-zone').waitFor();
    for (const name of ['检查', '生成说明', '撤销']) await expect(button(page, name).isDisabled()).resolves.toBe(true);
    await openFile(page, SAMPLE);

    // 检查 → the engine's findings, grouped, with the verdict
    await button(page, '检查').click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 60000 });
    const errors = expected.findings.filter((f) => f.severity === 'error').length;
    await expect(verdict.textContent()).resolves.toContain(errors === 0 ? '可以打印' : `${errors} 条错误`);
    expect(await shownRules(page)).toEqual(expected.findings.map((f) => f.rule).sort());
    await status(page, /识别到 14 张附表；已标记 \d+ 个单元格/);
    // what could not be checked is listed apart (the sample holds no 说明 text), as the command line prints it
    const unchecked = page.getByTestId('unchecked');
    await expect(unchecked.textContent()).resolves.toMatch(/^未核验 \d+ 类（未计入通过）.*说明文字：/);
    await unchecked.screenshot({ path: path.join(os.tmpdir(), 'juesuan-unchecked.png') });

    // a finding → its detail: cells, difference, tolerance
    const first = expected.findings[0];
    const item = page.getByTestId('finding').first();
    await expect(item.getAttribute('aria-expanded')).resolves.toBe('false');
    await item.click();
    await expect(item.getAttribute('aria-expanded')).resolves.toBe('true');
    const detail = page.getByTestId('finding-detail');
    await detail.waitFor();
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain(`${first.cells[0].sheet}!${first.cells[0].address}`);
    if (first.difference) expect(text).toContain(`差额${first.difference} 万元`);
    if (first.tolerance) expect(text).toContain(`允许误差±${first.tolerance} 万元`);
    await expect(detail.getByTestId('finding-cell').count()).resolves.toBe(first.cells.length);

    // 设置: two-decimal percentages, remembered in the workbook
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('百分比小数位数').selectOption('2');
    await dialog.getByRole('button', { name: '保存' }).click();
    await status(page, '设置已保存');

    // 生成说明 → the narrative sheet, in the downloaded file
    await button(page, '生成说明').click();
    await status(page, `已写入“${NARRATIVE_TITLE}”工作表`);
    const written = await readBook(await download(page, 'narrative.xlsx'));
    const sheet = written.getWorksheet(NARRATIVE_TITLE);
    expect(sheet).toBeDefined();
    const settings = resolveSettings({ percentDecimals: 2 });
    const lines = narrativeLines(narrate(expected.model, expected.supplement, settings));
    const column: string[] = [];
    sheet!.eachRow((row) => column.push(String(row.getCell(1).value ?? '')));
    // the title names the part and year; body paragraphs carry a two-character first-line indent
    expect(column[0]).toMatch(/^第二部分 \d{4}年度部门决算情况说明$/);
    expect(column.slice(1).map((t) => t.replace(/^\u3000\u3000/, ''))).toEqual(lines);
    expect(lines.some((l) => /\d+\.\d{2}%/.test(l))).toBe(true);
    // the settings are in the workbook; the journal too, very hidden
    expect(parseSettings(written.getWorksheet(SETTINGS_SHEET)?.getCell('A1').value)).toMatchObject({ percentDecimals: 2 });
    expect(written.getWorksheet(JOURNAL_SHEET)?.state).toBe('veryHidden');
    // the highlight is there: fill by severity and the message in the note
    for (const f of expected.findings) {
      const c = written.getWorksheet(f.cells[0].sheet)!.getCell(f.cells[0].address);
      expect((c.style.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(`FF${SEVERITY_FILL[f.severity].slice(1)}`);
      expect(JSON.stringify(c.note)).toContain(f.rule);
    }

    // 导出Word: the document code is a chunk of its own, fetched on this first use (a production
    // build once wrapped the chunks so that they never registered, and the export never came)
    const [doc] = await Promise.all([page.waitForEvent('download'), button(page, '导出Word').click()]);
    expect(doc.suggestedFilename()).toMatch(/\.docx$/);
    const docFile = path.join(tmp, 'disclosure.docx');
    await doc.saveAs(docFile);
    expect((await fs.readFile(docFile)).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');

    // 清除标记, then 撤销: the clear, the narrative, the marks → the original cells
    await button(page, '清除标记').click();
    await status(page, /已清除标记，\d+ 个单元格恢复原样/);
    await expect(page.getByTestId('undo-hint').textContent()).resolves.toContain('清除标记');
    await button(page, '撤销').click();
    await status(page, '已撤销上一次清除标记');
    await button(page, '撤销').click();
    await status(page, `已撤销上一次生成说明`);
    await expect(page.getByTestId('narrative-preview').count()).resolves.toBe(0);
    await button(page, '撤销').click();
    await status(page, '已撤销上一次标记');
    await button(page, '撤销').click();
    await status(page, '没有可撤销的操作');
    const restored = await readBook(await download(page, 'restored.xlsx'));
    expect(restored.getWorksheet(NARRATIVE_TITLE)).toBeUndefined();
    expect(restored.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
    expect(restored.worksheets.map((w) => w.name).filter((n) => n !== SETTINGS_SHEET)).toEqual(originalSheets);
    expect(cellsOf(restored, originalSheets)).toEqual(cellsOf(original, originalSheets));
  });
});

test('a dropped file opens; keyboard only: Tab to 检查, Enter, Tab to a finding, Enter opens it', async () => {
  const bytes = (await fs.readFile(SAMPLE)).toString('base64');
  await withPage({ width: 340, height: 900 }, async (page) => {
    // drop the workbook on the page, as a user drags it from the file manager
    await page.evaluate(`(() => {
      const bin = atob(${JSON.stringify(bytes)});
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'sample.xlsx'));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    })()`);
    await page.getByText('sample.xlsx', { exact: true }).waitFor();
    await page.locator('body').focus();
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate('document.activeElement && document.activeElement.textContent')) === '检查';
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('verdict').waitFor({ timeout: 60000 });
    let onFinding = false;
    for (let i = 0; i < 40 && !onFinding; i++) {
      await page.keyboard.press('Tab');
      const testId = await page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")');
      // rounding notes are collapsed per table: open them by keyboard too
      if (testId === 'toggle-notes') await page.keyboard.press('Enter');
      onFinding = testId === 'finding';
    }
    expect(onFinding).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('finding-detail').waitFor();
  });
});

test('errors: verdict, groups by severity and table, 320 px without horizontal scrolling', async () => {
  const file = await sampleWithErrors();
  const expected = await expectedFindings(file);
  const errors = expected.findings.filter((f) => f.severity === 'error').length;
  expect(errors).toBeGreaterThan(0);

  await withPage({ width: 320, height: 900 }, async (page) => {
    await openFile(page, file);
    await button(page, '检查').click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 60000 });
    await expect(verdict.textContent()).resolves.toBe(`${errors} 条错误，改正后才能打印`);
    expect(await shownRules(page)).toEqual(expected.findings.map((f) => f.rule).sort());
    const counts = (await page.getByTestId('counts').textContent()) ?? '';
    expect(counts).toContain(`错误 ${errors}`);
    for (const sev of ['error', 'warning', 'info']) {
      const n = expected.findings.filter((f) => f.severity === sev).length;
      await expect(page.locator(`section[data-severity=${sev}] [data-testid=finding]`).count()).resolves.toBe(n);
    }
    const scroll = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as number[];
    expect(scroll[0]).toBeLessThanOrEqual(scroll[1]);
  });
});

test('at 1280 px: findings and the 说明 preview side by side; 复制全文 gives paragraphs; screenshot', async () => {
  const file = path.join(ROOT, 'examples/seed002.xlsx');
  await withPage({ width: 1280, height: 800 }, async (page) => {
    await openFile(page, file);
    await button(page, '生成说明').click();
    const written = await status(page, `已写入“${NARRATIVE_TITLE}”工作表`);
    const count = Number(/（(\d+) 段）/.exec(written)?.[1]);
    const preview = page.getByTestId('narrative-text');
    await expect(preview.locator('p').count()).resolves.toBe(count);
    await expect(page.getByTestId('narrative-preview').textContent()).resolves.toContain(`（${count} 段）`);

    // 复制全文: text/html with one <p> per paragraph, and the same paragraphs as lines
    await page.evaluate(`window.addEventListener('copy', (e) => {
      window.__copied = { html: e.clipboardData.getData('text/html'), text: e.clipboardData.getData('text/plain') };
    })`);
    await button(page, '复制全文').click();
    const copied = (await page.evaluate('window.__copied')) as { html: string; text: string };
    const paragraphs = await preview.locator('p').allTextContents();
    expect(copied.text.split('\r\n')).toEqual(paragraphs);
    expect(copied.html.match(/<p>/g)).toHaveLength(count);
    expect(copied.html).not.toMatch(/<table/);

    await button(page, '检查').click();
    await page.getByTestId('verdict').waitFor({ timeout: 60000 });
    // two columns: the findings on the left, the preview beside them, nothing scrolls sideways
    const list = await page.getByTestId('findings').boundingBox();
    const side = await page.getByTestId('narrative-preview').boundingBox();
    expect(side!.x).toBeGreaterThanOrEqual(list!.x + list!.width);
    expect(side!.width).toBeGreaterThan(500);
    const scroll = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as number[];
    expect(scroll[0]).toBeLessThanOrEqual(scroll[1]);

    // The screenshot for the README.
    await page.getByTestId('finding').first().click();
    await page.getByTestId('finding-detail').waitFor();
    await page.mouse.move(1, 799);
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.waitForTimeout(600); // let the buttons' colour transitions finish
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: process.env.JUESUAN_SCREENSHOT || SCREENSHOT });
  });
});
