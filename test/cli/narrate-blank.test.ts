// narrate never reads a blank total as 0: it takes the figure from an identity (saying from where)
// or writes 【请填写…】 with a NEED finding.
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();

async function sample(edit: (wb: ExcelJS.Workbook) => void, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbookBuffer(sampleDataset())) as unknown as ExcelJS.Buffer);
  edit(wb);
  return writeTemp(dir, name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Clears the amount right of the label cell `label` on sheet 表1. */
function blankT01(wb: ExcelJS.Workbook, label: string): string {
  const ws = wb.getWorksheet('表1')!;
  let address = '';
  ws.eachRow((row) =>
    row.eachCell((c, col) => {
      if (c.value === label && !address) {
        for (let k = col + 1; k <= col + 3; k++) {
          if (typeof row.getCell(k).value === 'number') {
            address = row.getCell(k).address;
            row.getCell(k).value = null;
            return;
          }
        }
      }
    }),
  );
  return address;
}

describe('narrate with a blank 本年收入合计', () => {
  test('takes the exact copy printed in 收入决算表 and says so', async () => {
    let cell = '';
    const file = await sample((wb) => (cell = blankT01(wb, '本年收入合计')), 'blank-total.xlsx');
    expect(cell).not.toBe('');
    const run = await runCli(['narrate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('本年收入合计1872.11万元，其中：一般公共预算财政拨款收入1784.27万元，占95.3%');
    expect(run.stdout).not.toContain('本年收入合计0万元');
    expect(run.stdout).toContain(`[DERIVED] 表1!${cell}“本年收入合计”为空，第二部分二按收入决算表“合计·本年收入合计”取1872.11万元（X01）`);
  });

  test('nothing gives it: 【请填写…】 and a NEED naming the cell, never 0', async () => {
    let cell = '';
    const file = await sample((wb) => {
      for (const ws of [...wb.worksheets]) if (ws.name !== '表1' && ws.name !== '补充信息') wb.removeWorksheet(ws.id);
      const ws = wb.getWorksheet('表1')!;
      cell = '';
      ws.eachRow((row) =>
        row.eachCell((c, col) => {
          if (typeof c.value === 'number' && col <= 3) c.value = null; // the whole 收 side blank
        }),
      );
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value === '本年收入合计') cell = row.getCell(c.fullAddress.col + 2).address;
        }),
      );
    }, 'blank-income.xlsx');
    const run = await runCli(['narrate', file]);
    expect(run.stdout).toContain('2024年本年收入合计【请填写收入支出决算总表“本年收入合计”】万元。');
    expect(run.stdout).not.toMatch(/本年收入合计0万元/);
    expect(run.stdout).toContain(`[NEED] 第二部分二需要收入支出决算总表“本年收入合计”的数值，但表1!${cell}为空，也无法由其他单元格推算`);
  });
});
