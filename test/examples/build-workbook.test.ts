// Workbooks written by examples/build-workbook.ts, loaded back with exceljs: every layout option
// writes the same figures, in the places and forms the option promises.
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { TableId } from '../../src/core/model';
import { PROFILES, TABLES, TABLE_IDS } from '../../src/core/tables';
import { buildIndexedWorkbook, buildWorkbookBuffer, formatThousands, splitCode, type Layout } from '../../examples/build-workbook';
import { expectedRows, type Dataset } from '../../examples/dataset';
import { largeDataset, sampleDataset } from '../../examples/sample-data';

const data = sampleDataset();

/** exceljs types its load() argument with an older Buffer type than @types/node 20. */
const asLoadable = (b: Buffer) => b as unknown as Parameters<ExcelJS.Xlsx['load']>[0];

async function roundTrip(d: Dataset, layout: Partial<Layout> = {}) {
  const { workbook, index } = buildIndexedWorkbook(d, layout);
  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(asLoadable(buffer));
  return { wb: loaded, index, buffer };
}

/** A cell's amount as written: number, numeric text "1,234.56", formula result, blank = 0. */
function amountOf(cell: ExcelJS.Cell): Decimal {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return new Decimal(0);
  if (typeof v === 'number') return new Decimal(String(v));
  if (typeof v === 'string') return new Decimal(v.replace(/,/g, ''));
  if (typeof v === 'object' && 'formula' in v) return new Decimal(String(v.result ?? 0));
  throw new Error(`not an amount at ${cell.address}: ${JSON.stringify(v)}`);
}

const cellText = (cell: ExcelJS.Cell): string => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

/** Find a sheet by a title cell in its first rows (never by name). */
function sheetWithTitle(wb: ExcelJS.Workbook, title: string): ExcelJS.Worksheet {
  const found = wb.worksheets.filter((ws) => {
    for (let r = 1; r <= 4; r++) if (cellText(ws.getCell(r, 1)) === title) return true;
    return false;
  });
  if (found.length !== 1) throw new Error(`${found.length} sheets titled ${title}`);
  return found[0];
}

/** Row number of the first row whose cells include all the given texts. */
function rowWith(ws: ExcelJS.Worksheet, ...texts: string[]): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const values: string[] = [];
    ws.getRow(r).eachCell({ includeEmpty: false }, (c) => void values.push(cellText(c)));
    if (texts.every((t) => values.includes(t))) return r;
  }
  throw new Error(`no row with ${texts.join(', ')} in ${ws.name}`);
}

function rowTexts(ws: ExcelJS.Worksheet, r: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) out.push(cellText(ws.getCell(r, c)));
  return out;
}

const FACTOR = { 万元: 1, 百元: 100, 元: 10000 } as const;

/** Every amount of the dataset is at its indexed address, in the layout's unit. */
function expectAllFigures(
  wb: ExcelJS.Workbook,
  index: ReturnType<typeof buildIndexedWorkbook>['index'],
  d: Dataset,
  layout: Partial<Layout>,
) {
  const factor = FACTOR[layout.unit ?? '万元'];
  const expected = expectedRows(d);
  const tables = PROFILES[layout.profile ?? 'sichuan14'].tables;
  let count = 0;
  for (const id of tables) {
    const ws = sheetWithTitle(wb, TABLES[id].title);
    const at = index[id]!;
    expect(ws.name).toBe(at.sheet);
    expect(Object.keys(at.cells).sort()).toEqual(Object.keys(expected[id]).sort());
    for (const [rowKey, cols] of Object.entries(expected[id])) {
      for (const [colKey, value] of Object.entries(cols)) {
        const got = amountOf(ws.getCell(at.cells[rowKey][colKey]));
        if (!got.eq(new Decimal(value).mul(factor)))
          throw new Error(`${id} ${rowKey}.${colKey} at ${at.cells[rowKey][colKey]}: ${got} ≠ ${value}×${factor}`);
        count++;
      }
    }
  }
  return count;
}

