// A workbook in which nothing juesuan checks was recognised must not pass as 可以打印.
// Two cases, told apart by what the file holds:
// - it reads as a 决算 workbook (the word 决算 in a sheet name or in the first rows of a sheet,
//   or a 补充信息 / 部门决算情况说明 sheet) but no 附表 title was found: an error finding (exit 1),
//   saying which titles were looked for;
// - nothing in it is about a 决算 (an unrelated workbook; a workbook whose text was lost, e.g. a
//   missing sharedStrings part): `notJuesuan` is set (the command line exits 2) and the same
//   sentence is an error finding for hosts that show findings.
import type { Finding } from '../finding';
import { type Grid, cellAt, cellText, colCount, rowCount } from '../grid';
import { TABLES, TABLE_IDS } from '../tables';
import { readFinding } from './findings';

/** Rows of each sheet searched for a title (as recognise.ts does). */
const SEARCHED_ROWS = 10;

export interface NothingRecognised {
  finding: Finding;
  /** Set when the file is not a 决算 workbook at all: why, to show instead of findings. */
  notJuesuan?: string;
}

export interface WhatWasFound {
  tables: number;
  /** 绩效自评计分表 / 绩效目标完成情况表 found. */
  scorecards: number;
  /** A 补充信息 or 部门决算情况说明 sheet was found. */
  juesuanSheets: boolean;
}

export function nothingRecognised(grids: Grid[], found: WhatWasFound): NothingRecognised | undefined {
  if (found.tables > 0 || found.scorecards > 0) return undefined;
  const titles = TABLE_IDS.map((id) => TABLES[id].title).join('、');
  const where = `在${grids.length}张工作表的前${SEARCHED_ROWS}行中查找附表表题（${titles}）`;
  if (found.juesuanSheets || grids.some(mentionsJuesuan)) {
    return {
      finding: readFinding(
        'error',
        `未识别到任何附表：${where}，都没有找到，因此没有做任何核对。请确认表题文字没有被改动（可对照财政部门下发的样表）。`,
      ),
    };
  }
  const anyText = grids.some(hasText);
  const why = anyText
    ? `${where}，都没有找到，各表前${SEARCHED_ROWS}行和表名也没有“决算”字样：这不是部门决算公开表，请确认是否选错了文件。`
    : `工作簿中没有任何文字（可能缺少共享字符串部分或文件已损坏），${where}，都没有找到：请用 Excel/WPS 打开后另存为 .xlsx 再试。`;
  return { finding: readFinding('error', `未识别到任何附表：${why}`), notJuesuan: why };
}

function mentionsJuesuan(grid: Grid): boolean {
  if (grid.sheet.includes('决算')) return true;
  const rows = Math.min(rowCount(grid), SEARCHED_ROWS);
  const cols = colCount(grid);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) if (cellText(cellAt(grid, r, c)).includes('决算')) return true;
  }
  return false;
}

function hasText(grid: Grid): boolean {
  return grid.cells.some((row) => row?.some((v) => typeof v === 'string' && v.trim() !== ''));
}
