// Which 附表 a sheet holds, from the title text in its first rows (never from the sheet name).
import { address } from '../grid';
import type { TableId } from '../model';
import { TABLES, TABLE_IDS, normalizeTitle } from '../tables';
import type { SheetView } from './sheet';

export interface Recognised {
  id: TableId;
  titleRow: number;
  /** Address of the title cell, for findings about the whole table. */
  titleAddress: string;
  /** The title cell's text, normalised (a template's own title tells the template). */
  printed: string;
}

const TITLE_ROWS = 10;
/** A title cell may carry a year, unit name or 公开NN表 around the title, but not a paragraph. */
const MAX_TITLE_EXTRA = 40;

interface TitleText {
  id: TableId;
  text: string;
}

/** Every title and alias, longest first, so 一般公共预算财政拨款支出决算表 wins over 支出决算表. */
const TITLE_TEXTS: TitleText[] = TABLE_IDS.flatMap((id) =>
  [TABLES[id].title, ...TABLES[id].titleAliases].map((t) => ({ id, text: normalizeTitle(t) })),
).sort((a, b) => b.text.length - a.text.length);

/**
 * The table whose title is printed in the first rows: the longest title met wins. A sheet
 * printing several different titles (a contents page) holds no table.
 */
export function recogniseTable(view: SheetView): Recognised | undefined {
  let best: (Recognised & { length: number }) | undefined;
  const idsSeen = new Set<TableId>();
  const lastRow = Math.min(view.rowCount, TITLE_ROWS);
  for (let r = 0; r < lastRow; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const v = view.value(r, c);
      // a number is no title, nor a text without the character every title holds
      if (typeof v === 'number' || (typeof v === 'string' && !mayHoldTitle(v))) continue;
      const match = matchTitle(view.displayText(r, c));
      if (!match) continue;
      idsSeen.add(match.id);
      if (!best || match.text.length > best.length) {
        const printed = normalizeTitle(view.displayText(r, c));
        best = { id: match.id, titleRow: r, titleAddress: address(r, c), printed, length: match.text.length };
      }
    }
  }
  if (!best || idsSeen.size > 1) return undefined;
  return { id: best.id, titleRow: best.titleRow, titleAddress: best.titleAddress, printed: best.printed };
}

/** A character every title and alias holds (表), when there is one: a cell without it holds no title. */
const SHARED_CHAR = [...(TITLE_TEXTS[TITLE_TEXTS.length - 1]?.text ?? '')].find((ch) => TITLE_TEXTS.every((t) => t.text.includes(ch)));

function mayHoldTitle(text: string): boolean {
  return SHARED_CHAR === undefined || text.includes(SHARED_CHAR);
}

function matchTitle(cellText: string): TitleText | undefined {
  if (cellText === '' || (SHARED_CHAR !== undefined && !cellText.includes(SHARED_CHAR)) || /[。；;]/.test(cellText)) return undefined;
  const text = normalizeTitle(cellText);
  return TITLE_TEXTS.find((t) => text.includes(t.text) && text.length - t.text.length <= MAX_TITLE_EXTRA);
}
