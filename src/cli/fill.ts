// `juesuan fill FILE -o OUT [--prior LAST.xlsx] [--formulas] [--preview] [--json]`
// OUT = FILE with, in this order, each step journaled so 撤销 takes it back — the task pane's
// actions, run by the same action runner (src/app/runner) over the file host:
//   1. 填表 (确认填写): the derivable cells of the 附表 (and 上年数 from last year's workbook);
//   2. 插入补充信息表 when there is none;
//   3. 生成说明: the 部门决算情况说明 sheet, written or regenerated;
//   4. 检查: highlights and notes on every finding's cells.
// FILE is never written. --preview prints what 填表 would fill and writes nothing.
import * as fs from 'fs';
import * as path from 'path';
import { previewLines } from '../core/derive';
import { markedCells } from '../core/engine';
import { highlightPlan } from '../core/plan';
import { Runner } from '../app/runner';
import { countFindings } from '../app/view';
import { FileHost } from '../hosts/file/fileHost';
import { saveWorkbook } from '../hosts/file';
import { readGridsFromFile } from '../hosts/file/node';
import { fillJson, type FillTablesOptions } from './fill-tables';
import { summaryLine } from './format';
import type { CliIo } from './io';
import { UsageError } from './errors';

export type FillOptions = FillTablesOptions;

export async function runFill(file: string, options: FillOptions, io: CliIo): Promise<number> {
  const { output } = options;
  if (!options.preview && !output) {
    throw new UsageError('请用 -o 指定输出文件，例如：juesuan fill 决算.xlsx -o 决算-已填写.xlsx（原文件不会被修改；只看预览请加 --preview）。');
  }
  if (output && path.resolve(output) === path.resolve(file)) {
    throw new UsageError('输出文件不能与输入文件相同：juesuan 从不改写原文件，请换一个 -o 文件名。');
  }
  // fill saves the workbook, so every sheet must be read in full (a partial read cannot be saved).
  const { workbook } = await readGridsFromFile(file, { largeSheet: false });
  const prior = options.prior ? await readGridsFromFile(options.prior) : undefined;
  const runner = new Runner(FileHost.of(workbook, path.basename(file)), { throwErrors: true });
  await runner.start();

  const preview = (await runner.previewFill(options.formulas ? 'formulas' : 'values', prior ? { file: path.basename(options.prior!), grids: prior.grids } : null)).fill!;
  const tables = preview.result;
  const fillErrors = tables.findings.some((f) => f.severity === 'error');
  if (options.preview) {
    if (options.json) io.out(JSON.stringify(fillJson(file, undefined, tables), null, 2) + '\n');
    else io.out(`文件：${path.basename(file)}\n${previewLines(tables).join('\n')}\n`);
    return fillErrors ? 1 : 0;
  }

  const filled = preview.plan.ops.length > 0;
  if (filled) await runner.confirmFill();
  const supplement = await runner.insertSupplement();
  const createdSupplement = supplement.status?.text.startsWith('已插入') === true;
  const narrated = await runner.narrate();
  const paragraphs = narrated.narrative?.paragraphs.length ?? 0;
  const needs = narrated.view?.findings.filter((f) => f.rule === 'NEED').length ?? 0;
  const checked = await runner.check();
  const findings = checked.view?.findings ?? [];
  const marked = markedCells(highlightPlan(findings));
  fs.writeFileSync(output!, await saveWorkbook(workbook));

  const counts = countFindings(findings);
  if (options.json) {
    io.out(JSON.stringify({ ...fillJson(file, output, tables), check: { counts, findings } }, null, 2) + '\n');
  } else {
    io.out(`文件：${path.basename(file)}\n${previewLines(tables).join('\n')}\n\n`);
    io.out(`已写入：${output}${filled ? '' : '（附表没有需要填写的单元格）'}\n`);
    if (createdSupplement) io.out('  · 新建“补充信息”表（请填写上年数、预算数和原因说明后重新运行）\n');
    io.out(`  · “部门决算情况说明”表：${paragraphs} 段\n`);
    io.out(`  · 标记了 ${marked} 个有问题的单元格（红色：错误，黄色：提示，蓝色：说明），批注中写明原因\n`);
    io.out(`审核结果：${summaryLine(counts)}\n`);
    if (needs > 0) io.out(`说明中有 ${needs} 处待补充的内容（【请填写…】），见“补充信息”表。\n`);
  }
  return fillErrors || counts.error > 0 ? 1 : 0;
}
