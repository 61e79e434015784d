// The amount unit printed in the title block: 金额单位：万元 / 单位：元 / 单位:百元 / （万元）.
import { cellText } from '../grid';
import type { Unit } from '../money';
import type { SheetView } from './sheet';

const UNIT_ROWS_AFTER_TITLE = 8;
// The unit must not run on into a name (编制单位：元宝山区… is a unit name, not 元).
const UNIT_LABEL = /单位[:：]?(万元|百元|元)(?![\u4e00-\u9fff])/;
const BRACKETED_UNIT = /[（(](万元|百元|元)[)）]/;

/** The unit of the table, or undefined when the title block names none. */
export function findUnit(view: SheetView, titleRow: number): Unit | undefined {
  const lastRow = Math.min(view.rowCount, titleRow + UNIT_ROWS_AFTER_TITLE + 1);
  // each row's text is joined once, when first needed, and searched for both patterns
  const texts: string[] = [];
  for (const pattern of [UNIT_LABEL, BRACKETED_UNIT]) {
    for (let r = 0; r < lastRow; r++) {
      // Joined so that “金额单位：” and “万元” in neighbouring cells still read as one label.
      const m = pattern.exec((texts[r] ??= rowText(view, r)));
      if (m) return m[1] as Unit;
    }
  }
  return undefined;
}

function rowText(view: SheetView, row: number): string {
  let text = '';
  for (let c = 0; c < view.colCount; c++) text += cellText(view.value(row, c));
  return text;
}
