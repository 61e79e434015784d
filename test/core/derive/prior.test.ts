// 填表 --prior: the 上年数 of 补充信息 from last year's workbook, read with the same reader.
import { buildWorkbookBuffer } from '../../../examples/build-workbook';
import type { Dataset } from '../../../examples/dataset';
import { sampleDataset } from '../../../examples/sample-data';
import { deriveFill, previewLines } from '../../../src/core/derive';
import { findSupplementGrid, readSupplement } from '../../../src/core/supplement';
import { loadWorkbook, saveWorkbook } from '../../../src/hosts/file';
import { undoLast } from '../../../src/hosts/file/apply';
import { fill, gridsOf } from './helpers';

/** Last year's workbook: the sample's figures, as the 2023 决算. */
function lastYear(): Dataset {
  const data = sampleDataset();
  data.year = 2023;
  data.supplement = data.supplement.map((r) => (r.项目 === '决算年度' ? { ...r, 本年数: '2023' } : r));
  return data;
}

/** This year's workbook with the 上年数 column empty, except a typed 收支总计. */
function thisYear(typedTotal?: string): Dataset {
  const data = sampleDataset();
  data.supplement = data.supplement.map((r) => {
    const { 上年数: _dropped, ...rest } = r;
    return r.项目 === '收支总计' && typedTotal !== undefined ? { ...rest, 上年数: typedTotal } : rest;
  });
  return data;
}

const LAST_YEAR = {
  财政拨款收支总计: '1830.47', // T04 总计
  一般公共预算财政拨款支出: '1795.99', // T06 合计
  '“三公”经费': '31.11', // T10 决算数 合计 (+ T12, empty)
  '因公出国（境）费': '0.00',
  公务用车购置及运行维护费: '27.25',
  公务接待费: '3.86',
  机关运行经费: '186.43', // last year's 补充信息 本年数
};

function priorOf(supplementRows: ReturnType<typeof readSupplement>) {
  return Object.fromEntries(
    Object.entries(supplementRows.rows).flatMap(([label, row]) => (row.上年数 ? [[label, row.上年数.value.toFixed(2)]] : [])),
  );
}

describe('上年数 from last year’s workbook', () => {
  let prior: Awaited<ReturnType<typeof gridsOf>>;
  beforeAll(async () => {
    prior = await gridsOf(await buildWorkbookBuffer(lastYear()));
  });

  test('fills the empty 上年数 and reports the typed one that differs, without overwriting it', async () => {
    const bytes = await buildWorkbookBuffer(thisYear('1958.37'));
    const filled = await fill(bytes, { prior: { grids: prior, file: 'last.xlsx' } });
    const items = filled.result.items.filter((i) => i.rule === 'PY');
    expect(Object.fromEntries(items.map((i) => [i.label.replace(/^补充信息“(.*)”·上年数$/, '$1'), i.written.toFixed(2)]))).toEqual(
      LAST_YEAR,
    );
    const total = items.find((i) => i.label.includes('财政拨款收支总计'));
    expect(total).toMatchObject({
      sheet: '补充信息',
      address: 'D7',
      sourceFile: 'last.xlsx',
      from: '上年财政拨款收入支出决算总表“收入总计”',
    });
    expect(total?.sources).toEqual([{ sheet: '表4', address: 'C38' }]);
    const need = filled.result.findings.find((f) => f.rule === 'NEED' && f.message.includes('收支总计'));
    expect(need).toMatchObject({ severity: 'warning', actual: '1958.37', expected: '1894.06' });
    expect(need?.message).toContain('未改写');
    expect(previewLines(filled.result).some((l) => l.includes('补充信息!D7') && l.includes('1830.47万元') && l.includes('[PY]'))).toBe(
      true,
    );

    const after = readSupplement(findSupplementGrid(await gridsOf(filled.bytes))!);
    expect(priorOf(after)).toEqual({ 收支总计: '1958.37', ...LAST_YEAR });

    // a second fill changes nothing; 撤销 empties the column again
    const again = await fill(filled.bytes, { prior: { grids: prior, file: 'last.xlsx' } });
    expect(again.result.items).toEqual([]);
    const { workbook } = await loadWorkbook(filled.bytes);
    undoLast(workbook);
    const undone = readSupplement(findSupplementGrid(await gridsOf(await saveWorkbook(workbook)))!);
    expect(priorOf(undone)).toEqual({ 收支总计: '1958.37' });
  });

  test('a typed 上年数 equal to last year’s is left alone silently', async () => {
    const bytes = await buildWorkbookBuffer(thisYear('1894.06'));
    const result = deriveFill(await gridsOf(bytes), { prior: { grids: prior } });
    expect(result.items.some((i) => i.label.includes('“收支总计”'))).toBe(false);
    expect(result.findings.filter((f) => f.message.includes('收支总计'))).toEqual([]);
  });

  test('a workbook without 补充信息 gets the sheet, with the 上年数 filled', async () => {
    const bytes = await buildWorkbookBuffer(thisYear(), { supplement: false });
    const filled = await fill(bytes, { prior: { grids: prior } });
    expect(filled.result.supplementSheet?.ops[0]).toEqual({ kind: 'createSheet', sheet: '补充信息' });
    const after = readSupplement(findSupplementGrid(await gridsOf(filled.bytes))!);
    expect(priorOf(after)).toEqual({ 收支总计: '1894.06', ...LAST_YEAR });
    const { workbook } = await loadWorkbook(filled.bytes);
    undoLast(workbook);
    expect(workbook.getWorksheet('补充信息')).toBeUndefined();
  });

  test('last year’s workbook of the wrong year is pointed out', async () => {
    const bytes = await buildWorkbookBuffer(thisYear());
    const result = deriveFill(await gridsOf(bytes), {
      prior: { grids: await gridsOf(await buildWorkbookBuffer(sampleDataset())), file: 'x.xlsx' },
    });
    expect(result.findings.find((f) => f.rule === 'PY')?.message).toContain('决算年度是2024，本年是2024');
  });

  test('an 上年数 juesuan filled is filled again from a corrected prior workbook', async () => {
    const bytes = await buildWorkbookBuffer(thisYear());
    const first = await fill(bytes, { prior: { grids: prior } });
    const corrected = lastYear();
    corrected.supplement = corrected.supplement.map((r) => (r.项目 === '机关运行经费' ? { ...r, 本年数: '190.00' } : r));
    const again = await fill(first.bytes, { prior: { grids: await gridsOf(await buildWorkbookBuffer(corrected)) } });
    expect(again.result.items.map((i) => [i.label, i.written.toFixed(2), i.previous?.toFixed(2)])).toEqual([
      ['补充信息“机关运行经费”·上年数', '190.00', '186.43'],
    ]);
  });
});
