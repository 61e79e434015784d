// Crafted workbooks for the hardening tests: the sample department workbook with one part
// rewritten (fflate injects the XML exceljs would never write).
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { sampleDataset } from '../../../examples/sample-data';
import { buildWorkbook } from '../../../examples/build-workbook';

let sample: Uint8Array | undefined;

export async function sampleBytes(): Promise<Uint8Array> {
  sample ??= new Uint8Array((await buildWorkbook(sampleDataset()).xlsx.writeBuffer()) as ArrayBuffer);
  return sample;
}

/** The package with parts replaced (`null` removes one); every part deflated again. */
export function withParts(bytes: Uint8Array, edits: Record<string, (old: string | undefined) => string | null>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const next = edit(files[name] ? strFromU8(files[name]) : undefined);
    if (next === null) delete files[name];
    else files[name] = strToU8(next);
  }
  return zipSync(files, { level: 6 });
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** A worksheet part: `before` goes before <sheetData> (cols), `after` after it (mergeCells). */
export function sheetXml(rows: string, after = '', before = ''): string {
  return `${SHEET_HEAD}${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** The sample plus one more sheet named `name` whose XML is `xml` (the last sheet part). */
export async function sampleWithSheet(name: string, xml: string, state?: 'hidden' | 'veryHidden'): Promise<Uint8Array> {
  const wb = buildWorkbook(sampleDataset());
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'x';
  if (state) ws.state = state;
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return withParts(bytes, { [`xl/worksheets/sheet${wb.worksheets.length}.xml`]: () => xml });
}
