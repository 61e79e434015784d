// Limits of the file host: huge untitled sheets are read only up to row 10, workbooks with too
// many cells or parts that inflate past their stated size are refused with a Chinese sentence
// before exceljs builds anything, and ordinary workbooks load exactly as before.
import * as ExcelJS from 'exceljs';
import { sampleDataset } from '../../../examples/sample-data';
import { buildWorkbook } from '../../../examples/build-workbook';
import { checkWorkbook } from '../../../src/core/engine';
import { loadWorkbook, saveWorkbook, partialSheetsOf, DEFAULT_MAX_CELLS } from '../../../src/hosts/file';
import { readZipDirectory } from '../../../src/hosts/file/zip';
import { rewriteZip } from '../../../src/hosts/file/zipwrite';
import { headHoldsContent } from '../../../src/hosts/file/prescan';
import { expectUnreadable } from './helpers';

/** The sample workbook plus one more sheet, named `name`, whose XML is then replaced by `xml`. */
async function withExtraSheet(name: string, xml: string): Promise<Uint8Array> {
  const wb = buildWorkbook(sampleDataset());
  wb.addWorksheet(name).getCell('A1').value = 'x';
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const dir = readZipDirectory(bytes);
  if (dir.kind !== 'ok') throw new Error('zip');
  const entries = dir.entries.filter((e) => !e.name.endsWith('/'));
  const part = `xl/worksheets/sheet${wb.worksheets.length}.xml`;
  return rewriteZip(bytes, entries, new Map([[part, new TextEncoder().encode(xml)]]));
}

interface NoiseOptions {
  rows: number;
  cols?: number;
  /** Cells (inline text) written in the first rows: [row (1-based), text]. */
  head?: Array<[number, string]>;
  /** Shared-string cells in the first rows: [row, index]. */
  sharedHead?: Array<[number, number]>;
}

function noiseXml(o: NoiseOptions): string {
  const cols = o.cols ?? 5;
  const letters = 'ABCDEFGHIJ';
  const parts: string[] = [];
  for (let r = 1; r <= o.rows; r++) {
    let cells = '';
    const text = o.head?.find(([row]) => row === r)?.[1];
    const sst = o.sharedHead?.find(([row]) => row === r)?.[1];
    const ref = (c: number) => ` r="${letters[c]}${r}"`;
    if (text !== undefined) cells += `<c${ref(0)} t="inlineStr"><is><t>${text}</t></is></c>`;
    else if (sst !== undefined) cells += `<c${ref(0)} t="s"><v>${sst}</v></c>`;
    else cells += `<c${ref(0)}><v>${r}</v></c>`;
    for (let c = 1; c < cols; c++) cells += `<c${ref(c)}><v>${(r * c) % 997}</v></c>`;
    parts.push(`<row r="${r}">${cells}</row>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:E${o.rows}"/><sheetData>${parts.join('')}</sheetData>` +
    '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>'
  );
}

let sampleBytes: Uint8Array;
let sampleFindings: string;
beforeAll(async () => {
  sampleBytes = new Uint8Array((await buildWorkbook(sampleDataset()).xlsx.writeBuffer()) as ArrayBuffer);
  sampleFindings = JSON.stringify(checkWorkbook((await loadWorkbook(sampleBytes, 's.xlsx')).grids).findings);
});

describe('a 200,000-row sheet that holds no table', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await withExtraSheet('噪声', noiseXml({ rows: 200_000, head: [[1, '导出数据（请勿修改）']] }));
  });

  test('is read only up to row 10; the check is quick and finds what it finds without the sheet', async () => {
    const t0 = Date.now();
    const { grids, partialSheets, workbook } = await loadWorkbook(bytes, 'big.xlsx');
    const findings = checkWorkbook(grids).findings;
    const ms = Date.now() - t0;
    const noise = grids.find((g) => g.sheet === '噪声')!;
    expect(noise.cells).toHaveLength(10);
    expect(noise.cells[0][0]).toBe('导出数据（请勿修改）');
    expect(partialSheets).toEqual([{ sheet: '噪声', keptRows: 10, rowsSeen: expect.any(Number) }]);
    expect(partialSheets![0].rowsSeen).toBeGreaterThan(5000);
    expect(grids.map((g) => g.sheet).slice(0, 15)).toEqual([...Array.from({ length: 14 }, (_, i) => `表${i + 1}`), '补充信息']);
    expect(JSON.stringify(findings)).toBe(sampleFindings);
    // Loading the whole sheet takes exceljs ~4 s and ~600 MB, and the check far longer.
    expect(ms).toBeLessThan(4000);
    expect(partialSheetsOf(workbook)).toEqual(partialSheets);
  });

  test('such a workbook cannot be saved back (it would lose the rows not read)', async () => {
    const { workbook } = await loadWorkbook(bytes, 'big.xlsx');
    await expect(saveWorkbook(workbook)).rejects.toThrow(/“噪声”.*只读了前 10 行.*不能把这个工作簿写回/);
  });
});

