// The shape of an identity declaration (domain.md §3.1–§3.2). Rules are data: a province's
// variant is an edit of the list in declarations.ts, never new code.
import type { TableId } from '../model';

/** 强制 → 'error', 提示 → 'warning'. ('info' is only ever produced for 取整误差.) */
export type RuleSeverity = 'error' | 'warning';

/** 'eq': left = right within tolerance. 'le': left ≤ right (提示 when violated). */
export type Comparison = 'eq' | 'le';

/**
 * 'copy': both sides are copies of the same published number → tolerance 0.
 * 'sum':  a total against independently rounded addends → tol(n) (§3.6).
 */
export type ToleranceKind = 'copy' | 'sum';

export type Level = 1 | 2 | 3;

/** Which rows of a table a quantifier or a row sum takes. All given conditions must hold. */
export interface RowFilter {
  /** Row key starts with this, e.g. "支:" for the expenditure side of T01/T04. */
  prefix?: string;
  /** Code level: 1 = 类 (3 digits), 2 = 款 (5), 3 = 项 (7). Rows without a code never match. */
  level?: Level;
  /** Only these codes. */
  codes?: readonly string[];
  /** Not these codes. */
  notCodes?: readonly string[];
}

/**
 * A reference to one cell, written `T02[合计].本年收入合计`:
 * table id, row key in brackets, column key after the dot (see model.ts for the key conventions).
 * - A row key of digits is a classification code: it matches the row with that code (in T01/T04
 *   these are the 支 类 rows). A code row that is not printed counts as 0.
 * - A trailing `?` marks an optional addend: when its table, row or column is absent it is left
 *   out. Without `?`, an absent cell skips the identity (the reader reports missing tables).
 * - `$row`, `$code` and named variables (e.g. `$fund`) are filled in by the rule's quantifier.
 */
export type CellPath = string;

/** Σ over every row of a table that passes a filter, in one column (e.g. Σ T01.支[类 rows]). */
export interface RowSum {
  sumOf: TableId;
  where: RowFilter;
  col: string;
  /** What the rows are, for messages when none is printed (e.g. “各类支出”). */
  label: string;
}

/** An auxiliary input from the 补充信息 sheet (options.aux). The identity is skipped without it. */
export interface AuxValue {
  aux: '机关运行经费';
}

export type Term = CellPath | RowSum | AuxValue;

/** Repeat an identity for … */
export type Quantifier =
  /** … every row of these tables (union of row keys) passing the filter; binds `$row`. */
  | { rowsOf: TableId | readonly TableId[]; where?: RowFilter }
  /** … every code of this level printed in any of these tables; binds `$code`. */
  | { codesOf: readonly TableId[]; level: Level }
  /** … every value of a list; binds the named variable (e.g. `$col`, `$fund`). */
  | { var: string; in: readonly string[] };

interface RuleBase {
  /** Stable id from domain.md (several declarations may share one id). */
  id: string;
  severity: RuleSeverity;
  /** The identity in words, as in domain.md. */
  description: string;
  /** Extra sentence appended to every failing message (what to check). */
  note?: string;
}

/** `Σ left  (= | ≤)  Σ right`, optionally repeated by a quantifier. */
export interface EquationRule extends RuleBase {
  each?: Quantifier;
  left: readonly Term[];
  /** An empty right side means 0 (e.g. “should be zero”). */
  right: readonly Term[];
  compare?: Comparison;
  tolerance: ToleranceKind;
  /**
   * The identity is about rows a table prints only in some templates (e.g. T08's 基本支出合计):
   * when a row it names is absent it does not apply, rather than being 未核验.
   */
  ifPrinted?: true;
}

/**
 * Classification hierarchy in every listed column: 合计 = Σ 类; 类 = Σ 款 by code prefix;
 * 款 = Σ 项 by code prefix. A level is checked only when the table prints rows of it;
 * a child that is not printed counts as 0.
 */
export interface HierarchyRule extends RuleBase {
  hierarchy: TableId;
  columns: 'all' | readonly string[];
}

/** Whole-table checks that are not equations. */
export interface TableCheckRule extends RuleBase {
  /** 'nonNegative': every amount ≥ 0. 'emptyTableNote': an all-zero table needs a 空表 note. */
  check: 'nonNegative' | 'emptyTableNote';
}

export type Rule = EquationRule | HierarchyRule | TableCheckRule;

export function isHierarchy(rule: Rule): rule is HierarchyRule {
  return 'hierarchy' in rule;
}

export function isTableCheck(rule: Rule): rule is TableCheckRule {
  return 'check' in rule;
}

export function isEquation(rule: Rule): rule is EquationRule {
  return 'left' in rule;
}
