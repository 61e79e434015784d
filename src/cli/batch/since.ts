// `batch DIR --since LAST.json`: each unit's findings against an earlier `batch --json` output —
// fixed (there before, gone now), still there, new. A finding is the same when its rule and
// cells are (its amounts may have changed); a unit is the same file path, else the same 单位名称.
import * as fs from 'fs';
import type { Finding } from '../../core/finding';
import { UsageError } from '../errors';
import type { FileResult } from './check-file';

export interface LastFile {
  file: string;
  unit: string | null;
  findings: Finding[];
}

export interface UnitComparison {
  file: string;
  unit: string | null;
  /** False when LAST.json has no entry for this unit. */
  known: boolean;
  fixed: Finding[];
  still: Finding[];
  added: Finding[];
}

export function readLast(file: string): LastFile[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`无法读取上次的审核结果“${file}”：文件不存在或没有读取权限。`);
  }
  try {
    const json = JSON.parse(text) as { files?: LastFile[] };
    if (!Array.isArray(json.files)) throw new Error('no files');
    return json.files.filter((f) => typeof f.file === 'string' && Array.isArray(f.findings));
  } catch {
    throw new UsageError(`“${file}”不是 juesuan batch --json 输出的审核结果，无法比较。`);
  }
}

export function findingKey(f: Finding): string {
  return `${f.rule}|${f.cells
    .map((c) => `${c.sheet}!${c.address}`)
    .sort()
    .join(',')}`;
}

export function compareWithLast(results: FileResult[], last: LastFile[]): UnitComparison[] {
  return results
    .filter((r) => r.unreadable === null)
    .map((r) => {
      const before = last.find((l) => l.file === r.file) ?? (r.unit ? last.find((l) => l.unit === r.unit) : undefined);
      const old = new Map((before?.findings ?? []).filter((f) => f.severity !== 'info').map((f) => [findingKey(f), f]));
      const now = r.findings.filter((f) => f.severity !== 'info');
      const nowKeys = new Set(now.map(findingKey));
      return {
        file: r.file,
        unit: r.unit,
        known: before !== undefined,
        fixed: [...old.entries()].filter(([k]) => !nowKeys.has(k)).map(([, f]) => f),
        still: now.filter((f) => old.has(findingKey(f))),
        added: now.filter((f) => !old.has(findingKey(f))),
      };
    });
}

export function comparisonText(list: UnitComparison[]): string {
  const out: string[] = ['与上次审核相比（错误和提示）：'];
  for (const c of list) {
    const name = `${c.file}${c.unit ? `（${c.unit}）` : ''}`;
    if (!c.known) {
      out.push(`  ${name}：上次没有此单位，本次 ${c.added.length} 条均为新发现`);
      continue;
    }
    out.push(`  ${name}：已改正 ${c.fixed.length} 条，仍存在 ${c.still.length} 条，新发现 ${c.added.length} 条`);
    for (const [label, list2] of [
      ['已改正', c.fixed],
      ['仍存在', c.still],
      ['新发现', c.added],
    ] as const) {
      for (const f of list2) out.push(`    [${label}] [${f.rule}] ${f.message}`);
    }
  }
  return out.join('\n');
}
