// The rounding tolerance of domain.md §3.6 judged on real .xlsx files: tol(n) = ⌊(n+1)/2⌋ × 0.01万元.
import { sampleDataset } from '../../examples/sample-data';
import { buildWorkbookBuffer, Layout } from '../../examples/build-workbook';
import type { Dataset } from '../../examples/dataset';
import { loadWorkbook } from '../../src/hosts/file';
import { checkWorkbook } from '../../src/core/engine';
import type { Finding } from '../../src/core/finding';

async function findings(edit: (d: Dataset) => void, layout: Partial<Layout> = {}): Promise<Finding[]> {
  const data = sampleDataset();
  edit(data);
  const { grids } = await loadWorkbook(await buildWorkbookBuffer(data, layout), 'x.xlsx');
  return checkWorkbook(grids).findings;
}

const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('rounding tolerance on a real workbook', () => {
  // T01-1: 本年收入合计 1872.11 = 1784.27 + 31.00 + 56.84 (three non-zero addends → tol 0.02)
  test('diff = tol(3) = 0.02 → info that explains the 取整误差', async () => {
    const t011 = only(
      await findings((d) => {
        d.tables.T01.income['本年收入合计'] = '1872.13';
      }),
      'T01-1',
    );
    expect(t011).toHaveLength(1);
    expect(t011[0]).toMatchObject({ severity: 'info', actual: '1872.13', expected: '1872.11', difference: '0.02', tolerance: '0.02' });
    expect(t011[0].message).toContain('取整误差');
    expect(t011[0].cells.length).toBe(9); // the total and all eight income rows, zero ones included
  });

  test('diff = tol + 0.01 = 0.03 → error', async () => {
    const t011 = only(
      await findings((d) => {
        d.tables.T01.income['本年收入合计'] = '1872.14';
      }),
      'T01-1',
    );
    expect(t011).toHaveLength(1);
    expect(t011[0]).toMatchObject({ severity: 'error', difference: '0.03', tolerance: '0.02' });
    expect(t011[0].message).toMatch(/1872\.14万元.*1872\.11万元.*相差0\.03万元/);
  });

  // T01-3: 总计 1894.06 = 本年收入合计 1872.11 + 年初结转和结余 21.95 (two addends → tol 0.01)
  test('two addends off by 0.01 → info', async () => {
    const t013 = only(
      await findings((d) => {
        d.tables.T01.income['年初结转和结余'] = '21.96';
      }),
      'T01-3',
    );
    expect(t013).toHaveLength(1);
    expect(t013[0]).toMatchObject({ severity: 'info', difference: '0.01', tolerance: '0.01' });
  });

  test('two copies of one number have no tolerance: X01 at 0.01 → error', async () => {
    const x01 = only(
      await findings((d) => {
        d.tables.T01.income['本年收入合计'] = '1872.12';
      }),
      'X01',
    );
    expect(x01).toHaveLength(1);
    expect(x01[0]).toMatchObject({ severity: 'error', difference: '0.01', tolerance: '0.00' });
  });

  test('a workbook in 元 is judged at 0.01元: the same 0.01万元 is an error there', async () => {
    const t013 = only(
      await findings(
        (d) => {
          d.tables.T01.income['年初结转和结余'] = '21.96';
        },
        { unit: '元' },
      ),
      'T01-3',
    );
    expect(t013).toHaveLength(1);
    expect(t013[0]).toMatchObject({ severity: 'error', difference: '0.01', tolerance: '0.00' });
  });
});
