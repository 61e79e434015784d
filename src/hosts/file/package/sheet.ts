// Splices a worksheet part: the touched cells, column widths and row heights are replaced,
// everything else in the part (other cells, merges, validations, conditional formats,
// drawings, extLst …) is kept as written.
import { columnLetters, parseAddress } from '../../../core/grid';
import { attr, attributes, elements, firstElement, setAttrs } from './xml';

export interface SheetSplice {
  /** Final <c> element for a touched address, given the original one (undefined: no cell). */
  cells: Map<string, (original: string | undefined) => string | undefined>;
  /** Column letters → width in characters (null: the default). */
  columns: Map<string, number | null>;
  /** 1-based row → height in points (null: automatic). */
  rows: Map<number, number | null>;
}

interface Row {
  r: number;
  xml: string;
}

function colNumber(letters: string): number {
  return parseAddress(`${letters}1`).col + 1;
}

function cellsOf(rowXml: string, p: string, r: number): { col: number; address: string; xml: string }[] {
  let next = 1;
  return elements(rowXml, `${p}c`).map((e) => {
    let address = attr(e.tag, 'r');
    if (!address) {
      address = `${columnLetters(next - 1)}${r}`;
    }
    const col = parseAddress(address).col + 1;
    next = col + 1;
    const xml = attr(e.tag, 'r') ? e.xml : e.xml.replace(/^<[^\s/>]+/, (t) => `${t} r="${address}"`);
    return { col, address: address.toUpperCase(), xml };
  });
}

function rowsOf(sheetDataInner: string, p: string): Row[] {
  let next = 1;
  return elements(sheetDataInner, `${p}row`).map((e) => {
    const r = Number(attr(e.tag, 'r') ?? next);
    next = r + 1;
    const xml = attr(e.tag, 'r') ? e.xml : e.xml.replace(/^<[^\s/>]+/, (t) => `${t} r="${r}"`);
    return { r, xml };
  });
}

function rebuildRow(p: string, r: number, original: string | undefined, splice: SheetSplice, addresses: string[]): string | undefined {
  const el = original ? firstElement(original, `${p}row`) : undefined;
  const cells = el ? cellsOf(el.inner, p, r) : [];
  const byCol = new Map(cells.map((c) => [c.col, c.xml]));
  for (const address of addresses) {
    const col = parseAddress(address).col + 1;
    const make = splice.cells.get(address)!;
    const made = make(byCol.get(col));
    if (made === undefined) byCol.delete(col);
    else byCol.set(col, made);
  }
  const changes: Record<string, string | undefined> = { r: String(r), spans: undefined };
  if (splice.rows.has(r)) {
    const h = splice.rows.get(r)!;
    changes.ht = h === null ? undefined : String(h);
    changes.customHeight = h === null ? undefined : '1';
  }
  let tag = setAttrs((el?.tag ?? `<${p}row>`).replace(/\/>$/, '>'), changes);
  const body = [...byCol.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, xml]) => xml)
    .join('');
  if (!el && body === '' && attributes(tag).size <= 1) return undefined;
  tag = tag.replace(/\/>$/, '>');
  return body === '' ? tag.replace(/>$/, '/>') : `${tag}${body}</${p}row>`;
}

