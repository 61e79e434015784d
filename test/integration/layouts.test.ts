// The same department laid out as different exports must give the same findings (foundation issue:
// units, shuffled/renamed sheets, title rows, split codes, merged headers, numeric text, formulas,
// the MoF 9-table set). Real .xlsx files built by examples/build-workbook.ts, read by the file host.
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer, Layout } from '../../examples/build-workbook';
import type { Dataset } from '../../examples/dataset';
import { loadWorkbook } from '../../src/hosts/file';
import { checkWorkbook } from '../../src/core/engine';
import type { Finding } from '../../src/core/finding';

/** The sample plus two real mistakes, so that errors as well as rounding notes are compared. */
function datasetWithMistakes(): Dataset {
  const data = structuredClone(sampleDataset());
  const t06 = data.tables.T06;
  const firstItem = t06.rows.find((r) => r.code.length === 7)!;
  firstItem.values['基本支出'] = addWan(firstItem.values['基本支出'], '0.30'); // T06-1 and hierarchy
  data.tables.T10.决算数['公务接待费'] = addWan(data.tables.T10.决算数['公务接待费'], '1.00'); // T10-1
  return data;
}

function addWan(a: string, b: string): string {
  const Decimal = require('decimal.js');
  return new Decimal(a).add(b).toFixed(2);
}

async function findingsFor(data: Dataset, layout: Partial<Layout>): Promise<Finding[]> {
  const { grids } = await loadWorkbook(await buildWorkbookBuffer(data, layout), 'x.xlsx');
  return checkWorkbook(grids, { profile: layout.profile }).findings;
}

/** What must not depend on the layout: rule, severity and the amounts (cells and names may move). */
const essence = (findings: Finding[]) =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.actual ?? ''} ${f.expected ?? ''} ${f.difference ?? ''}`).sort();

const variations: [string, Partial<Layout>][] = [
  ['百元', { unit: '百元' }],
  ['shuffled sheets', { sheetNames: 'shuffled' }],
  ['renamed sheets', { sheetNames: 'renamed' }],
  ['title on row 3', { titleRow: 3 }],
  ['split 类|款|项 code columns', { splitCodes: true }],
  ['merged multi-level headers', { mergedHeaders: true }],
  ['numeric text', { numericText: true }],
  ['formulas with cached results', { formulas: true }],
  ['三公 interleaved', { t10: 'interleaved' }],
  ['基本支出 in three groups', { t08Groups: 3 }],
  [
    'everything at once',
    {
      sheetNames: 'shuffled',
      titleRow: 2,
      splitCodes: true,
      mergedHeaders: true,
      numericText: true,
      formulas: true,
      t10: 'interleaved',
      t08Groups: 3,
    },
  ],
];

describe('layout variations give identical findings', () => {
  let reference: string[];
  beforeAll(async () => {
    reference = essence(await findingsFor(datasetWithMistakes(), {}));
  });

  test('the reference has errors and rounding notes', () => {
    expect(reference.filter((f) => f.startsWith('error')).length).toBeGreaterThanOrEqual(2);
    expect(reference.filter((f) => f.startsWith('info')).length).toBeGreaterThanOrEqual(2);
    expect(reference.some((f) => f.includes('T10-1'))).toBe(true);
    expect(reference.some((f) => f.includes('T06-1'))).toBe(true);
  });

  test.each(variations)('%s', async (_name, layout) => {
    expect(essence(await findingsFor(datasetWithMistakes(), layout))).toEqual(reference);
  });

  test('元: same findings, but rounding notes become errors (元 figures are not rounded, judged at 0.01元)', async () => {
    const inYuan = essence(await findingsFor(datasetWithMistakes(), { unit: '元' }));
    const promoted = reference.map((f) => f.replace(/^info /, 'error ')).sort();
    expect(inYuan).toEqual(promoted);
  });

  test('MoF 9-table set: the findings of the tables it has, and no missing-table warnings', async () => {
    const mof = await findingsFor(datasetWithMistakes(), { profile: 'mof9' });
    expect(mof.filter((f) => f.rule === 'READ')).toEqual([]);
    const nine = new Set(['T01', 'T02', 'T03', 'T04', 'T06', 'T08', 'T10', 'T11', 'T14']);
    const expected = reference.filter((f) => {
      const rule = f.split(' ')[1];
      return !/^T(05|07|09|12|13)/.test(rule) && !['X09', 'X11', 'X12', 'X13', 'X14', 'X16', 'X17', 'X20', 'X23'].includes(rule);
    });
    const got = essence(mof).filter((f) => !['X09', 'X11', 'X12', 'X13', 'X14', 'X16', 'X17', 'X20', 'X23'].includes(f.split(' ')[1]));
    expect(got).toEqual(expected);
    expect(nine.size).toBe(9);
  });
});
