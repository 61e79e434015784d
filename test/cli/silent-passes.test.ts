// Nothing passes vacuously (issue 12): an unread column, a fixed row under a label the reader does
// not know, nothing recognised, amount text that can be read two ways. Each workbook is the sample built here with one cell changed.
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { verdict } from '../../taskpane/app/controller';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  cells: { sheet: string; address: string }[];
  unchecked?: boolean;
}

/** The sample workbook with `edit` applied, written to DIR/name. */
async function sampleWith(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbookBuffer(sampleDataset())) as unknown as ArrayBuffer);
  edit(wb);
  return writeTemp(dir, name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const add = (ws: ExcelJS.Worksheet, address: string, delta: number) => {
  ws.getCell(address).value = Number(ws.getCell(address).value) + delta;
};

describe('a column of a recognised table under a header the reader does not know', () => {
  test('“基本支出数” with a +1.00 error in it: a READ warning on the header cell, the identities listed as 未核验, exit 1', async () => {
    const file = await sampleWith('misspelt.xlsx', (wb) => {
      const t5 = wb.getWorksheet('表5')!;
      t5.getCell('D4').value = '基本支出数'; // the merged 基本支出 over 小计 / 人员经费 / 公用经费
      add(t5, 'D7', 1);
    });
    const json = await runCli(['check', file, '--json']);
    expect(json.code).toBe(1);
    const findings: JsonFinding[] = JSON.parse(json.stdout).findings;
    const read = findings.filter((f) => f.rule === 'READ' && f.cells[0]?.sheet === '表5');
    expect(read.map((f) => [f.severity, f.cells[0].address])).toEqual([['warning', 'D5']]);
    expect(read[0].message).toContain('列标题“基本支出数/小计”无法识别');
    const unchecked = findings.filter((f) => f.unchecked);
    expect(unchecked.map((f) => f.rule)).toEqual(expect.arrayContaining(['T05-1', 'T05-2']));
    for (const f of unchecked) {
      expect(f.severity).toBe('warning');
      expect(f.message).toMatch(/^未核验：/);
      expect(f.cells).toEqual([{ sheet: '表5', address: 'D5' }]);
    }

    const human = await runCli(['check', file]);
    expect(human.code).toBe(1);
    expect(human.stdout).not.toContain('可以打印');
    expect(human.stdout).toMatch(/未核验 \d+ 项 —— 有\d+项核对未进行（未核验），改正后才能打印/);
  });

  test('a column an identity adds as optional (表2 其他收入 under “其他收入款”): 未核验, never an error for the missing addend', async () => {
    const file = await sampleWith('optional-column.xlsx', (wb) => {
      wb.getWorksheet('表2')!.getCell('I4').value = '其他收入款';
    });
    const json = await runCli(['check', file, '--json']);
    expect(json.code).toBe(1);
    const findings: JsonFinding[] = JSON.parse(json.stdout).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const unchecked = findings.filter((f) => f.unchecked);
    expect(unchecked.map((f) => f.rule)).toEqual(expect.arrayContaining(['T02-1', 'T02-2', 'X03']));
    expect(unchecked.find((f) => f.rule === 'T02-1')?.message).toContain('缺少“其他收入”列，其中“其他收入款”（I5）的列标题无法识别');
  });

  test('a blank header over figures is reported the same way', async () => {
    const file = await sampleWith('blank-header.xlsx', (wb) => {
      const t5 = wb.getWorksheet('表5')!;
      t5.unMergeCells('G4:G5');
      t5.getCell('G4').value = null;
      t5.getCell('G5').value = null;
    });
    const run = await runCli(['check', file, '--json']);
    expect(run.code).toBe(1);
    const findings: JsonFinding[] = JSON.parse(run.stdout).findings;
    const read = findings.find((f) => f.rule === 'READ' && f.cells[0]?.sheet === '表5');
    expect(read?.message).toContain('有金额但没有列标题');
    expect(findings.filter((f) => f.unchecked).map((f) => f.rule)).toContain('T05-2');
  });
});

describe('a row of 表1 under a label the reader does not know', () => {
  test('“本年收入总额” for 本年收入合计, 1.00 off: the identities on that row are 未核验 and name the label, exit 1', async () => {
    const file = await sampleWith('row-label.xlsx', (wb) => {
      const t1 = wb.getWorksheet('表1')!;
      t1.getCell('A33').value = '本年收入总额';
      add(t1, 'C33', 1);
    });
    const json = await runCli(['check', file, '--json']);
    expect(json.code).toBe(1);
    const findings: JsonFinding[] = JSON.parse(json.stdout).findings;
    const unchecked = findings.filter((f) => f.unchecked);
    expect(unchecked.map((f) => f.rule).sort()).toEqual(['T01-1', 'T01-3', 'X01']);
    for (const f of unchecked) {
      expect(f.severity).toBe('warning');
      expect(f.message).toMatch(/^未核验：/);
      expect(f.message).toContain('表“表1”（收入支出决算总表）中没有“本年收入合计”行，其中“本年收入总额”（C33）的行标题无法识别');
      expect(f.cells).toEqual([{ sheet: '表1', address: 'C33' }]);
    }
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

    const human = await runCli(['check', file]);
    expect(human.code).toBe(1);
    expect(human.stdout).not.toContain('可以打印');
    expect(human.stdout).toMatch(/未核验 3 项 —— 有3项核对未进行（未核验），改正后才能打印/);
  });

  test('the sample as built: no row is asked for (every named row is printed)', async () => {
    const file = await sampleWith('as-built.xlsx', () => undefined);
    const json = await runCli(['check', file, '--json']);
    const findings: JsonFinding[] = JSON.parse(json.stdout).findings;
    expect(findings.filter((f) => f.unchecked)).toEqual([]);
  });
});

test('a table recognised by its title whose header cannot be read: its identities are 未核验, exit 1', async () => {
  const file = await sampleWith('no-header.xlsx', (wb) => {
    const t5 = wb.getWorksheet('表5')!;
    for (const address of ['C4', 'D4', 'E4', 'F4', 'G4', 'C5', 'D5', 'E5', 'F5', 'G5']) t5.getCell(address).value = '数额';
  });
  const run = await runCli(['check', file, '--json']);
  expect(run.code).toBe(1);
  const findings: JsonFinding[] = JSON.parse(run.stdout).findings;
  expect(findings.find((f) => f.rule === 'READ' && f.cells[0]?.sheet === '表5')?.message).toContain('未找到可识别的表头或金额列');
  const unchecked = findings.filter((f) => f.unchecked);
  expect(unchecked.map((f) => f.rule)).toEqual(expect.arrayContaining(['T05-1', 'T05-2']));
  expect(unchecked.every((f) => f.message.includes('表“表5”（财政拨款支出决算明细表）未能读取'))).toBe(true);
});

describe('amount text that can be read two ways', () => {
  test('“(-1784.27)” and “1784,27” are READ warnings naming the cell, not +1784.27 or 178427; what needed them is 未核验', async () => {
    for (const [name, text] of [
      ['bracket-sign.xlsx', '(-1784.27)'],
      ['decimal-comma.xlsx', '1784,27'],
    ]) {
      const file = await sampleWith(name, (wb) => {
        wb.getWorksheet('表1')!.getCell('C7').value = text; // 一般公共预算财政拨款收入 1784.27
      });
      const run = await runCli(['check', file, '--json']);
      expect(run.code).toBe(1);
      const findings: JsonFinding[] = JSON.parse(run.stdout).findings;
      const read = findings.filter((f) => f.rule === 'READ' && f.cells[0]?.sheet === '表1');
      expect(read.map((f) => `${f.severity} ${f.cells[0].address}`)).toEqual(['warning C7']);
      expect(read[0].message).toContain(`表“表1”单元格C7的值“${text}”无法确定金额`);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]); // no 178427.00 ≠ … error
      const unchecked = findings.filter((f) => f.unchecked);
      expect(unchecked.length).toBeGreaterThan(0);
      for (const f of unchecked) expect(f.cells).toEqual([{ sheet: '表1', address: 'C7' }]);
    }
  });

  test('accounting brackets “(1784.27)” are −1784.27: the identities then fail', async () => {
    const file = await sampleWith('bracket.xlsx', (wb) => {
      wb.getWorksheet('表1')!.getCell('C7').value = '(1,784.27)';
    });
    const run = await runCli(['check', file, '--json']);
    expect(run.code).toBe(1);
    const findings: JsonFinding[] = JSON.parse(run.stdout).findings;
    expect(findings.filter((f) => f.rule === 'READ' && f.cells[0]?.sheet === '表1')).toEqual([]);
    expect(findings.some((f) => f.severity === 'error' && /-1784\.27万元/.test(f.message))).toBe(true);
  });
});

