// Excel keeps at most 32,767 characters in a cell or a note (“Total number of characters that a
// cell can contain: 32,767”, Excel specifications and limits); longer text is cut by the host or
// refused. Cut it ourselves, visibly, at a line end where there is one.

export const EXCEL_CELL_CHARS = 32767;

/** The text, or its head followed by `marker` so that the whole fits in one cell. */
export function fitCellText(text: string, marker: string, max = EXCEL_CELL_CHARS): string {
  if (text.length <= max) return text;
  let end = max - marker.length;
  const lineEnd = text.lastIndexOf('\n', end);
  if (lineEnd > end / 2) end = lineEnd;
  // Never split a surrogate pair (a CJK extension character counts as two).
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + marker;
}

/** The text in pieces of at most `max` characters (for keeping a cut text in full elsewhere). */
export function splitCellText(text: string, max = EXCEL_CELL_CHARS): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}
