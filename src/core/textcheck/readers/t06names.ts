// 功能分类 names of 五（二）/五（三） → T06 rows: “一般公共服务（类）支出”, “卫生健康支出（类）”,
// “一般公共服务（类）人大事务（款）行政运行（项）”.
import type { TableRow } from '../../model';
import { ZERO } from '../../money';
import { FUNCTION_CLASSES, FUNCTION_CLASS_ALIASES } from '../../tables';
import type { Facts } from '../facts';
import { classKey } from '../normalize';
import type { Fact } from '../types';

// The official names and aliases as compared, keyed once: [key, code], in the tables' order.
const OFFICIAL_KEYS = Object.entries(FUNCTION_CLASSES).map(([code, n]) => [classKey(n), code]);
const ALIAS_KEYS = Object.entries(FUNCTION_CLASS_ALIASES).map(([n, code]) => [classKey(n), code]);

/** A T06 row's label as compared, worked out once per row (rows live for one check). */
function rowKey(row: TableRow): string {
  let key = rowKeys.get(row);
  if (key === undefined) rowKeys.set(row, (key = classKey(row.label)));
  return key;
}

const rowKeys = new WeakMap<TableRow, string>();

/** The 类 code a name means (official name, alias, or the name T06 prints). */
function classCode(facts: Facts, name: string): string | undefined {
  const key = classKey(name);
  const row = facts.t06Rows(1).find((r) => rowKey(r) === key);
  if (row?.code) return row.code;
  return (OFFICIAL_KEYS.find(([k]) => k === key) ?? ALIAS_KEYS.find(([k]) => k === key))?.[1];
}

function child(facts: Facts, level: 2 | 3, prefix: string, name: string): TableRow | undefined {
  const key = classKey(name);
  return facts.t06Rows(level).find((r) => (r.code as string).startsWith(prefix) && rowKey(r) === key);
}

export interface T06Match {
  /** How the message names it: “一般公共服务（类）人大事务（款）”. */
  what: string;
  code?: string;
  fact?: Fact;
}

/**
 * The T06 row a name means. A class T06 does not print is 0 there (when T06 was read); a
 * name that cannot be placed gives undefined (nothing to compare with).
 */
export function matchT06(facts: Facts, name: string): T06Match | undefined {
  const m = /^(.*?)（类）(?:支出)?(?:(.*?)（款）)?(?:(.*?)（项）)?$/.exec(name);
  if (!m) return undefined;
  const code = classCode(facts, m[1]);
  if (!code) return undefined;
  const classRow = facts.t06Rows(1).find((r) => r.code === code);
  let row = classRow;
  if (m[2]) row = row ? child(facts, 2, code, m[2]) : undefined;
  if (m[3]) row = row ? child(facts, 3, row.code as string, m[3]) : undefined;
  if (row) return { what: name, code: row.code, fact: facts.t06Row(row) };
  if (!m[2] && facts.table('T06') && !classRow) {
    return { what: name, code, fact: { value: ZERO, cells: [], name: `一般公共预算财政拨款支出决算表（无${code}类）`, source: 'table' } };
  }
  return undefined;
}
