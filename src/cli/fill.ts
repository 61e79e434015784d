// `juesuan fill FILE -o OUT [--prior LAST.xlsx] [--formulas] [--preview] [--mark-notes] [--json]`
// OUT = FILE with, in this order, each step journaled so 撤销 takes it back — the task pane's
// actions, run by the same action runner (src/app/runner) over the same file host:
//   1. 填表 (确认填写): the derivable cells of the 附表 (and 上年数 from last year's workbook);
//   2. 插入补充信息表 when there is none;
//   3. 生成说明: the 部门决算情况说明 sheet, written or regenerated;
//   4. 检查: highlights and notes on every finding's cells (rounding notes only with --mark-notes).
// The file host reads as `check` reads (the fast reader) and saves FILE's own package with only
// juesuan's changes (src/hosts/file/package). FILE is never written (nor --prior, nor their
// links: see ./outpath); OUT is replaced whole or not at all. --preview prints what 填表 would
// fill and writes nothing.
import * as path from 'path';
import { previewLines } from '../core/derive';
import { Runner } from '../app/runner';
import { FileHost } from '../hosts/file/fileHost';
import { readFileBytes, readGridsFromFile } from '../hosts/file/node';
import { fillJson, type FillTablesOptions } from './fill-tables';
import { blocksPrinting, countBySeverity, summaryLine } from './format';
import type { CliIo } from './io';
import { UsageError } from './errors';
import { checkOutputPath } from './outpath';
import { writeOutputFile } from './output-file';

export type FillOptions = FillTablesOptions & {
  /** Also paint the cells of 取整差额 notes (default: only errors, 提示 and 待补充). */
  markNotes?: boolean;
};

export async function runFill(file: string, options: FillOptions, io: CliIo): Promise<number> {
  const { output } = options;
  if (!options.preview && !output) {
    throw new UsageError(
      '请用 -o 指定输出文件，例如：juesuan fill 决算.xlsx -o 决算-已填写.xlsx（原文件不会被修改；只看预览请加 --preview）。',
    );
  }
  if (output) {
    checkOutputPath(output, [
      { role: '输入文件', file },
      ...(options.prior ? [{ role: '上年工作簿（--prior）', file: options.prior }] : []),
    ]);
  }
  // fill saves the workbook, so every sheet is read in full (a partial read cannot be saved).
  const host = await FileHost.open(await readFileBytes(file), file, { largeSheet: false });
  const prior = options.prior ? { file: path.basename(options.prior), grids: (await readGridsFromFile(options.prior)).grids } : null;
  const runner = new Runner(host, { throwErrors: true });
  await runner.start();

  const { result, plan } = (await runner.previewFill(options.formulas ? 'formulas' : 'values', prior)).fill!;
  const fillErrors = result.findings.some((f) => f.severity === 'error');
  if (options.preview) {
    if (options.json) io.out(JSON.stringify(fillJson(file, undefined, result), null, 2) + '\n');
    else io.out(`文件：${path.basename(file)}\n${previewLines(result).join('\n')}\n`);
    return fillErrors ? 1 : 0;
  }

  const filled = plan.ops.length > 0;
  if (filled) await runner.confirmFill({ thenCheck: false });
  const createdSupplement = ((await runner.insertSupplement()).outcome?.sheetsCreated.length ?? 0) > 0;
  const narrated = await runner.narrate();
  // Judge the workbook as it will be printed: with the text just written (placeholders count).
  const checked = await runner.check({ notes: options.markNotes ?? false, narrated: narrated.view?.findings ?? [] });
  writeOutputFile(output!, await host.save());

  const findings = checked.view?.findings ?? [];
  const counts = countBySeverity(findings);
  if (options.json) {
    io.out(JSON.stringify({ ...fillJson(file, output, result), check: { counts, findings } }, null, 2) + '\n');
  } else {
    io.out(`文件：${path.basename(file)}\n${previewLines(result).join('\n')}\n\n`);
    io.out(`已写入：${output}${filled ? '' : '（附表没有需要填写的单元格）'}\n`);
    if (createdSupplement) io.out('  · 新建“补充信息”表（请填写上年数、预算数和原因说明后重新运行）\n');
    io.out(`  · “部门决算情况说明”表：${narrated.narrative?.paragraphs.length ?? 0} 段\n`);
    io.out(
      `  · 标记了 ${checked.outcome?.marked ?? 0} 处有问题的单元格（红色：错误，黄色：提示和待补充${options.markNotes ? '，蓝色：取整差额' : ''}），批注中写明原因\n`,
    );
    io.out(`审核结果：${summaryLine(counts)}\n`);
    if (counts.pending > 0)
      io.out(`说明中有 ${counts.pending} 处待补充（【请填写…】），逐项见 juesuan check 的【待补充】或各单元格批注。\n`);
  }
  return fillErrors || blocksPrinting(counts) ? 1 : 0;
}