describe('a workbook in which no 附表 is recognised is not printable', () => {
  const workbookOf = async (name: string, sheets: Record<string, (string | number)[][]>) => {
    const wb = new ExcelJS.Workbook();
    for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
    return writeTemp(dir, name, new Uint8Array(await wb.xlsx.writeBuffer()));
  };

  test('a 决算 workbook whose titles are not recognised: an error naming the titles looked for, exit 1, also in the task pane verdict', async () => {
    const file = await workbookOf('retitled.xlsx', {
      表一: [['2023年度部门决算公开 总表'], ['单位：万元'], ['项目', '金额'], ['本年收入合计', 1784.27]],
    });
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('可以打印');
    expect(run.stdout).toContain('未识别到任何附表：在1张工作表的前10行中查找附表表题（收入支出决算总表、收入决算表、支出决算表');
    const { findings } = JSON.parse((await runCli(['check', file, '--json'])).stdout);
    expect(verdict(findings)).toEqual({ ok: false, text: '1 条错误，改正后才能打印' });
  });

  test('an unrelated workbook is not a 决算 workbook: exit 2 with the reason; batch says so on its line', async () => {
    const file = await workbookOf('prices.xlsx', {
      价目表: [
        ['商品', '单价'],
        ['铅笔', 1.5],
        ['橡皮', 2],
      ],
    });
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^无法检查“prices\.xlsx”：在1张工作表的前10行中查找附表表题（收入支出决算总表、.*这不是部门决算公开表/);
    const batchDir = makeTempDir();
    writeTemp(batchDir, 'prices.xlsx', fs.readFileSync(file));
    const batch = await runCli(['batch', batchDir, '--jobs', '1']);
    expect(batch.code).toBe(2);
    expect(batch.stdout).toMatch(/prices\.xlsx {2}无法检查“prices\.xlsx”：.*这不是部门决算公开表/);
    expect(batch.stdout).toContain('可以打印 0 个');
  });

  test('a workbook whose sharedStrings part is missing holds no text: exit 2, not 可以打印', async () => {
    const sample = await buildWorkbookBuffer(sampleDataset());
    const parts = unzipSync(new Uint8Array(sample));
    delete parts['xl/sharedStrings.xml'];
    const file = writeTemp(dir, 'no-strings.xlsx', zipSync(parts));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('可以打印');
    expect(run.stderr).toContain('没有任何文字');
  });
});
