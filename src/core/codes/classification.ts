// The official 政府收支分类科目 names as data (gov-classification.json, every entry with its
// source): which name a 科目编码 has in a year, and which old names it had.
import data from './gov-classification.json';

export type Classification = 'functional' | 'economic';
export type LevelName = '类' | '款' | '项';

export interface FormerName {
  name: string;
  /** Last year the old name was the official one. */
  until: number;
}

export interface CodeEntry {
  code: string;
  name: string;
  /** First year the entry is known to hold (the year of its source, or of the change). */
  from: number;
  /** Ids of `sources`. */
  source: string[];
  formerly?: FormerName[];
  /** Other names not reported (an old name whose year of change no source gives). */
  accepted?: string[];
  note?: string;
}

export interface SourceNote {
  /** Short name used in messages. */
  label: string;
  what: string;
  where: string;
  year: number;
}

export interface ClassificationData {
  title: string;
  source: string;
  sources: Record<string, SourceNote>;
  /** Whether the data lists every code of a level (only then is an unknown code worth a note). */
  complete: Record<Classification, Partial<Record<LevelName, boolean>>>;
  missing: string;
  functional: CodeEntry[];
  economic: CodeEntry[];
}

export const GOV_CLASSIFICATION: ClassificationData = data as ClassificationData;

/** The rule id of the check, in the tables and in the text. */
export const CODE_NAME_RULE = 'CODE-NAME';

/** The first year the data speaks for: earlier workbooks are not checked. */
export const FIRST_YEAR = 2019;

export function levelOf(code: string): LevelName | undefined {
  if (code.startsWith('3')) return code.length === 3 ? '类' : code.length === 5 ? '款' : undefined;
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

export function classificationOf(code: string): Classification | undefined {
  if (/^2\d{2}(?:\d{2}){0,2}$/.test(code)) return 'functional';
  if (/^3\d{2}(?:\d{2})?$/.test(code)) return 'economic';
  return undefined;
}

/**
 * A name as compared: no whitespace, one kind of brackets, no trailing （类）/（款）/（项）, and at
 * 类 level no trailing 支出 (tables print “一般公共服务支出”, texts “一般公共服务（类）”).
 */
export function nameKey(name: string, level?: LevelName): string {
  const remembered = level === '类' ? classKeys : otherKeys;
  let key = remembered.get(name);
  if (key === undefined) {
    if (remembered.size >= MAX_REMEMBERED_NAMES) remembered.clear();
    remembered.set(name, (key = makeNameKey(name, level === '类')));
  }
  return key;
}

// Every printed 科目名称 is compared once per table and again against the official names: each
// name's key is made once (bounded, as normalizeLabel's memory is). Only 类 keys differ by level.
const classKeys = new Map<string, string>();
const otherKeys = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 20000;

function makeNameKey(name: string, isClass: boolean): string {
  let s = name
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  s = s.replace(/^[【[]?\d+[】\]]?[-—－_:：、.．]?/, '');
  s = s.replace(/（[类款项]）/g, '');
  if (isClass) s = s.replace(/支出$/, '');
  return s;
}

/** The entry for a code in a year: the latest whose `from` is not after the year. */
export function officialEntry(code: string, year: number, source: ClassificationData = GOV_CLASSIFICATION): CodeEntry | undefined {
  const kind = classificationOf(code);
  if (!kind || year < FIRST_YEAR) return undefined;
  let best: CodeEntry | undefined;
  for (const e of entriesOf(source, kind).get(code) ?? []) {
    if (e.from <= year && (!best || e.from > best.from)) best = e;
  }
  return best;
}

// Every printed code is looked up: the data's entries are grouped by code once (in data order).
const entriesByCode = new WeakMap<ClassificationData, Record<Classification, Map<string, CodeEntry[]>>>();

function entriesOf(source: ClassificationData, kind: Classification): Map<string, CodeEntry[]> {
  let index = entriesByCode.get(source);
  if (!index) entriesByCode.set(source, (index = { functional: byCode(source.functional), economic: byCode(source.economic) }));
  return index[kind];
}

function byCode(entries: readonly CodeEntry[]): Map<string, CodeEntry[]> {
  const out = new Map<string, CodeEntry[]>();
  for (const e of entries) {
    const same = out.get(e.code);
    if (same) same.push(e);
    else out.set(e.code, [e]);
  }
  return out;
}

/** Whether the printed name is the entry's name or one it accepts. */
export function isOfficialName(entry: CodeEntry, printed: string): boolean {
  const level = levelOf(entry.code);
  const key = nameKey(printed, level);
  return nameKey(entry.name, level) === key || (entry.accepted?.some((n) => nameKey(n, level) === key) ?? false);
}

/** The old name a printed name is, with the year the new one took over. */
export function formerMatch(entry: CodeEntry, printed: string, year: number): { name: string; since: number } | undefined {
  const level = levelOf(entry.code);
  const key = nameKey(printed, level);
  const old = entry.formerly?.find((f) => f.until < year && nameKey(f.name, level) === key);
  return old ? { name: old.name, since: old.until + 1 } : undefined;
}

/** Whether the data lists every code of this code's level. */
export function levelComplete(code: string, source: ClassificationData = GOV_CLASSIFICATION): boolean {
  const kind = classificationOf(code);
  const level = levelOf(code);
  return !!kind && !!level && source.complete[kind][level] === true;
}

/** Sources named in one message; the rest are counted (“等N个来源”), all are in the data. */
const SOURCES_NAMED = 3;

/** “来源：…” for a message: the entry's first sources by label, and how many there are. */
export function sourceText(entry: CodeEntry, source: ClassificationData = GOV_CLASSIFICATION): string {
  const labels = entry.source.map((id) => source.sources[id]?.label ?? id);
  if (labels.length <= SOURCES_NAMED) return labels.join('；');
  return `${labels.slice(0, SOURCES_NAMED).join('；')}等${labels.length}个来源`;
}

/** Every 类 with an old name, for the text: old name → the entry. */
export function renamedClasses(source: ClassificationData = GOV_CLASSIFICATION): { old: FormerName; entry: CodeEntry }[] {
  return source.functional
    .filter((e) => levelOf(e.code) === '类')
    .flatMap((entry) => (entry.formerly ?? []).map((old) => ({ old, entry })));
}
