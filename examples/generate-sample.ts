// Writes the bundled example workbooks: `npm run sample`
//   examples/sample.xlsx   the fictional department (sampleDataset)
//   examples/seed000.xlsx  资阳市人大常委会 2023 and examples/seed002.xlsx 安岳县人大常委会办公室 2021:
//                          the figures those published disclosures print (seed-data.ts)
import { writeFileSync } from 'fs';
import { join } from 'path';
import { buildWorkbookBuffer } from './build-workbook';
import type { Dataset } from './dataset';
import { sampleDataset } from './sample-data';
import { seed000Dataset, seed002Dataset } from './seed-data';

const WORKBOOKS: [string, () => Dataset][] = [
  ['sample.xlsx', sampleDataset],
  ['seed000.xlsx', seed000Dataset],
  ['seed002.xlsx', seed002Dataset],
];

async function main(): Promise<void> {
  for (const [name, make] of WORKBOOKS) {
    const out = join(__dirname, name);
    const data = make();
    writeFileSync(out, await buildWorkbookBuffer(data));
    process.stdout.write(`${out}: ${data.unitName} ${data.year}年度部门决算（14张附表 + 补充信息）\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