describe('which large sheets are read in full', () => {
  const big = (o: Partial<NoiseOptions>) => noiseXml({ rows: 6000, cols: 2, ...o });

  test('largeSheet: false reads every sheet in full (and the workbook can be saved)', async () => {
    const bytes = await withExtraSheet('噪声', big({}));
    const { grids, partialSheets, workbook } = await loadWorkbook(bytes, 'a.xlsx', { largeSheet: false });
    expect(grids.find((g) => g.sheet === '噪声')!.cells).toHaveLength(6000);
    expect(partialSheets).toBeUndefined();
    await expect(saveWorkbook(workbook)).resolves.toBeInstanceOf(Uint8Array);
  });

  test.each([
    ['a 附表 title', [[2, '2024年度收入决算表']]],
    ['a scorecard title', [[1, '项目支出绩效自评表']]],
    ['the 补充信息 title', [[1, '补充信息']]],
    ['a narrative title', [[1, '第二部分 2024年度部门决算情况说明']]],
    ['a title in row 10', [[10, '部门整体支出绩效自评计分表']]],
  ] as Array<[string, Array<[number, string]>]>)('%s in the first 10 rows: read in full', async (_, head) => {
    const bytes = await withExtraSheet('大表', big({ head }));
    const { grids, partialSheets } = await loadWorkbook(bytes, 'a.xlsx');
    expect(partialSheets).toBeUndefined();
    expect(grids.find((g) => g.sheet === '大表')!.cells).toHaveLength(6000);
  });

  test('a sheet named like the narrative sheet is read in full even without a title', async () => {
    const bytes = await withExtraSheet('部门决算情况说明', big({}));
    const { partialSheets } = await loadWorkbook(bytes, 'a.xlsx');
    expect(partialSheets).toBeUndefined();
  });

  test('a title below row 10 is not looked for (the engine would not see it either)', async () => {
    const bytes = await withExtraSheet('大表', big({ head: [[11, '收入决算表']] }));
    const { grids, partialSheets } = await loadWorkbook(bytes, 'a.xlsx');
    expect(partialSheets?.map((p) => p.sheet)).toEqual(['大表']);
    expect(grids.find((g) => g.sheet === '大表')!.cells).toHaveLength(10);
  });

  test('titles in shared strings are found; other shared strings are not titles', async () => {
    const sst = new TextDecoder().decode(await sharedStringsXml(sampleBytes));
    const items = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    const titleIndex = items.indexOf('补充信息');
    const plainIndex = items.indexOf('项目');
    expect(titleIndex).toBeGreaterThanOrEqual(0);
    expect(plainIndex).toBeGreaterThanOrEqual(0);
    // The extra sheet is built from the same sample, so its sharedStrings.xml lists the same texts first.
    const kept = await loadWorkbook(await withExtraSheet('大表', big({ sharedHead: [[1, titleIndex]] })), 'a.xlsx');
    expect(kept.partialSheets).toBeUndefined();
    const cut = await loadWorkbook(await withExtraSheet('大表', big({ sharedHead: [[1, plainIndex]] })), 'a.xlsx');
    expect(cut.partialSheets?.map((p) => p.sheet)).toEqual(['大表']);
    expect(cut.grids.find((g) => g.sheet === '大表')!.cells[0][0]).toBe('项目');
  });

  test('a wide sheet (cells over the bound, few rows) is cut too', async () => {
    const bytes = await withExtraSheet('宽表', noiseXml({ rows: 30, cols: 10 }));
    const { partialSheets } = await loadWorkbook(bytes, 'a.xlsx', { largeSheet: { rows: 5000, cells: 200 } });
    expect(partialSheets?.map((p) => p.sheet)).toEqual(['宽表']);
  });

  test('headHoldsContent: the engine’s own title finders on the head rows', () => {
    const grid = (cells: ExcelJS.CellValue[][]) => ({ sheet: 's', cells: cells as never, merges: [] });
    expect(headHoldsContent(grid([[null, '收入支出决算总表']]))).toBe(true);
    expect(headHoldsContent(grid([['一级指标', '二级指标', '三级指标', '分值', '得分']]))).toBe(true);
    expect(
      headHoldsContent(
        grid([
          ['姓名', '工号'],
          [1, 2],
        ]),
      ),
    ).toBe(false);
  });
});

