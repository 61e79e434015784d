// READ findings: problems met while reading, each naming the sheet and, where there is one, the cell.
import type { CellRef, Finding, Severity } from '../finding';

export function readFinding(severity: Severity, message: string, cell?: CellRef): Finding {
  return { rule: 'READ', severity, message, cells: cell ? [cell] : [] };
}

/** “表“表2”单元格D7” — how every READ message names a cell. */
export function cellName(cell: CellRef): string {
  return `表“${cell.sheet}”单元格${cell.address}`;
}
