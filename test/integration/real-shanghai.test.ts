// The Shanghai fixture (中共上海市普陀区委社会工作部 2024, transcribed as printed): read with the
// Shanghai template, no READ warning, no false error, every hand-found error with a rule flagged.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { narrate, narrativeLines } from '../../src/core/narrative';
import { paragraphsFromText } from '../../src/core/textcheck';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { loadRealFixture, writeRealFixture } from '../helpers/real-fixture';

const fixture = loadRealFixture('shanghai-putuo-shegongbu-2024');
const squash = (s: string) => s.replace(/\s+/g, '');

async function load() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanghai-'));
  const files = await writeRealFixture(fixture, dir);
  return (await readGridsFromFile(files.xlsx)).grids;
}

describe('Shanghai fixture: 普陀区委社会工作部 2024', () => {
  let result: ReturnType<typeof checkWorkbook>;
  let grids: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    grids = await load();
    result = checkWorkbook(grids, { narrative: paragraphsFromText(fixture.text ?? '') });
  });

  it('is read as the Shanghai template, all nine tables, no READ finding', () => {
    expect(result.template.name).toBe('上海市部门决算（9张表）');
    expect(Object.keys(result.model.tables).sort()).toEqual(['T01', 'T02', 'T03', 'T04', 'T06', 'T08', 'T10', 'T11', 'T13']);
    expect(result.findings.filter((f) => f.rule === 'READ')).toEqual([]);
  });

  it('accepts the empty tables’ notes (no ALL-2) and detects the template from the tables alone', () => {
    expect(result.findings.filter((f) => f.rule === 'ALL-2')).toEqual([]);
    expect(checkWorkbook(grids).template.id).toBe('shanghai9');
  });

  it.each(fixture.expected.filter((e) => e.rule !== '?').map((e) => [e.rule, e] as const))('flags %s', (rule, e) => {
    const hits = result.findings.filter((f) => f.rule === rule && (!e.severity || f.severity === e.severity));
    const match = hits.find((f) => {
      if (e.cells) return e.cells.every((c) => f.cells.some((x) => x.sheet === e.sheet && x.address === c));
      const sentence = squash(e.sentence ?? '');
      return sentence.includes(squash(f.message).match(/“([^”]+)”/)?.[1] ?? '\u0000');
    });
    expect(match).toBeDefined();
  });

  it('raises no error beyond the hand-found ones', () => {
    const expectedRules = new Set(fixture.expected.filter((e) => e.severity === 'error').map((e) => e.rule));
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).filter((r) => !expectedRules.has(r))).toEqual([]);
    expect(errors).toHaveLength(fixture.expected.filter((e) => e.severity === 'error').length);
  });

  it('reads every figure of the text in Shanghai wording (nothing 未能核对), 七 as the template’s 无 sentence', () => {
    // 十、十一（二）（三） are read in the template's words, and 七 written “…无“三公”经费财政拨款支出。” has no （二）
    expect(result.findings.filter((f) => f.rule === 'TXT-COVERAGE')).toEqual([]);
    const withoutTen = (fixture.text ?? '').replace(/，涉及预算金额/g, '，预算金额');
    const partial = checkWorkbook(grids, { narrative: paragraphsFromText(withoutTen) }).findings.find((f) => f.rule === 'TXT-COVERAGE');
    expect(partial?.message).toMatch(/^未能核对：3个数字不是按已知的句式写的.*第三部分 十（第\d+行）“175.52万元、175.52万元、175.52万元”/);
    expect(partial?.message).toContain('已核对：一、二、三、四');
    expect(partial?.message).not.toContain('七（二）');
  });

  it('narrates with the Shanghai headings and number formats', () => {
    const lines = narrativeLines(narrate(result.model, result.supplement, {}, result.template));
    expect(lines).toContain('十、预算绩效管理情况');
    expect(lines).toContain('十一、其他重要事项的情况说明');
    expect(lines).toContain('（三）国有资产占有使用情况');
    const text = lines.join('\n');
    expect(text).toContain('住房保障支出（类）29.42万元，占9.56%');
    expect(text).toContain('基本支出105.58万元，占34.30%');
    expect(text).not.toContain('十（一）');
    expect(text).toContain('收入支出总计307.82万元。');
    expect(text).toContain('财政拨款收入支出总计307.82万元。');
    expect(text).toContain('本年收入合计307.82万元，其中：财政拨款收入307.82万元，占100.00%。');
    expect(text).toContain('完成年初预算的【请填写预算数】');
    // empty tables: the template's own sentences, the unit and year asked for, 七 without （一）（二）
    expect(lines).toContain('七、财政拨款“三公”经费支出决算情况说明');
    expect(lines).toContain('【请填写单位名称】【请填写决算年度】年度无“三公”经费财政拨款支出。');
    expect(lines).toContain('【请填写单位名称】【请填写决算年度】年度无政府性基金预算财政拨款收入和支出。');
    expect(lines).toContain('【请填写单位名称】【请填写决算年度】年度无国有资本经营预算财政拨款收入和支出。');
    expect(text).not.toContain('“三公”经费财政拨款支出决算具体情况说明');
    expect(text).not.toMatch(/（图\d|收、支总计|一般公共预算财政拨款收入307/);
  });
});
