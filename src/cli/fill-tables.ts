// The 填表 step of `juesuan fill` (see fill.ts): fill the derivable cells of the 附表 (and 上年数
// from last year's workbook) through the journal, so 撤销 takes it back.
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { deriveFill, fillPlan, type DeriveResult } from '../core/derive';
import { wan2 } from '../core/money';
import { parseAddress, type Grid } from '../core/grid';
import { applyPlan, readJournal } from '../hosts/file/apply';

export interface FillTablesOptions {
  /** Where the filled workbook goes (required unless `preview`). */
  output?: string;
  /** Last year's workbook: fills 上年数 of 补充信息. */
  prior?: string;
  /** Live formulas referencing the source cells instead of values. */
  formulas?: boolean;
  /** Only print what would be filled; write nothing. */
  preview?: boolean;
  /** Print one JSON object instead of the Chinese list. */
  json?: boolean;
}

/** The fill-tables flags of an argument list (after the command): FILE, -o OUT, --prior, --formulas, --preview, --json. */
export function parseFillTablesArgs(argv: string[]): FillTablesOptions & { file?: string } {
  const out: FillTablesOptions & { file?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') out.output = argv[++i];
    else if (a === '--prior') out.prior = argv[++i];
    else if (a === '--formulas') out.formulas = true;
    else if (a === '--preview') out.preview = true;
    else if (a === '--json') out.json = true;
    else if (out.file === undefined) out.file = a;
  }
  return out;
}

/** The formula of a cell of an exceljs workbook, if it holds one. */
export function formulaLookup(workbook: ExcelJS.Workbook): (sheet: string, address: string) => string | undefined {
  return (sheet, address) => {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) return undefined;
    const { row, col } = parseAddress(address);
    const cell = ws.findCell(row + 1, col + 1);
    if (!cell || cell.type !== ExcelJS.ValueType.Formula) return undefined;
    return cell.formula ?? undefined;
  };
}

export function fillJson(file: string, output: string | undefined, result: DeriveResult) {
  return {
    file: path.basename(file),
    ...(output ? { output: path.basename(output) } : {}),
    mode: result.mode,
    items: result.items.map((i) => ({
      sheet: i.sheet,
      address: i.address,
      label: i.label,
      value: wan2(i.value),
      written: i.written.toFixed(2),
      unit: i.unit,
      ...(i.formula ? { formula: i.formula } : {}),
      rule: i.rule,
      from: i.from,
      ...(i.roundedSum ? { roundedSum: true } : {}),
      sources: i.sources,
      ...(i.sourceFile ? { sourceFile: i.sourceFile } : {}),
      ...(i.previous !== undefined ? { previous: wan2(i.previous) } : {}),
    })),
    rows: result.rows.map((r) => ({ table: r.table, sheet: r.sheet, address: r.labelCell.address, code: r.code, label: r.label })),
    findings: result.findings,
  };
}

/**
 * 填表 on a loaded workbook, no I/O: derive from `grids` (the workbook's, as loaded), then — unless
 * `preview` — apply the plan (journaled as one 'fill' action). For a command that also writes
 * the narrative into the same OUT: call this first, then build the narrative from fresh grids.
 */
export function fillTablesInWorkbook(
  workbook: ExcelJS.Workbook,
  grids: Grid[],
  options: { formulas?: boolean; preview?: boolean; prior?: { grids: Grid[]; file?: string } } = {},
): { result: DeriveResult; applied: boolean } {
  const result = deriveFill(grids, {
    journal: readJournal(workbook),
    mode: options.formulas ? 'formulas' : 'values',
    formulaAt: formulaLookup(workbook),
    ...(options.prior ? { prior: options.prior } : {}),
  });
  const plan = fillPlan(result);
  const applied = !options.preview && plan.ops.length > 0;
  if (applied) applyPlan(workbook, plan);
  return { result, applied };
}