describe('default layout', () => {
  let wb: ExcelJS.Workbook;
  let index: ReturnType<typeof buildIndexedWorkbook>['index'];
  beforeAll(async () => ({ wb, index } = await roundTrip(data)));

  it('has the 14 附表 on 表1…表14 and the 补充信息 sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...TABLE_IDS.map((_, i) => `表${i + 1}`), '补充信息']);
    TABLE_IDS.forEach((id, i) => expect(cellText(wb.worksheets[i].getCell('A1'))).toBe(TABLES[id].title));
  });

  it('writes every figure as a number in 万元 with #,##0.00', () => {
    expect(expectAllFigures(wb, index, data, {})).toBeGreaterThan(500);
    const cell = wb.getWorksheet('表6')!.getCell(index.T06!.cells['2010301'].合计);
    expect(cell.value).toBe(1046.78);
    expect(cell.numFmt).toBe('#,##0.00');
  });

  it('writes the title block: merged title, 公开NN表, 部门 and 金额单位', () => {
    const ws = wb.getWorksheet('表3')!;
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A1:H1');
    expect(cellText(ws.getCell('H2'))).toBe('公开03表');
    expect(cellText(ws.getCell('A3'))).toBe('部门：青川市示范局');
    expect(cellText(ws.getCell('G3'))).toBe('金额单位：万元');
  });

  it('writes T06 with a merged two-level header, 栏次, 合计 first and full codes', () => {
    const ws = sheetWithTitle(wb, TABLES.T06.title);
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A4:B4', 'C4:E4', 'A6:B6']));
    expect(rowTexts(ws, 4)).toEqual(['项目', '项目', '本年支出', '本年支出', '本年支出']); // merged: slaves read the master
    expect(rowTexts(ws, 5)).toEqual(['功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出']);
    expect(rowTexts(ws, 6)).toEqual(['栏次', '栏次', '1', '2', '3']);
    expect(rowTexts(ws, 7).slice(0, 2)).toEqual(['', '合计']);
    const r = rowWith(ws, '2010301', '行政运行');
    expect(ws.getCell(r, 1).value).toBe('2010301');
    expect(rowTexts(ws, rowWith(ws, '201')).slice(0, 2)).toEqual(['201', '一般公共服务支出']);
  });

  it('lays T01 out two-sided with 行次 and the summary rows side by side', () => {
    const ws = sheetWithTitle(wb, TABLES.T01.title);
    expect(rowTexts(ws, 5)).toEqual(['项目', '行次', '金额', '项目', '行次', '金额']);
    const first = rowTexts(ws, 7);
    expect(first.slice(0, 2)).toEqual(['一、一般公共预算财政拨款收入', '1']);
    expect(first[3]).toBe('一、一般公共服务支出');
    const total = rowWith(ws, '总计');
    expect(cellText(ws.getCell(total, 1))).toBe('总计');
    expect(cellText(ws.getCell(total, 4))).toBe('总计');
    expect(ws.getCell(total, 3).value).toBe(1894.06);
    expect(ws.getCell(total, 6).value).toBe(1894.06);
    expect(cellText(ws.getCell(rowWith(ws, '本年收入合计'), 4))).toBe('本年支出合计');
  });

  it('writes T08 in three 科目编码|科目名称|决算数 groups with the 合计 rows', () => {
    const ws = sheetWithTitle(wb, TABLES.T08.title);
    expect(rowTexts(ws, 4)).toEqual([...Array(3).fill('人员经费'), ...Array(6).fill('公用经费')]);
    expect(rowTexts(ws, 5)).toEqual(Array(3).fill(['科目编码', '科目名称', '决算数']).flat());
    expect(rowTexts(ws, 6)).toEqual(['301', '工资福利支出', '1192.05', '302', '商品和服务支出', '195.56', '310', '资本性支出', '4.96']);
    const totals = rowWith(ws, '人员经费合计');
    expect(cellText(ws.getCell(totals, 4))).toBe('公用经费合计');
    expect(ws.getCell(totals, 3).value).toBe(1234.88);
    expect(ws.getCell(totals, 9).value).toBe(200.52);
    expect(ws.getCell(rowWith(ws, '基本支出合计'), 9).value).toBe(1435.39);
  });

  it('writes T10 as 预算数 block then 决算数 block over a three-level header', () => {
    const ws = sheetWithTitle(wb, TABLES.T10.title);
    expect(rowTexts(ws, 4)).toEqual([...Array(6).fill('预算数'), ...Array(6).fill('决算数')]);
    expect(rowTexts(ws, 6).slice(0, 6)).toEqual(['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费']);
    expect(rowTexts(ws, 7)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(rowTexts(ws, 8)).toEqual(['36.5', '2', '30', '20', '10', '4.5', '31.11', '0', '27.25', '18.5', '8.75', '3.86']);
  });

  it('prints the notes, and the 空表说明 under the empty tables', () => {
    for (const id of ['T12', 'T13', 'T14'] as const) {
      const ws = sheetWithTitle(wb, TABLES[id].title);
      const texts: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => void texts.push(cellText(c))));
      expect(texts).toContain(data.notes![id]![0]);
      expect(texts.some((t) => t.startsWith('注：'))).toBe(true);
    }
    const t13 = sheetWithTitle(wb, TABLES.T13.title);
    const totalRow = rowWith(t13, '合计');
    expect(
      rowTexts(t13, totalRow)
        .slice(2)
        .every((t) => t === ''),
    ).toBe(true);
  });

  it('writes the 补充信息 sheet: title, header, one row per item', () => {
    const ws = wb.getWorksheet('补充信息')!;
    expect(cellText(ws.getCell('A1'))).toBe('补充信息');
    const header = rowWith(ws, '项目', '科目编码', '本年数', '上年数', '预算数', '原因说明');
    expect(rowTexts(ws, header)).toEqual(['项目', '科目编码', '本年数', '上年数', '预算数', '原因说明']);
    expect(ws.rowCount).toBe(header + data.supplement.length);
    const r = rowWith(ws, '行政运行', '2010301');
    expect(ws.getCell(r, 5).value).toBe(1052.3);
    expect(cellText(ws.getCell(r, 6))).toContain('结转下年度');
    expect(ws.getCell(rowWith(ws, '决算年度'), 3).value).toBe(2024);
    expect(ws.getCell(rowWith(ws, '单位名称'), 3).value).toBe('青川市示范局');
    expect(ws.getCell(index.补充信息!.cells['机关运行经费'].本年数).value).toBe(186.43);
  });
});

