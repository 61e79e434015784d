// The package-preserving writer: the original file's parts, with only what juesuan changed
// rewritten. The exceljs model (which the plans were applied to) is serialised once, and from
// that output are taken just the touched cells (their values and their styles, the styles
// re-added to the original styles part), the notes of sheets that got notes, the sheets juesuan
// created and its own very hidden sheets. Every other part — VBA projects, charts and chart
// sheets, external links, data validations, workbook protection, custom XML, printer settings —
// is copied as it was, and an .xlsm stays an .xlsm.
import type * as ExcelJS from 'exceljs';
import { CREATED_SHEET_MARKER_PREFIX } from '../../../core/plan';
import { isPrivateSheet } from '../../host';
import { CONTENT_TYPE, ContentTypes, Parts, REL, REL_NS, Rels, workbookPart } from './opc';
import { spliceSheet, unshareOrphans } from './sheet';
import type { SheetSplice } from './sheet';
import { StyleMerger } from './styles';
import { touchesOf } from './touched';
import { withModelEdits } from './edits';
import type { CellTouch, SheetTouches } from './touched';
import { attr, elements, escapeAttr, escapeText, firstElement, prefixFor, rootPrefix, setAttrs, unescapeXml, withPrefix } from './xml';
import { zipEntries, zipPackage } from '../zipwrite';

interface SheetRef {
  name: string;
  part: string;
  rid: string;
  /** The <sheet> element in workbook.xml. */
  xml: string;
}

function sheetsOf(parts: Parts, wbPath: string): { xml: string; sheets: SheetRef[]; r: string } {
  const xml = parts.text(wbPath) ?? '';
  const r = prefixFor(xml, REL_NS) ?? 'r:';
  const p = rootPrefix(xml);
  const rels = new Rels(parts, wbPath);
  const box = firstElement(xml, `${p}sheets`);
  const sheets = (box ? elements(box.inner, `${p}sheet`) : []).map((e) => {
    const rid = attr(e.tag, `${r}id`) ?? '';
    return { name: attr(e.tag, 'name') ?? '', rid, part: rels.byId(rid)?.part ?? '', xml: e.xml };
  });
  return { xml, sheets, r };
}

/** The <si> contents of exceljs's shared strings, to turn its t="s" cells into inline strings. */
function sharedStrings(parts: Parts): string[] {
  const xml = parts.text('xl/sharedStrings.xml') ?? '';
  return elements(xml, 'si').map((e) => e.inner);
}

/** exceljs's cell XML (unprefixed, its own style and string indexes) made fit for the original. */
class CellTranslator {
  constructor(
    private readonly styles: StyleMerger,
    private readonly strings: string[],
  ) {}

  style(excelCell: string | undefined): string | undefined {
    const s = Number(excelCell ? (attr(excelCell, 's') ?? 0) : 0);
    return s === 0 ? undefined : String(this.styles.map(s));
  }

  /** The value part: the t attribute and the content, shared strings made inline. */
  content(excelCell: string, ws: ExcelJS.Worksheet, address: string): { t: string | undefined; inner: string } {
    const el = firstElement(excelCell, 'c');
    let t = el ? attr(el.tag, 't') : undefined;
    let inner = el?.inner ?? '';
    if (t === 's') {
      const v = firstElement(inner, 'v');
      inner = `<is>${this.strings[Number(v?.inner ?? -1)] ?? '<t></t>'}</is>`;
      t = 'inlineStr';
    }
    const f = firstElement(inner, 'f');
    if (f && attr(f.tag, 't') === 'shared') {
      // exceljs numbers shared formulas its own way: give this cell its formula in full
      const formula = (ws.getCell(address) as { formula?: string }).formula;
      inner = inner.replace(f.xml, formula ? `<f>${escapeText(formula)}</f>` : '');
    }
    return { t, inner };
  }

