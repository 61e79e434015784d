// What could not be checked, per rule family, and why: never counted as passed. Built generically
// from the rule declarations (a table an identity needs is missing, an input of 补充信息 is blank)
// and from findings that say “未核验” (e.g. a column the reader did not find).
import type { Finding } from './finding';
import type { Model, TableId } from './model';
import { RULES, type Rule } from './rules';
import type { Term } from './rules/types';
import { isEquation, isHierarchy } from './rules/types';
import type { Supplement } from './supplement/types';
import { PROFILES, TABLES } from './tables';

export interface UncheckedFamily {
  /** e.g. 表间关系, 表3 表内关系, 说明文字, 补充信息. */
  family: string;
  /** Rule ids that could not run (deduplicated, declaration order). */
  rules: string[];
  /** Why, in Chinese (one per distinct reason). */
  reasons: string[];
}

export function familyOf(rule: string): string {
  const table = /^T(\d\d)-/.exec(rule);
  if (table) return `表${Number(table[1])} 表内关系`;
  if (/^X\d/.test(rule) || rule === 'ALL-1' || rule === 'ALL-2') return '表间关系';
  if (/^(SC|CT)-/.test(rule)) return '绩效自评表';
  if (rule.startsWith('TXT')) return '说明文字';
  if (rule.startsWith('SUP')) return '补充信息';
  return rule;
}

function termTables(term: Term): TableId[] {
  if (typeof term === 'string') {
    if (term.endsWith('?')) return [];
    const m = /^(T\d\d)\[/.exec(term);
    return m ? [m[1] as TableId] : [];
  }
  if ('sumOf' in term) return [term.sumOf];
  return [];
}

/** What a rule cannot run without, and its family, worked out once per rule (rules never change). */
interface RuleNeeds {
  family: string;
  /** Tables that must all be present, listed once. */
  tables: TableId[];
  /** Whether a term reads an input of 补充信息 (机关运行经费). */
  aux: boolean;
}

function needsOf(rule: Rule): RuleNeeds {
  let needs = needsOfRule.get(rule);
  if (!needs) needsOfRule.set(rule, (needs = { family: familyOf(rule.id), tables: listRequiredTables(rule), aux: needsAux(rule) }));
  return needs;
}

const needsOfRule = new WeakMap<Rule, RuleNeeds>();

function listRequiredTables(rule: Rule): TableId[] {
  if (isHierarchy(rule)) return [rule.hierarchy];
  if (!isEquation(rule)) return [];
  const out = new Set<TableId>([...rule.left, ...rule.right].flatMap(termTables));
  const each = rule.each;
  if (each && 'rowsOf' in each && typeof each.rowsOf === 'string') out.add(each.rowsOf);
  return [...out];
}

function needsAux(rule: Rule): boolean {
  return isEquation(rule) && [...rule.left, ...rule.right].some((t) => typeof t === 'object' && 'aux' in t);
}

export interface UncheckedInput {
  model: Model & { profile?: string };
  supplement?: Supplement;
  findings: Finding[];
  hasNarrative: boolean;
  rules?: readonly Rule[];
}

/**
 * The tables of `tables` the model lacks, or 'not expected' when one of them is absent because the
 * profile does not print it (the rule does not apply: not a gap).
 */
function missingTables(tables: readonly TableId[], model: Model, expected: (id: TableId) => boolean): readonly TableId[] | 'not expected' {
  let missing: TableId[] | undefined;
  for (const id of tables) {
    if (model.tables[id] !== undefined) continue;
    if (!expected(id)) return 'not expected';
    (missing ??= []).push(id);
  }
  return missing ?? NONE;
}

const NONE: readonly TableId[] = [];

/** “表3 一般公共预算财政拨款支出决算表”, made once per table. */
function tableName(id: TableId): string {
  let name = tableNames.get(id);
  if (name === undefined) tableNames.set(id, (name = `${id.replace(/^T0?/, '表')} ${TABLES[id].title}`));
  return name;
}

const tableNames = new Map<TableId, string>();

/** A finding that says a check could not run: its family is listed under 未核验 with its reason. */
export const isUncheckedFinding = (f: Finding): boolean => f.unchecked === true;

/** The reason a 未核验 finding gives, as its family lists it. */
export function uncheckedReason(f: Finding): string {
  return f.message.replace(/^.*?未核验[：:，,]?/, '') || f.message;
}

export function uncheckedFamilies(input: UncheckedInput): UncheckedFamily[] {
  const families = new Map<string, UncheckedFamily>();
  const add = (rule: string, reason: string, family = familyOf(rule)) => {
    const f = families.get(family) ?? { family, rules: [], reasons: [] };
    if (!f.rules.includes(rule)) f.rules.push(rule);
    if (!f.reasons.includes(reason)) f.reasons.push(reason);
    families.set(family, f);
  };
  const profile = input.model.profile ? PROFILES[input.model.profile] : undefined;
  // a table the profile does not print, or prints only when it has figures, is not a gap
  const expected = (id: TableId) => !profile || (profile.tables.includes(id) && !profile.optional.includes(id));
  const auxGiven = !!input.supplement?.get('机关运行经费')?.本年数;
  for (const rule of input.rules ?? RULES) {
    const needs = needsOf(rule);
    const missing = missingTables(needs.tables, input.model, expected);
    if (missing === 'not expected') continue;
    if (missing.length > 0) add(rule.id, `缺少${missing.map(tableName).join('、')}`, needs.family);
    else if (needs.aux && !auxGiven) add(rule.id, '补充信息未填“机关运行经费”本年数', needs.family);
  }
  for (const f of input.findings) {
    if (isUncheckedFinding(f)) add(f.rule, uncheckedReason(f));
  }
  if (!input.hasNarrative) add('TXT', '工作簿中没有“部门决算情况说明”文字（生成说明后，或指定已写好的说明文字后再核对）');
  if (!input.supplement) add('SUP', '工作簿中没有“补充信息”表：上年数、预算数、车辆等输入无从核对');
  return [...families.values()];
}

/** One line per family: “表间关系（X21、X22）：缺少…”. */
export function uncheckedLines(families: UncheckedFamily[]): string[] {
  return families.map((f) => {
    const ids = f.rules.filter((r) => r !== 'TXT' && r !== 'SUP');
    return `${f.family}${ids.length > 0 ? `（${ids.join('、')}）` : ''}：${f.reasons.join('；')}`;
  });
}
