// `juesuan fill FILE -o OUT [--prior LAST.xlsx] [--formulas] [--preview] [--json]`
// OUT = FILE with, in this order, each step journaled so 撤销 takes it back:
//   1. 填表: the derivable cells of the 附表 (and 上年数 from last year's workbook);
//   2. an empty 补充信息 sheet when there is none;
//   3. the 部门决算情况说明 sheet, written or regenerated;
//   4. highlights and notes on every finding's cells.
// FILE is never written (nor --prior, nor their links: see ./outpath); OUT is replaced whole or not at all. --preview prints what 填表 would fill and writes nothing.
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { checkWorkbook } from '../core/engine';
import { narrate, narrativeLines, settingsForTemplate } from '../core/narrative';
import { findNarrativeGrid, highlightPlan, narrativeSheetPlan, supplementSheetPlan } from '../core/plan';
import type { WritePlan } from '../core/plan';
import { previewLines } from '../core/derive';
import { sortFindings, type Finding } from '../core/finding';
import { isRoundingNote } from '../core/notes';
import type { Grid } from '../core/grid';
import { applyPlan, readJournal, saveWorkbook, worksheetToGrid } from '../hosts/file';
import { loadWorkbookFromFile, readGridsFromFile } from '../hosts/file/node';
import { fillJson, fillTablesInWorkbook, type FillTablesOptions } from './fill-tables';
import { blocksPrinting, countBySeverity, summaryLine } from './format';
import type { CliIo } from './io';
import { UsageError } from './errors';
import { checkOutputPath } from './outpath';
import { writeOutputFile } from './output-file';
import { settingsFromGrids } from './settings';

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
  // fill saves the workbook, so every sheet must be read in full (a partial read cannot be saved).
  const { workbook } = await loadWorkbookFromFile(file, { largeSheet: false });
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
  const remembered = settingsFromGrids(gridsOf(workbook));
  const before = checkWorkbook(gridsOf(workbook), { profile: remembered?.template, settings: remembered });
  const narrative = narrate(before.model, before.supplement, settingsForTemplate(before.template, remembered), before.template);
  apply(
    workbook,
    narrativeSheetPlan(narrativeLines(narrative), findNarrativeGrid(gridsOf(workbook)), readJournal(workbook), { year: narrative.year }),
  );
  // Judge the workbook as it will be printed: with the text just written (placeholders count).
  const { findings } = checkWorkbook(gridsOf(workbook), { profile: before.template.id, settings: remembered });
  const highlights = highlightPlan(toMark(findings, narrative.findings, options.markNotes ?? false));
  apply(workbook, highlights);
  writeOutputFile(output!, await saveWorkbook(workbook));

  const counts = countBySeverity(findings);
  if (options.json) {
    io.out(JSON.stringify({ ...fillJson(file, output, tables.result), check: { counts, findings } }, null, 2) + '\n');
  } else {
    io.out(`文件：${path.basename(file)}\n${previewLines(tables.result).join('\n')}\n\n`);
    io.out(`已写入：${output}${tables.applied ? '' : '（附表没有需要填写的单元格）'}\n`);
    if (createdSupplement) io.out('  · 新建“补充信息”表（请填写上年数、预算数和原因说明后重新运行）\n');
    io.out(`  · “部门决算情况说明”表：${narrativeLines(narrative).length} 段\n`);
    io.out(
      `  · 标记了 ${highlights.ops.filter((op) => op.kind === 'fill').length} 处有问题的单元格（红色：错误，黄色：提示和待补充${options.markNotes ? '，蓝色：取整差额' : ''}），批注中写明原因\n`,
    );
    io.out(`审核结果：${summaryLine(counts)}\n`);
    if (counts.pending > 0)
      io.out(`说明中有 ${counts.pending} 处待补充（【请填写…】），逐项见 juesuan check 的【待补充】或各单元格批注。\n`);
  }
  return fillErrors || blocksPrinting(counts) ? 1 : 0;
}

/**
 * The findings `fill` paints: the check of the workbook as written, plus the narrative's own
 * findings it does not repeat (its NEED list is the check's; its SHARE adjustments are the check's
 * TXT-SHARE). Rounding notes only when asked.
 */
function toMark(checked: Finding[], narrated: Finding[], markNotes: boolean): Finding[] {
  const reported = new Set(checked.map((f) => `${f.rule}|${f.message}`));
  const sharesChecked = checked.some((f) => f.rule === 'TXT-SHARE');
  const extra = narrated.filter((f) => !reported.has(`${f.rule}|${f.message}`) && !(f.rule === 'SHARE' && sharesChecked));
  return sortFindings([...checked, ...extra].filter((f) => markNotes || !isRoundingNote(f)));
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
