// The 填表 step of `juesuan fill` (see fill.ts): its options and its --json shape.
import * as path from 'path';
import type { DeriveResult } from '../core/derive';
import { wan2 } from '../core/money';

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
