// 填表 exactness (issue 15): a blank that has a printed figure — a copy in another table, or the
// other side of 收入总计 = 支出总计 — gets that figure, not a sum of rounded ones; a value that can
// only be summed from rounded figures says so; two copies of one figure that disagree once filled
// are named side by side, neither “应为” the other.
import { sampleDataset } from '../../../examples/sample-data';
import type { Dataset } from '../../../examples/dataset';
import { previewLines, ROUNDED_SUM_NOTE } from '../../../src/core/derive';
import { checkWorkbook } from '../../../src/core/engine';
import type { TableId } from '../../../src/core/model';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file';
import { blankedWorkbook, fill, gridsOf, isSummaryCell, type Blanked } from './helpers';

type Edit = { table: TableId; row: string; col: string; value: number };

/** The sample with `pick`'s cells cleared, then `edits` typed over it (a 0 typed, not left blank). */
async function workbook(pick: (id: TableId, row: string, col: string) => boolean, edits: Edit[] = [], data: Dataset = sampleDataset()) {
  const blanked = await blankedWorkbook(data, {}, pick);
  const { workbook } = await loadWorkbook(blanked.bytes);
  for (const e of edits) {
    const sheet = blanked.index[e.table]!;
    workbook.getWorksheet(sheet.sheet)!.getCell(sheet.cells[e.row][e.col]).value = e.value;
  }
  return { blanked, bytes: await saveWorkbook(workbook) };
}

const at = (b: Blanked, table: TableId, row: string, col: string) => ({
  sheet: b.index[table]!.sheet,
  address: b.index[table]!.cells[row][col],
});

/** T01's income rows the sample prints blank, typed as 0 so that T01-1 can sum them at once. */
function t01ZeroIncome(b: Blanked): Edit[] {
  return Object.entries(b.expected.T01)
    .filter(([row, cols]) => row.startsWith('收:') && cols.金额 === '0.00' && !['收:使用非财政拨款结余'].includes(row))
    .map(([row]) => ({ table: 'T01' as TableId, row, col: '金额', value: 0 }));
}

async function tableErrors(bytes: Uint8Array) {
  const { findings } = checkWorkbook(await gridsOf(bytes));
  return findings.filter((f) => f.severity === 'error' && !f.rule.startsWith('TXT-'));
}

describe('填表 takes a printed figure over a sum of rounded ones', () => {
  test('a 类 row of 支出决算表 blank: the figure T01 prints, when its 款 rows add up to it within rounding', async () => {
    // the sample prints 一般公共服务支出 1514.53 in T01 and 表3; its 款 rows add up to 1514.54
    const { blanked, bytes } = await workbook((id, row, col) => id === 'T03' && row === '201' && col === '本年支出合计');
    const filled = await fill(bytes);
    const cell = at(blanked, 'T03', '201', '本年支出合计');
    const item = filled.result.items.find((i) => i.sheet === cell.sheet && i.address === cell.address);
    expect(item).toMatchObject({ rule: 'X05', from: '收入支出决算总表“一般公共服务支出”' });
    expect(item?.written.toFixed(2)).toBe(blanked.expected.T01['支:一般公共服务支出'].金额);
    expect(item?.written.toFixed(2)).toBe('1514.53');
    expect(await tableErrors(filled.bytes)).toEqual([]);
  });

  test('T01 本年收入合计 blank, every T01 income row printed: the copy of 收入决算表’s 合计, not the sum of the rows', async () => {
    // 收入决算表 prints 合计 1872.12 (its columns add up to 1872.11: a rounding note); T01's rows
    // add up to 1872.11 too. The export software's 本年收入合计 is the printed 1872.12.
    const first = await blankedWorkbook(sampleDataset(), {}, () => false);
    const { blanked, bytes } = await workbook(
      (id, row) => id === 'T01' && row === '收:本年收入合计',
      [...t01ZeroIncome(first), { table: 'T02', row: '合计', col: '本年收入合计', value: 1872.12 }],
    );
    const filled = await fill(bytes);
    const cell = at(blanked, 'T01', '收:本年收入合计', '金额');
    const item = filled.result.items.find((i) => i.sheet === cell.sheet && i.address === cell.address);
    expect(item).toMatchObject({ rule: 'X01', from: '收入决算表“合计·本年收入合计”' });
    expect(item?.written.toFixed(2)).toBe('1872.12');
    expect(item?.roundedSum).toBeUndefined();
    expect(filled.result.findings).toEqual([]);
    expect(await tableErrors(filled.bytes)).toEqual([]);
  });

  test('T01 收入总计 blank: 支出总计 as printed (收入总计 = 支出总计), not 本年收入合计 + 年初结转和结余', async () => {
    // Both 总计 print 0.01 above the sums of their rows (within T01-3/T01-4's tolerance).
    const data = sampleDataset();
    const total = (Number(data.tables.T01.income.总计) + 0.01).toFixed(2);
    data.tables.T01.income.总计 = total;
    data.tables.T01.expense.总计 = total;
    // 使用非财政拨款结余 typed 0 (not blank), so that T01-3 can add up 收入总计 at once
    const { blanked, bytes } = await workbook(
      (id, row) => id === 'T01' && row === '收:总计',
      [{ table: 'T01', row: '收:使用非财政拨款结余', col: '金额', value: 0 }],
      data,
    );
    const filled = await fill(bytes);
    const cell = at(blanked, 'T01', '收:总计', '金额');
    const item = filled.result.items.find((i) => i.sheet === cell.sheet && i.address === cell.address);
    expect(item).toMatchObject({ rule: 'T01-5', from: '收入支出决算总表“支出总计”' });
    expect(item?.written.toFixed(2)).toBe(total);
    expect(item?.roundedSum).toBeUndefined();
    expect(await tableErrors(filled.bytes)).toEqual([]);
  });

  test('T04 本年支出合计·合计 blank: the copy 财政拨款支出决算明细表 prints, not the 26 类 rows added up', async () => {
    const { blanked, bytes } = await workbook((id, row, col) => id === 'T04' && row === '支:本年支出合计' && col === '合计');
    const filled = await fill(bytes);
    const cell = at(blanked, 'T04', '支:本年支出合计', '合计');
    const item = filled.result.items.find((i) => i.sheet === cell.sheet && i.address === cell.address);
    expect(item).toMatchObject({ rule: 'X14', from: '财政拨款支出决算明细表“合计·合计”' });
    expect(item?.written.toFixed(2)).toBe(blanked.expected.T05.合计.合计);
    expect(item?.roundedSum).toBeUndefined();
  });
});

