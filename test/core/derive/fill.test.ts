// 填表 on real .xlsx files built with examples/build-workbook: the sample with its summary cells
// cleared is completed to the sample's own figures; typed cells are never overwritten; a second
// fill changes nothing; 撤销 restores the blanks; formulas mode writes live formulas.
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import { largeDataset, sampleDataset } from '../../../examples/sample-data';
import { buildIndexedWorkbook } from '../../../examples/build-workbook';
import { deriveFill, fillPlan, previewLines } from '../../../src/core/derive';
import { RULES } from '../../../src/core/rules';
import { getAmount } from '../../../src/core/model';
import { checkWorkbook } from '../../../src/core/engine';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file';
import { readJournal, undoLast } from '../../../src/hosts/file/apply';
import {
  blankedWorkbook,
  dec,
  differences,
  evaluateFormula,
  fill,
  gridsOf,
  isSummaryCell as isSummary,
  modelOf,
  workbookValue,
  type Blanked,
  type Expected,
} from './helpers';

const sum = (xs: string[]) => xs.reduce((a, b) => a.add(dec(b)), new Decimal(0)).toFixed(2);

/**
 * The sample's figures, except where examples/sample-data.ts prints a deliberate 0.01 rounding
 * difference (ROUNDING DIFFERENCES 1 and 2): there the derived value is the exact sum of the
 * published addends, and so are the cells that copy or add it.
 */
function exactExpected(expected: Expected): { expected: Expected; changed: string[] } {
  const e = structuredClone(expected);
  const t03 = e.T03;
  const kuan = Object.keys(t03).filter((k) => k.length === 5 && k.startsWith('201'));
  const changed: string[] = [];
  const set = (table: string, row: string, col: string, value: string) => {
    if (e[table][row][col] !== value) changed.push(`${table} ${row} ${col}`);
    e[table][row][col] = value;
  };
  for (const col of ['本年支出合计', '基本支出']) {
    set('T03', '201', col, sum(kuan.map((k) => t03[k][col])));
    set(
      'T03',
      '合计',
      col,
      sum(
        Object.keys(t03)
          .filter((k) => k.length === 3)
          .map((k) => t03[k][col]),
      ),
    );
  }
  set('T01', '支:一般公共服务支出', '金额', t03['201'].本年支出合计);
  set('T01', '支:本年支出合计', '金额', t03.合计.本年支出合计);
  const t01 = e.T01;
  set(
    'T01',
    '支:年末结转和结余',
    '金额',
    dec(t01['收:总计'].金额).sub(dec(t01['支:本年支出合计'].金额)).sub(dec(t01['支:结余分配'].金额)).toFixed(2),
  );
  set('T08', '基本支出合计', '金额', sum([e.T08.人员经费合计.金额, e.T08.公用经费合计.金额]));
  return { expected: e, changed };
}

