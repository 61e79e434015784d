// Browser stand-in for Microsoft's office.js, for the Excel task pane e2e test: the test routes
// the CDN address of office.js to this bundle, so taskpane.html runs its real code (the Excel
// host over Excel.run) against the fake Excel object model of test/hosts/excel/fakeExcel.ts,
// holding a workbook fetched from the local test server. `?api=1.7` limits the requirement sets.
import { fakeFromXlsx, fakeRuntime } from '../hosts/excel/fakeExcel';
import type { FakeWorkbook } from '../hosts/excel/fakeExcel';

declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const params = new URLSearchParams(window.location.search);
const api = params.get('api') ?? '1.20';
const file = params.get('file') ?? '/__fixtures/sample.xlsx';

const ready: Promise<FakeWorkbook> = fetch(file)
  .then((r) => r.arrayBuffer())
  .then((bytes) => fakeFromXlsx(new Uint8Array(bytes) as unknown as Buffer));

const versionAtMost = (v: string, max: string) => {
  const [a, b] = v.split('.').map(Number);
  const [c, d] = max.split('.').map(Number);
  return a < c || (a === c && b <= d);
};

window.Office = {
  HostType: { Excel: 'Excel' },
  context: { requirements: { isSetSupported: (name: string, v: string) => name === 'ExcelApi' && versionAtMost(v, api) } },
  onReady: async () => {
    const wb = await ready;
    window.__fake = wb;
    const rt = fakeRuntime(wb, api);
    window.Excel = {
      run: (a: unknown, b?: unknown) => (typeof a === 'function' ? rt.run(a as never) : rt.run(b as never, a as never)),
    };
    return { host: 'Excel', platform: 'PC' };
  },
};
