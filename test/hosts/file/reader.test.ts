// The fast reader (src/hosts/file/reader): the Grids exceljs gives for the sample and seed
// workbooks, and bounded by construction on the hostile workbooks of issue 12 (each built here:
// the sample department workbook with one part rewritten by fflate).
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { sampleDataset } from '../../../examples/sample-data';
import { buildWorkbook } from '../../../examples/build-workbook';
import { checkWorkbook } from '../../../src/core/engine';
import type { Table } from '../../../src/core/model';
import { isUncalculated, parseAddress } from '../../../src/core/grid';
import { loadWorkbook, readGrids } from '../../../src/hosts/file';
import { readGridsFromFile } from '../../../src/hosts/file/node';
import { readZipDirectory } from '../../../src/hosts/file/zip';
import { expectUnreadable } from './helpers';
import { sampleBytes, sampleWithSheet, sheetXml, withParts } from './crafted';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

describe('the fast reader gives the Grids exceljs gives', () => {
  test.each(['sample.xlsx', 'seed000.xlsx', 'seed002.xlsx'])('%s', async (name) => {
    const bytes = await fs.readFile(path.join(EXAMPLES, name));
    const viaExceljs = (await loadWorkbook(bytes, name)).grids;
    const fast = readGrids(bytes, name).grids;
    expect(fast.length).toBeGreaterThan(10);
    expect(fast).toEqual(viaExceljs);
  });

  test('cell kinds: shared, inline and rich strings, numbers, booleans, errors, cached results, dates, merges, state', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 12.5;
    ws.getCell('B2').value = true;
    ws.getCell('C2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('A3').value = { formula: 'A2*2', result: 25 };
    ws.getCell('B3').value = { formula: 'A1', result: '标题' };
    ws.getCell('C3').value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] };
    ws.getCell('A4').value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell('B5').value = 'x';
    wb.addWorksheet('H', { state: 'hidden' }).getCell('A1').value = 1;
    wb.addWorksheet('V', { state: 'veryHidden' }).getCell('A1').value = 2;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fast = readGrids(bytes, 'k.xlsx').grids;
    expect(fast).toEqual((await loadWorkbook(bytes, 'k.xlsx')).grids);
    expect(fast[0].cells[3][0]).toBe('2024-12-31');
    expect(fast.map((g) => g.hidden)).toEqual([undefined, 'hidden', 'veryHidden']);
  });
});

function findingsOf(bytes: Uint8Array) {
  return checkWorkbook(readGrids(bytes, 'x.xlsx').grids).findings;
}

