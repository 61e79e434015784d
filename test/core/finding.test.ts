// sortFindings orders findings as the one text `severity|rule|sheet|address|message` orders them.
import fc from 'fast-check';
import { SEVERITY_ORDER, sortFindings, type Finding } from '../../src/core/finding';

/** The order by whole key texts, built in full for every finding. */
function byWholeKeys(findings: Finding[]): Finding[] {
  const key = (f: Finding) =>
    `${SEVERITY_ORDER.indexOf(f.severity)}|${f.rule}|${f.cells[0]?.sheet ?? ''}|${f.cells[0]?.address ?? ''}|${f.message}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('sortFindings', () => {
  // few characters, '|' among them, so that heads often begin one another and fields hold the separator
  const text = fc.string({ unit: fc.constantFrom('T', '0', '1', '-', '|', '表', 'A'), maxLength: 5 });
  const finding = fc.record({
    rule: text,
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    message: text,
    cells: fc.array(fc.record({ sheet: text, address: text }), { maxLength: 2 }),
  });

  it('gives the order of the whole keys, ties kept in their order', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), (findings) => {
        const sorted = sortFindings(findings);
        const expected = byWholeKeys(findings);
        return sorted.length === expected.length && sorted.every((f, i) => f === expected[i]);
      }),
      { numRuns: 500 },
    );
  });

  it('puts T01 after T01-1 as the key texts do (“|” sorts after “-”)', () => {
    const f = (rule: string): Finding => ({ rule, severity: 'error', message: 'x', cells: [] });
    expect(sortFindings([f('T01'), f('T01-1')]).map((x) => x.rule)).toEqual(['T01-1', 'T01']);
  });
});
