// Every real-document fixture is complete and builds into a workbook the file host reads.
import * as fs from 'fs';
import * as path from 'path';
import { listRealFixtures, loadRealFixture, storedValue } from '../helpers/real-fixture';

describe('real-document fixture format', () => {
  test('numbers as an export stores them, the rest as text', () => {
    expect(storedValue('1,234.56')).toBe(1234.56);
    expect(storedValue('-3.00')).toBe(-3);
    expect(storedValue('')).toBeNull();
    expect(storedValue('-')).toBe('-');
    expect(storedValue('1784,27')).toBe('1784,27');
    expect(storedValue('12.00', true)).toBe('12.00');
  });

  for (const id of listRealFixtures()) {
    test(`${id}: has its source, tables and hand-checked findings`, () => {
      const fixture = loadRealFixture(id);
      expect(fs.readFileSync(path.join(fixture.dir, 'source.md'), 'utf8')).toMatch(/https?:\/\/|github/i);
      expect(fixture.tables.sheets.length).toBeGreaterThan(0);
      for (const expected of fixture.expected) {
        expect(expected.rule).toBeTruthy();
        expect(expected.arithmetic).toBeTruthy();
        expect(expected.cells?.length || expected.sentence).toBeTruthy();
      }
    });
  }
});
