import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadWorkbook, UnreadableWorkbookError } from '../../../src/hosts/file';
import { readGridsFromFile } from '../../../src/hosts/file/node';
import { cfbBytes, expectUnreadable, patchZip, utf16le, withSheetXml, xlsxBytes, zipBytes } from './helpers';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

async function realXlsx(): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const ws = wb.addWorksheet('收入支出决算总表');
    for (let r = 1; r <= 200; r++) {
      ws.getRow(r).values = [`项目${r}`, r, r * 1.5, `说明文字${r * 7919}`];
    }
  });
}

describe('loadWorkbook: unreadable files', () => {
  test('empty file', async () => {
    const err = await expectUnreadable(loadWorkbook(new Uint8Array(0), '决算.xlsx'), 'empty', '决算.xlsx');
    expect(err.message).toBe('无法读取“决算.xlsx”：文件是空的（0 字节），可能下载或复制没有完成，请重新获取原文件后再试。');
  });

  test('file of zero bytes only', async () => {
    const err = await expectUnreadable(loadWorkbook(new Uint8Array(4096), 'z.xlsx'), 'empty', 'z.xlsx');
    expect(err.message).toContain('空白');
  });

  test('CSV text renamed .xlsx (UTF-8 and GBK)', async () => {
    const csv = '项目,行次,金额\r\n一般公共预算财政拨款收入,1,1234.56\r\n';
    const err = await expectUnreadable(loadWorkbook(enc(csv), '收支总表.xlsx'), 'not-xlsx', '收支总表.xlsx');
    expect(err.message).toBe(
      '无法读取“收支总表.xlsx”：这是 CSV 或文本格式的文件，并非 Excel 工作簿，请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
    );
    // "项目,金额" in GBK, then a number.
    const gbk = new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0d, 0x0a, 0x41, 0x2c, 0x31, 0x0d, 0x0a]);
    const err2 = await expectUnreadable(loadWorkbook(gbk, 'gbk.xlsx'), 'not-xlsx', 'gbk.xlsx');
    expect(err2.message).toContain('CSV');
    // UTF-16LE with BOM, tab separated (Excel's "Unicode 文本").
    const u16 = new Uint8Array([0xff, 0xfe, ...utf16le('项目\t金额\r\n收入\t1\r\n')]);
    const err3 = await expectUnreadable(loadWorkbook(u16, 'u16.xlsx'), 'not-xlsx', 'u16.xlsx');
    expect(err3.message).toContain('CSV');
  });

  test('HTML and SpreadsheetML 2003 saved as .xls', async () => {
    const html =
      '\ufeff<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table><tr><td>1</td></tr></table></body></html>';
    const err = await expectUnreadable(loadWorkbook(enc(html), '导出.xls'), 'not-xlsx', '导出.xls');
    expect(err.message).toContain('网页（HTML）');
    const xml =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    const err2 = await expectUnreadable(loadWorkbook(enc(xml), 'x.xls'), 'not-xlsx', 'x.xls');
    expect(err2.message).toContain('Excel 2003 XML');
    const mht = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n';
    const err3 = await expectUnreadable(loadWorkbook(enc(mht), 'y.xls'), 'not-xlsx', 'y.xls');
    expect(err3.message).toContain('.mht');
  });

  test('other recognisable non-workbooks', async () => {
    const pdf = await expectUnreadable(loadWorkbook(enc('%PDF-1.7\n%\xe2\xe3'), 'a.xlsx'), 'not-xlsx', 'a.xlsx');
    expect(pdf.message).toContain('PDF');
    const rar = await expectUnreadable(loadWorkbook(new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 7, 0]), 'a.rar'), 'not-xlsx', 'a.rar');
    expect(rar.message).toContain('RAR');
    const bin = await expectUnreadable(loadWorkbook(new Uint8Array([1, 2, 3, 0, 0, 0, 4, 5, 6, 7]), 'b.xlsx'), 'not-xlsx', 'b.xlsx');
    expect(bin.message).toBe('无法读取“b.xlsx”：文件格式无法识别，并非 Excel 工作簿（.xlsx），请选择 .xlsx 格式的决算报表。');
  });

  test('truncated xlsx (first half of a real one)', async () => {
    const bytes = await realXlsx();
    const half = bytes.slice(0, Math.floor(bytes.length / 2));
    const err = await expectUnreadable(loadWorkbook(half, '决算.xlsx'), 'truncated', '决算.xlsx');
    expect(err.message).toBe('无法读取“决算.xlsx”：文件不完整或已损坏（可能下载或复制没有完成），请重新获取原文件后再试。');
    // Missing only the last few bytes (the end-of-directory record cut short).
    await expectUnreadable(loadWorkbook(bytes.slice(0, bytes.length - 5), '决算.xlsx'), 'truncated', '决算.xlsx');
  });

  test('zip whose compressed data is damaged: wrapped, library text only in cause', async () => {
    const bytes = await realXlsx();
    const damaged = bytes.slice();
    // Scramble the sheet's compressed data, keeping every zip header and the directory intact
    // so only the unzipper itself can notice.
    const name = enc('xl/worksheets/sheet1.xml');
    const at = Buffer.from(bytes).indexOf(Buffer.from(name)); // first hit: the local header
    expect(at).toBeGreaterThan(30);
    const extraLen = bytes[at - 30 + 28] | (bytes[at - 30 + 29] << 8);
    const data = at + name.length + extraLen;
    for (let i = data; i < data + 64; i++) damaged[i] = 0xff ^ damaged[i];
    const err = await expectUnreadable(loadWorkbook(damaged, 'bad.xlsx'), ['truncated', 'other'], 'bad.xlsx');
    expect(err.cause).toBeInstanceOf(Error);
  });

  test('old .xls (CFB without encryption streams)', async () => {
    const err = await expectUnreadable(loadWorkbook(cfbBytes(), 'x.xlsx'), 'xls', 'x.xlsx');
    expect(err.message).toBe('无法读取“x.xlsx”：这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试。');
    await expectUnreadable(loadWorkbook(cfbBytes(utf16le('Workbook')), '2023年决算.xls'), 'xls', '2023年决算.xls');
  });

  test('password-protected .xlsx (CFB with an EncryptionInfo stream)', async () => {
    const bytes = cfbBytes([...utf16le('EncryptionInfo'), 0, 0, ...utf16le('EncryptedPackage')]);
    const err = await expectUnreadable(loadWorkbook(bytes, '决算.xlsx'), 'encrypted', '决算.xlsx');
    expect(err.message).toBe('无法读取“决算.xlsx”：文件设置了打开密码，请先在 Excel/WPS 中取消密码后再试。');
  });

  test('old Word .doc (CFB with a WordDocument stream)', async () => {
    const err = await expectUnreadable(loadWorkbook(cfbBytes(utf16le('WordDocument')), 'a.xls'), 'not-xlsx', 'a.xls');
    expect(err.message).toContain('Word');
  });

  test('a zip that is not a workbook: .docx, .ods, .xlsb, a zipped workbook, any zip', async () => {
    const docx = await zipBytes({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': '<Relationships/>',
      'word/document.xml': '<w:document/>',
    });
    const err = await expectUnreadable(loadWorkbook(docx, '说明.xlsx'), 'not-xlsx', '说明.xlsx');
    expect(err.message).toBe('无法读取“说明.xlsx”：这是 Word 文档（.docx），并非 Excel 工作簿（.xlsx），请选择 .xlsx 格式的决算报表。');

    const ods = await zipBytes({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' });
    const errO = await expectUnreadable(loadWorkbook(ods, 'a.ods'), 'not-xlsx', 'a.ods');
    expect(errO.message).toContain('OpenDocument 表格（.ods）');

    const xlsb = await zipBytes({ 'xl/workbook.bin': 'x', '[Content_Types].xml': '<Types/>' });
    const errB = await expectUnreadable(loadWorkbook(xlsb, 'a.xlsb'), 'not-xlsx', 'a.xlsb');
    expect(errB.message).toContain('.xlsb');

    const zipped = await zipBytes({ '2024/部门决算.xlsx': 'x' });
    const errZ = await expectUnreadable(loadWorkbook(zipped, '附件.zip'), 'not-xlsx', '附件.zip');
    expect(errZ.message).toContain('请先解压');

    const other = await zipBytes({ 'readme.txt': 'hi' });
    await expectUnreadable(loadWorkbook(other, 'a.zip'), 'not-xlsx', 'a.zip');

    const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    await expectUnreadable(loadWorkbook(emptyZip, 'e.xlsx'), 'not-xlsx', 'e.xlsx');
  });

  test('a worksheet exceljs cannot see (non-standard part name) is reported, not silently dropped', async () => {
    const base = await xlsxBytes((wb) => {
      wb.addWorksheet('表一').getCell('A1').value = 1;
      wb.addWorksheet('表二').getCell('A1').value = 2;
    });
    const zipLike = await patchZip(base, {
      'xl/worksheets/sheet2.xml': () => null,
      'xl/worksheets/Sheet2.xml': () => '',
    });
    // Put the sheet under a capitalised part name and point the rels there.
    const bytes = await patchZip(zipLike, {
      'xl/worksheets/Sheet2.xml': () =>
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>',
      'xl/_rels/workbook.xml.rels': (xml) => xml!.replace('worksheets/sheet2.xml', 'worksheets/Sheet2.xml'),
    });
    const err = await expectUnreadable(loadWorkbook(bytes, 'wps.xlsx'), 'other', 'wps.xlsx');
    expect(err.message).toBe(
      '无法读取“wps.xlsx”：工作簿中有 1 张工作表的结构不规范、无法读取，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
    );
  });

  test('overlapping merges make exceljs throw: wrapped as "other"', async () => {
    const base = await xlsxBytes((wb) => {
      wb.addWorksheet('S').getCell('A1').value = 1;
    });
    const bytes = await withSheetXml(
      base,
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
    );
    const err = await expectUnreadable(loadWorkbook(bytes, 'm.xlsx'), 'other', 'm.xlsx');
    expect(err.message).toBe('无法读取“m.xlsx”：文件内容已损坏或格式不规范，无法解析，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。');
    expect((err.cause as Error).message).toMatch(/merge/i);
  });

  test('malformed sheet XML: wrapped as "other"', async () => {
    const base = await xlsxBytes((wb) => {
      wb.addWorksheet('S').getCell('A1').value = 1;
    });
    const bytes = await patchZip(base, { 'xl/worksheets/sheet1.xml': (xml) => xml!.replace('</sheetData>', '</sheetDat>') });
    await expectUnreadable(loadWorkbook(bytes, 's.xlsx'), 'other', 's.xlsx');
  });

  test('too large', async () => {
    const bytes = await realXlsx();
    const err = await expectUnreadable(loadWorkbook(bytes, 'big.xlsx', { maxBytes: 1024 }), 'too-large', 'big.xlsx');
    expect(err.message).toMatch(/^无法读取“big\.xlsx”：文件过大（\d+ KB，上限 1 KB）/);
    const err2 = await expectUnreadable(loadWorkbook(bytes, 'bomb.xlsx', { maxUncompressedBytes: 2048 }), 'too-large', 'bomb.xlsx');
    expect(err2.message).toContain('解压后过大');
  });

  test('the message shows only the base name; without a name it says 该文件', async () => {
    await expectUnreadable(loadWorkbook(new Uint8Array(0), 'C:\\Users\\会计\\桌面\\决算.xlsx'), 'empty', '决算.xlsx');
    await expectUnreadable(loadWorkbook(new Uint8Array(0), '/home/a/决算.xlsx'), 'empty', '决算.xlsx');
    const err = await expectUnreadable(loadWorkbook(new Uint8Array(0)), 'empty', null);
    expect(err.fileName).toBeUndefined();
  });

  test('bad argument type is a programming error, not an UnreadableWorkbookError', async () => {
    await expect(loadWorkbook('x' as unknown as Uint8Array)).rejects.toThrow(TypeError);
  });
});