describe('layout options write the same figures', () => {
  const variants: Array<Partial<Layout>> = [
    { unit: '元' },
    { unit: '百元' },
    { sheetNames: 'renamed' },
    { sheetNames: 'shuffled' },
    { titleRow: 2 },
    { titleRow: 3 },
    { splitCodes: true },
    { mergedHeaders: false },
    { numericText: true },
    { formulas: true },
    { profile: 'mof9' },
    { t10: 'interleaved' },
    { t08Groups: 2 },
    {
      unit: '元',
      splitCodes: true,
      mergedHeaders: false,
      numericText: true,
      titleRow: 3,
      sheetNames: 'shuffled',
      t10: 'interleaved',
      t08Groups: 2,
    },
    { unit: '百元', formulas: true, profile: 'mof9', titleRow: 2 },
  ];
  it.each(variants.map((v) => [JSON.stringify(v), v] as const))('%s', async (_, layout) => {
    const { wb, index } = await roundTrip(data, layout);
    expect(expectAllFigures(wb, index, data, layout)).toBeGreaterThan(300);
  });
});

describe('each option', () => {
  it('unit 元 holds exactly 10000× and 百元 100× the 万元 value, and says so', async () => {
    for (const [unit, factor] of [
      ['元', 10000],
      ['百元', 100],
    ] as const) {
      expect(new Decimal('1046.78').mul(factor).toNumber()).toBe(unit === '元' ? 10467800 : 104678);
      const { wb, index } = await roundTrip(data, { unit });
      const ws = sheetWithTitle(wb, TABLES.T06.title);
      expect(ws.getCell(index.T06!.cells['2010301'].合计).value).toBe(unit === '元' ? 10467800 : 104678);
      expect(ws.getCell(index.T06!.cells.合计.合计).value).toBe(Number(new Decimal('1795.99').mul(factor).toFixed(2)));
      expect(cellText(ws.getCell('D3'))).toBe(`金额单位：${unit}`);
      const t01 = sheetWithTitle(wb, TABLES.T01.title);
      expect(t01.getCell(index.T01!.cells['收:总计'].金额).value).toBe(Number(new Decimal('1894.06').mul(factor).toFixed(2)));
    }
  });

  it('sheetNames renamed uses the titles, shuffled reorders and renames Sheet1…', async () => {
    const renamed = (await roundTrip(data, { sheetNames: 'renamed' })).wb;
    expect(renamed.worksheets.slice(0, 14).map((w) => w.name)).toEqual(TABLE_IDS.map((id) => TABLES[id].title));
    const shuffled = (await roundTrip(data, { sheetNames: 'shuffled' })).wb;
    const names = shuffled.worksheets.map((w) => w.name);
    expect(names.every((n) => /^Sheet\d+$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(15);
    const titles = shuffled.worksheets.map((w) => cellText(w.getCell('A1')));
    expect(titles).not.toEqual([...TABLE_IDS.map((id) => TABLES[id].title), '补充信息']);
    expect([...titles].sort()).toEqual([...TABLE_IDS.map((id) => TABLES[id].title), '补充信息'].sort());
  });

  it('titleRow puts the title on row 2 or 3 with blank / extra rows above', async () => {
    const two = sheetWithTitle((await roundTrip(data, { titleRow: 2 })).wb, TABLES.T02.title);
    expect(cellText(two.getCell('A1'))).toBe('');
    expect(cellText(two.getCell('A2'))).toBe(TABLES.T02.title);
    expect(cellText(two.getCell('A4'))).toBe('部门：青川市示范局');
    const three = (await roundTrip(data, { titleRow: 3 })).wb;
    const ws = sheetWithTitle(three, TABLES.T02.title);
    expect(cellText(ws.getCell('A1'))).toBe('2024年度部门决算公开表');
    expect(cellText(ws.getCell('A3'))).toBe(TABLES.T02.title);
    expect(cellText(sheetWithTitle(three, '补充信息').getCell('A3'))).toBe('补充信息');
  });

  it('splitCodes writes 类|款|项 in three columns ("201" | "01" | "01") under a merged code header', async () => {
    expect(splitCode('2010301', false)).toEqual(['201', '03', '01']);
    const { wb } = await roundTrip(data, { splitCodes: true });
    const ws = sheetWithTitle(wb, TABLES.T06.title);
    expect(rowTexts(ws, 5).slice(0, 4)).toEqual(['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '科目名称']);
    expect(rowTexts(ws, 6).slice(0, 3)).toEqual(['类', '款', '项']);
    expect(rowTexts(ws, rowWith(ws, '行政运行')).slice(0, 4)).toEqual(['201', '03', '01', '行政运行']);
    expect(rowTexts(ws, rowWith(ws, '住房公积金')).slice(0, 4)).toEqual(['221', '02', '01', '住房公积金']);
    expect(rowTexts(ws, rowWith(ws, '住房改革支出')).slice(0, 4)).toEqual(['221', '02', '', '住房改革支出']);
    const t07 = sheetWithTitle(wb, TABLES.T07.title);
    expect(rowTexts(t07, rowWith(t07, '基本工资')).slice(0, 3)).toEqual(['301', '01', '基本工资']);
  });

  it('mergedHeaders false repeats header text instead of merging', async () => {
    const { wb } = await roundTrip(data, { mergedHeaders: false });
    const ws = sheetWithTitle(wb, TABLES.T06.title);
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges.filter((m) => /^[A-Z]+[4-6]:/.test(m))).toEqual([]);
    expect(rowTexts(ws, 4)).toEqual(['项目', '项目', '本年支出', '本年支出', '本年支出']);
    expect(rowTexts(ws, 5)).toEqual(['功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出']);
    expect(ws.getCell('A5').isMerged).toBe(false);
  });

  it('numericText writes amounts as text like "1,046.78"', async () => {
    expect(formatThousands(new Decimal('1234567.8'))).toBe('1,234,567.80');
    const { wb, index } = await roundTrip(data, { numericText: true });
    const ws = sheetWithTitle(wb, TABLES.T06.title);
    expect(ws.getCell(index.T06!.cells['2010301'].合计).value).toBe('1,046.78');
    expect(ws.getCell(index.T06!.cells.合计.合计).value).toBe('1,795.99');
    const yuan = (await roundTrip(data, { numericText: true, unit: '元' })).wb;
    expect(sheetWithTitle(yuan, TABLES.T06.title).getCell(index.T06!.cells['2010301'].合计).value).toBe('10,467,800.00');
  });

  it('formulas writes totals as SUM formulas whose cached result is the printed value', async () => {
    const { wb, index } = await roundTrip(data, { formulas: true });
    let formulas = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as ExcelJS.CellFormulaValue;
          if (!v || typeof v !== 'object' || !('formula' in v)) return;
          formulas++;
          // evaluate SUM(a,b:c) from the sheet's own cells: the cached result must agree
          const m = /^SUM\((.*)\)$/.exec(v.formula);
          expect(m).not.toBeNull();
          let sum = new Decimal(0);
          for (const part of m![1].split(',')) {
            const [from, to = from] = part.split(':');
            const a = ws.getCell(from);
            const b = ws.getCell(to);
            for (let r = Number(a.row); r <= Number(b.row); r++)
              for (let c = Number(a.col); c <= Number(b.col); c++) sum = sum.add(amountOf(ws.getCell(r, c)));
          }
          expect(sum.toFixed(2)).toBe(new Decimal(String(v.result)).toFixed(2));
        }),
      );
    }
    expect(formulas).toBeGreaterThan(100);
    const t06 = sheetWithTitle(wb, TABLES.T06.title);
    const total = t06.getCell(index.T06!.cells.合计.合计).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^SUM\(/);
    expect(total.result).toBe(1795.99);
    // the two deliberate rounding differences are typed-in values, not formulas
    const t03 = sheetWithTitle(wb, TABLES.T03.title);
    expect(t03.getCell(index.T03!.cells['201'].本年支出合计).value).toBe(1514.53);
    expect(t03.getCell(index.T03!.cells['20103'].本年支出合计).value).toHaveProperty('formula');
    const t08 = sheetWithTitle(wb, TABLES.T08.title);
    expect(t08.getCell(index.T08!.cells.基本支出合计.金额).value).toBe(1435.39);
    expect(t08.getCell(index.T08!.cells.人员经费合计.金额).value).toHaveProperty('formula');
  });

  it('profile mof9 has the nine MoF tables labelled 公开01表…公开09表', async () => {
    const { wb } = await roundTrip(data, { profile: 'mof9', supplement: false });
    expect(wb.worksheets).toHaveLength(9);
    const ids: TableId[] = ['T01', 'T02', 'T03', 'T04', 'T06', 'T08', 'T10', 'T11', 'T14'];
    wb.worksheets.forEach((ws, i) => {
      expect(cellText(ws.getCell('A1'))).toBe(TABLES[ids[i]].title);
      expect(rowTexts(ws, 2).filter(Boolean)).toEqual([`公开${String(i + 1).padStart(2, '0')}表`]);
    });
    expect((await roundTrip(data, { profile: 'mof9' })).wb.worksheets).toHaveLength(10);
  });

  it('t10 interleaved puts 预算数|决算数 pairs under each item', async () => {
    const { wb, index } = await roundTrip(data, { t10: 'interleaved' });
    const ws = sheetWithTitle(wb, TABLES.T10.title);
    expect(rowTexts(ws, 4)).toEqual([
      '合计',
      '合计',
      '因公出国（境）费',
      '因公出国（境）费',
      ...Array(6).fill('公务用车购置及运行费'),
      '公务接待费',
      '公务接待费',
    ]);
    expect(rowTexts(ws, 5).slice(4, 10)).toEqual(['小计', '小计', '公务用车购置费', '公务用车购置费', '公务用车运行费', '公务用车运行费']);
    expect(rowTexts(ws, 6)).toEqual(Array(6).fill(['预算数', '决算数']).flat());
    expect(rowTexts(ws, 8)).toEqual(['36.5', '31.11', '2', '0', '30', '27.25', '20', '18.5', '10', '8.75', '4.5', '3.86']);
    expect(index.T10!.cells.决算数.合计).toBe('B8');
  });

  it('t08Groups 2 puts all 公用经费 in one group', async () => {
    const { wb } = await roundTrip(data, { t08Groups: 2 });
    const ws = sheetWithTitle(wb, TABLES.T08.title);
    expect(rowTexts(ws, 4)).toEqual([...Array(3).fill('人员经费'), ...Array(3).fill('公用经费')]);
    const codes: string[] = [];
    for (let r = 6; r <= ws.rowCount; r++) codes.push(cellText(ws.getCell(r, 4)));
    expect(codes).toContain('302');
    expect(codes).toContain('310');
    expect(cellText(ws.getCell(rowWith(ws, '人员经费合计'), 4))).toBe('公用经费合计');
  });
});

describe('buildWorkbookBuffer', () => {
  it('writes a loadable xlsx for the large benchmark dataset', async () => {
    const big = largeDataset(400);
    const buffer = await buildWorkbookBuffer(big, { formulas: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(asLoadable(buffer));
    expect(wb.worksheets).toHaveLength(15);
    const { index } = buildIndexedWorkbook(big, { formulas: true });
    expect(expectAllFigures(wb, index, big, {})).toBeGreaterThan(5000);
  });
});
