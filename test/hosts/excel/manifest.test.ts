// manifest.xml checked offline: well-formed XML, a GUID id, the Workbook host with
// ReadWriteDocument and ExcelApi 1.7, every resid defined and every id unique, every URL on the
// dev server pointing at a page webpack builds or at an icon in assets/ of the size it claims.
// (`npm run validate` runs Microsoft's validator, which needs the network: a release step.)
import { promises as fs } from 'fs';
import * as path from 'path';
import { MINIMUM_EXCEL_API } from '../../../src/hosts/excel/support';

const ROOT = path.resolve(__dirname, '../../..');

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** A strict little XML parser: throws on anything not well-formed (enough for a manifest). */
function parseXml(xml: string): Node {
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`manifest.xml is not well-formed at ${xml.slice(0, i).split('\n').length}: ${why}`);
  };
  const skip = () => {
    for (;;) {
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) fail('unclosed <?');
        i = end + 2;
      } else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) fail('unclosed comment');
        if (xml.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
        i = end + 3;
      } else return;
    }
  };
  const name = () => {
    const m = /^[A-Za-z_][\w.:-]*/.exec(xml.slice(i));
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) fail(`bad entity in ${s}`);
    return s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  };
  const element = (): Node => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const node: Node = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      while (/\s/.test(xml[i])) i++;
      if (xml.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const a = name();
      if (a in node.attrs) fail(`duplicate attribute ${a}`);
      while (/\s/.test(xml[i])) i++;
      if (xml[i] !== '=') fail('expected =');
      i++;
      while (/\s/.test(xml[i])) i++;
      const q = xml[i];
      if (q !== '"' && q !== "'") fail('unquoted attribute');
      const end = xml.indexOf(q, i + 1);
      if (end < 0) fail('unclosed attribute');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('< in attribute');
      node.attrs[a] = decode(raw);
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${node.name}>`);
      node.text += decode(xml.slice(i, lt));
      i = lt;
      if (xml.startsWith('<!--', i)) {
        skip();
        continue;
      }
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== node.name) fail(`</${close}> closes <${node.name}>`);
        while (/\s/.test(xml[i])) i++;
        if (xml[i] !== '>') fail('expected >');
        i++;
        node.text = node.text.trim();
        return node;
      }
      node.children.push(element());
    }
  };
  skip();
  const root = element();
  skip();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

function all(node: Node, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(node)) out.push(node);
  for (const c of node.children) all(c, pred, out);
  return out;
}

const local = (n: string) => n.replace(/^.*:/, '');
const child = (node: Node, name: string) => node.children.find((c) => local(c.name) === name);

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let xml: string;
let root: Node;

beforeAll(async () => {
  xml = await fs.readFile(path.join(ROOT, 'manifest.xml'), 'utf8');
  root = parseXml(xml);
});

test('the parser rejects what is not well-formed', () => {
  expect(() => parseXml('<a><b></a>')).toThrow('well-formed');
  expect(() => parseXml('<a x=1/>')).toThrow('well-formed');
  expect(() => parseXml('<a>&nbsp;</a>')).toThrow('well-formed');
  expect(parseXml('<?xml version="1.0"?><!-- c --><a x="&amp;"><b/>t</a>').attrs.x).toBe('&');
});

test('a task pane add-in for Excel workbooks, in Chinese, that reads and writes the document', () => {
  expect(root.name).toBe('OfficeApp');
  expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(child(root, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(child(root, 'Version')!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(root, 'DefaultLocale')!.text).toBe('zh-CN');
  expect(child(root, 'DisplayName')!.attrs.DefaultValue).toBe('决算助手');
  const description = child(root, 'Description')!.attrs.DefaultValue;
  expect(description).toMatch(/[\u4e00-\u9fff]/);
  expect(description.length).toBeLessThanOrEqual(250);
  expect(all(root, (n) => n.name === 'Host' && n.attrs.Name !== undefined).map((n) => n.attrs.Name)).toEqual(['Workbook']);
  expect(child(root, 'Permissions')!.text).toBe('ReadWriteDocument');
  const sets = all(root, (n) => n.name === 'Set');
  expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', MINIMUM_EXCEL_API]]);
  // the elements of OfficeApp in the order the schema requires
  const order = [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ];
  expect(root.children.map((c) => c.name)).toEqual(order);
});

test('the ribbon button 决算助手 opens the task pane', () => {
  const button = all(root, (n) => n.name === 'Control' && n.attrs['xsi:type'] === 'Button')[0];
  expect(button).toBeDefined();
  const labelId = child(button, 'Label')!.attrs.resid;
  const strings = all(root, (n) => n.name === 'bt:String');
  expect(strings.find((s) => s.attrs.id === labelId)!.attrs.DefaultValue).toBe('决算助手');
  const action = child(button, 'Action')!;
  expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
  for (const s of strings) {
    const limit = all(root, (n) => n.name === 'bt:ShortStrings')[0].children.includes(s) ? 125 : 250;
    expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
  }
});

test('ids are unique and every resid is defined', () => {
  const ids = all(root, (n) => n.attrs.id !== undefined).map((n) => n.attrs.id);
  expect(new Set(ids).size).toBe(ids.length);
  const resources = new Set(
    all(root, (n) => ['bt:Image', 'bt:Url', 'bt:String'].includes(n.name) && n.attrs.id !== undefined).map((n) => n.attrs.id),
  );
  const used = all(root, (n) => n.attrs.resid !== undefined).map((n) => n.attrs.resid);
  expect(used.length).toBeGreaterThan(0);
  for (const r of used) expect(resources.has(r)).toBe(true);
});

test('every URL points at a page webpack builds or an icon in assets/ of the right size', async () => {
  const config = require(path.join(ROOT, 'webpack.config.js'));
  const pages = new Set(Object.keys(config.PAGES));
  const origin = `https://localhost:${config.PORT}`;
  const urls = [
    ...all(root, (n) => n.attrs.DefaultValue !== undefined && /^https?:/.test(n.attrs.DefaultValue)).map((n) => ({
      node: n,
      url: n.attrs.DefaultValue,
    })),
    ...all(root, (n) => n.name === 'AppDomain').map((n) => ({ node: n, url: n.text })),
  ];
  expect(urls.length).toBeGreaterThan(5);
  for (const { node, url } of urls) {
    expect(url.startsWith(origin)).toBe(true);
    const rest = url.slice(origin.length).replace(/^\//, '');
    if (node.name === 'AppDomain') continue;
    if (rest.startsWith('assets/')) {
      const file = path.join(ROOT, rest);
      const { width, height } = pngSize(await fs.readFile(file));
      expect(width).toBe(height);
      const claimed =
        /(\d+)x\1/.exec(node.attrs.id ?? '')?.[1] ??
        (node.name === 'IconUrl' ? '32' : node.name === 'HighResolutionIconUrl' ? '64' : undefined);
      expect(claimed).toBeDefined();
      expect(width).toBe(Number(claimed));
    } else {
      expect(pages.has(rest)).toBe(true);
    }
  }
  // the pages exist as templates, and the task pane loads office.js from Microsoft's CDN
  const taskpane = await fs.readFile(path.join(ROOT, config.PAGES['taskpane.html'].template), 'utf8');
  expect(taskpane).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  const standalone = await fs.readFile(path.join(ROOT, config.PAGES['standalone.html'].template), 'utf8');
  expect(standalone).not.toMatch(/(src|href)="(https?:)?\/\//);
});

test('icons exist at 16, 32, 64 and 80 px', async () => {
  for (const size of [16, 32, 64, 80]) {
    expect(pngSize(await fs.readFile(path.join(ROOT, `assets/icon-${size}.png`)))).toEqual({ width: size, height: size });
  }
});
