// Every template file is complete and valid: its tables exist in the catalog, its headings cover
// its sections, its regular expressions compile, its settings resolve, ids and names are unique;
// its own titles, columns, sentence forms and identities name its own tables and sections.
import { TABLES } from '../../../src/core/tables';
import { TEMPLATES, detectTemplate, findTemplate, getTemplate, tableLabel, type TextStatement } from '../../../src/core/templates';
import { RULES } from '../../../src/core/rules';
import { SECTION_IDS } from '../../../src/core/narrative/titles';
import { resolveSettings } from '../../../src/core/narrative';

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  it('has a name, tables of the catalog in order, each once', () => {
    expect(t.name).toMatch(/（\d+张表）$/);
    expect(t.name).toContain(`${t.tables.length}张表`);
    const ids = t.tables.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const table of t.tables) {
      expect(TABLES[table.id]).toBeDefined();
      expect(table.title.length).toBeGreaterThan(3);
      expect(table.number).not.toBe('');
    }
    expect(t.detect.tables.every((id) => ids.includes(id))).toBe(true);
  });

  it('has a heading for every section it writes, with valid ordinals', () => {
    // the 教育部 university text has five sections, the 9/14-table texts eleven or more
    expect(t.narrative.sections.length).toBeGreaterThanOrEqual(5);
    for (const id of t.narrative.sections) {
      expect(SECTION_IDS).toContain(id);
      expect(t.narrative.headings.some((h) => h.section === id)).toBe(true);
    }
    for (const h of t.narrative.headings) {
      expect(h.ordinal).toMatch(h.level === 1 ? /^[一二三四五六七八九十]+、$/ : /^（[一二三四五六七八九十]+）$/);
      expect(h.titles.length).toBeGreaterThan(0);
    }
    expect(t.narrative.part).toBeGreaterThanOrEqual(1);
  });

  it('has regular expressions that compile and settings that resolve as given', () => {
    for (const s of [...t.emptyNotes, ...t.instructions, ...(t.detect.partHeading ? [t.detect.partHeading] : [])]) {
      expect(() => new RegExp(s)).not.toThrow();
    }
    const resolved = resolveSettings(t.narrative.settings);
    for (const [k, v] of Object.entries(t.narrative.settings)) expect(resolved[k as keyof typeof resolved]).toEqual(v);
    expect(['年初预算', '调整预算']).toContain(t.narrative.completionBasis);
    for (const h of t.detect.headings ?? []) expect(() => new RegExp(h)).not.toThrow();
  });

  it('names only its own tables in its titles, columns, sentence forms and identities', () => {
    const ids = t.tables.map((x) => x.id);
    const titles = t.tables.flatMap((x) => [x.title, ...(x.aliases ?? [])]);
    for (const title of t.detect.titles ?? []) expect(titles).toContain(title);
    for (const table of t.tables) {
      // a template title is recognised as its own table (it is in the catalog the reader uses)
      for (const title of [table.title, ...(table.aliases ?? [])])
        expect([TABLES[table.id].title, ...TABLES[table.id].titleAliases]).toContain(title);
      const known = [...TABLES[table.id].columns, ...(TABLES[table.id].templateColumns ?? [])].map((x) => x.key);
      for (const c of table.columns ?? []) expect(known).toContain(c.key);
    }
    const cellsOf = (s: TextStatement) => [s.cell, s.codes, s.list?.denominator, ...Object.values(s.list?.items ?? {})];
    for (const s of t.narrative.statements ?? []) {
      expect(t.narrative.sections).toContain(s.section);
      expect(s.lead !== undefined || s.list !== undefined || s.codes !== undefined).toBe(true);
      if (s.lead) expect(() => new RegExp(s.lead as string)).not.toThrow();
      if (s.list) expect(() => new RegExp(s.list!.start)).not.toThrow();
      for (const cell of cellsOf(s).filter((c): c is string => c !== undefined)) {
        const m = /^(T\d\d)\[.+\]\..+$/.exec(cell);
        expect(m).not.toBeNull();
        expect(ids).toContain(m![1]);
      }
    }
    for (const rule of t.rules.add ?? []) {
      expect(rule.description).toMatch(/\S/);
      for (const id of JSON.stringify({ ...rule, id: '', description: '' }).match(/T\d\d/g) ?? []) expect(ids).toContain(id);
    }
    for (const id of t.rules.exclude) expect(RULES.some((r) => r.id === id)).toBe(true);
  });
});

describe('templates', () => {
  it('have unique ids and names and are found by id or name', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.name)).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) {
      expect(findTemplate(t.id)).toBe(t);
      expect(findTemplate(t.name)).toBe(t);
    }
    expect(findTemplate('广东省')).toBeUndefined();
  });

  it('are detected from the tables present and the text heading', () => {
    const nine = ['T01', 'T02', 'T03', 'T04', 'T06', 'T08', 'T10', 'T11'] as const;
    expect(detectTemplate([...nine, 'T14']).id).toBe('mof9');
    expect(detectTemplate([...nine, 'T13']).id).toBe('shanghai9');
    expect(detectTemplate([...nine], ['第三部分 上海市XX局2024年度部门决算情况说明']).id).toBe('shanghai9');
    expect(detectTemplate([...nine], ['第二部分 2023年度部门决算情况说明']).id).toBe('mof9');
    expect(detectTemplate([...nine, 'T05', 'T07', 'T09', 'T12', 'T13', 'T14'], ['第二部分 2023年度部门决算情况说明']).id).toBe('sichuan14');
    expect(detectTemplate([]).id).toBe('mof9');
    // the 教育部 university set: by its printed titles, or by its text's heading
    const four = ['T01', 'T02', 'T03', 'T06'] as const;
    expect(detectTemplate([...four], [], ['表1：高等学校收支决算总表', '表4：高等学校财政拨款支出决算表']).id).toBe('moe4');
    expect(detectTemplate([...four], ['三、决算报表说明']).id).toBe('moe4');
    expect(detectTemplate([...four]).id).toBe('mof9');
  });
});

describe('tableLabel', () => {
  test('names a table as its template numbers it', () => {
    expect(tableLabel(getTemplate('moe4'), 'T06')).toBe('表4');
    expect(tableLabel(getTemplate('shanghai9'), 'T02')).toBe('表二');
    expect(tableLabel(getTemplate('sichuan14'), 'T05')).toBe('表5');
    expect(tableLabel(getTemplate('mof9'), 'T05')).toBe('表5');
    expect(tableLabel(undefined, 'T12')).toBe('表12');
  });
});