  /** A whole exceljs sheet for the package: styles mapped, strings inline. */
  wholeSheet(xml: string, ws: ExcelJS.Worksheet | undefined): string {
    return xml.replace(/<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (cell) => {
      const tag = /^<c\b[^>]*?\/?>/.exec(cell)![0];
      const address = attr(tag, 'r') ?? '';
      const { t, inner } =
        ws && /t="s"|t="shared"/.test(cell)
          ? this.content(cell, ws, address)
          : { t: attr(tag, 't'), inner: firstElement(cell, 'c')?.inner ?? '' };
      const start = setAttrs(tag.replace(/\/>$/, '>'), { s: this.style(tag), t });
      return inner === '' ? start.replace(/>$/, '/>') : `${start}${inner}</c>`;
    });
  }
}

function excelCellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+[0-9]+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

interface Context {
  parts: Parts;
  excel: Parts;
  types: ContentTypes;
  excelTypes: ContentTypes;
  cells: CellTranslator;
  styles: StyleMerger;
  /** A value changed or a sheet went: Excel's calculation chain must be rebuilt. */
  valuesChanged: boolean;
}

/** Copies the parts an exceljs sheet relates to (its notes) into the package, for `sheetPart`. */
function copyRelated(ctx: Context, excelSheetPart: string, sheetPart: string, sheetXml: string): string {
  const from = new Rels(ctx.excel, excelSheetPart);
  const to = new Rels(ctx.parts, sheetPart);
  let xml = sheetXml;
  for (const rel of from.list()) {
    let id: string;
    if (rel.external) {
      id = to.add(rel.type, rel.part);
    } else {
      const dot = rel.part.lastIndexOf('.');
      const stem = rel.part.slice(0, dot).replace(/[0-9]+$/, '');
      const name = ctx.parts.freeName(stem, rel.part.slice(dot));
      ctx.parts.set(name, ctx.excel.entries.get(rel.part)!);
      const type = ctx.excelTypes.typeOf(rel.part);
      if (type) ctx.types.declare(name, type);
      id = to.add(rel.type, name);
    }
    xml = xml.split(`"${rel.id}"`).join(`"${id}"`);
  }
  to.save();
  return xml;
}

/** Removes a part and the parts only it relates to (notes), with their content types. */
function removeSheetPart(ctx: Context, part: string): void {
  const rels = new Rels(ctx.parts, part);
  for (const rel of rels.list()) {
    if (!rel.external && (rel.type === REL.comments || rel.type === REL.vmlDrawing)) {
      ctx.parts.delete(rel.part);
      ctx.types.undeclare(rel.part);
    }
  }
  ctx.parts.delete(rels.path);
  ctx.parts.delete(part);
  ctx.types.undeclare(part);
}

const LEGACY_DRAWING_FOLLOWERS = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** The sheet's notes replaced by exceljs's (comments part and its VML drawing). */
function replaceNotes(ctx: Context, sheetPart: string, excelSheetPart: string, xml: string, p: string, r: string): string {
  const rels = new Rels(ctx.parts, sheetPart);
  const excelRels = new Rels(ctx.excel, excelSheetPart);
  const newComments = excelRels.byType(REL.comments)[0];
  const newVml = excelRels.byType(REL.vmlDrawing)[0];
  const legacy = firstElement(xml, `${p}legacyDrawing`);
  const vmlRel = legacy ? rels.byId(attr(legacy.tag, `${r}id`) ?? '') : undefined;
  const comments = rels.byType(REL.comments)[0];
  let out = xml;
  if (newComments && newVml) {
    const commentsXml = ctx.excel.entries.get(newComments.part)!;
    const vmlXml = ctx.excel.entries.get(newVml.part)!;
    if (comments) ctx.parts.set(comments.part, commentsXml);
    else {
      const name = ctx.parts.freeName('xl/comments', '.xml');
      ctx.parts.set(name, commentsXml);
      ctx.types.declare(name, ctx.excelTypes.typeOf(newComments.part)!);
      rels.add(REL.comments, name);
    }
    if (vmlRel) ctx.parts.set(vmlRel.part, vmlXml);
    else {
      const name = ctx.parts.freeName('xl/drawings/vmlDrawing', '.vml');
      ctx.parts.set(name, vmlXml);
      ctx.types.declare(name, CONTENT_TYPE.vml);
      const id = rels.add(REL.vmlDrawing, name);
      const el = `<${p}legacyDrawing ${r}id="${id}"/>`;
      const follower = LEGACY_DRAWING_FOLLOWERS.map((n) => out.indexOf(`<${p}${n}`)).filter((i) => i >= 0);
      const at = follower.length > 0 ? Math.min(...follower) : out.lastIndexOf('</');
      out = out.slice(0, at) + el + out.slice(at);
    }
  } else {
    if (comments) {
      ctx.parts.delete(comments.part);
      ctx.types.undeclare(comments.part);
      rels.remove(comments.id);
    }
    if (vmlRel && legacy) {
      ctx.parts.delete(vmlRel.part);
      rels.remove(vmlRel.id);
      out = out.replace(legacy.xml, '');
    }
  }
  rels.save();
  return out;
}