describe('填表: the sample with its summary cells cleared', () => {
  let blanked: Blanked;
  let filled: Awaited<ReturnType<typeof fill>>;

  beforeAll(async () => {
    blanked = await blankedWorkbook(sampleDataset());
    filled = await fill(blanked.bytes);
  });

  test('the blanked workbook really lacks the summary figures', async () => {
    const model = await modelOf(blanked.bytes);
    expect(blanked.cleared.length).toBeGreaterThan(500);
    expect(getAmount(model.tables.T01, '收:总计', '金额')?.blank).toBe(true);
    expect(getAmount(model.tables.T04, '支:本年支出合计', '合计')?.blank).toBe(true);
    expect(differences(model, blanked.index, blanked.expected).length).toBeGreaterThan(300);
  });

  test('is completed to exactly the sample figures — and to the exact sums where the sample rounds', async () => {
    const { expected, changed } = exactExpected(blanked.expected);
    // the sample's documented rounding differences: 0.01 each
    expect(changed.sort()).toEqual(
      [
        'T01 支:一般公共服务支出 金额',
        'T01 支:年末结转和结余 金额',
        'T01 支:本年支出合计 金额',
        'T03 201 基本支出',
        'T03 201 本年支出合计',
        'T03 合计 基本支出',
        'T03 合计 本年支出合计',
        'T08 基本支出合计 金额',
      ].sort(),
    );
    expect(differences(await modelOf(filled.bytes), blanked.index, expected)).toEqual([]);
    // … and every other cell is the sample's own figure
    const sample = differences(await modelOf(filled.bytes), blanked.index, blanked.expected);
    expect(sample.map((d) => d.split(' ').slice(0, 3).join(' ')).sort()).toEqual(changed.sort());
  });

  test('the preview lists each cell with its value, source and rule before anything is written', () => {
    const { items, findings } = filled.result;
    expect(findings).toEqual([]);
    const total = items.find((i) => i.label === '收入支出决算总表“本年收入合计”');
    expect(total).toMatchObject({ sheet: '表1', address: 'C33', rule: 'X01', unit: '万元' });
    expect(total?.written.toFixed(2)).toBe('1872.11');
    expect(total?.from).toBe('收入决算表“合计·本年收入合计”');
    expect(total?.sources).toEqual([{ sheet: '表2', address: 'C7' }]);
    const basic = items.find((i) => i.sheet === '表8' && i.label.includes('基本支出合计'));
    expect(basic?.rule).toBe('T08-4');
    expect(basic?.written.toFixed(2)).toBe('1435.40');
    // T04's 一般公共预算 income: 本年收入合计 − 基金 − 国资 (an addend from its total)
    const general = items.find((i) => i.label === '收入支出决算总表“一般公共预算财政拨款收入”');
    expect(general?.written.toFixed(2)).toBe('1784.27');
    const lines = previewLines(filled.result);
    expect(lines[0]).toMatch(/^将填写 \d+ 个单元格（数值）：$/);
    // a copy of 收入决算表's 合计, itself summed from rounded 类 rows: it may differ by 0.01
    expect(lines).toContain(
      '  表1!C33  收入支出决算总表“本年收入合计” = 1872.11万元  ← 收入决算表“合计·本年收入合计” [X01]（由取整后的数相加，可能与导出软件打印的数相差0.01）',
    );
    // every cleared cell with money is in the list; the list holds nothing else
    const listed = new Set(items.map((i) => `${i.sheet}!${i.address}`));
    const withMoney = blanked.cleared.filter((c) => !dec(blanked.expected[c.table]?.[c.row]?.[c.col]).isZero());
    for (const c of withMoney) {
      const address = blanked.index[c.table]!.cells[c.row][c.col];
      expect(listed.has(`${blanked.index[c.table]!.sheet}!${address}`)).toBe(true);
    }
    expect(items.length).toBe(withMoney.length);
  });

  test('the filled workbook checks with no error', async () => {
    const { findings } = checkWorkbook(await gridsOf(filled.bytes));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('filling twice changes nothing', async () => {
    const again = await fill(filled.bytes);
    expect(again.result.items).toEqual([]);
    expect(again.result.rows).toEqual([]);
    expect(fillPlan(again.result).ops).toEqual([]);
    const { workbook } = await loadWorkbook(again.bytes);
    expect(readJournal(workbook).entries).toHaveLength(1);
  });

  test('撤销 (undoLast) restores the blank cells', async () => {
    const { workbook } = await loadWorkbook(filled.bytes);
    const entry = undoLast(workbook);
    expect(entry?.action).toBe('fill');
    const undone = await gridsOf(await saveWorkbook(workbook));
    const before = await gridsOf(blanked.bytes);
    expect(undone.map((g) => g.sheet)).toEqual(before.map((g) => g.sheet));
    expect(undone).toEqual(before);
  });

  test('a cell juesuan filled is filled again when its sources change; typed cells never are', async () => {
    const { workbook } = await loadWorkbook(filled.bytes);
    const t10 = blanked.index.T10!;
    workbook.getWorksheet(t10.sheet)!.getCell(t10.cells.决算数.公务接待费).value = 4;
    const again = await fill(await saveWorkbook(workbook));
    expect(again.result.items.map((i) => [i.address, i.written.toFixed(2), i.previous?.toFixed(2)])).toEqual([
      [t10.cells.决算数.合计, '31.25', '31.11'],
    ]);
  });
});

describe('填表: typed cells are kept and reported', () => {
  test('a typed summary cell that disagrees with its derivation stays, with a finding naming both values', async () => {
    const data = sampleDataset();
    data.tables.T01.income.本年收入合计 = '1827.11';
    const blanked = await blankedWorkbook(
      data,
      {},
      (id, row, col) => !(id === 'T01' && row === '收:本年收入合计') && isSummary(id, row, col),
    );
    const { result, bytes } = await fill(blanked.bytes);
    const cell = blanked.index.T01!.cells['收:本年收入合计'].金额;
    expect(result.items.some((i) => i.sheet === '表1' && i.address === cell)).toBe(false);
    const x01 = result.findings.find((f) => f.rule === 'X01');
    // two copies of one figure: both named, neither “应为” the other (issue 15)
    expect(x01).toMatchObject({ severity: 'error', actual: '1827.11', difference: '45.00' });
    expect(x01?.expected).toBeUndefined();
    expect(x01?.cells).toEqual([
      { sheet: '表1', address: cell },
      { sheet: '表2', address: blanked.index.T02!.cells['合计'].本年收入合计 },
    ]);
    expect(x01?.message).toContain('已填1827.11万元');
    expect(x01?.message).toContain('收入决算表“合计·本年收入合计”（表2!C7）填表得1872.11万元');
    expect(x01?.message).not.toContain('应为');
    expect(x01?.message).toContain('未改写');
    expect(getAmount((await modelOf(bytes)).tables.T01, '收:本年收入合计', '金额')?.value.toFixed(2)).toBe('1827.11');
  });

  test('T04’s 支出总计 by fund: each column’s 本年支出合计 + 年末财政拨款结转和结余 (T04-6 by column)', async () => {
    // the 总计 row of every column of the 支 side, not only 合计 (before: a NEED for all three)
    const blanked = await blankedWorkbook(
      sampleDataset(),
      {},
      (id, row, col) => isSummary(id, row, col) || (id === 'T04' && row === '支:总计'),
    );
    const { result, bytes } = await fill(blanked.bytes);
    expect(result.findings).toEqual([]);
    const t04 = blanked.expected.T04;
    const cells = blanked.index.T04!.cells['支:总计'];
    for (const col of ['一般公共预算财政拨款', '政府性基金预算财政拨款']) {
      const item = result.items.find((i) => i.sheet === '表4' && i.address === cells[col]);
      expect(item).toMatchObject({ rule: 'T04-6' });
      expect(item?.written.toFixed(2)).toBe(sum([t04['支:本年支出合计'][col], t04['支:年末财政拨款结转和结余'][col]]));
      expect(item?.written.toFixed(2)).toBe(t04['支:总计'][col]);
    }
    expect(result.items.some((i) => i.address === cells['国有资本经营预算财政拨款'])).toBe(false); // 0: stays blank
    const { findings } = checkWorkbook(await gridsOf(bytes));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a typed 0 is not blank: it is kept and reported, not filled', async () => {
    const blanked = await blankedWorkbook(sampleDataset());
    const { workbook } = await loadWorkbook(blanked.bytes);
    const address = blanked.index.T06!.cells['合计'].合计;
    workbook.getWorksheet(blanked.index.T06!.sheet)!.getCell(address).value = 0;
    const { result } = await fill(await saveWorkbook(workbook));
    expect(result.items.some((i) => i.sheet === blanked.index.T06!.sheet && i.address === address)).toBe(false);
    const finding = result.findings.find((f) => f.cells[0]?.address === address && f.cells[0]?.sheet === blanked.index.T06!.sheet);
    expect(finding?.actual).toBe('0.00');
    expect(finding?.message).toContain('填表得1795.99万元');
  });
});

describe('填表: rows the summary tables need', () => {
  /** The sample with the 城乡社区支出 row removed from the 支 side of T01 (and T04): label and amounts cleared. */
  async function withoutRow(replacement: string | null, alsoT04 = false) {
    const data = sampleDataset();
    const { workbook, index } = buildIndexedWorkbook(data);
    const clear = (id: 'T01' | 'T04') => {
      const ws = workbook.getWorksheet(index[id]!.sheet)!;
      const cells = index[id]!.cells['支:城乡社区支出'];
      const row = Number(Object.values(cells)[0].replace(/\D/g, ''));
      ws.getCell(`D${row}`).value = replacement;
      for (const address of Object.values(cells)) ws.getCell(address).value = null;
      return row;
    };
    const row = clear('T01');
    if (alsoT04) clear('T04');
    return { bytes: await saveWorkbook(workbook), row };
  }

  test('a 类 present in the classification tables gets a row in the first unused 支 row', async () => {
    const { bytes, row } = await withoutRow(null);
    const before = await modelOf(bytes);
    expect(before.tables.T01!.rows.some((r) => r.code === '212')).toBe(false);
    const filled = await fill(bytes);
    expect(filled.result.rows).toEqual([
      { table: 'T01', sheet: '表1', row: row - 1, code: '212', label: '城乡社区支出', labelCell: { sheet: '表1', address: `D${row}` } },
    ]);
    expect(filled.result.items.map((i) => [i.address, i.written.toFixed(2), i.rule])).toEqual([[`F${row}`, '28.60', 'X05']]);
    expect(previewLines(filled.result)).toContain(`  新增行 表1!D${row}  “城乡社区支出”（功能分类212类）`);
    const after = await modelOf(filled.bytes);
    expect(getAmount(after.tables.T01, '支:城乡社区支出', '金额')?.value.toFixed(2)).toBe('28.60');
    expect(checkWorkbook(await gridsOf(filled.bytes)).findings.filter((f) => f.severity === 'error')).toEqual([]);
    // undo takes the label back too
    const { workbook } = await loadWorkbook(filled.bytes);
    undoLast(workbook);
    expect(await gridsOf(await saveWorkbook(workbook))).toEqual(await gridsOf(bytes));
  });

  test('T04 gets its row too, with the amount of each fund column', async () => {
    const { bytes, row } = await withoutRow(null, true);
    const filled = await fill(bytes);
    expect(filled.result.rows.map((r) => [r.table, r.labelCell.address, r.label])).toEqual([
      ['T01', `D${row}`, '城乡社区支出'],
      ['T04', `D${row}`, '城乡社区支出'],
    ]);
    expect(filled.result.items.filter((i) => i.sheet === '表4').map((i) => [i.address, i.written.toFixed(2), i.rule])).toEqual([
      [`F${row}`, '28.60', 'T04-4'],
      [`H${row}`, '28.60', 'X15'],
    ]);
    expect(checkWorkbook(await gridsOf(filled.bytes)).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('no unused row: a NEED finding, nothing written for the row', async () => {
    const { bytes } = await withoutRow('（备用）');
    const { result } = await fill(bytes);
    expect(result.rows).toEqual([]);
    const need = result.findings.find((f) => f.rule === 'NEED');
    expect(need?.message).toContain('没有空行可写“城乡社区支出”');
    expect(need?.message).toContain('28.60万元');
  });
});

describe('填表: formulas mode', () => {
  test('writes formulas whose cached results equal the values; the file reloads with them', async () => {
    const blanked = await blankedWorkbook(sampleDataset());
    const values = await fill(blanked.bytes);
    const formulas = await fill(blanked.bytes, { mode: 'formulas' });
    expect(formulas.result.items.map((i) => [i.sheet, i.address, i.written.toFixed(2)])).toEqual(
      values.result.items.map((i) => [i.sheet, i.address, i.written.toFixed(2)]),
    );
    expect(formulas.result.items.every((i) => i.formula)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(formulas.bytes) as unknown as ExcelJS.Buffer);
    for (const item of formulas.result.items) {
      const v = wb.getWorksheet(item.sheet)!.getCell(item.address).value as ExcelJS.CellFormulaValue;
      expect(v.formula).toBe(item.formula);
      expect(v.result).toBe(Number(item.written.toFixed(2)));
    }
    // each formula, evaluated over the filled workbook, gives its cached result
    const valueAt = workbookValue(wb);
    for (const item of formulas.result.items) {
      expect([item.address, evaluateFormula(item.formula!, item.sheet, valueAt).toFixed(2)]).toEqual([
        item.address,
        item.written.toFixed(2),
      ]);
    }
    const total = formulas.result.items.find((i) => i.sheet === '表1' && i.address === 'C33');
    expect(total?.formula).toBe("'表2'!C7");
    const t08 = formulas.result.items.find((i) => i.sheet === '表8' && i.address === 'C6');
    expect(t08?.formula).toBe('SUM(C7:C18)');
    // the same figures as values mode, read back through the cached results
    const valuesModel = await modelOf(values.bytes);
    expect(differences(await modelOf(formulas.bytes), blanked.index, exactFrom(valuesModel, blanked))).toEqual([]);
    // a second formulas fill changes nothing
    expect((await fill(formulas.bytes, { mode: 'formulas' })).result.items).toEqual([]);
  });
});

/** The values a model holds at every cell of the index, as an Expected. */
function exactFrom(model: Awaited<ReturnType<typeof modelOf>>, blanked: Blanked): Expected {
  const out: Expected = {};
  for (const [id, sheet] of Object.entries(blanked.index)) {
    if (id === '补充信息' || !sheet) continue;
    out[id] = {};
    for (const [row, cols] of Object.entries(sheet.cells)) {
      out[id][row] = {};
      for (const col of Object.keys(cols)) {
        out[id][row][col] = getAmount(model.tables[id as keyof typeof model.tables], row, col)?.value.toFixed(2) ?? '0.00';
      }
    }
  }
  return out;
}

describe('填表: other workbooks', () => {
  test('a large department with no rounding difference is completed exactly', async () => {
    const blanked = await blankedWorkbook(largeDataset(60));
    const filled = await fill(blanked.bytes);
    expect(filled.result.findings).toEqual([]);
    expect(differences(await modelOf(filled.bytes), blanked.index, blanked.expected)).toEqual([]);
  });

  test('tables in 元 are filled in 元', async () => {
    const blanked = await blankedWorkbook(sampleDataset(), { unit: '元' });
    const filled = await fill(blanked.bytes);
    const total = filled.result.items.find((i) => i.sheet === '表1' && i.address === 'C33');
    expect(total?.unit).toBe('元');
    expect(total?.written.toFixed(2)).toBe('18721100.00');
    const { expected } = exactExpected(blanked.expected);
    expect(differences(await modelOf(filled.bytes), blanked.index, expected)).toEqual([]);
  });

  test('T01 in 万元 over detail tables in 元: formulas scale and round', async () => {
    const blanked = await blankedWorkbook(sampleDataset(), { unit: '元' });
    const { workbook } = await loadWorkbook(blanked.bytes);
    const t01 = workbook.getWorksheet(blanked.index.T01!.sheet)!;
    t01.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '金额单位：元') cell.value = '金额单位：万元';
      }),
    );
    t01.getCell(blanked.index.T01!.cells['收:年初结转和结余'].金额).value = 21.95;
    const filled = await fill(await saveWorkbook(workbook), { mode: 'formulas' });
    const c33 = filled.result.items.find((i) => i.sheet === t01.name && i.address === 'C33');
    expect(c33).toMatchObject({ unit: '万元', formula: "ROUND('表2'!C7/10000,2)" });
    expect(c33?.written.toFixed(2)).toBe('1872.11');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(filled.bytes) as unknown as ExcelJS.Buffer);
    const valueAt = workbookValue(wb);
    for (const item of filled.result.items) {
      expect([item.sheet, item.address, evaluateFormula(item.formula!, item.sheet, valueAt).toFixed(2)]).toEqual([
        item.sheet,
        item.address,
        item.written.toFixed(2),
      ]);
    }
    const { expected } = exactExpected(blanked.expected);
    expect(differences(await modelOf(filled.bytes), blanked.index, expected)).toEqual([]);
  });

  test('split codes, numbers as text, shuffled sheets: the same figures', async () => {
    const blanked = await blankedWorkbook(sampleDataset(), {
      splitCodes: true,
      numericText: true,
      sheetNames: 'shuffled',
      mergedHeaders: false,
    });
    const filled = await fill(blanked.bytes);
    const { expected } = exactExpected(blanked.expected);
    expect(differences(await modelOf(filled.bytes), blanked.index, expected)).toEqual([]);
  });

  test('T14 and the 国有资本经营 columns of T04 from T13', async () => {
    const data = sampleDataset();
    const t13 = (values: string[]) =>
      Object.fromEntries(
        ['年初结转和结余', '本年收入', '本年支出', '基本支出', '项目支出', '年末结转和结余'].map((k, i) => [k, values[i]]),
      );
    const money = t13(['0.00', '10.00', '8.00', '0.00', '8.00', '2.00']);
    data.tables.T13 = {
      total: money,
      rows: [
        ['223', '国有资本经营预算支出'],
        ['22301', '解决历史遗留问题及改革成本支出'],
        ['2230101', '厂办大集体改革支出'],
      ].map(([code, name]) => ({ code, name, values: { ...money } })),
    };
    const zero = { 合计: '0.00', 基本支出: '0.00', 项目支出: '0.00' };
    data.tables.T14 = { total: { ...zero }, rows: data.tables.T13.rows.map((r) => ({ code: r.code, name: r.name, values: { ...zero } })) };
    const blanked = await blankedWorkbook(data, {}, (id, row, col) => isSummary(id, row, col) && id !== 'T13');
    const { result } = await fill(blanked.bytes);
    const t14 = blanked.index.T14!;
    expect(result.items.filter((i) => i.sheet === t14.sheet).map((i) => [i.address, i.written.toFixed(2), i.rule])).toEqual([
      [t14.cells.合计.合计, '8.00', 'X17'],
      [t14.cells.合计.项目支出, '8.00', 'X17'],
      [t14.cells['223'].合计, '8.00', 'X17'],
      [t14.cells['223'].项目支出, '8.00', 'X17'],
      [t14.cells['22301'].合计, '8.00', 'X17'],
      [t14.cells['22301'].项目支出, '8.00', 'X17'],
      [t14.cells['2230101'].合计, '8.00', 'X17'],
      [t14.cells['2230101'].项目支出, '8.00', 'X17'],
    ]);
    const t04 = blanked.index.T04!.cells;
    const at = (address: string) =>
      result.items.find((i) => i.sheet === blanked.index.T04!.sheet && i.address === address)?.written.toFixed(2);
    expect(at(t04['收:国有资本经营预算财政拨款'].金额)).toBe('10.00');
    expect(at(t04['支:国有资本经营预算支出']['国有资本经营预算财政拨款'])).toBe('8.00');
    expect(at(t04['支:年末财政拨款结转和结余']['国有资本经营预算财政拨款'])).toBe('2.00');
  });

  test('derivation reads the checks’ own declarations', async () => {
    const blanked = await blankedWorkbook(sampleDataset());
    const grids = await gridsOf(blanked.bytes);
    // without the T08 declarations nothing of T08's totals is derived
    const withoutT08 = deriveFill(grids, { rules: RULES.filter((r) => !r.id.startsWith('T08')) });
    expect(withoutT08.items.some((i) => i.sheet === '表8' && i.label.includes('合计'))).toBe(false);
    expect(deriveFill(grids).items.some((i) => i.sheet === '表8' && i.label.includes('合计'))).toBe(true);
  });

  test('a workbook with nothing to derive gives an empty plan', async () => {
    const { workbook } = buildIndexedWorkbook(sampleDataset());
    const bytes = await saveWorkbook(workbook);
    const { result } = await fill(bytes);
    expect(result.items).toEqual([]);
    expect(previewLines(result)[0]).toBe('没有需要填写的单元格：可推算的单元格都已填好。');
    expect(fillPlan(result).ops).toEqual([]);
  });
});
