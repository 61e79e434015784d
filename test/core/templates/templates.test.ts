// Every template file is complete and valid: its tables exist in the catalog, its headings cover
// its sections, its regular expressions compile, its settings resolve, ids and names are unique.
import { TABLES } from '../../../src/core/tables';
import { TEMPLATES, detectTemplate, findTemplate } from '../../../src/core/templates';
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
    expect(t.narrative.sections.length).toBeGreaterThan(10);
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
  });
});