function splicePlan(
  ctx: Context,
  ws: ExcelJS.Worksheet,
  touches: SheetTouches,
  excelXml: string,
  masters: Map<string, { address: string; formula: string }>,
  p: string,
): SheetSplice {
  const excelCells = excelCellsOf(excelXml);
  const cells = new Map<string, (original: string | undefined) => string | undefined>();
  for (const [address, touch] of touches.cells)
    cells.set(address, (original) => makeCell(ctx, ws, address, touch, original, excelCells.get(address), masters, p));
  const columns = new Map<string, number | null>();
  for (const c of touches.columns) {
    const w = ws.getColumn(c).width;
    columns.set(c, typeof w === 'number' ? w : null);
  }
  const rows = new Map<number, number | null>();
  for (const r of touches.rows) {
    const h = ws.findRow(r)?.height;
    rows.set(r, typeof h === 'number' ? h : null);
  }
  return { cells, columns, rows };
}

function makeCell(
  ctx: Context,
  ws: ExcelJS.Worksheet,
  address: string,
  touch: CellTouch,
  original: string | undefined,
  excelCell: string | undefined,
  masters: Map<string, { address: string; formula: string }>,
  p: string,
): string | undefined {
  const o = original ? firstElement(original, `${p}c`) : undefined;
  let tag = (o?.tag ?? `<${p}c r="${address}">`).replace(/\/>$/, '>');
  let inner = o?.inner ?? '';
  if (touch.value) {
    ctx.valuesChanged = true;
    const f = firstElement(inner, `${p}f`);
    if (f && attr(f.tag, 't') === 'shared' && attr(f.tag, 'ref') !== undefined) {
      masters.set(attr(f.tag, 'si') ?? '', { address, formula: f.inner });
    }
    const made = excelCell ? ctx.cells.content(excelCell, ws, address) : { t: undefined, inner: '' };
    tag = setAttrs(tag, { t: made.t, cm: undefined, vm: undefined });
    inner = withPrefix(made.inner, p);
  }
  if (touch.style) tag = setAttrs(tag, { s: ctx.cells.style(excelCell ? /^<c\b[^>]*>/.exec(excelCell)?.[0] : undefined) });
  if (inner === '' && attr(tag, 's') === undefined) return undefined;
  return inner === '' ? tag.replace(/>$/, '/>') : `${tag}${inner}</${p}c>`;
}

/** The workbook's defined names with sheet indexes moved, dropped sheets' names and old markers gone, markers from the model added. */
function rewriteDefinedNames(xml: string, p: string, newIndex: (old: number) => number | undefined, model: ExcelJS.Workbook): string {
  const markers = (model.definedNames.model as { name: string; ranges: string[] }[])
    .filter((n) => n.name.startsWith(CREATED_SHEET_MARKER_PREFIX))
    .map((n) => withPrefix(`<definedName name="${escapeAttr(n.name)}">${escapeText(n.ranges[0] ?? '')}</definedName>`, p));
  const box = firstElement(xml, `${p}definedNames`);
  const kept: string[] = [];
  for (const e of box ? elements(box.inner, `${p}definedName`) : []) {
    if ((attr(e.tag, 'name') ?? '').startsWith(CREATED_SHEET_MARKER_PREFIX)) continue;
    const local = attr(e.tag, 'localSheetId');
    if (local === undefined) {
      kept.push(e.xml);
      continue;
    }
    const moved = newIndex(Number(local));
    if (moved === undefined) continue;
    kept.push(moved === Number(local) ? e.xml : e.xml.replace(e.tag, setAttrs(e.tag, { localSheetId: String(moved) })));
  }
  const all = [...kept, ...markers];
  const inner = all.length === 0 ? '' : `<${p}definedNames>${all.join('')}</${p}definedNames>`;
  if (box) return xml.slice(0, box.start) + inner + xml.slice(box.end);
  if (inner === '') return xml;
  const followers = [
    'calcPr',
    'oleSize',
    'customWorkbookViews',
    'pivotCaches',
    'smartTagPr',
    'smartTagTypes',
    'webPublishing',
    'fileRecoveryPr',
    'webPublishObjects',
    'extLst',
  ];
  const found = followers.map((n) => xml.indexOf(`<${p}${n}`)).filter((i) => i >= 0);
  const at = found.length > 0 ? Math.min(...found) : xml.lastIndexOf('</');
  return xml.slice(0, at) + inner + xml.slice(at);
}

