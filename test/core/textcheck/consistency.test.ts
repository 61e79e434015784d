// The text against itself (TXT-SAME, TXT-CARS, TXT-VERB, TXT-PUNCT, TXT-CHANGE from a prior year of 0),
// checked with `check --text` on the sample workbook and on juesuan's own text.
import * as path from 'path';
import { sampleDataset } from '../../../examples/sample-data';
import { buildWorkbookBuffer } from '../../../examples/build-workbook';
import { makeTempDir, writeTemp } from '../../helpers/tmp';
import { runCli } from '../../helpers/cli';

const dir = makeTempDir();
let sample: string;
beforeAll(async () => {
  sample = writeTemp(dir, 'sample.xlsx', await buildWorkbookBuffer(sampleDataset()));
});

async function rules(text: string, name: string) {
  const file = writeTemp(dir, name, text);
  const run = await runCli(['check', sample, '--text', file, '--json']);
  return JSON.parse(run.stdout).findings as { rule: string; severity: string; message: string }[];
}

const CONSISTENCY = ['TXT-SAME', 'TXT-CARS', 'TXT-VERB', 'TXT-PUNCT'];

describe('the text against itself', () => {
  test('juesuan’s own text for the sample and seed 000 passes every one of these checks', async () => {
    for (const [input, name] of [
      [sample, 'own.xlsx'],
      [path.join(__dirname, '..', '..', '..', 'examples', 'seed000.xlsx'), 'own000.xlsx'],
    ]) {
      const out = path.join(dir, name);
      await runCli(['fill', input, '-o', out]);
      const findings = JSON.parse((await runCli(['check', out, '--json'])).stdout).findings as { rule: string }[];
      expect(findings.filter((f) => CONSISTENCY.includes(f.rule))).toEqual([]);
    }
  });

  test('TXT-CARS: 公务用车 0 in 七 and vehicles in 十（三）', async () => {
    const f = await rules(
      [
        '七、一般公共预算财政拨款“三公”经费支出决算情况说明',
        '截至2024年12月底，单位共有公务用车0辆，其中：轿车0辆。',
        '十、其他重要事项的情况说明',
        '（三）国有资产占有使用情况',
        '截至2024年12月31日，本单位共有车辆3辆，其中：其他用车3辆。',
      ].join('\n'),
      'cars.txt',
    );
    const cars = f.filter((x) => x.rule === 'TXT-CARS');
    expect(cars).toHaveLength(1);
    expect(cars[0].message).toContain('“共有车辆3辆”');
  });

  test('TXT-VERB: 减少 and 下降 mixed for decreases', async () => {
    const f = await rules(
      [
        '一、收入支出决算总体情况说明',
        '2024年度收、支总计均为1894.06万元。与2023年相比，收、支总计各减少64.31万元，减少3.3%。',
        '四、财政拨款收入支出决算总体情况说明',
        '2024年度财政拨款收、支总计均为1830.47万元。与2023年相比，财政拨款收、支总计各减少10.00万元，下降0.5%。',
      ].join('\n'),
      'verbs.txt',
    );
    expect(f.filter((x) => x.rule === 'TXT-VERB').map((x) => x.message)).toEqual([expect.stringContaining('写“减少3.3%”')]);
  });

  test('TXT-PUNCT: a sentence without its final 。; captions are not sentences', async () => {
    const f = await rules(
      ['一、收入支出决算总体情况说明', '2024年度收、支总计均为1894.06万元', '（图1：收、支决算总计变动情况图）（柱状图）'].join('\n'),
      'punct.txt',
    );
    const p = f.filter((x) => x.rule === 'TXT-PUNCT');
    expect(p).toHaveLength(1);
    expect(p[0].severity).toBe('warning');
  });

  test('TXT-SAME: one figure stated twice with different values, no table deciding: both places named', async () => {
    const bare = writeTemp(dir, 'nosup.xlsx', await buildWorkbookBuffer(sampleDataset(), { supplement: false }));
    const text = (lines: string[], name: string) => writeTemp(dir, name, lines.join('\n'));
    const head = ['十、其他重要事项的情况说明', '（一）机关运行经费支出情况'];
    const twice = text([...head, '2024年度机关运行经费支出80.00万元。', '2024年度机关运行经费支出81.00万元。'], 'same.txt');
    const f = JSON.parse((await runCli(['check', bare, '--text', twice, '--json'])).stdout).findings as { rule: string; message: string }[];
    const same = f.filter((x) => x.rule === 'TXT-SAME');
    expect(same).toHaveLength(1);
    expect(same[0].message).toContain('“运行经费支出80.00万元”与第二部分 十（一）（第4行）“运行经费支出81.00万元”');
    expect(same[0].message).not.toContain('应为');
    const once = text([...head, '2024年度机关运行经费支出80.00万元。', '2024年度机关运行经费支出80.00万元。'], 'same-ok.txt');
    const g = JSON.parse((await runCli(['check', bare, '--text', once, '--json'])).stdout).findings as { rule: string }[];
    expect(g.filter((x) => x.rule === 'TXT-SAME')).toEqual([]);
  });

  test('TXT-CHANGE: “增长100%” from a prior year of 0 (the increase is the whole figure)', async () => {
    const bare = writeTemp(dir, 'nosup2.xlsx', await buildWorkbookBuffer(sampleDataset(), { supplement: false }));
    const at = (change: string, name: string) =>
      writeTemp(
        dir,
        name,
        ['一、收入支出决算总体情况说明', `2024年度收、支总计均为1894.06万元。与2023年相比，收、支总计各${change}。`].join('\n'),
      );
    const bad = JSON.parse((await runCli(['check', bare, '--text', at('增加1894.06万元，增长100%', 'zero.txt'), '--json'])).stdout)
      .findings as { rule: string; message: string }[];
    expect(bad.filter((x) => x.rule === 'TXT-CHANGE').map((x) => x.message)).toEqual([
      expect.stringContaining('“增加1894.06万元，增长100%”：按本年1894.06万元推算上年为0，无法计算增减百分比'),
    ]);
    const ok = JSON.parse((await runCli(['check', bare, '--text', at('增加100.00万元，增长5.6%', 'zero-ok.txt'), '--json'])).stdout)
      .findings as { rule: string; message: string }[];
    expect(ok.filter((x) => x.rule === 'TXT-CHANGE' && x.message.includes('上年为0'))).toEqual([]);
  });
});
