// The action runner over the file host, for the sequences a user makes: after every action what
// the runner shows equals what a fresh 检查 of the resulting workbook (saved, reopened) reports.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { checkAction } from '../../src/core/engine';
import type { Finding } from '../../src/core/finding';
import { NARRATIVE_TITLE } from '../../src/core/plan';
import { engineGrids, Runner } from '../../src/app/runner';
import type { PaneState } from '../../src/app/runner';
import { countFindings, uncheckedView } from '../../src/app/view';
import { FileHost } from '../../src/hosts/file/fileHost';
import { blankedWorkbook } from '../core/derive/helpers';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** 检查 of the workbook as saved now, opened anew: nothing of the runner's state is shared. */
async function freshCheck(host: FileHost): Promise<Finding[]> {
  const reopened = await FileHost.open(await host.save(), host.label);
  return checkAction(engineGrids((await reopened.readWorkbook()).grids)).findings;
}

/** Every cell of the user's sheets (value, fill, note), as saved now; juesuan's own sheets left out. */
async function cellsOf(host: FileHost): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await host.save()) as never);
  const out: unknown[] = [];
  for (const ws of book.worksheets) {
    if (ws.name.startsWith('_juesuan_')) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        const fill = c.fill as ExcelJS.FillPattern | undefined;
        out.push([ws.name, c.address, c.value, fill?.fgColor?.argb ?? null, c.note ?? null]);
      }),
    );
  }
  return JSON.stringify(out);
}

function statusOf(state: PaneState): string {
  return state.status?.text ?? '';
}

async function expectInStep(runner: Runner, host: FileHost): Promise<void> {
  const state = runner.getState();
  expect(state.status?.intent).not.toBe('error');
  expect(state.view?.kind).toBe('check');
  expect(state.view?.findings).toEqual(await freshCheck(host));
}

async function open(file: string): Promise<{ host: FileHost; runner: Runner }> {
  const host = await FileHost.open(fs.readFileSync(file), path.basename(file));
  const runner = new Runner(host);
  await runner.start();
  return { host, runner };
}

test('检查 after 生成说明: the narrative-text findings once, as a fresh 检查 lists them', async () => {
  const { host, runner } = await open(path.join(EXAMPLES, 'seed002.xlsx'));
  const narrated = await runner.narrate();
  expect(statusOf(narrated)).toMatch(new RegExp(`^已写入“${NARRATIVE_TITLE}”工作表（\\d+ 段）`));
  expect(narrated.view?.kind).toBe('narrative');
  expect(narrated.narrative?.paragraphs.length).toBeGreaterThan(20);
  expect(narrated.undo).toBe('narrative');

  await runner.check();
  await expectInStep(runner, host);
  const findings = runner.getState().view!.findings;
  const keys = findings.map((f) => JSON.stringify([f.rule, f.message, f.cells]));
  expect(new Set(keys).size).toBe(keys.length);
  expect(runner.getState().undo).toBe('highlight');
});

test('撤销 of 生成说明 drops its findings and its text from the pane', async () => {
  const { host, runner } = await open(path.join(EXAMPLES, 'seed002.xlsx'));
  await runner.narrate();
  await runner.check();
  await runner.undo(); // the marks
  const undone = await runner.undo(); // the narrative sheet
  expect(statusOf(undone)).toMatch(/已撤销上一次生成说明.*删除了“部门决算情况说明”工作表/);
  await expectInStep(runner, host);
  expect(undone.view!.findings.some((f) => f.cells.some((c) => c.sheet === NARRATIVE_TITLE))).toBe(false);
  expect(undone.narrative).toBeNull();
});

test('填表 then 撤销 until nothing is left: the pane follows the workbook back to the file as opened', async () => {
  const blanked = await blankedWorkbook(sampleDataset());
  const host = await FileHost.open(blanked.bytes, '示范局.xlsx');
  const original = await cellsOf(host);
  const runner = new Runner(host);
  await runner.start();

  const checked = await runner.check();
  expect(countFindings(checked.view!.findings).error).toBeGreaterThan(0);
  await expectInStep(runner, host);

  await runner.previewFill();
  expect(runner.getState().fill?.result.items.length).toBeGreaterThan(0);
  const filled = await runner.confirmFill();
  // everything is filled: no finding left, the marks of the first 检查 are gone, nothing to clear
  expect(statusOf(filled)).toMatch(/^已填写 \d+ 个单元格（数值）。重新检查：识别到 14 张附表；没有需要标记的单元格，原有标记已去掉/);
  await expectInStep(runner, host);
  expect(filled.undo).toBe('highlight');

  // 撤销 until nothing is left: back to the file as opened
  const seen: string[] = [];
  for (;;) {
    const s = await runner.undo();
    await expectInStep(runner, host);
    if (statusOf(s) === '没有可撤销的操作。') break;
    seen.push(statusOf(s).replace(/[：。].*$/, ''));
  }
  expect(seen).toEqual(['已撤销上一次填表（连同填表后检查所作的标记）', '已撤销上一次标记']);
  expect(runner.getState().undo).toBeNull();
  expect(await cellsOf(host)).toBe(original);
});