function dropCalcChain(ctx: Context, wbPath: string): void {
  const rels = new Rels(ctx.parts, wbPath);
  for (const rel of rels.byType(REL.calcChain)) {
    ctx.parts.delete(rel.part);
    ctx.types.undeclare(rel.part);
    rels.remove(rel.id);
  }
  rels.save();
}

/**
 * `original` (the file the workbook was loaded from) with what the plans applied to `model`
 * since then: see the file's head. `loaded`, the model as first loaded (parsed again), lets
 * edits made without a plan be found too (./edits). Throws if the original is not a package this writer reads.
 */
export async function writePackage(original: Uint8Array, model: ExcelJS.Workbook, loaded?: ExcelJS.Workbook): Promise<Uint8Array> {
  const touches = loaded ? withModelEdits(touchesOf(model), loaded, model) : touchesOf(model);
  const parts = new Parts(zipEntries(original));
  const excelBytes = (await model.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  const excel = new Parts(zipEntries(excelBytes instanceof Uint8Array ? excelBytes : new Uint8Array(excelBytes)));

  const wbPath = workbookPart(parts);
  const wb = sheetsOf(parts, wbPath);
  const ex = sheetsOf(excel, 'xl/workbook.xml');
  const excelByName = new Map(ex.sheets.map((s) => [s.name, s]));
  const originalByName = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s]));

  const stylesPath = new Rels(parts, wbPath).byType(REL.styles)[0]?.part;
  const excelStylesPath = new Rels(excel, 'xl/workbook.xml').byType(REL.styles)[0]?.part ?? 'xl/styles.xml';
  const styles = new StyleMerger(parts.text(stylesPath ?? '') ?? '<styleSheet/>', excel.text(excelStylesPath) ?? '');
  const ctx: Context = {
    parts,
    excel,
    styles,
    types: new ContentTypes(parts),
    excelTypes: new ContentTypes(excel),
    cells: new CellTranslator(styles, sharedStrings(excel)),
    valuesChanged: false,
  };

  // which original sheets stay, which are written whole. Chart sheets, dialog and macro sheets
  // (no exceljs worksheet) always stay where they are.
  const isWorksheet = (s: SheetRef) => new Rels(parts, wbPath).byId(s.rid)?.type === REL.worksheet;
  const kept = new Set<SheetRef>(wb.sheets.filter((s) => !isWorksheet(s)));
  const added: { name: string; xml: string }[] = [];
  let structural = false;
  let nextSheetId = Math.max(0, ...wb.sheets.map((s) => Number(attr(s.xml, 'sheetId') ?? 0))) + 1;
  const wbRels = new Rels(parts, wbPath);
  const wbPrefix = rootPrefix(wb.xml);

  for (const ws of model.worksheets) {
    const before = originalByName.get(ws.name.toLowerCase());
    const excelSheet = excelByName.get(ws.name);
    if (!excelSheet) throw new Error(`exceljs wrote no part for sheet ${ws.name}`);
    const excelXml = excel.text(excelSheet.part)!;
    if (before && isWorksheet(before) && !touches.structural.has(ws.name.toLowerCase())) {
      kept.add(before);
      if (isPrivateSheet(ws.name)) {
        parts.setText(before.part, ctx.cells.wholeSheet(excelXml, ws));
        continue;
      }
      const t = touches.sheets.get(ws.name.toLowerCase());
      if (!t) continue;
      const xml = parts.text(before.part)!;
      const p = rootPrefix(xml);
      const r = prefixFor(xml, REL_NS) ?? 'r:';
      const masters = new Map<string, { address: string; formula: string }>();
      let out = spliceSheet(xml, p, splicePlan(ctx, ws, t, excelXml, masters, p));
      out = unshareOrphans(out, p, masters);
      if (t.notes) out = replaceNotes(ctx, before.part, excelSheet.part, out, p, r);
      parts.setText(before.part, out);
      continue;
    }
    // a sheet juesuan created: written whole, after the others
    structural = true;
    const part = parts.freeName('xl/worksheets/sheet', '.xml');
    let xml = ctx.cells.wholeSheet(excelXml, ws);
    xml = copyRelated(ctx, excelSheet.part, part, xml);
    parts.setText(part, xml);
    ctx.types.declare(part, CONTENT_TYPE.worksheet);
    const rid = wbRels.add(REL.worksheet, part);
    const state = ws.state === 'hidden' || ws.state === 'veryHidden' ? ` state="${ws.state}"` : '';
    added.push({
      name: ws.name,
      xml: withPrefix(`<sheet name="${escapeAttr(ws.name)}" sheetId="${nextSheetId++}"${state} ${wb.r}id="${rid}"/>`, wbPrefix),
    });
  }
  for (const s of wb.sheets) {
    if (kept.has(s)) continue;
    structural = true;
    ctx.valuesChanged = true;
    removeSheetPart(ctx, s.part);
    wbRels.remove(s.rid);
  }
  wbRels.save();

  if (structural) {
    const final = [...wb.sheets.filter((s) => kept.has(s)).map((s) => ({ name: s.name, xml: s.xml })), ...added];
    const position = (name: string) => final.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
    let xml = wb.xml;
    const box = firstElement(xml, `${wbPrefix}sheets`)!;
    xml = xml.slice(0, box.start) + `${box.tag}${final.map((f) => f.xml).join('')}</${wbPrefix}sheets>` + xml.slice(box.end);
    const newIndex = (old: number) => {
      const s = wb.sheets[old];
      return s && kept.has(s) ? position(s.name) : undefined;
    };
    xml = rewriteDefinedNames(xml, wbPrefix, newIndex, model);
    const view = firstElement(xml, `${wbPrefix}workbookView`);
    if (view) {
      const modelActive = model.worksheets[model.views?.[0]?.activeTab ?? 0];
      const active = newIndex(Number(attr(view.tag, 'activeTab') ?? 0)) ?? (modelActive ? position(modelActive.name) : 0);
      const first = newIndex(Number(attr(view.tag, 'firstSheet') ?? 0)) ?? 0;
      const changes: Record<string, string | undefined> = {
        activeTab: active <= 0 ? undefined : String(active),
        firstSheet: first <= 0 ? undefined : String(first),
      };
      xml = xml.replace(view.tag, setAttrs(view.tag, changes));
    }
    parts.setText(wbPath, xml);
  } else if (markersChanged(wb.xml, wbPrefix, model)) {
    parts.setText(
      wbPath,
      rewriteDefinedNames(wb.xml, wbPrefix, (i) => i, model),
    );
  }

  if (ctx.valuesChanged) dropCalcChain(ctx, wbPath);
  const stylesXml = styles.result();
  if (stylesXml !== undefined && stylesPath) parts.setText(stylesPath, stylesXml);
  ctx.types.save();
  return zipPackage(parts.entries);
}

function markersChanged(xml: string, p: string, model: ExcelJS.Workbook): boolean {
  const box = firstElement(xml, `${p}definedNames`);
  const before = (box ? elements(box.inner, `${p}definedName`) : [])
    .filter((e) => (attr(e.tag, 'name') ?? '').startsWith(CREATED_SHEET_MARKER_PREFIX))
    .map((e) => `${attr(e.tag, 'name')}=${unescapeXml(e.inner)}`);
  const after = (model.definedNames.model as { name: string; ranges: string[] }[])
    .filter((n) => n.name.startsWith(CREATED_SHEET_MARKER_PREFIX))
    .map((n) => `${n.name}=${n.ranges[0] ?? ''}`);
  return before.sort().join('\n') !== after.sort().join('\n');
}
