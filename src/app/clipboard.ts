// 复制全文: the narrative as the clipboard carries it. Word pastes text/html <p> elements as
// paragraphs (text/plain alone would do too, but Word then takes the pane's styling guesses);
// plain text keeps one paragraph per line for Notepad and WPS 文字.
import { headingLevel } from '../core/plan';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One <p> per paragraph, headings bold; a full HTML document, as Word expects from the clipboard. */
export function narrativeHtml(paragraphs: string[]): string {
  const body = paragraphs.map((p) => (headingLevel(p) ? `<p><b>${escapeHtml(p)}</b></p>` : `<p>${escapeHtml(p)}</p>`)).join('');
  return `<html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}

/** One line per paragraph (CRLF, which Windows' clipboard consumers expect). */
export function narrativePlain(paragraphs: string[]): string {
  return paragraphs.join('\r\n');
}
