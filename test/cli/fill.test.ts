// `juesuan fill FILE -o OUT` on real files: OUT gets the narrative sheet, the 补充信息 sheet when
// missing, and highlights; FILE is never written; every write can be undone from OUT's journal.
import * as crypto from 'crypto';
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { loadWorkbook, undoLast, worksheetToGrid } from '../../src/hosts/file';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function load(file: string): Promise<ExcelJS.Workbook> {
  return (await loadWorkbook(fs.readFileSync(file), file)).workbook;
}

function columnA(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => out.push(String(row.getCell(1).value ?? '')));
  return out;
}

describe('juesuan fill', () => {
  let input: string;
  let withoutSupplement: string;
  beforeAll(async () => {
    const broken = sampleDataset();
    broken.tables.T01.income['本年收入合计'] = '1.00';
    input = writeTemp(dir, 'in.xlsx', await buildWorkbookBuffer(broken));
    withoutSupplement = writeTemp(dir, 'bare.xlsx', await buildWorkbookBuffer(sampleDataset(), { supplement: false }));
  });

  test('writes the narrative sheet and highlights, leaves the input alone, exits 1 on errors', async () => {
    const before = sha(input);
    const out = `${dir}/out.xlsx`;
    const run = await runCli(['fill', input, '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(sha(input)).toBe(before);

    const wb = await load(out);
    const narrative = wb.getWorksheet('部门决算情况说明')!;
    const text = columnA(narrative);
    expect(text).toContain('一、收入支出决算总体情况说明');
    expect(text.some((t) => /^\u3000\u30002024年度收、支总计均为1894\.06万元。/.test(t))).toBe(true); // paragraphs indented two full-width spaces
    expect(text[0]).toBe('第二部分 2024年度部门决算情况说明');
    expect(narrative.getColumn(1).width).toBeGreaterThan(50);

    const t01 = wb.worksheets.find((ws) =>
      worksheetToGrid(ws)
        .cells.slice(0, 3)
        .flat()
        .some((v) => v === '收入支出决算总表'),
    )!;
    const highlighted: string[] = [];
    t01.eachRow((row) =>
      row.eachCell((cell) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.fgColor?.argb?.endsWith('FFC7CE')) highlighted.push(cell.address);
      }),
    );
    expect(highlighted.length).toBeGreaterThan(0);
    const noted = highlighted.map((a) => t01.getCell(a).note).filter(Boolean);
    expect(JSON.stringify(noted)).toContain('X01');
  });

  test('creates an empty 补充信息 sheet when there is none', async () => {
    const out = `${dir}/bare-out.xlsx`;
    const run = await runCli(['fill', withoutSupplement, '-o', out]);
    expect(run.stdout).toContain('新建“补充信息”表');
    const wb = await load(out);
    const supplement = wb.worksheets.find((ws) => ws.name.startsWith('补充信息'))!;
    const labels = columnA(supplement);
    expect(labels).toEqual(expect.arrayContaining(['决算年度', '收支总计（万元）', '机关运行经费（万元）']));
    const narrative = columnA(wb.getWorksheet('部门决算情况说明')!);
    expect(narrative.join('\n')).toContain('【请填写');
  });

  test('running fill on its own output changes no narrative text (idempotent)', async () => {
    const once = `${dir}/once.xlsx`;
    const twice = `${dir}/twice.xlsx`;
    await runCli(['fill', input, '-o', once]);
    await runCli(['fill', once, '-o', twice]);
    const a = columnA((await load(once)).getWorksheet('部门决算情况说明')!);
    const b = columnA((await load(twice)).getWorksheet('部门决算情况说明')!);
    expect(b).toEqual(a);
  });

  test('undoing every journal entry of the output gives back the input cells', async () => {
    const out = `${dir}/undo.xlsx`;
    await runCli(['fill', input, '-o', out]);
    const wb = await load(out);
    while (undoLast(wb)) {
      /* undo highlights, narrative, supplement */
    }
    const original = await load(input);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(original.worksheets.map((ws) => ws.name));
    for (const ws of original.worksheets) {
      expect(worksheetToGrid(wb.getWorksheet(ws.name)!)).toEqual(worksheetToGrid(ws));
    }
  });

  test('a reason typed over 【请填写原因】 in the narrative sheet survives the next fill, once', async () => {
    const data = sampleDataset();
    data.supplement = data.supplement.map((r) => (r.项目 === '收支总计' ? { ...r, 原因说明: undefined } : r));
    const first = `${dir}/reason-1.xlsx`;
    await runCli(['fill', writeTemp(dir, 'reason-in.xlsx', await buildWorkbookBuffer(data)), '-o', first]);
    const wb = await load(first);
    const sheet = wb.getWorksheet('部门决算情况说明')!;
    let typedAt = '';
    sheet.eachRow((row) => {
      const v = String(row.getCell(1).value ?? '');
      if (v.trim().startsWith('2024年度收、支总计') && v.includes('【请填写原因】')) {
        row.getCell(1).value = v.replace('【请填写原因】', '一是办公系统升级项目完工；二是压减一般性支出');
        typedAt = row.getCell(1).address;
      }
    });
    expect(typedAt).not.toBe('');
    const edited = writeTemp(dir, 'reason-edited.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const second = `${dir}/reason-2.xlsx`;
    await runCli(['fill', edited, '-o', second]);
    const text = columnA((await load(second)).getWorksheet('部门决算情况说明')!);
    const totals = text.filter((t) => t.trim().startsWith('2024年度收、支总计'));
    expect(totals).toHaveLength(1);
    expect(totals[0]).toContain('主要变动原因：一是办公系统升级项目完工；二是压减一般性支出。');
  });

  test('usage mistakes exit 2 with a Chinese sentence', async () => {
    const noOut = await runCli(['fill', input]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('-o');
    const same = await runCli(['fill', input, '-o', input]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('不能与输入文件相同');
  });
});
