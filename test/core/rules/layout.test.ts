// The identities compiled once per table layout (rules/layout.ts) find what evaluating every
// instance finds, the first time a layout is met, when it is compiled and when it is reused with
// other figures, and when a cell of the layout changes.
import fs from 'fs';
import path from 'path';
import type { Finding } from '../../../src/core/finding';
import { sortFindings } from '../../../src/core/finding';
import type { Grid } from '../../../src/core/grid';
import type { Model } from '../../../src/core/model';
import { readWorkbook } from '../../../src/core/read';
import { checkIdentities, equationInstances, RULES } from '../../../src/core/rules';
import { evaluate } from '../../../src/core/rules/evaluate';
import { hierarchyInstances } from '../../../src/core/rules/hierarchy';
import { tableCheckFindings } from '../../../src/core/rules/tableChecks';
import { isEquation, isHierarchy } from '../../../src/core/rules/types';
import { uncheckedFindings } from '../../../src/core/rules/unchecked';
import { readGrids } from '../../../src/hosts/file';

const SEED = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'seed000.xlsx'));

/** Every instance evaluated, the long way. */
function everyInstance(model: Model): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (isEquation(rule) || isHierarchy(rule)) {
      const instances = isEquation(rule) ? equationInstances(model, rule, {}) : hierarchyInstances(model, rule);
      for (const instance of instances) {
        const finding = evaluate(instance);
        if (finding) findings.push(finding);
      }
    } else findings.push(...tableCheckFindings(model, rule));
  }
  return sortFindings([...findings, ...uncheckedFindings(model, RULES)]);
}

/** The seed's grids with every number cell of column `col` of each table sheet changed by `edit`. */
function edited(col: number, edit: (v: number) => number | string): Grid[] {
  const grids = readGrids(SEED).grids;
  for (const grid of grids.filter((g) => /^表\d+$/.test(g.sheet))) {
    for (const row of grid.cells) if (row && typeof row[col] === 'number') row[col] = edit(row[col] as number);
  }
  return grids;
}

describe('identities compiled per table layout', () => {
  it('find what every instance evaluated finds, as a layout is met, compiled, reused and changed', () => {
    const workbooks = [
      edited(2, (v) => v),
      edited(2, (v) => v + 0.01),
      edited(3, (v) => v * 2),
      edited(2, (v) => v - 0.004),
      edited(3, () => '12abc'),
    ];
    let failing = 0;
    for (const grids of workbooks) {
      const model = readWorkbook(grids);
      const expected = everyInstance(model);
      expect(checkIdentities(model)).toEqual(expected);
      expect(checkIdentities(readWorkbook(grids))).toEqual(expected);
      failing += expected.length;
    }
    expect(failing).toBeGreaterThan(100);
  });
});
