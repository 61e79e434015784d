// Builds the parts a real user's workbook may hold that exceljs does not understand, and puts
// them into an .xlsx with fflate: a VBA project (the workbook becomes an .xlsm), a data
// validation, workbook structure protection, a chart sheet with its drawing and chart, and an
// external link used by a `[1]Sheet1!A1` formula.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const VBA_BYTES = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256);

export const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'SHEET'!$B$8:$B$10</c:f></c:numRef></c:val></c:ser><c:axId val="1001"/><c:axId val="1002"/></c:barChart><c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx><c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1001"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

export const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8000000" cy="5000000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;

export const CHARTSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;

export const EXTERNAL_LINK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;

export const DATA_VALIDATIONS =
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="F8:F12"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
export const PROTECTION = '<workbookProtection lockStructure="1"/>';
export const EXTERNAL_FORMULA_CELL = '<c r="A300"><f>[1]Sheet1!A1</f><v>5</v></c>';

/** Parts the test expects back byte for byte. */
export const PRESERVED_PARTS = [
  'xl/vbaProject.bin',
  'xl/chartsheets/sheet1.xml',
  'xl/chartsheets/_rels/sheet1.xml.rels',
  'xl/drawings/drawingJ1.xml',
  'xl/drawings/_rels/drawingJ1.xml.rels',
  'xl/charts/chart1.xml',
  'xl/externalLinks/externalLink1.xml',
  'xl/externalLinks/_rels/externalLink1.xml.rels',
];

function insertBefore(xml: string, candidates: string[], fragment: string): string {
  for (const c of candidates) {
    const at = xml.indexOf(c);
    if (at >= 0) return xml.slice(0, at) + fragment + xml.slice(at);
  }
  throw new Error(`none of ${candidates.join(', ')} found`);
}

function addRel(rels: string, id: string, type: string, target: string, external = false): string {
  return rels.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`,
  );
}

/** Sheet part of the sheet named `sheet` (as exceljs names parts: by workbook order). */
function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const wb = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

/** The .xlsx bytes with every part above put in; `sheet` gets the validation and the external formula. */
export function injectParts(xlsx: Uint8Array, sheet: string): Uint8Array {
  const files = unzipSync(xlsx);
  const text = (name: string) => strFromU8(files[name]);
  const set = (name: string, s: string) => (files[name] = strToU8(s));

  // VBA: the workbook becomes macro-enabled
  files['xl/vbaProject.bin'] = VBA_BYTES;
  let types = text('[Content_Types].xml').replace(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  );
  types = types.replace(
    '</Types>',
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' +
      '<Override PartName="/xl/drawings/drawingJ1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
  );
  set('[Content_Types].xml', types);

  let wbRels = text('xl/_rels/workbook.xml.rels');
  wbRels = addRel(wbRels, 'rIdVba', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');
  wbRels = addRel(wbRels, 'rIdChart', `${R}/chartsheet`, 'chartsheets/sheet1.xml');
  wbRels = addRel(wbRels, 'rIdExt', `${R}/externalLink`, 'externalLinks/externalLink1.xml');
  set('xl/_rels/workbook.xml.rels', wbRels);

  // the chart sheet, its drawing and chart
  set('xl/chartsheets/sheet1.xml', CHARTSHEET);
  set(
    'xl/chartsheets/_rels/sheet1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawingJ1.xml"/></Relationships>`,
  );
  set('xl/drawings/drawingJ1.xml', DRAWING);
  set(
    'xl/drawings/_rels/drawingJ1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  set('xl/charts/chart1.xml', CHART.replace('SHEET', sheet));

  // the external link
  set('xl/externalLinks/externalLink1.xml', EXTERNAL_LINK);
  set(
    'xl/externalLinks/_rels/externalLink1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/externalLinkPath" Target="file:///C:/%E4%B8%8A%E5%B9%B4.xlsx" TargetMode="External"/></Relationships>`,
  );

  // workbook.xml: protection, the chart sheet (last), the external reference
  let wb = text('xl/workbook.xml');
  wb = insertBefore(wb, ['<bookViews', '<sheets'], PROTECTION);
  const maxId = Math.max(...[...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1])));
  wb = wb.replace(
    '</sheets>',
    `<sheet name="图表" sheetId="${maxId + 1}" r:id="rIdChart"/></sheets><externalReferences><externalReference r:id="rIdExt"/></externalReferences>`,
  );
  set('xl/workbook.xml', wb);

  // the table sheet: a validation and a formula reading the other workbook
  const part = sheetPart(files, sheet);
  let ws = text(part);
  ws = insertBefore(ws, ['<hyperlinks', '<printOptions', '<pageMargins'], DATA_VALIDATIONS);
  ws = ws.replace('</sheetData>', `<row r="300">${EXTERNAL_FORMULA_CELL}</row></sheetData>`);
  set(part, ws);
  return zipSync(files);
}

export function partsOf(xlsx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(xlsx);
}

export { sheetPart };