describe('readGridsFromFile (Node)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'juesuan-file-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('reads a workbook from disk', async () => {
    const file = path.join(dir, '部门决算.xlsx');
    await fs.writeFile(file, await xlsxBytes((wb) => (wb.addWorksheet('S').getCell('B1').value = 7)));
    const { grids } = await readGridsFromFile(file);
    expect(grids).toEqual([{ sheet: 'S', cells: [[null, 7]], merges: [] }]);
  });

  test('missing file → not-found', async () => {
    const err = await expectUnreadable(readGridsFromFile(path.join(dir, '没有.xlsx')), 'not-found', '没有.xlsx');
    expect(err.message).toBe('无法读取“没有.xlsx”：找不到这个文件，请检查文件名和所在文件夹是否正确。');
  });

  test('a directory → other', async () => {
    const err = await expectUnreadable(readGridsFromFile(dir), 'other', path.basename(dir));
    expect(err.message).toContain('文件夹');
  });

  test('unreadable content on disk → same errors as loadWorkbook', async () => {
    const file = path.join(dir, 'old.xls');
    await fs.writeFile(file, cfbBytes());
    await expectUnreadable(readGridsFromFile(file), 'xls', 'old.xls');
  });

  test('size limit checked before reading', async () => {
    const file = path.join(dir, 'big.xlsx');
    await fs.writeFile(file, new Uint8Array(4096));
    await expectUnreadable(readGridsFromFile(file, { maxBytes: 1000 }), 'too-large', 'big.xlsx');
  });

  test('errors are UnreadableWorkbookError instances usable with instanceof', async () => {
    await expect(readGridsFromFile(path.join(dir, 'nope.xlsx'))).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});
