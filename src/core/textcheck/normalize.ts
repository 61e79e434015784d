// Text as published is messy: PDF extraction puts spaces around numbers (“986.91 万元”), and
// half- and full-width punctuation are mixed. Every recogniser works on one normalised form.

const FULLWIDTH_DIGIT = /[０-９]/g;
/** Half-width punctuation and its full-width form (one pass for all of them). */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

/**
 * The matching form of a paragraph: full-width digits and ％ → ASCII, all whitespace dropped,
 * thousands separators dropped (“1,234.56” → “1234.56”), half-width , ; : ( ) ! ? → full-width,
 * quotes dropped (“三公” → 三公).
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(FULLWIDTH_DIGIT, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/(\d)．(?=\d)/g, '$1.')
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1')
    .replace(/[,;:()!?]/g, (ch) => FULL_WIDTH[ch])
    .replace(/["'“”‘’「」『』]/g, '');
}

/** A name for matching: normalised, the level marks （类）（款）（项） dropped. */
export function nameKey(text: string): string {
  return normalizeText(text).replace(/（[类款项]）/g, '');
}

/** A 类/款/项 name without a trailing 支出: 一般公共服务（类）支出 / 一般公共服务支出 → 一般公共服务. */
export function classKey(text: string): string {
  return nameKey(text).replace(/支出$/, '');
}
