// `juesuan doc` on the seeds' example workbooks: the .docx read back (fflate), its parts in the
// template's order, GB/T 9704 formatting, the 附表 as tables, and every chart's figures equal to
// the numbers printed in the sentence beside it.
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { buildDocument } from '../../src/core/document';
import type { Block, ChartSpec } from '../../src/core/document';
import { settingsFromGrids } from '../../src/cli/settings';
import { makeTempDir } from '../helpers/tmp';
import { runCli } from '../helpers/cli';
import { readDocx } from './docx-read';

const dir = makeTempDir();
const example = (name: string) => path.join(__dirname, '../../examples', name);

describe('juesuan doc on seed000 (资阳市人大常委会 2023)', () => {
  let docx: ReturnType<typeof readDocx>;
  let stdout = '';
  beforeAll(async () => {
    const out = path.join(dir, 'seed000.docx');
    const run = await runCli(['doc', example('seed000.xlsx'), '-o', out]);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    docx = readDocx(fs.readFileSync(out));
  }, 180000);

  test('parts in the template order, each a Heading1', () => {
    const parts = docx.items.filter((i) => i.kind === 'heading' && i.level === 1).map((i) => (i as { text: string }).text);
    expect(parts).toEqual([
      '第一部分 部门概况',
      '第二部分 2023年度部门决算情况说明',
      '第三部分 名词解释',
      '第四部分 附件',
      '第五部分 附表',
    ]);
  });

  test('第一部分 asks for what the workbook does not hold; the CLI lists it', () => {
    const texts = docx.items.map((i) => ('text' in i ? i.text : ''));
    expect(texts).toContain('【请填写部门主要职能】');
    expect(stdout).toContain('【请填写部门主要职能】');
  });

  test('情况说明: headings, sentences, and the 7 charts where seed 000 prints them', () => {
    const start = docx.items.findIndex((i) => i.kind === 'heading' && i.text.startsWith('第二部分'));
    const end = docx.items.findIndex((i) => i.kind === 'heading' && i.text === '第三部分 名词解释');
    const part = docx.items.slice(start, end);
    const h2 = part.filter((i) => i.kind === 'heading' && i.level === 2).map((i) => (i as { text: string }).text);
    expect(h2[0]).toBe('一、收入支出决算总体情况说明');
    expect(h2).toHaveLength(10);
    const images = part.map((i, n) => ({ i, n })).filter(({ i }) => i.kind === 'image');
    expect(images.map(({ i }) => (i as { name: string }).name)).toEqual(['图1', '图2', '图3', '图4', '图5', '图6', '图7']);
    // each image is followed by its caption and preceded by the sentence it illustrates
    const after = part[images[1].n + 1];
    expect(after.kind === 'paragraph' && after.text).toBe('图2：收入决算结构图');
    const before = part[images[1].n - 1];
    expect(before.kind === 'paragraph' && before.text).toContain('2023年本年收入合计1875.94万元');
    expect(Object.keys(docx.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(7);
  });

  test('body: 仿宋_GB2312 三号, first line indented two characters, fixed 28 pt lines', () => {
    const p = docx.items.find((i) => i.kind === 'paragraph' && i.text.startsWith('2023年度收、支总计均为1915.96万元'));
    expect(p).toMatchObject({ firstLine: 640, line: '560', lineRule: 'exact', fonts: ['仿宋_GB2312'], sizes: ['32'] });
    const h = docx.documentXml.match(/<w:pStyle w:val="Heading2"\/>[\s\S]*?<\/w:p>/)?.[0] ?? '';
    expect(h).toContain('w:eastAsia="黑体"');
    const h3 = docx.documentXml.match(/<w:pStyle w:val="Heading3"\/>[\s\S]*?<\/w:p>/)?.[0] ?? '';
    expect(h3).toContain('w:eastAsia="楷体_GB2312"');
    const h1 = docx.documentXml.match(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<\/w:p>/)?.[0] ?? '';
    expect(h1).toContain('w:eastAsia="方正小标宋简体"');
    expect(h1).toContain('<w:sz w:val="44"/>');
  });

  test('A4 with GB/T 9704 margins; fonts with fallbacks in the font table', () => {
    const sect = docx.documentXml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/)?.[0] ?? '';
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sect).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    const fonts = new TextDecoder().decode(docx.files['word/fontTable.xml']);
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  test('名词解释: the standard text, with the 类 of this department only', () => {
    const g = docx.items.filter((i) => i.kind === 'paragraph' && /^\d+\./.test(i.text)).map((i) => (i as { text: string }).text);
    expect(g).toContain('1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。');
    expect(g.some((t) => t.includes('一般公共服务（类）：指反映政府提供一般公共服务的支出。'))).toBe(true);
  });

  test('附表: 14 Word tables with title, unit line and the printed figures', () => {
    const tables = docx.items.filter((i) => i.kind === 'table') as { rows: string[][] }[];
    expect(tables).toHaveLength(14);
    const idx = docx.items.findIndex((i) => i.kind === 'paragraph' && i.text === '收入支出决算总表');
    expect(docx.items[idx + 1]).toMatchObject({ kind: 'paragraph' });
    expect((docx.items[idx + 1] as { text: string }).text).toContain('金额单位：万元');
    const t01 = docx.items[idx + 2] as { kind: string; rows: string[][] };
    expect(t01.kind).toBe('table');
    expect(t01.rows.flat()).toEqual(expect.arrayContaining(['一、一般公共预算财政拨款收入', '1838.56', '1611.34']));
  });
});

/** The chart's figures against the sentence before it: values and shares as printed, bars' change. */
function checkChartAgainstSentence(chart: ChartSpec, sentence: string): void {
  if (chart.kind === 'pie') {
    chart.categories.forEach((name, i) => {
      expect(sentence).toContain(`${name}`);
      expect(sentence).toMatch(new RegExp(`${escapeRe(name)}[^；。]*?${escapeRe(chart.series[0].values[i])}万元`));
      if (chart.shares?.[i] && !/^0(\.0+)?$/.test(chart.series[0].values[i])) expect(sentence).toContain(`占${chart.shares[i]}`);
    });
    return;
  }
  const [prev, cur] = chart.series[0].values.map((v) => new Decimal(v));
  expect(sentence).toContain(`${chart.series[0].values[1]}万元`);
  const diff = cur.minus(prev).abs();
  const word = cur.lt(prev) ? '减少' : '增加';
  expect(sentence).toContain(`${word}${diff.toString()}万元`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(['seed000.xlsx', 'seed002.xlsx'])('%s: each chart shows the numbers of the sentence beside it', (name) => {
  test('charts follow their sentence and agree with it', async () => {
    const { grids } = await readGridsFromFile(example(name));
    const built = buildDocument(grids, { settings: settingsFromGrids(grids) });
    const blocks = built.doc.parts.find((p) => p.id === 'narrative')?.blocks as Block[];
    const chartIdx = blocks.map((b, i) => (b.kind === 'chart' ? i : -1)).filter((i) => i >= 0);
    expect(chartIdx.length).toBeGreaterThanOrEqual(5);
    for (const i of chartIdx) {
      const chart = (blocks[i] as { chart: ChartSpec }).chart;
      let j = i - 1;
      while (blocks[j].kind !== 'paragraph') j--;
      checkChartAgainstSentence(chart, (blocks[j] as { text: string }).text);
    }
    const missing = built.charts.filter((c) => !c.ok);
    for (const m of missing) expect(built.doc.missing.join('\n')).toContain(m.ok ? '' : m.placement.id);
  }, 120000);
});
