// Writes examples/sample.xlsx from sampleDataset(): `npm run sample`
// (npx ts-node --transpile-only examples/generate-sample.ts [out.xlsx]).
import { writeFileSync } from 'fs';
import { join } from 'path';
import { buildWorkbookBuffer } from './build-workbook';
import { sampleDataset } from './sample-data';

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(__dirname, 'sample.xlsx');
  const data = sampleDataset();
  writeFileSync(out, await buildWorkbookBuffer(data));
  process.stdout.write(`${out}: ${data.unitName} ${data.year}年度部门决算（14张附表 + 补充信息）\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