describe('bounded: nothing is expanded from a declared range (issue 12)', () => {
  let sampleFindings: string;
  beforeAll(async () => {
    sampleFindings = JSON.stringify(findingsOf(await sampleBytes()));
  });
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');

  test('a merge over the whole sheet is kept to the cells the sheet holds', async () => {
    const bytes = await sampleWithSheet('M', sheetXml(rows(20), '<mergeCells count="1"><mergeCell ref="B1:XFD1048576"/></mergeCells>'));
    const grid = readGrids(bytes, 'x.xlsx').grids.find((g) => g.sheet === 'M')!;
    expect(grid.merges).toEqual([]);
    const anchored = await sampleWithSheet('M', sheetXml(rows(20), '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    const m = readGrids(anchored, 'x.xlsx').grids.find((g) => g.sheet === 'M')!;
    expect(m.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 0 }]);
    expect(m.cells).toEqual([[0]]); // the cells under the merge are not read (as in Excel)
    expect(JSON.stringify(findingsOf(anchored))).toBe(sampleFindings);
  });

  test('60,000 merges, <col max="200000000">, defined names over whole sheets', async () => {
    const merges = Array.from({ length: 60_000 }, (_, i) => `<mergeCell ref="C${i + 1}:D${i + 1}"/>`).join('');
    const many = await sampleWithSheet('M', sheetXml(rows(5), `<mergeCells count="60000">${merges}</mergeCells>`));
    expect(readGrids(many, 'x.xlsx').grids.find((g) => g.sheet === 'M')!.merges).toHaveLength(0); // C…D lie past the cells
    expect(JSON.stringify(findingsOf(many))).toBe(sampleFindings);
    const cols = await sampleWithSheet('M', sheetXml(rows(5), '', '<cols><col min="1" max="200000000" width="9" customWidth="1"/></cols>'));
    expect(readGrids(cols, 'x.xlsx').grids.find((g) => g.sheet === 'M')!.cells).toHaveLength(5);
    const names = withParts(await sampleBytes(), {
      'xl/workbook.xml': (xml) =>
        xml!
          .replace(/<definedNames\/>|<definedNames>[\s\S]*?<\/definedNames>/, '')
          .replace(
            '</sheets>',
            '</sheets><definedNames><definedName name="全表">表1!$A$1:$XFD$1048576</definedName>' +
              '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">表1!$A$1:$IV$65536</definedName></definedNames>',
          ),
    });
    expect(JSON.stringify(findingsOf(names))).toBe(sampleFindings);
  });

  test('a cell past Excel’s last row is refused, naming the sheet and the row', async () => {
    const bytes = await sampleWithSheet('M', sheetXml(rows(5) + '<row r="99999999"><c r="A99999999"><v>1</v></c></row>'));
    const err = await expectUnreadable(
      Promise.resolve().then(() => readGrids(bytes, 'far.xlsx')),
      'other',
      'far.xlsx',
    );
    expect(err.message).toMatch(/工作表“M”的第 99999999 行超出了 Excel 工作表的范围/);
  });

  test('a lone cell at row 1,048,576 or 3,000 rows reaching XFD: an untitled sheet is read to row 10', async () => {
    const far = await sampleWithSheet('M', sheetXml(rows(5) + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'));
    const a = readGrids(far, 'x.xlsx');
    expect(a.grids.find((g) => g.sheet === 'M')!.cells).toHaveLength(5);
    expect(a.partialSheets).toEqual([{ sheet: 'M', keptRows: 5, rowsSeen: 1_048_576 }]);
    const xfd = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="XFD${i + 1}"><v>1</v></c></row>`,
    ).join('');
    const wide = await sampleWithSheet('M', sheetXml(xfd));
    const b = readGrids(wide, 'x.xlsx');
    expect(b.grids.find((g) => g.sheet === 'M')!.cells).toHaveLength(10);
    expect(JSON.stringify(checkWorkbook(b.grids).findings)).toBe(sampleFindings);
  });

  test('a titled sheet spanning more than the bound is refused with its farthest cell', async () => {
    const xfd = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="XFD${i + 2}"><v>1</v></c></row>`,
    ).join('');
    const bytes = await sampleWithSheet('M', sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>收入决算表</t></is></c></row>${xfd}`));
    const err = await expectUnreadable(
      Promise.resolve().then(() => readGrids(bytes, 'w.xlsx')),
      'too-large',
      'w.xlsx',
    );
    expect(err.message).toMatch(/工作表“M”的内容范围过大（从 A1 到 XFD3001，共 3,001 行 × 16,384 列/);
  });
});

describe('the zip: unknown structure is refused, every part read is prescanned', () => {
  /** An EOCD claiming 65,535 entries, with a zip64 locator pointing at offset 0. */
  function fakeZip64(bytes: Uint8Array): Uint8Array {
    let eocd = bytes.length - 22;
    while (!(bytes[eocd] === 0x50 && bytes[eocd + 1] === 0x4b && bytes[eocd + 2] === 5 && bytes[eocd + 3] === 6)) eocd--;
    const locator = new Uint8Array(20);
    locator.set([0x50, 0x4b, 6, 7]); // signature; disk 0, offset 0 (8 bytes), 1 disk
    locator[16] = 1;
    const out = new Uint8Array(bytes.length + 20);
    out.set(bytes.subarray(0, eocd), 0);
    out.set(locator, eocd);
    out.set(bytes.subarray(eocd), eocd + 20);
    out[eocd + 20 + 8] = 0xff;
    out[eocd + 20 + 9] = 0xff;
    out[eocd + 20 + 10] = 0xff;
    out[eocd + 20 + 11] = 0xff;
    return out;
  }

  test('an EOCD claiming 65,535 entries with a zip64 locator at offset 0 is refused by both readers', async () => {
    const bytes = fakeZip64(await sampleBytes());
    expect(readZipDirectory(bytes).kind).toBe('unknown');
    const a = await expectUnreadable(
      Promise.resolve().then(() => readGrids(bytes, 'z.xlsx')),
      'other',
      'z.xlsx',
    );
    expect(a.message).toMatch(/压缩结构无法识别/);
    await expectUnreadable(loadWorkbook(bytes, 'z.xlsx'), 'other', 'z.xlsx');
  });

  test('a worksheet part named sheet99.xml.bak has its cells counted like any sheet', async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const sample = await sampleBytes();
    const limit = { maxCells: readGrids(sample).grids.reduce((n, g) => n + g.cells.flat().length, 0) + 1000 };
    // exceljs reads any part named like sheetN.xml…: the prescan must count it.
    const bak = withParts(sample, { 'xl/worksheets/sheet99.xml.bak': () => sheetXml(cells) });
    await expectUnreadable(loadWorkbook(bak, 'b.xlsx', limit), 'too-large', 'b.xlsx');
    // The fast reader reads the parts the workbook names: named there, it is counted too.
    const named = withParts(sample, {
      'xl/worksheets/sheet99.xml.bak': () => sheetXml(cells),
      'xl/_rels/workbook.xml.rels': (xml) =>
        xml!.replace(
          '</Relationships>',
          '<Relationship Id="rIdBak" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml.bak"/></Relationships>',
        ),
      'xl/workbook.xml': (xml) => xml!.replace('</sheets>', '<sheet name="备份" sheetId="99" r:id="rIdBak"/></sheets>'),
    });
    await expectUnreadable(
      Promise.resolve().then(() => readGrids(named, 'b.xlsx', limit)),
      'too-large',
      'b.xlsx',
    );
    expect(readGrids(named, 'b.xlsx').grids.find((g) => g.sheet === '备份')!.cells).toHaveLength(3000);
  });

  test('a part whose compression ratio no real sheet has is refused before inflating', async () => {
    const bomb = withParts(await sampleBytes(), { 'xl/media/zeros.bin': () => ' '.repeat(8 * 1024 * 1024) });
    const err = await expectUnreadable(
      Promise.resolve().then(() => readGrids(bomb, 'bomb.xlsx')),
      'other',
      'bomb.xlsx',
    );
    expect(err.message).toMatch(/压缩炸弹/);
  });
});

describe('regular files only', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'juesuan-reader-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a FIFO is refused at once (it would wait for a writer forever)', async () => {
    const fifo = path.join(dir, '决算.xlsx');
    execFileSync('mkfifo', [fifo]);
    const err = await expectUnreadable(readGridsFromFile(fifo), 'other', '决算.xlsx');
    expect(err.message).toMatch(/不是普通文件/);
  });

  test('/dev/zero is refused at once (it never ends)', async () => {
    const err = await expectUnreadable(readGridsFromFile('/dev/zero'), 'other', 'zero');
    expect(err.message).toMatch(/不是普通文件/);
  });
});

describe('what the workbook holds, said as it is (issue 12)', () => {
  test('a formula without a cached result: never 0, a READ error naming sheet and cell, not used', async () => {
    const wb = buildWorkbook(sampleDataset());
    const before = checkWorkbook(readGrids(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)).grids);
    const t1 = before.model.tables.T01 as Table;
    const total = t1.rows.find((r) => r.key === '收:本年收入合计')!;
    const amount = Object.values(total.cells)[0];
    const ws = wb.getWorksheet(amount.cell.sheet)!;
    ws.getCell(amount.cell.address).value = { formula: 'SUM(C6:C12)' } as ExcelJS.CellFormulaValue; // no result
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const grids = readGrids(bytes).grids;
    const grid = grids.find((g) => g.sheet === amount.cell.sheet)!;
    const { row, col } = parseAddress(amount.cell.address);
    expect(isUncalculated(grid.cells[row][col])).toBe(true);
    const { findings } = checkWorkbook(grids);
    const read = findings.filter((f) => f.rule === 'READ' && /从未计算/.test(f.message));
    expect(read).toHaveLength(1);
    expect(read[0].severity).toBe('error');
    expect(read[0].message).toContain(`表“${amount.cell.sheet}”单元格${amount.cell.address}`);
    expect(read[0].message).toMatch(/按 F9/);
    // No identity compares a 0 read from that cell: those that need it are 未核验, never errors.
    const cellKey = `${amount.cell.sheet}!${amount.cell.address}`;
    const onCell = findings.filter((f) => f.rule !== 'READ' && f.cells.some((c) => `${c.sheet}!${c.address}` === cellKey));
    expect(onCell.length).toBeGreaterThan(0);
    for (const f of onCell) expect(f).toMatchObject({ severity: 'warning', unchecked: true });
  });

  test('a very hidden stale copy of a table placed before the visible one: the visible one is checked', async () => {
    const visible = buildWorkbook(sampleDataset());
    const stale = sampleDataset();
    const wb = new ExcelJS.Workbook();
    // The stale copy: the sample's 表1 with every figure changed, very hidden, first in the workbook.
    const copy = buildWorkbook(stale).worksheets[0];
    const hidden = wb.addWorksheet('旧表1', { state: 'veryHidden' });
    copy.eachRow((row, r) =>
      row.eachCell((cell, c) => (hidden.getCell(r, c).value = typeof cell.value === 'number' ? cell.value + 1 : cell.value)),
    );
    for (const ws of visible.worksheets) {
      const out = wb.addWorksheet(ws.name, { state: ws.state });
      ws.eachRow((row, r) => row.eachCell((cell, c) => (out.getCell(r, c).value = cell.value)));
      for (const m of Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges))
        out.mergeCells((ws as unknown as { _merges: Record<string, { range: string }> })._merges[m].range);
    }
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = checkWorkbook(readGrids(bytes).grids);
    expect((result.model.tables.T01 as Table).sheet).toBe('表1');
    const note = result.findings.filter((f) => f.rule === 'READ' && f.message.includes('旧表1'));
    expect(note).toHaveLength(1);
    expect(note[0].message).toMatch(/隐藏的工作表“旧表1”.*只读取可见的表“表1”/);
  });
});
