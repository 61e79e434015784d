// The 填表 preview says which values are sums of rounded figures (may differ by 0.01 from the export
// software) and which are exact (a copy printed in another table).
import ExcelJS from 'exceljs';
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer } from '../../examples/build-workbook';
import { makeTempDir, writeTemp } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();

async function withBlank(sheet: string, label: string, name: string): Promise<{ file: string; address: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbookBuffer(sampleDataset())) as unknown as ExcelJS.Buffer);
  let address = '';
  wb.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((c, col) => {
      if (address || typeof c.value !== 'string' || !c.value.includes(label)) return;
      for (let k = col + 1; k <= col + 3; k++) {
        if (typeof row.getCell(k).value === 'number') {
          address = row.getCell(k).address;
          row.getCell(k).value = null;
          return;
        }
      }
    }),
  );
  return { file: writeTemp(dir, name, new Uint8Array(await wb.xlsx.writeBuffer())), address };
}

describe('填表 preview: exact or summed from rounded figures', () => {
  test('a blank 本年收入合计 comes from the copy in 收入决算表: exact, no 0.01 caveat', async () => {
    const { file, address } = await withBlank('表1', '本年收入合计', 'copy.xlsx');
    const run = await runCli(['fill', file, '--preview']);
    const line = run.stdout.split('\n').find((l) => l.includes(`表1!${address} `))!;
    expect(line).toContain('← 收入决算表“合计·本年收入合计”');
    expect(line).not.toContain('相差0.01');
  });

  test('a blank 款 row summed from its 项 rows (no other table prints it) says it may differ by 0.01', async () => {
    const { file, address } = await withBlank('表3', '政府办公厅（室）及相关机构事务', 'sum.xlsx');
    const run = await runCli(['fill', file, '--preview']);
    const line = run.stdout.split('\n').find((l) => l.includes(`表3!${address} `));
    expect(line).toContain('← 支出决算表“2010301 行政运行·本年支出合计” + ');
    expect(line).toContain('[T03-2]（由取整后的数相加，可能与导出软件打印的数相差0.01）');
    const json = JSON.parse((await runCli(['fill', file, '--preview', '--json'])).stdout);
    expect(json.items.find((i: { address: string }) => i.address === address)?.roundedSum).toBe(true);
  });

  test('a blank 类 row that T01 prints (its 款 add up to it within rounding) takes the printed figure, exact', async () => {
    const { file, address } = await withBlank('表3', '一般公共服务支出', 'copy-back.xlsx');
    const run = await runCli(['fill', file, '--preview']);
    const line = run.stdout.split('\n').find((l) => l.includes(`表3!${address} `));
    expect(line).toContain('= 1514.53万元  ← 收入支出决算总表“一般公共服务支出” [X05]');
    expect(line).not.toContain('相差0.01');
  });
});
