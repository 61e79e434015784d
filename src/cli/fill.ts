// `juesuan fill FILE -o OUT [--prior LAST.xlsx] [--formulas] [--preview] [--json]`
// OUT = FILE with, in this order, each step journaled so 撤销 takes it back:
//   1. 填表: the derivable cells of the 附表 (and 上年数 from last year's workbook);
//   2. an empty 补充信息 sheet when there is none;
//   3. the 部门决算情况说明 sheet, written or regenerated;
//   4. highlights and notes on every finding's cells.
// FILE is never written. --preview prints what 填表 would fill and writes nothing.
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { checkWorkbook } from '../core/engine';
import { narrate, narrativeLines } from '../core/narrative';
import { findNarrativeGrid, highlightPlan, narrativeSheetPlan, supplementSheetPlan } from '../core/plan';
import type { WritePlan } from '../core/plan';
import { previewLines } from '../core/derive';
import { sortFindings } from '../core/finding';
import type { Grid } from '../core/grid';
import { applyPlan, readJournal, saveWorkbook, worksheetToGrid } from '../hosts/file';
import { readGridsFromFile } from '../hosts/file/node';
import { fillJson, fillTablesInWorkbook, type FillTablesOptions } from './fill-tables';
import { countBySeverity, summaryLine } from './format';
import type { CliIo } from './io';
import { UsageError } from './errors';
import { settingsFromGrids } from './settings';

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

  const tables = fillTablesInWorkbook(workbook, gridsOf(workbook), {
    formulas: options.formulas,
    preview: options.preview,
    ...(prior && options.prior ? { prior: { grids: prior.grids, file: path.basename(options.prior) } } : {}),
  });
  const fillErrors = tables.result.findings.some((f) => f.severity === 'error');
  if (options.preview) {
    if (options.json) io.out(JSON.stringify(fillJson(file, undefined, tables.result), null, 2) + '\n');
    else io.out(`文件：${path.basename(file)}\n${previewLines(tables.result).join('\n')}\n`);
    return fillErrors ? 1 : 0;
  }

  const createdSupplement = apply(workbook, supplementSheetPlan(gridsOf(workbook)));
  const before = checkWorkbook(gridsOf(workbook));
  const narrative = narrate(before.model, before.supplement, settingsFromGrids(gridsOf(workbook)));
  apply(workbook, narrativeSheetPlan(narrativeLines(narrative), findNarrativeGrid(gridsOf(workbook)), readJournal(workbook), { year: narrative.year }));
  // Judge the workbook as it will be printed: with the text just written (placeholders count).
  const { findings } = checkWorkbook(gridsOf(workbook));
  const highlights = highlightPlan(sortFindings([...findings, ...narrative.findings]));
  apply(workbook, highlights);
  fs.writeFileSync(output!, await saveWorkbook(workbook));

  const counts = countBySeverity(findings);
  if (options.json) {
    io.out(JSON.stringify({ ...fillJson(file, output, tables.result), check: { counts, findings } }, null, 2) + '\n');
  } else {
    io.out(`文件：${path.basename(file)}\n${previewLines(tables.result).join('\n')}\n\n`);
    io.out(`已写入：${output}${tables.applied ? '' : '（附表没有需要填写的单元格）'}\n`);
    if (createdSupplement) io.out('  · 新建“补充信息”表（请填写上年数、预算数和原因说明后重新运行）\n');
    io.out(`  · “部门决算情况说明”表：${narrative.sections.length} 节\n`);
    io.out(`  · 标记了 ${highlights.ops.filter((op) => op.kind === 'fill').length} 处有问题的单元格（红色：错误，黄色：提示，蓝色：说明），批注中写明原因\n`);
    io.out(`审核结果：${summaryLine(counts)}\n`);
    const needs = narrative.findings.filter((f) => f.rule === 'NEED').length;
    if (needs > 0) io.out(`说明中有 ${needs} 处待补充的内容（【请填写…】），见“补充信息”表。\n`);
  }
  return fillErrors || counts.error > 0 ? 1 : 0;
}

function gridsOf(workbook: ExcelJS.Workbook): Grid[] {
  return workbook.worksheets.map((ws) => worksheetToGrid(ws));
}

/** Applies a plan unless it is empty; true when something was written. */
function apply(workbook: ExcelJS.Workbook, plan: WritePlan): boolean {
  if (plan.ops.length === 0) return false;
  applyPlan(workbook, plan);
  return true;
}