function spliceColumns(xml: string, p: string, columns: Map<string, number | null>): string {
  if (columns.size === 0) return xml;
  interface Col {
    min: number;
    max: number;
    tag: string;
  }
  const box = firstElement(xml, `${p}cols`);
  let cols: Col[] = (box ? elements(box.inner, `${p}col`) : []).map((e) => ({
    min: Number(attr(e.tag, 'min')),
    max: Number(attr(e.tag, 'max')),
    tag: e.tag.replace(/>$/, '/>').replace(/\/\/>$/, '/>'),
  }));
  for (const [letters, width] of columns) {
    const c = colNumber(letters);
    const at = cols.findIndex((x) => x.min <= c && c <= x.max);
    const base = at >= 0 ? cols[at] : { min: c, max: c, tag: `<${p}col/>` };
    const pieces: Col[] = [];
    if (base.min < c) pieces.push({ ...base, max: c - 1 });
    const own: Col = { min: c, max: c, tag: base.tag };
    own.tag = setAttrs(own.tag, { width: width === null ? undefined : String(width), customWidth: width === null ? undefined : '1' });
    const left = [...attributes(own.tag).keys()].filter((k) => k !== 'min' && k !== 'max');
    if (left.length > 0) pieces.push(own);
    if (c < base.max) pieces.push({ ...base, min: c + 1 });
    cols = at >= 0 ? [...cols.slice(0, at), ...pieces, ...cols.slice(at + 1)] : [...cols, ...pieces];
  }
  cols.sort((a, b) => a.min - b.min);
  const body = cols.map((c) => setAttrs(c.tag, { min: String(c.min), max: String(c.max) })).join('');
  const inner = body === '' ? '' : `<${p}cols>${body}</${p}cols>`;
  if (box) return xml.slice(0, box.start) + inner + xml.slice(box.end);
  if (inner === '') return xml;
  const data = firstElement(xml, `${p}sheetData`) ?? { start: xml.indexOf(`<${p}sheetData`) };
  return xml.slice(0, data.start) + inner + xml.slice(data.start);
}

/** The worksheet part with the splice applied. */
export function spliceSheet(xml: string, p: string, splice: SheetSplice): string {
  const rowsTouched = new Map<number, string[]>();
  for (const address of splice.cells.keys()) {
    const r = parseAddress(address).row + 1;
    rowsTouched.set(r, [...(rowsTouched.get(r) ?? []), address]);
  }
  for (const r of splice.rows.keys()) if (!rowsTouched.has(r)) rowsTouched.set(r, []);

  let out = xml;
  if (rowsTouched.size > 0) {
    const data = firstElement(out, `${p}sheetData`);
    if (!data) throw new Error('worksheet without sheetData');
    const rows = rowsOf(data.inner, p);
    const byR = new Map(rows.map((row) => [row.r, row.xml]));
    for (const [r, addresses] of rowsTouched) {
      const made = rebuildRow(p, r, byR.get(r), splice, addresses);
      if (made === undefined) byR.delete(r);
      else byR.set(r, made);
    }
    const body = [...byR.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x)
      .join('');
    const tag = data.tag.replace(/\/>$/, '>');
    out = out.slice(0, data.start) + (body === '' ? tag.replace(/>$/, '/>') : `${tag}${body}</${p}sheetData>`) + out.slice(data.end);
  }
  return spliceColumns(out, p, splice.columns);
}

/** Shared-formula groups whose first cell was overwritten: the other cells get their own formula. */
export function unshareOrphans(xml: string, p: string, masters: Map<string, { address: string; formula: string }>): string {
  if (masters.size === 0) return xml;
  return xml.replace(new RegExp(`<${p}c(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, 'g'), (cell) => {
    const f = firstElement(cell, `${p}f`);
    if (!f || attr(f.tag, 't') !== 'shared' || attr(f.tag, 'ref') !== undefined) return cell;
    const master = masters.get(attr(f.tag, 'si') ?? '');
    const address = attr(cell, 'r');
    if (!master || !address) return cell;
    const formula = slideFormula(master.formula, master.address, address);
    return cell.replace(f.xml, `<${p}f>${formula}</${p}f>`);
  });
}

/**
 * A shared formula as written in its first cell, moved to another cell: relative references
 * shift by the offset. After exceljs's slideFormula (lib/utils/shared-formula.js), which its
 * browser build does not export. `formula` is XML-escaped text; so is the result.
 */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = parseAddress(from);
  const b = parseAddress(to);
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (whole, sheet: string | undefined, _s, ref: string, paren) => {
    if (paren) return whole;
    const m = /^(\$)?([a-z]+)(\$)?([1-9][0-9]*)$/i.exec(ref);
    if (!m) return whole;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return whole;
    let col = colNumber(letters) - 1;
    let row = Number(m[4]) - 1;
    if (!m[1]) col += b.col - a.col;
    if (!m[3]) row += b.row - a.row;
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(col)}${m[3] ?? ''}${row + 1}`;
  });
}