test('核对说明文字 without a 说明 sheet says so; 插入补充信息表 keeps the view in step', async () => {
  const data = sampleDataset();
  const { buildWorkbookBuffer } = await import('../../examples/build-workbook');
  const host = await FileHost.open(await buildWorkbookBuffer(data, { supplement: false }), 'bare.xlsx');
  const runner = new Runner(host);
  await runner.start();
  const t = await runner.textcheck();
  expect(statusOf(t)).toMatch(/没有找到“部门决算情况说明”工作表/);
  await runner.check();
  const inserted = await runner.insertSupplement();
  expect(statusOf(inserted)).toMatch(/^已插入“补充信息”工作表/);
  await expectInStep(runner, host);
  expect(inserted.undo).toBe('supplement');
});

test('清除标记 then 撤销: as many cells cleared as 检查 marked; 撤销 puts the marks back, not the narrative', async () => {
  const { host, runner } = await open(path.join(EXAMPLES, 'seed002.xlsx'));
  await runner.narrate();
  const checked = await runner.check();
  const marked = Number(/已标记 (\d+) 个单元格/.exec(statusOf(checked))?.[1]);
  expect(marked).toBeGreaterThan(0);
  const withMarks = await cellsOf(host);

  const cleared = await runner.clear();
  expect(statusOf(cleared)).toBe(`已清除标记，${marked} 个单元格恢复原样。`);
  expect(cleared.undo).toBe('clear');
  await expectInStep(runner, host);
  expect((await runner.clear()).status?.text).toBe('没有需要清除的标记。');

  const back = await runner.undo();
  expect(statusOf(back)).toBe(`已撤销上一次清除标记：${marked} 个单元格的标记已恢复。`);
  expect(back.narrative).not.toBeNull();
  await expectInStep(runner, host);
  expect(await cellsOf(host)).toBe(withMarks);
});

test('检查 shows what could not be checked: the view carries the 未核验 families the command line prints', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(path.join(EXAMPLES, 'seed002.xlsx')) as never);
  book.removeWorksheet(book.getWorksheet('表8')!.id);
  const host = await FileHost.open(new Uint8Array(await book.xlsx.writeBuffer()), 'no-t08.xlsx');
  const runner = new Runner(host);
  await runner.start();
  await runner.check();
  const shown = uncheckedView(runner.getState().view?.unchecked);
  expect(shown?.title).toMatch(/^未核验 \d+ 类（未计入通过）$/);
  expect(shown?.lines.some((l) => l.startsWith('表8 表内关系（') && l.includes('缺少表8'))).toBe(true);
  // with every table there: only the text, which the workbook does not hold
  const whole = await open(path.join(EXAMPLES, 'seed002.xlsx'));
  await whole.runner.check();
  expect(uncheckedView(whole.runner.getState().view?.unchecked)?.lines).toEqual([expect.stringMatching(/^说明文字：/)]);
});

test('the pane lists a finding that could not be checked once: in the findings, its reason not repeated in the 未核验 block', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(path.join(EXAMPLES, 'seed002.xlsx')) as never);
  book.getWorksheet('表3')!.getCell('D8').value = '12abc';
  const host = await FileHost.open(new Uint8Array(await book.xlsx.writeBuffer()), 'unreadable.xlsx');
  const runner = new Runner(host);
  await runner.start();
  await runner.check();
  const view = runner.getState().view!;
  const flagged = view.findings.filter((f) => f.unchecked);
  expect(flagged.map((f) => f.rule)).toContain('T03-1');
  expect(uncheckedView(view.unchecked)?.lines.some((l) => l.startsWith('表3 表内关系'))).toBe(true);
  const shown = uncheckedView(view.unchecked, view.findings);
  expect(shown?.lines.some((l) => l.startsWith('表3 表内关系'))).toBe(false);
  expect(shown?.lines).toEqual([expect.stringMatching(/^说明文字：/)]);
});
