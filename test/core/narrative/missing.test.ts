// Missing inputs are never invented: each shows as 【请填写…】 / 【缺少…】 in the sentence and gives one
// NEED finding (warning) naming the 补充信息 row — and its cell when the row exists.
import { narrate, PLACEHOLDER, SECTION_IDS, SECTION_TITLES } from '../../../src/core/narrative';
import { readSupplement } from '../../../src/core/supplement';
import { model, slotsConsistent, supplementGrid, texts } from './helpers';
import { seed000Model } from './seed000';

describe('no 补充信息 sheet', () => {
  const r = narrate(seed000Model(), undefined);

  test('all sections, ids and titles as interfaces.md §3', () => {
    expect(r.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
    expect(r.sections.map((s) => s.title)).toEqual(SECTION_IDS.map((id) => SECTION_TITLES[id]));
    expect(r.sections.find((s) => s.id === '五（二）')?.title).toBe('一般公共预算财政拨款支出决算结构情况');
  });

  test('year unknown: placeholder for {Y}, “上年” for {Y-1}, one NEED', () => {
    expect(r.year).toBeNull();
    expect(texts(r, '一')[0]).toBe(
      '【请填写决算年度】年度收、支总计均为1915.96万元。与上年相比，收、支总计各【请填写上年数】。主要变动原因：【请填写原因】。',
    );
    const year = r.findings.filter((f) => f.message.includes('决算年度'));
    expect(year).toHaveLength(1);
    expect(year[0]).toMatchObject({ rule: 'NEED', severity: 'warning', cells: [] });
    expect(year[0].message).toContain('请添加补充信息表');
  });

  test('table figures are still printed; 补充信息 figures are placeholders', () => {
    expect(texts(r, '三')[0]).toBe(
      '【请填写决算年度】年本年支出合计1883.7万元，其中：基本支出1516.29万元，占80.5%；项目支出367.41万元，占19.5%。',
    );
    expect(texts(r, '十（一）')[0]).toBe(
      '【请填写决算年度】年，机关运行经费支出【请填写机关运行经费】万元，比上年【请填写上年数】，主要原因是【请填写原因】。',
    );
    expect(texts(r, '十（二）')[0]).toContain('【请填写单位名称】政府采购支出总额【请填写政府采购支出总额】万元');
    expect(texts(r, '五（三）')[1]).toContain('完成预算【请填写预算数】。');
  });

  test('every finding is a warning NEED; every placeholder is a slot', () => {
    expect(r.findings.length).toBeGreaterThan(40);
    for (const f of r.findings) {
      expect(f.severity).toBe('warning');
      expect(['NEED', 'SHARE']).toContain(f.rule);
    }
    for (const s of r.sections) {
      for (const p of s.paragraphs) {
        expect(slotsConsistent(p)).toBe(true);
        const inText = p.text.match(/【[^】]+】/g) ?? [];
        expect(p.slots.filter((x) => x.kind === 'placeholder').map((x) => x.text)).toEqual(inText);
      }
    }
  });

  test('a row used by several sections is asked for once', () => {
    const unit = r.findings.filter((f) => f.message.includes('单位名称'));
    expect(unit).toHaveLength(1);
    const keys = r.findings.map((f) => f.message);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('rows present but blank', () => {
  const sup = readSupplement(
    supplementGrid([
      ['决算年度', null, 2023],
      ['机关运行经费（万元）', null, 382.72, null, null, null],
      ['车辆总数', null, null],
    ]),
  );
  const r = narrate(seed000Model(), sup);

  test('the NEED points at the blank cell to fill', () => {
    const prev = r.findings.find((f) => f.message.includes('“机关运行经费”的上年数'));
    expect(prev?.cells).toEqual([{ sheet: '补充信息', address: 'D4' }]);
    expect(prev?.message).toContain('请在补充信息表“机关运行经费”行的“上年数”列填写');
    const cars = r.findings.find((f) => f.message.includes('“车辆总数”的本年数'));
    expect(cars?.cells).toEqual([{ sheet: '补充信息', address: 'C5' }]);
  });

  test('a missing row is asked to be added, without a cell', () => {
    const f = r.findings.find((x) => x.message.includes('“政府采购支出总额”的本年数'));
    expect(f?.cells).toEqual([]);
    expect(f?.message).toContain('请在补充信息表增加“政府采购支出总额”行');
  });

  test('a blank 决算年度 cell: the year placeholder slot points at it', () => {
    const r2 = narrate(seed000Model(), readSupplement(supplementGrid([['决算年度', null, null]])));
    const slot = r2.sections[0].paragraphs[0].slots[0];
    expect(slot).toEqual({ text: PLACEHOLDER.决算年度, kind: 'placeholder', cells: [{ sheet: '补充信息', address: 'C3' }], start: 0 });
  });

  test('placeholders name what to fill', () => {
    expect(texts(r, '十（一）')[0]).toBe(
      `2023年，机关运行经费支出382.72万元，比2022年${PLACEHOLDER.上年数}，主要原因是${PLACEHOLDER.原因说明}。`,
    );
    const slot = r.sections.find((s) => s.id === '十（一）')!.paragraphs[0].slots.find((s) => s.text === PLACEHOLDER.上年数);
    expect(slot).toMatchObject({ kind: 'placeholder', cells: [{ sheet: '补充信息', address: 'D4' }] });
  });
});

describe('missing tables', () => {
  test('a missing table value is a 【缺少…】 placeholder and a NEED; nothing throws', () => {
    const r = narrate(model(), readSupplement(supplementGrid([['决算年度', null, 2023]])));
    expect(texts(r, '一')[0]).toMatch(/^2023年度收、支总计均为【缺少收入支出决算总表“总计”】万元。/);
    expect(texts(r, '二')[0]).toBe('2023年本年收入合计【缺少收入支出决算总表“本年收入合计”】万元。');
    expect(texts(r, '五（三）')).toEqual([
      '2023年一般公共预算支出决算数为【缺少一般公共预算财政拨款支出决算表“合计”】万元，完成预算【请填写预算数】。',
    ]);
    expect(texts(r, '七（二）')[0]).toContain(
      '因公出国（境）费支出决算【缺少一般公共预算财政拨款“三公”经费支出决算表“决算数·因公出国（境）费”】万元',
    );
    const t01 = r.findings.filter((f) => f.message.includes('需要收入支出决算总表“总计”'));
    expect(t01).toHaveLength(1);
    expect(t01[0].message).toContain('工作簿中没有读到这张表');
  });

  test('八/九: an empty 空表 means 0; no table at all falls back to T04, else a placeholder', () => {
    const m = seed000Model();
    delete m.tables.T14;
    const r = narrate(m, undefined);
    expect(texts(r, '九')[0]).toContain('国有资本经营预算财政拨款支出0万元。'); // from T04 本年支出合计·国有资本经营预算财政拨款
    delete m.tables.T04;
    const r2 = narrate(m, undefined);
    expect(texts(r2, '九')[0]).toContain('【缺少国有资本经营预算财政拨款支出决算表“合计”】');
  });

  test('T12 (政府性基金 “三公”) is added to T10', () => {
    const m = seed000Model();
    const t10 = m.tables.T10!;
    m.tables.T12 = {
      ...t10,
      id: 'T12',
      sheet: 'T12',
      rows: t10.rows.map((row) => ({
        ...row,
        cells: Object.fromEntries(
          Object.entries(row.cells).map(([k, a]) => [k, { ...a, cell: { sheet: 'T12', address: a.cell.address } }]),
        ),
      })),
    };
    const r = narrate(m, undefined);
    const p = r.sections.find((s) => s.id === '七（一）')!.paragraphs[0];
    expect(p.text).toContain('决算为8.34万元，完成预算115.5%');
    expect(p.slots[0]).toMatchObject({ kind: 'placeholder', text: '【请填写决算年度】' });
    expect(p.slots.find((s) => s.kind === 'amount')!.cells.map((c) => c.sheet)).toEqual(['T10', 'T12']);
  });
});
