// `juesuan doc FILE -o 决算公开.docx`: the whole disclosure as a Word document (封面, 目录, 部门概况,
// 情况说明 with charts, 名词解释, 附件, 附表). FILE is only read.
import * as fs from 'fs';
import * as path from 'path';
import { readGridsFromFile } from '../hosts/file/node';
import { disclosureDocx } from '../document/node';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { settingsFromGrids } from './settings';

export async function runDoc(file: string, output: string | undefined, io: CliIo): Promise<number> {
  if (!output) throw new UsageError('请用 -o 指定输出的 Word 文件，例如：juesuan doc 决算.xlsx -o 决算公开.docx');
  if (!/\.docx$/i.test(output)) throw new UsageError(`输出文件“${output}”应以 .docx 结尾。`);
  const { grids } = await readGridsFromFile(file);
  const { bytes, built, warnings } = await disclosureDocx(grids, { settings: settingsFromGrids(grids) });
  fs.writeFileSync(output, bytes);
  const drawn = built.charts.filter((c) => c.ok).length;
  io.out(
    `已生成 ${path.basename(output)}：${built.doc.unit} ${built.doc.year}年度部门决算，` +
      `情况说明${built.narrativeSource === 'sheet' ? '取自工作簿' : '按附表生成'}，图表 ${drawn} 个，附表 ${built.doc.parts.find((p) => p.id === 'tables')?.blocks.length ?? 0} 张。\n`,
  );
  for (const w of warnings) io.err(`提示：${w}\n`);
  if (built.doc.missing.length > 0) {
    io.out(`\n还需填写或补充（${built.doc.missing.length} 处）：\n`);
    for (const m of built.doc.missing) io.out(`  ${m}\n`);
  }
  io.out('打开后如目录为空，请在目录处右键“更新域”。\n');
  return 0;
}
