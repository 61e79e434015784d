// `juesuan fill FILE -o OUT`: OUT = FILE plus the 补充信息 sheet (when missing), the narrative
// sheet (written or regenerated) and highlights with notes on every finding's cells. FILE is
// never written.
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../core/engine';
import { narrate, narrativeLines } from '../core/narrative';
import { findNarrativeGrid, highlightPlan, narrativeSheetPlan, supplementSheetPlan } from '../core/plan';
import type { WritePlan } from '../core/plan';
import { sortFindings } from '../core/finding';
import type { Grid } from '../core/grid';
import { applyPlan, loadWorkbook, readJournal, saveWorkbook, worksheetToGrid } from '../hosts/file';
import type ExcelJS from 'exceljs';
import { countBySeverity, summaryLine } from './format';
import type { CliIo } from './io';
import { UsageError } from './errors';

export async function runFill(file: string, output: string | undefined, io: CliIo): Promise<number> {
  if (!output) throw new UsageError('请用 -o 指定输出文件，例如：juesuan fill 决算.xlsx -o 决算-已填写.xlsx（原文件不会被修改）。');
  if (path.resolve(output) === path.resolve(file)) throw new UsageError('输出文件不能与输入文件相同：juesuan 从不改写原文件，请换一个 -o 文件名。');
  const bytes = fs.readFileSync(file);
  const { workbook } = await loadWorkbook(bytes, path.basename(file));

  const createdSupplement = apply(workbook, supplementSheetPlan(gridsOf(workbook)));
  const { model, supplement, findings } = checkWorkbook(gridsOf(workbook));
  const narrative = narrate(model, supplement);
  const grids = gridsOf(workbook);
  apply(workbook, narrativeSheetPlan(narrativeLines(narrative), findNarrativeGrid(grids), readJournal(workbook)));
  const allFindings = sortFindings([...findings, ...narrative.findings]);
  const highlights = highlightPlan(allFindings);
  apply(workbook, highlights);
  const highlighted = highlights.ops.filter((op) => op.kind === 'fill').length;

  fs.writeFileSync(output, await saveWorkbook(workbook));
  io.out(`已写入：${output}\n`);
  if (createdSupplement) io.out('  · 新建“补充信息”表（请填写上年数、预算数和原因说明后重新运行）\n');
  io.out(`  · “部门决算情况说明”表：${narrative.sections.length} 节\n`);
  io.out(`  · 标记了 ${highlighted} 处有问题的单元格（红色：错误，黄色：提示，蓝色：说明），批注中写明原因\n`);
  io.out(`审核结果：${summaryLine(countBySeverity(findings))}\n`);
  const needs = narrative.findings.filter((f) => f.rule === 'NEED').length;
  if (needs > 0) io.out(`说明中有 ${needs} 处待补充的内容（【请填写…】），见“补充信息”表。\n`);
  return countBySeverity(findings).error > 0 ? 1 : 0;
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
