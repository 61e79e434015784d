import * as ExcelJS from 'exceljs';
import { Grid } from '../../../src/core/grid';
import { loadWorkbook, saveWorkbook, toCellValue } from '../../../src/hosts/file';
import { patchZip, withSheetXml, xlsxBytes } from './helpers';

// A 公开01表-like sheet with every kind of value the reader meets.
function buildMain(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('收入支出决算总表');
  ws.getCell('A1').value = '收入支出决算总表';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '公开01表';
  ws.getCell('F2').value = '单位：万元';
  ws.getCell('A3').value = '收入';
  ws.mergeCells('A3:C3');
  ws.getCell('D3').value = '支出';
  ws.mergeCells('D3:F3');
  ['项目', '行次', '金额', '项目', '行次', '金额'].forEach((t, i) => (ws.getRow(4).getCell(i + 1).value = t));

  ws.getCell('A5').value = '一般公共预算财政拨款收入';
  ws.getCell('B5').value = '1'; // numeric text stays text
  ws.getCell('C5').value = 1234.56;
  ws.getCell('D5').value = { richText: [{ text: '一般公共' }, { text: '服务支出', font: { bold: true } }] };
  ws.getCell('E5').value = '31';
  ws.getCell('F5').value = { formula: 'C5-C6', result: 1000 };
  ws.getCell('G5').value = { formula: 'C5*2', result: 2469.12, shareType: 'shared', ref: 'G5:G7' } as ExcelJS.CellValue;
  ws.getCell('H5').value = { formula: 'SUM(C5:C7)' }; // never calculated: no cached result
  ws.getCell('I5').value = true;
  ws.getCell('J5').value = new Date(Date.UTC(2025, 0, 2, 8, 30));
  ws.getCell('K5').value = '00123';
  ws.getCell('L5').value = { formula: 'DATE(2024,1,1)', result: new Date(Date.UTC(2024, 0, 1)) };
  ws.getCell('L5').numFmt = 'yyyy-mm-dd';

  ws.getCell('A6').value = '其他收入';
  ws.mergeCells('A6:A7');
  ws.getCell('C6').value = 234.56;
  ws.getCell('G6').value = { sharedFormula: 'G5', result: 469.12 };
  ws.getCell('H6').value = { formula: 'C5/0', result: { error: '#DIV/0!' } };
  ws.getCell('I6').value = false;
  ws.getCell('J6').value = { text: '财政部', hyperlink: 'http://www.mof.gov.cn/' };
  ws.getCell('K6').value = '1,234.50';
  ws.getCell('L6').value = { formula: 'C5>0', result: true };

  ws.getCell('C7').value = { formula: 'C5+C6', result: 1469.12 };
  ws.getCell('G7').value = { sharedFormula: 'G5' } as ExcelJS.CellValue; // shared, no cached result
  ws.getCell('H7').value = { error: '#REF!' };
  ws.getCell('I7').value = new Date(Date.UTC(2024, 11, 31));
  ws.getCell('J7').value = { formula: '"合"&"计"', result: '合计' };
  ws.getCell('K7').value = ' 含 空格 ';

  ws.getCell('A9').value = '注：本表反映部门本年度的总收支和年末结转结余情况。';
}

const MAIN_GRID: Grid = {
  sheet: '收入支出决算总表',
  cells: [
    ['收入支出决算总表'],
    ['公开01表', null, null, null, null, '单位：万元'],
    ['收入', null, null, '支出'],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    [
      '一般公共预算财政拨款收入',
      '1',
      1234.56,
      '一般公共服务支出',
      '31',
      1000,
      2469.12,
      null,
      true,
      '2025-01-02T08:30:00',
      '00123',
      '2024-01-01',
    ],
    ['其他收入', null, 234.56, null, null, null, 469.12, { error: '#DIV/0!' }, false, '财政部', '1,234.50', true],
    [null, null, 1469.12, null, null, null, null, { error: '#REF!' }, '2024-12-31', '合计', ' 含 空格 '],
    [],
    ['注：本表反映部门本年度的总收支和年末结转结余情况。'],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 5 },
    { top: 2, left: 0, bottom: 2, right: 2 },
    { top: 2, left: 3, bottom: 2, right: 5 },
    { top: 5, left: 0, bottom: 6, right: 0 },
  ],
};

