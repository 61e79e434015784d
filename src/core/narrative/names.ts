// How 功能分类 rows of T06 are named in 五（二）/五（三） (domain.md §4.2).
import type { Table, TableRow } from '../model';
import { findRow } from '../model';
import { FUNCTION_CLASSES } from '../tables';
import type { NarrativeSettings } from './settings';

/**
 * 类 whose names both seeds print without “支出” before “（类）” — and, in 五（二）, with “支出”
 * after it: “一般公共服务（类）支出831.52万元”, “社会保障和就业（类）支出41.93万元”, but
 * “卫生健康支出（类）23.18万元”, “住房保障支出（类）36.92万元”. Only used with classNames 'seed'.
 */
export const SEED_SHORT_CLASSES: readonly string[] = ['201', '208'];

export function levelOf(row: TableRow): 1 | 2 | 3 | undefined {
  if (row.level) return row.level;
  const n = row.code?.length;
  return n === 3 ? 1 : n === 5 ? 2 : n === 7 ? 3 : undefined;
}

function cleanLabel(label: string | undefined): string {
  return (label ?? '').replace(/[\s\u3000]+/g, '').replace(/^\d+/, '');
}

/** The 类 name as the table prints it (official name when the label is blank). */
export function className(row: TableRow): string {
  return cleanLabel(row.label) || FUNCTION_CLASSES[row.code ?? ''] || (row.code ?? '');
}

function seedShort(code: string, name: string): string | undefined {
  return SEED_SHORT_CLASSES.includes(code) && name.endsWith('支出') ? name.slice(0, -2) : undefined;
}

/** 五（二） item name: “一般公共服务支出（类）” (official) / “一般公共服务（类）支出” (seed). */
export function structureName(row: TableRow, settings: NarrativeSettings): string {
  const name = className(row);
  const short = settings.classNames === 'seed' ? seedShort(row.code ?? '', name) : undefined;
  return short ? `${short}（类）支出` : `${name}（类）`;
}

/** 五（三） item name: “{类}（类）{款}（款）{项}（项）” down to the row's own level. */
export function detailName(t06: Table, row: TableRow, settings: NarrativeSettings): string {
  const code = row.code ?? '';
  const parts: string[] = [];
  const classRow = findRow(t06, code.slice(0, 3));
  const cls = classRow ? className(classRow) : (FUNCTION_CLASSES[code.slice(0, 3)] ?? code.slice(0, 3));
  const short = settings.classNames === 'seed' ? seedShort(code.slice(0, 3), cls) : undefined;
  parts.push(`${short ?? cls}（类）`);
  if (code.length >= 5) {
    const kuan = code.length === 5 ? row : findRow(t06, code.slice(0, 5));
    parts.push(`${cleanLabel(kuan?.label) || code.slice(0, 5)}（款）`);
  }
  if (code.length >= 7) parts.push(`${cleanLabel(row.label) || code}（项）`);
  return parts.join('');
}

/**
 * The rows 五（三） lists: every row at the chosen level, plus any higher-level row printed
 * without children at that level (so no money is left out).
 */
export function detailRows(t06: Table, level: '项' | '款'): TableRow[] {
  const target = level === '项' ? 3 : 2;
  const coded = t06.rows.filter((r) => r.code && levelOf(r) !== undefined);
  return coded.filter((r) => {
    const l = levelOf(r) as number;
    if (l === target) return true;
    if (l > target) return false;
    return !coded.some((c) => c !== r && (c.code as string).startsWith(r.code as string) && (levelOf(c) as number) > l);
  });
}
