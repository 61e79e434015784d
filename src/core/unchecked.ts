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

/** Tables a rule cannot run without (every one of them must be present), listed once per rule. */
function requiredTables(rule: Rule): TableId[] {
  let tables = requiredOf.get(rule);
  if (!tables) requiredOf.set(rule, (tables = listRequiredTables(rule)));
  return tables;
}

const requiredOf = new WeakMap<Rule, TableId[]>();

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

/** A finding that says a check could not run: its family is listed under 未核验 with its reason. */
export const isUncheckedFinding = (f: Finding): boolean => f.unchecked === true;

/** The reason a 未核验 finding gives, as its family lists it. */
export function uncheckedReason(f: Finding): string {
  return f.message.replace(/^.*?未核验[：:，,]?/, '') || f.message;
}

export function uncheckedFamilies(input: UncheckedInput): UncheckedFamily[] {
  const families = new Map<string, UncheckedFamily>();
  const add = (rule: string, reason: string) => {
    const family = familyOf(rule);
    const f = families.get(family) ?? { family, rules: [], reasons: [] };
    if (!f.rules.includes(rule)) f.rules.push(rule);
    if (!f.reasons.includes(reason)) f.reasons.push(reason);
    families.set(family, f);
  };
  const profile = input.model.profile ? PROFILES[input.model.profile] : undefined;
  // a table the profile does not print, or prints only when it has figures, is not a gap
  const expected = (id: TableId) => !profile || (profile.tables.includes(id) && !profile.optional.includes(id));
  const absent = (id: TableId) => input.model.tables[id] === undefined && expected(id);
  for (const rule of input.rules ?? RULES) {
    const tables = requiredTables(rule);
    if (tables.some((id) => input.model.tables[id] === undefined && !expected(id))) continue;
    const missing = tables.filter(absent);
    if (missing.length > 0) add(rule.id, `缺少${missing.map((id) => `${id.replace(/^T0?/, '表')} ${TABLES[id].title}`).join('、')}`);
    else if (needsAux(rule) && !input.supplement?.get('机关运行经费')?.本年数) add(rule.id, '补充信息未填“机关运行经费”本年数');
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