describe('refused before loading', () => {
  test('too many cells: a Chinese sentence with the count and the bound', async () => {
    const err = await expectUnreadable(loadWorkbook(sampleBytes, '决算.xlsx', { maxCells: 1000 }), 'too-large', '决算.xlsx');
    expect(err.message).toMatch(/单元格过多（至少 [\d,]+ 个，上限 1,000 个）/);
  });

  test('the default bound stops a titled sheet of 600,000 cells, quickly', async () => {
    expect(DEFAULT_MAX_CELLS).toBe(500_000);
    const titled = await withExtraSheet('大表', noiseXml({ rows: 120_000, cols: 5, head: [[1, '支出决算表附表']] }));
    const t0 = Date.now();
    const err = await expectUnreadable(loadWorkbook(titled, 'huge.xlsx'), 'too-large', 'huge.xlsx');
    expect(err.message).toMatch(/上限 500,000 个/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  test('more XML than exceljs should be given: the size and the bound', async () => {
    const err = await expectUnreadable(loadWorkbook(sampleBytes, '决算.xlsx', { maxLoadedBytes: 10_000 }), 'too-large', '决算.xlsx');
    expect(err.message).toMatch(/解压后过大（需读取约 \d+ KB，上限 10 KB）/);
    // The part of a sheet that is not read does not count.
    const noisy = await withExtraSheet('噪声', noiseXml({ rows: 50_000 }));
    const { partialSheets } = await loadWorkbook(noisy, 'n.xlsx', { maxLoadedBytes: 2 * 1024 * 1024 });
    expect(partialSheets?.map((p) => p.sheet)).toEqual(['噪声']);
  });

  test('a part that inflates past the size the zip directory states (a zip bomb) is refused', async () => {
    const bytes = sampleBytes.slice();
    const dir = readZipDirectory(bytes);
    if (dir.kind !== 'ok') throw new Error('zip');
    const styles = dir.entries.find((e) => e.name === 'xl/styles.xml')!;
    // Claim 100 bytes for a part that inflates to several KB.
    const at = styles.centralOffset + 24;
    bytes[at] = 100;
    bytes[at + 1] = 0;
    bytes[at + 2] = 0;
    bytes[at + 3] = 0;
    const err = await expectUnreadable(loadWorkbook(bytes, 'bomb.xlsx'), 'other', 'bomb.xlsx');
    expect(err.message).toMatch(/大小与实际内容不符/);
  });
});

describe('ordinary workbooks load exactly as before', () => {
  test('the sample: same grids with or without the limits, nothing partial', async () => {
    const withLimits = await loadWorkbook(sampleBytes, 's.xlsx');
    const without = await loadWorkbook(sampleBytes, 's.xlsx', { largeSheet: false, maxCells: Infinity, maxLoadedBytes: Infinity });
    expect(withLimits.grids).toEqual(without.grids);
    expect(withLimits.partialSheets).toBeUndefined();
  });
});

async function sharedStringsXml(bytes: Uint8Array): Promise<Uint8Array> {
  const { entryChunks } = await import('../../../src/hosts/file/unzip');
  const dir = readZipDirectory(bytes);
  if (dir.kind !== 'ok') throw new Error('zip');
  const entry = dir.entries.find((e) => e.name === 'xl/sharedStrings.xml')!;
  const chunks: Uint8Array[] = [];
  for await (const c of entryChunks(bytes, entry)) chunks.push(c.slice());
  return Buffer.concat(chunks);
}
