// gov-classification.json is well formed: codes unique, each 款/项 under a 类 of the data,
// every entry with sources that exist, old names before the entry's year.
import {
  GOV_CLASSIFICATION,
  classificationOf,
  isOfficialName,
  levelOf,
  nameKey,
  officialEntry,
  sourceText,
} from '../../../src/core/codes/classification';
import { loadRealFixture } from '../../helpers/real-fixture';

const data = GOV_CLASSIFICATION;
const all = [...data.functional.map((e) => ['functional', e] as const), ...data.economic.map((e) => ['economic', e] as const)];

describe('gov-classification.json', () => {
  test('states where it comes from, what is missing, and describes every source', () => {
    expect(data.source.length).toBeGreaterThan(20);
    expect(data.missing.length).toBeGreaterThan(20);
    for (const s of Object.values(data.sources)) {
      expect(s.label).not.toBe('');
      expect(s.where).not.toBe('');
      expect(s.year).toBeGreaterThanOrEqual(2018);
    }
  });

  test('every entry: a code of its classification and level, a name, a year from 2019, known sources', () => {
    for (const [kind, e] of all) {
      expect(classificationOf(e.code)).toBe(kind);
      expect(levelOf(e.code)).toBeDefined();
      expect(e.name.trim()).toBe(e.name);
      expect(e.name).not.toBe('');
      expect(e.from).toBeGreaterThanOrEqual(2019);
      expect(e.source.length).toBeGreaterThan(0);
      for (const id of e.source) expect(Object.keys(data.sources)).toContain(id);
      for (const old of e.formerly ?? []) expect(old.until).toBeLessThan(e.from);
    }
  });

  test('codes are unique (one entry per code and year)', () => {
    const keys = all.map(([, e]) => `${e.code}@${e.from}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the 类 of every 功能分类 款 and 项 is in the data (a 类 is the prefix of its 款)', () => {
    const classes = new Set(data.functional.filter((e) => levelOf(e.code) === '类').map((e) => e.code));
    for (const e of data.functional.filter((x) => levelOf(x.code) !== '类')) expect(classes).toContain(e.code.slice(0, 3));
  });

  test('the renames the issue names: 207 and 210 from 2019, 224 new in 2019', () => {
    const entry = (code: string) => data.functional.find((e) => e.code === code);
    expect(entry('207')).toMatchObject({
      name: '文化旅游体育与传媒支出',
      from: 2019,
      formerly: [{ name: '文化体育与传媒支出', until: 2018 }],
    });
    expect(entry('210')).toMatchObject({ name: '卫生健康支出', from: 2019, formerly: [{ name: '医疗卫生与计划生育支出', until: 2018 }] });
    expect(entry('224')).toMatchObject({ name: '灾害防治及应急管理支出', from: 2019 });
    expect(entry('221')).toMatchObject({ name: '住房保障支出' });
  });

  test('an old name whose year of change no source gives is accepted, not reported (220)', () => {
    const e220 = data.functional.find((e) => e.code === '220')!;
    expect(isOfficialName(e220, '自然资源海洋气象等支出')).toBe(true);
    expect(isOfficialName(e220, '国土海洋气象等支出（类）')).toBe(true);
    expect(isOfficialName(e220, '国土资源支出')).toBe(false);
    expect(e220.note).toContain('12641904579');
  });

  test('names are compared without spaces, bracket width, a leading code or a trailing level mark', () => {
    expect(nameKey(' 维修 (护) 费', '款')).toBe(nameKey('维修（护）费', '款'));
    expect(nameKey('207-文化旅游体育与传媒支出', '类')).toBe(nameKey('文化旅游体育与传媒（类）', '类'));
    expect(nameKey('行政运行（项）', '项')).toBe('行政运行');
    expect(nameKey('公务接待费', '款')).not.toBe(nameKey('会议费', '款'));
  });

  test('the real 2024 documents it cites print every code with the name the data holds for 2024', () => {
    for (const [id, sourceId] of [
      ['shanghai-putuo-shegongbu-2024', 'SHSG24'],
      ['swu-2024', 'SWU24'],
    ] as const) {
      const pairs = loadRealFixture(id).tables.sheets.flatMap((sheet) =>
        sheet.rows.flatMap((row) => row.slice(0, -1).map((cell, i) => [cell.trim(), row[i + 1].trim()] as const)),
      );
      const coded = pairs.filter(([code, name]) => classificationOf(code) && name !== '' && !/^[\d.,-]+$/.test(name));
      expect(coded.length).toBeGreaterThan(20);
      for (const [code, name] of coded) {
        const entry = officialEntry(code, 2024);
        expect(entry && { code, name: isOfficialName(entry, name), cited: entry.source.includes(sourceId) }).toEqual({
          code,
          name: true,
          cited: true,
        });
      }
    }
  });

  test('the Shanghai 2024 template gives the economic 类 and 款 of the 基本支出 table, the “三公” 款 among them', () => {
    const economic = data.economic.filter((e) => e.source.includes('SHT24')).map((e) => `${e.code} ${e.name}`);
    expect(economic).toEqual(
      expect.arrayContaining([
        '301 工资福利支出',
        '30212 因公出国（境）费用',
        '30217 公务接待费',
        '30231 公务用车运行维护费',
        '31013 公务用车购置',
      ]),
    );
    expect(economic).toHaveLength(65);
    expect(data.sources.SHT24.where).toContain('91faac5bb93a5c56d60ca072d497b9fe94123a03');
  });

  test('a message names at most three sources and counts the rest', () => {
    const e208 = officialEntry('208', 2024)!;
    expect(e208.source.length).toBeGreaterThan(3);
    const text = sourceText(e208);
    expect(text.split('；')).toHaveLength(3);
    expect(text).toMatch(new RegExp(`等${e208.source.length}个来源$`));
    expect(sourceText(officialEntry('2010101', 2023)!)).toBe(data.sources.SEED000.label);
  });
});
