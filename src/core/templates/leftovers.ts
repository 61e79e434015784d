// The template's own instructions left in a published table (“无…的，仍保留该表格式，并在本表下方作下述
// 说明：”): TXT-TEMPLATE on the cell, for every table sheet the reader recognised.
import type { Finding } from '../finding';
import type { Grid } from '../grid';
import { address, cellText } from '../grid';
import type { Model, Table } from '../model';
import type { Template } from './types';

export function leftoverInstructionFindings(grids: Grid[], model: Model, template: Template): Finding[] {
  const patterns = instructionPatterns(template);
  const sheets = new Set(
    Object.values(model.tables)
      .filter((t): t is Table => t !== undefined)
      .map((t) => t.sheet),
  );
  const out: Finding[] = [];
  for (const grid of grids) {
    if (!sheets.has(grid.sheet)) continue;
    for (let r = 0; r < grid.cells.length; r++) {
      const cells = grid.cells[r] ?? [];
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (typeof v !== 'string') continue;
        const text = cellText(v);
        if (!matchesAny(patterns, text)) continue;
        out.push({
          rule: 'TXT-TEMPLATE',
          severity: 'warning',
          message: `表“${grid.sheet}”${address(r, c)}仍留有模板的填写说明“${v.trim()}”，公开前应删除。`,
          cells: [{ sheet: grid.sheet, address: address(r, c) }],
        });
      }
    }
  }
  return out;
}

/** Each template's instruction patterns, compiled once (templates never change). */
const compiled = new WeakMap<Template, RegExp[]>();

function instructionPatterns(template: Template): RegExp[] {
  let patterns = compiled.get(template);
  if (!patterns) compiled.set(template, (patterns = compile(template.instructions)));
  return patterns;
}

/** One alternation of all the patterns (one test per cell), unless one refers back to a group by number. */
function compile(sources: readonly string[]): RegExp[] {
  if (sources.length === 0) return [];
  if (sources.some((s) => /\\\d/.test(s))) return sources.map((s) => new RegExp(s));
  return [new RegExp(sources.map((s) => `(?:${s})`).join('|'))];
}

function matchesAny(patterns: RegExp[], text: string): boolean {
  for (const re of patterns) if (re.test(text)) return true;
  return false;
}
