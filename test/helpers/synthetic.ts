// Synthetic workbooks and findings for the hosts' round-trip and call-count tests (the Excel and
// the WPS fakes alike): `sheets` sheets of a merged title and `rows` × 6 numbers, and findings
// that point at two cells each, cycling through sheets and severities.
import type { Finding } from '../../src/core/finding';

/** What both fakes' sheets offer. */
export interface FakeSheetLike {
  name: string;
  cells: { size: number };
  merges: { top: number; left: number; bottom: number; right: number }[];
  set(address: string, value: unknown): unknown;
}

export function fillSynthetic<B extends { add(name: string): FakeSheetLike }>(book: B, sheets: number, rows: number): B {
  for (let i = 0; i < sheets; i++) {
    const s = book.add(`数据${i + 1}`);
    s.set('A1', `第${i + 1}张表`);
    s.merges.push({ top: 0, left: 0, bottom: 0, right: 5 });
    for (let r = 2; r <= rows + 1; r++) for (let c = 0; c < 6; c++) s.set(`${'ABCDEF'[c]}${r}`, r * 10 + c);
  }
  return book;
}

export function syntheticFindings(sheets: FakeSheetLike[], n: number): Finding[] {
  const out: Finding[] = [];
  const sevs = ['error', 'warning', 'info'] as const;
  for (let i = 0; i < n; i++) {
    const s = sheets[i % sheets.length];
    const rows = Math.max(1, Math.floor(s.cells.size / 6) - 1);
    const row = 2 + (Math.floor(i / sheets.length) % rows);
    out.push({
      rule: `T0${(i % 9) + 1}-1`,
      severity: sevs[i % 3],
      message: `第${i}条：${s.name} B${row} 与 C${row} 相差0.01万元`,
      cells: [
        { sheet: s.name, address: `B${row}` },
        { sheet: s.name, address: `C${row}` },
      ],
    });
  }
  return out;
}