describe('loadWorkbook: worksheet → Grid', () => {
  test('values, formulas (cached, missing, shared, error), merges, dates, rich text', async () => {
    const bytes = await xlsxBytes((wb) => {
      buildMain(wb);
      wb.addWorksheet('隐藏表', { state: 'hidden' }).getCell('A1').value = 'x';
      wb.addWorksheet('空表');
      wb.addWorksheet('深度隐藏', { state: 'veryHidden' }).getCell('B2').value = 2;
    });
    const { workbook, grids } = await loadWorkbook(bytes, '决算.xlsx');
    expect(workbook).toBeInstanceOf(ExcelJS.Workbook);
    expect(grids).toEqual([
      MAIN_GRID,
      { sheet: '隐藏表', hidden: 'hidden', cells: [['x']], merges: [] },
      { sheet: '空表', cells: [], merges: [] },
      { sheet: '深度隐藏', hidden: 'veryHidden', cells: [[], [null, 2]], merges: [] },
    ]);
  });

  test('XML as Excel/WPS write it: inline and rich strings, shared formulas, t="str"/"b"/"e", bare cells', async () => {
    const base = await xlsxBytes((wb) => {
      wb.addWorksheet('Sheet1').getCell('A1').value = 'placeholder';
    });
    const sheetData =
      '<row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>收入</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>支</t></r><r><rPr><b/></rPr><t>出</t></r></is></c>' +
      '<c r="C1"/>' + // bare cell, no style (exceljs loads it as a merge cell without master)
      '<c r="D1" t="e"><v>#N/A</v></c>' +
      '</row>' +
      '<row r="2">' +
      '<c r="A2"><v>1</v></c>' +
      '<c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c>' +
      '<c r="C2" t="str"><f>"文"&amp;"本"</f><v>文本</v></c>' +
      '<c r="D2" t="b"><f>A2&gt;0</f><v>1</v></c>' +
      '<c r="E2"><f>SUM(A2:A4)</f></c>' +
      '<c r="F2" t="e"><f>#REF!+1</f><v>#REF!</v></c>' +
      '<c r="G2"><f>A2/3</f><v>0.33333333333333331</v></c>' +
      '</row>' +
      '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="4"><c r="A4"><v>3.5</v></c><c r="B4"><f t="shared" si="0"/></c></row>' +
      '<row r="6"><c r="A6" t="str"><v>0123</v></c><c r="B6"><v>1E-3</v></c><c r="C6"><v>-12345678.9</v></c></row>';
    // B6 holds a value although it is inside A6:B6 — a non-anchor cell is null all the same.
    const bytes = await withSheetXml(base, sheetData, '<mergeCells count="1"><mergeCell ref="A6:B6"/></mergeCells>');
    const { grids } = await loadWorkbook(bytes, 'wps.xlsx');
    expect(grids).toEqual([
      {
        sheet: 'Sheet1',
        cells: [
          ['收入', '支出', null, { error: '#N/A' }],
          [1, 2, '文本', true, null, { error: '#REF!' }, 0.3333333333333333],
          [2, 4],
          [3.5],
          [],
          ['0123', null, -12345678.9],
        ],
        merges: [{ top: 5, left: 0, bottom: 5, right: 1 }],
      },
    ]);
  });

  test('sheets come in workbook (tab) order, not sheetId order', async () => {
    const base = await xlsxBytes((wb) => {
      wb.addWorksheet('甲').getCell('A1').value = 1;
      wb.addWorksheet('乙').getCell('A1').value = 2;
      wb.addWorksheet('丙').getCell('A1').value = 3;
    });
    const bytes = await patchZip(base, {
      'xl/workbook.xml': (xml) =>
        xml!.replace(/<sheets>([\s\S]*?)<\/sheets>/, (_m, inner: string) => {
          const sheets = inner.match(/<sheet [^>]*\/>/g)!;
          return `<sheets>${[sheets[2], sheets[0], sheets[1]].join('')}</sheets>`;
        }),
    });
    const { grids } = await loadWorkbook(bytes, 'order.xlsx');
    expect(grids.map((g) => [g.sheet, g.cells[0][0]])).toEqual([
      ['丙', 3],
      ['甲', 1],
      ['乙', 2],
    ]);
  });

  test('1904 date system', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet('S').getCell('A1').value = new Date(Date.UTC(2024, 11, 31));
    });
    const { grids } = await loadWorkbook(bytes, 'mac.xlsx');
    expect(grids[0].cells).toEqual([['2024-12-31']]);
  });

  test('whole-column data validations do not stall loading (skipped unless asked for)', async () => {
    const base = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '单位性质';
      ws.getCell('B2').value = 5;
    });
    const dv = (sqref: string) =>
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${sqref}"><formula1>"行政,事业"</formula1></dataValidation></dataValidations>`;
    const huge = await patchZip(base, {
      'xl/worksheets/sheet1.xml': (xml) => xml!.replace('</sheetData>', `</sheetData>${dv('A1:XFD1048576')}`),
    });
    const t0 = Date.now();
    const { grids } = await loadWorkbook(huge, 'dv.xlsx');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(grids[0].cells).toEqual([['单位性质'], [null, 5]]);

    const small = await patchZip(base, {
      'xl/worksheets/sheet1.xml': (xml) => xml!.replace('</sheetData>', `</sheetData>${dv('C1:C3')}`),
    });
    const kept = await loadWorkbook(small, 'dv.xlsx', { keepDataValidations: true });
    expect(kept.workbook.worksheets[0].getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    const dropped = await loadWorkbook(small, 'dv.xlsx');
    expect(dropped.workbook.worksheets[0].getCell('C2').dataValidation).toBeUndefined();
  });

  test('accepts Buffer, ArrayBuffer and a Uint8Array view at an offset', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('S').getCell('A1').value = 42;
    });
    const expected = [{ sheet: 'S', cells: [[42]], merges: [] }];
    expect((await loadWorkbook(Buffer.from(bytes), 'a.xlsx')).grids).toEqual(expected);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await loadWorkbook(ab, 'a.xlsx')).grids).toEqual(expected);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 7);
    expect((await loadWorkbook(padded.subarray(7), 'a.xlsx')).grids).toEqual(expected);
  });

  test('saveWorkbook round-trips', async () => {
    const bytes = await xlsxBytes(buildMain);
    const first = await loadWorkbook(bytes, 'a.xlsx');
    const saved = await saveWorkbook(first.workbook);
    expect(saved).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(saved)).toBe(false);
    const again = await loadWorkbook(saved, 'a.xlsx');
    expect(again.grids).toEqual([MAIN_GRID]);
  });
});

describe('toCellValue', () => {
  test.each<[string, unknown, unknown]>([
    ['undefined', undefined, null],
    ['NaN', NaN, null],
    ['hyperlink with rich text', { text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }, 'ab'],
    ['array formula', { formula: 'A1:A2*2', result: 4, shareType: 'array', ref: 'B1:B2' }, 4],
    ['formula with error result', { formula: 'x', result: { error: '#NAME?' } }, { error: '#NAME?' }],
    ['formula with null result', { formula: 'x', result: null }, null],
    ['invalid date', new Date(NaN), null],
    ['time of day only', new Date(Date.UTC(1899, 11, 30, 12, 0, 0)), '1899-12-30T12:00:00'],
    ['date with milliseconds', new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 400)), '2024-01-01'],
    ['unknown object', { foo: 1 }, null],
  ])('%s', (_name, input, expected) => {
    expect(toCellValue(input)).toEqual(expected);
  });
});
