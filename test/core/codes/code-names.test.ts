// CODE-NAME: 科目编码 ↔ 科目名称 against the 政府收支分类科目 of the workbook's year
// (src/core/codes/gov-classification.json), on workbooks built from seed 000's figures.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbookBuffer } from '../../../examples/build-workbook';
import type { Dataset } from '../../../examples/dataset';
import { seed000Dataset } from '../../../examples/seed-data';
import { checkCodeNames, codeNamesUnchecked } from '../../../src/core/codes/check';
import { GOV_CLASSIFICATION, type ClassificationData } from '../../../src/core/codes/classification';
import { checkWorkbook } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/finding';
import { paragraphsFromText } from '../../../src/core/textcheck';
import { readGridsFromFile } from '../../../src/hosts/file/node';
import { gridsOf } from '../derive/helpers';
import { loadRealFixture, writeRealFixture } from '../../helpers/real-fixture';

async function check(data: Dataset) {
  const grids = await gridsOf(new Uint8Array(await buildWorkbookBuffer(data)));
  const result = checkWorkbook(grids);
  return { grids, result, codeNames: result.findings.filter((f: Finding) => f.rule === 'CODE-NAME') };
}

/** seed 000 with one printed name changed in every table that prints the code. */
function renamed(code: string, name: string): Dataset {
  const data = seed000Dataset();
  for (const table of Object.values(data.tables)) {
    const rows = (table as { rows?: { code: string; name: string }[] }).rows ?? [];
    for (const row of rows) if (row.code === code) row.name = name;
  }
  return data;
}

describe('CODE-NAME in the tables', () => {
  test('seed 000 (2023) prints every code with its official name: nothing', async () => {
    const { codeNames } = await check(seed000Dataset());
    expect(codeNames).toEqual([]);
  });

  test('210 printed under its pre-2019 name is a warning naming the cells, both names and the source', async () => {
    const { codeNames } = await check(renamed('210', '医疗卫生与计划生育支出'));
    expect(codeNames).toHaveLength(1);
    const [f] = codeNames;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('科目210印为“医疗卫生与计划生育支出”，是旧称，2019年起为“卫生健康支出”');
    expect(f.message).toContain('来源：公开代码 MapToJson.java');
    // T02, T03 and T06 print the 类 row: every cell is named, the first in the message
    expect(f.cells.length).toBe(3);
    expect(f.message).toMatch(/^表\d+![A-Z]+\d+等3处（/);
    for (const cell of f.cells) expect(cell.address).toMatch(/^[A-Z]+\d+$/);
  });

  test('a 款 whose printed name is another 科目 is a warning asking to check code or name', async () => {
    const { grids, codeNames } = await check(renamed('30217', '会议费'));
    expect(codeNames).toHaveLength(1);
    expect(codeNames[0].message).toContain('科目30217印为“会议费”，2023年度政府收支分类科目中30217为“公务接待费”');
    expect(codeNames[0].message).toContain('请核对编码或名称');
    // the cell named holds the printed name
    const cell = codeNames[0].cells[0];
    const grid = grids.find((g) => g.sheet === cell.sheet)!;
    const col = cell.address.replace(/\d+$/, '').charCodeAt(0) - 65;
    expect(String(grid.cells[Number(cell.address.replace(/^[A-Z]+/, '')) - 1][col])).toContain('会议费');
  });

  test('spacing, half-width brackets and a trailing （类） are not a different name', async () => {
    const { codeNames } = await check(renamed('30213', '维修 (护) 费'));
    expect(codeNames).toEqual([]);
    const { codeNames: cls } = await check(renamed('221', '住房保障支出（类）'));
    expect(cls).toEqual([]);
  });

  test('a workbook before 2019 or of unknown year: nothing (the data speaks for 2019 onward)', async () => {
    const { grids, result } = await check(renamed('210', '医疗卫生与计划生育支出'));
    expect(checkCodeNames(result.model, grids, 2018)).toEqual([]);
    expect(checkCodeNames(result.model, grids, undefined)).toEqual([]);
  });

  test('names that cannot be compared at all are listed as 未核验 (unknown year, before 2019), never passed', async () => {
    const { result } = await check(seed000Dataset());
    expect(result.unchecked.map((f) => f.family)).not.toContain('科目名称');
    expect(codeNamesUnchecked(result.model, undefined)).toEqual([
      { family: '科目名称', rules: ['CODE-NAME'], reasons: [expect.stringContaining('决算年度未知')] },
    ]);
    expect(codeNamesUnchecked(result.model, 2018)[0].reasons).toEqual(['2018年度早于2019年，科目数据不涵盖，科目名称未核对']);
    expect(codeNamesUnchecked(result.model, 2023)).toEqual([]);
  });

  test('a code the data does not hold: nothing, unless the data lists that level completely', async () => {
    const { grids, result } = await check(seed000Dataset());
    // 2010150 事业运行 is held from 2023 (seed 000): in a 2022 workbook the data has nothing earlier
    expect(checkCodeNames(result.model, grids, 2022)).toEqual([]);
    // the shipped data lists no level completely, so an unknown code is never reported
    expect(Object.values(GOV_CLASSIFICATION.complete).every((levels) => Object.values(levels).every((v) => v === false))).toBe(true);
    const complete: ClassificationData = {
      ...GOV_CLASSIFICATION,
      complete: { functional: { 类: false, 款: false, 项: true }, economic: {} },
      functional: GOV_CLASSIFICATION.functional.filter((e) => e.code !== '2010150'),
    };
    const notes = checkCodeNames(result.model, grids, 2023, complete);
    expect(notes.map((f) => [f.severity, f.message.replace(/^.*的科目编码/, '')])).toEqual([
      ['info', expect.stringMatching(/^2010150（“事业运行”）不在2023年度政府收支分类科目项级中/)],
    ]);
  });
});

describe('CODE-NAME on a real document', () => {
  test('the Shanghai fixture (普陀区委社会工作部 2024, transcribed as printed): its names are the official ones', async () => {
    const fixture = loadRealFixture('shanghai-putuo-shegongbu-2024');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codes-shanghai-'));
    const files = await writeRealFixture(fixture, dir);
    const { grids } = await readGridsFromFile(files.xlsx);
    const result = checkWorkbook(grids, { narrative: paragraphsFromText(fixture.text ?? '') });
    const printed = Object.values(result.model.tables).flatMap((t) => t!.rows.filter((r) => r.code).map((r) => `${r.code} ${r.label}`));
    expect(printed).toEqual(expect.arrayContaining(['208 社会保障和就业支出', '221 住房保障支出']));
    expect(result.findings.filter((f) => f.rule === 'CODE-NAME')).toEqual([]);
  });
});
