// Fixtures and small builders for the textcheck tests. Models holding each seed's figures come
// from the narrative tests (test/core/narrative/seed000.ts, seed002.ts).
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../../../src/core/finding';
import type { Grid } from '../../../src/core/grid';
import type { Model } from '../../../src/core/model';
import type { Supplement } from '../../../src/core/supplement';
import { checkText, paragraphsFromText } from '../../../src/core/textcheck';

export { seed000Model, seed000Supplement } from '../narrative/seed000';
export { seed002Model, seed002Supplement } from '../narrative/seed002';
export { classified, economic, fixed, model, sanGong, supplementGrid } from '../narrative/helpers';

/** The 第二部分 text of a seed, copied verbatim from shared/seeds (PDF spaces and page breaks included). */
export function seedText(seed: 'seed000' | 'seed002'): string {
  return fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'seed-text', `${seed}-part2.txt`), 'utf8');
}

/** The text as a 部门决算情况说明 sheet: one line per row in column A, blank lines kept as blank rows. */
export function seedGrid(seed: 'seed000' | 'seed002', sheet = '部门决算情况说明'): Grid {
  return {
    sheet,
    cells: seedText(seed)
      .split(/\r?\n/)
      .map((line) => [line]),
    merges: [],
  };
}

/** “rule|severity|message” — compared by prefix with the expected list. */
export function lines(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}|${f.severity}|${f.message}`);
}

/** Every finding starts with the expected prefix, in order, and there are no others. */
export function expectFindings(findings: Finding[], expected: string[]): void {
  const got = lines(findings);
  const shown = got.map((g, i) => (expected[i] !== undefined && g.startsWith(expected[i]) ? expected[i] : g));
  expect(shown).toEqual(expected);
}

/** checkText over plain paragraphs (no cells). */
export function check(texts: string[], m: Model, s?: Supplement): Finding[] {
  return checkText(
    texts.map((text) => ({ text })),
    m,
    s,
  );
}

export function checkFile(text: string, m: Model, s?: Supplement): Finding[] {
  return checkText(paragraphsFromText(text), m, s);
}

/** The text-against-itself rules (consistency.ts): the seed tests list the mistakes against the tables. */
export const SELF_RULES = ['TXT-SAME', 'TXT-CARS', 'TXT-VERB', 'TXT-PUNCT'];
export const againstTables = (findings: Finding[]) => findings.filter((f) => !SELF_RULES.includes(f.rule));