describe('填表 preview: what may differ by 0.01 from the export software', () => {
  test('a copy of a value summed from rounded figures carries the note; a copy of a printed figure does not', async () => {
    const { blanked, bytes } = await workbook(isSummaryCell);
    const filled = await fill(bytes);
    const byCell = (table: TableId, row: string, col: string) => {
      const c = at(blanked, table, row, col);
      return filled.result.items.find((i) => i.sheet === c.sheet && i.address === c.address);
    };
    // T02's 合计 is summed from its 类 rows; T01's 本年收入合计 copies it
    expect(byCell('T02', '合计', '本年收入合计')?.roundedSum).toBe(true);
    expect(byCell('T01', '收:本年收入合计', '金额')).toMatchObject({ rule: 'X01', roundedSum: true });
    // T04's 政府性基金 income copies the (single, printed) 合计 of the 基金 table's 类 row
    const fund = byCell('T04', '收:政府性基金预算财政拨款', '金额');
    expect(fund?.roundedSum).toBeUndefined();
    const lines = previewLines(filled.result);
    const line = lines.find((l) => l.includes(`${at(blanked, 'T01', '收:本年收入合计', '金额').address}  收入支出决算总表“本年收入合计”`));
    expect(line).toContain(`[X01]（${ROUNDED_SUM_NOTE}）`);
    expect(ROUNDED_SUM_NOTE).toBe('由取整后的数相加，可能与导出软件打印的数相差0.01');
  });
});

describe('填表 preview: a total of one non-zero figure and zeros is that figure', () => {
  test('T05 合计·公用经费: summed from its non-zero 类 rows (note); with one of them typed 0, a copy (no note, “另有N项为0”)', async () => {
    const pick = (id: TableId, row: string, col: string) => id === 'T05' && row === '合计' && col === '公用经费';
    const two = await workbook(pick);
    const cell = at(two.blanked, 'T05', '合计', '公用经费');
    const itemOf = (f: Awaited<ReturnType<typeof fill>>) =>
      f.result.items.find((i) => i.sheet === cell.sheet && i.address === cell.address);
    const summed = itemOf(await fill(two.bytes));
    // the sample's 公用经费 is 302 商品和服务支出 + 310 资本性支出 (two rounded figures)
    expect(summed).toMatchObject({ rule: 'T05-1', roundedSum: true });
    expect(summed?.from).toBe(
      '财政拨款支出决算明细表“302 商品和服务支出·公用经费” + 财政拨款支出决算明细表“310 资本性支出·公用经费”（另有2项为0）',
    );
    const one = await workbook(pick, [{ table: 'T05', row: '310', col: '公用经费', value: 0 }]);
    const copied = itemOf(await fill(one.bytes));
    expect(copied?.roundedSum).toBeUndefined();
    expect(copied?.from).toBe('财政拨款支出决算明细表“302 商品和服务支出·公用经费”（另有3项为0）');
    expect(copied?.written.toFixed(2)).toBe(two.blanked.expected.T05['302'].公用经费);
  });
});

describe('填表: two copies of one figure that disagree', () => {
  test('a figure T01 prints, 0.99 off what 支出决算表’s 款 rows add up to: both cells named, neither “应为” the other', async () => {
    const data = sampleDataset();
    const printed = (Number(data.tables.T01.expense.一般公共服务支出) + 1).toFixed(2);
    data.tables.T01.expense.一般公共服务支出 = printed;
    const { blanked, bytes } = await workbook((id, row, col) => id === 'T03' && row === '201' && col === '本年支出合计', [], data);
    const filled = await fill(bytes);
    const t01 = at(blanked, 'T01', '支:一般公共服务支出', '金额');
    const t03 = at(blanked, 'T03', '201', '本年支出合计');
    // 表3’s 类 row is the sum of its 款 (the printed figure does not spread into the detail table)
    const item = filled.result.items.find((i) => i.sheet === t03.sheet && i.address === t03.address);
    expect(item).toMatchObject({ rule: 'T03-2' });
    const twin = filled.result.findings.find((f) => f.rule === 'X05');
    expect(twin?.cells).toEqual([t01, t03]);
    expect(twin?.message).toBe(
      `收入支出决算总表“一般公共服务支出”（${t01.sheet}!${t01.address}）已填${printed}万元，` +
        `支出决算表“201 一般公共服务支出·本年支出合计”（${t03.sheet}!${t03.address}）填表得${item?.written.toFixed(2)}万元：` +
        '两处是同一个数（X05），填表后相差0.99万元，请核对两处的来源；已填的数未改写',
    );
    expect(twin?.message).not.toContain('应为');
    expect(twin?.expected).toBeUndefined();
    expect(twin?.difference).toBe('0.99');
  });
});
