// 标记: colour every cell a finding points at, by severity (the worst wins), and put the
// findings' messages in the cell's note.
import type { Finding, Severity } from '../finding';
import { SEVERITY_ORDER, sortFindings } from '../finding';
import { compareAddresses, rangeAddresses } from './range';
import { cellKey } from './targets';
import type { PlanOp, WritePlan } from './types';
import { fitCellText } from './cell-text';

/** Where the full text of a cut note is: every host shows the findings it came from. */
const NOTE_CUT = '\n…（已截断，全文见审核结果）';

export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** One line of a highlight note. */
export function noteLine(f: Finding): string {
  return `${f.rule}：${f.message}`;
}

/** The cells of a finding's address ("C14", or a range); nothing for an address that is not one. */
function addressesOf(ref: string): string[] {
  try {
    return rangeAddresses(ref);
  } catch {
    return [];
  }
}

interface Mark {
  sheet: string;
  address: string;
  severity: Severity;
  lines: string[];
  seen: Set<string>;
}

/**
 * Fills and notes for `findings`. A cell in several findings gets the worst severity's colour
 * and every distinct message (worst first, then by rule id). Cells are visited sheet by sheet,
 * row by row, so the same findings always give the same plan.
 */
export function highlightPlan(findings: Finding[]): WritePlan {
  const marks = new Map<string, Mark>();
  for (const f of sortFindings(findings)) {
    for (const ref of f.cells) {
      for (const address of addressesOf(ref.address)) {
        const key = cellKey(ref.sheet, address);
        let m = marks.get(key);
        if (!m) {
          m = { sheet: ref.sheet, address, severity: f.severity, lines: [], seen: new Set() };
          marks.set(key, m);
        }
        if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(m.severity)) m.severity = f.severity;
        const line = noteLine(f);
        if (!m.seen.has(line)) {
          m.seen.add(line);
          m.lines.push(line);
        }
      }
    }
  }
  const sorted = [...marks.values()].sort((a, b) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : compareAddresses(a.address, b.address),
  );
  const ops: PlanOp[] = [];
  for (const m of sorted) {
    ops.push({ kind: 'fill', sheet: m.sheet, address: m.address, color: SEVERITY_FILL[m.severity] });
    ops.push({ kind: 'note', sheet: m.sheet, address: m.address, text: fitCellText(m.lines.join('\n'), NOTE_CUT) });
  }
  return { marker: { action: 'highlight' }, ops };
}
