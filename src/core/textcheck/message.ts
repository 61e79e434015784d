// Building findings: where in 第二部分 (section, item, line), which cells, numbers as printed.
import type { CellRef, Finding, Severity } from '../finding';
import { dedupeCells } from '../narrative/paragraph';
import { fmtPct } from '../narrative/format';
import type { Decimal } from '../money';
import { wan2 } from '../money';
import type { TxtRule } from './rules';
import type { Fact, Operand, Para } from './types';

/** “第二部分 五（三）第3项” (+ “（第12行）” for a text file paragraph). */
export function place(p: Para, where?: string): string {
  const line = p.cell || p.line === undefined ? '' : `（第${p.line}行）`;
  const section = p.sectionLabel ?? p.section ?? '';
  return `${p.part ?? '第二部分'}${section ? ` ${section}` : ''}${where ?? ''}${line}`;
}

/** The paragraphs' cells first, then the compared cells. */
export function cellsOf(paras: Para[], ...facts: (Fact | undefined)[]): CellRef[] {
  const cells: CellRef[] = [];
  for (const p of paras) if (p.cell) cells.push(p.cell);
  for (const f of facts) if (f) cells.push(...f.cells);
  return dedupeCells(cells);
}

/** “1883.70” — findings print amounts with two decimals. */
export function wan(v: Decimal): string {
  return wan2(v);
}

/** The value an operand stands for: the table value when known, else the stated number. */
export function valueOf(o: Operand): Decimal | undefined {
  return o.fact?.value ?? o.text;
}

/** “收入支出决算总表“本年支出合计”1883.70万元” / “文中本年支出合计1883.7万元”. */
export function describe(o: Operand): string {
  if (o.fact) return `${o.fact.name}${wan(o.fact.value)}万元`;
  return `文中${o.name}${o.text ? `${o.text.toFixed()}万元` : ''}`;
}

/** An exact percentage for messages: three decimals (97.849%). */
export function exactPct(v: Decimal): string {
  return `${v.toDecimalPlaces(3).toFixed(3)}%`;
}

export interface PctStyle {
  dp: 0 | 1 | 2;
  keep: boolean;
}

export function fmtStyled(v: Decimal, style: PctStyle, dp: number = style.dp): string {
  return fmtPct(v, dp, style.keep);
}

export function finding(rule: TxtRule, severity: Severity, message: string, cells: CellRef[], extra: Partial<Finding> = {}): Finding {
  return { rule, severity, message, cells, ...extra };
}
