// Messages, cells, skipping, quantifiers and hierarchies.
import { checkIdentities, RULES } from '../../../src/core/rules';
import { parsePath, substitute } from '../../../src/core/rules/refs';
import { expandQuantifier } from '../../../src/core/rules/quantifiers';
import { isEquation, type Rule, type Term } from '../../../src/core/rules/types';
import { TABLES } from '../../../src/core/tables';
import { baseline, baselineAux } from './baseline';
import { model, set, table } from './helpers';

const only = (id: string, findings: ReturnType<typeof checkIdentities>) => findings.filter((f) => f.rule === id);
/** What was judged: models of a few rows leave the identities on rows they lack 未核验. */
const judged = (findings: ReturnType<typeof checkIdentities>) => findings.filter((f) => !f.unchecked);

describe('finding shape and message', () => {
  const m = () => model(table('T01', [['收:本年收入合计', '948.06@C14']]), table('T02', [['合计', { 本年收入合计: '948.60@D7' }]]));

  it('names both sides by table title and row/column labels, with amounts, 相差 and the tolerance', () => {
    expect(judged(checkIdentities(m()))).toEqual([
      {
        rule: 'X01',
        severity: 'error',
        message: '收入支出决算总表“本年收入合计”948.06万元 ≠ 收入决算表“合计·本年收入合计”948.60万元，相差0.54万元（允许误差0万元）',
        cells: [
          { sheet: '表1', address: 'C14' },
          { sheet: '表2', address: 'D7' },
        ],
        expected: '948.60',
        actual: '948.06',
        difference: '0.54',
        tolerance: '0.00',
      },
    ]);
  });

  it('lists a sum term by term, all cells left side first', () => {
    const b = baseline();
    set(b, 'T01', '支:本年支出合计', '金额', '861.00');
    const [f] = only('T01-2', checkIdentities(b));
    expect(f.message).toContain(
      '收入支出决算总表“本年支出合计”861.00万元 ≠ 收入支出决算总表“一般公共服务支出”654.70 + “社会保障和就业支出”80.00',
    );
    expect(f.message).toContain('= 860.00万元（另有1项为0）');
    expect(f.message).toContain('相差1.00万元（允许误差0.03万元）');
    expect(f.cells[0]).toEqual({ sheet: '表1', address: 'F26' });
    expect(f.cells).toHaveLength(8); // the total and all seven 类 rows, the zero one included
  });

  it('appends the rule note to 提示 messages', () => {
    const b = baseline();
    set(b, 'T01', '收:使用非财政拨款结余', '金额', '3.00');
    const [f] = only('T01-6', checkIdentities(b, { aux: baselineAux() }));
    expect(f.message).toBe(
      '收入支出决算总表“使用非财政拨款结余”3.00万元 ≠ 0，相差3.00万元（允许误差0万元）；仅执行事业单位会计制度的单位才有此项，行政单位应为0，请确认',
    );
  });

  it('sorts findings deterministically (severity, rule, cell)', () => {
    const b = baseline();
    set(b, 'T10', '决算数', '公务接待费', '11.00');
    set(b, 'T02', '合计', '本年收入合计', '875.70');
    const findings = checkIdentities(b, { aux: baselineAux() });
    const order = findings.map((f) => `${f.severity} ${f.rule}`);
    expect(order).toEqual(
      [...order].sort((a, b2) => {
        const rank = (s: string) => ['error', 'warning', 'info'].indexOf(s.split(' ')[0]);
        return rank(a) - rank(b2) || (a < b2 ? -1 : a > b2 ? 1 : 0);
      }),
    );
    expect(checkIdentities(b, { aux: baselineAux() })).toEqual(findings);
  });
});

describe('absent tables and cells', () => {
  it('skips rules whose tables are absent', () => {
    const t01Only = model(
      table('T01', [
        ['收:本年收入合计', '10.00'],
        ['收:事业收入', '10.00'],
      ]),
    );
    expect(judged(checkIdentities(t01Only))).toEqual([]);
    expect(checkIdentities(t01Only).filter((f) => !f.rule.startsWith('T01-'))).toEqual([]);
  });

  it('leaves an identity 未核验, never judged, when its table lacks a row it names', () => {
    const m = model(
      table('T01', [
        ['收:总计', '100.00'],
        ['收:本年收入合计', '70.00'],
      ]),
    ); // no 年初结转和结余
    expect(only('T01-3', checkIdentities(m))).toEqual([
      {
        rule: 'T01-3',
        severity: 'warning',
        message:
          '未核验：收入支出决算总表：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余——表“表1”（收入支出决算总表）中没有“年初结转和结余”行，这项核对没有进行。改正行标题后重新检查',
        cells: [],
        unchecked: true,
      },
    ]);
  });

  it('names the rows whose labels it could not place when a named row is missing', () => {
    const m = model(
      table('T01', [
        ['收:总计', '100.00@C36'],
        ['收:本年收入合计', '70.00@C33'],
        ['收:年初结转结余额', '30.00@C35', '年初结转结余额'],
      ]),
    );
    const [f] = only('T01-3', checkIdentities(m));
    expect(f.message).toContain('中没有“年初结转和结余”行，其中“年初结转结余额”（C35）的行标题无法识别');
    expect(f.cells).toEqual([{ sheet: '表1', address: 'C35' }]);
  });

  it('does not ask for a row an identity needs only where the table prints it (T08 基本支出合计)', () => {
    const m = model(
      table('T08', [
        ['人员经费合计', '10.00'],
        ['公用经费合计', '5.00'],
      ]),
    );
    expect(only('T08-4', checkIdentities(m))).toEqual([]);
  });

  it('leaves out an optional addend that the template lacks', () => {
    const m = model(
      table('T01', [
        ['收:一般公共预算财政拨款收入', '60.00'],
        ['收:事业收入', '30.00'],
        ['收:本年收入合计', '100.00'],
      ]),
    );
    const [f] = only('T01-1', checkIdentities(m));
    expect(f).toMatchObject({ severity: 'error', expected: '90.00', actual: '100.00' });
    expect(f.cells).toHaveLength(3);
  });

  it('counts a classification row that is not printed as 0', () => {
    const b = baseline();
    set(b, 'T01', '支:教育支出', '金额', '5.00');
    const [f] = only('X05', checkIdentities(b));
    expect(f).toMatchObject({ severity: 'error', actual: '5.00', expected: '0.00' });
    expect(f.message).toContain('支出决算表“205 教育支出·本年支出合计（未列示）”0.00万元');
    expect(f.cells).toEqual([{ sheet: '表1', address: 'F20' }]);
  });
});

describe('hierarchy', () => {
  const t06 = (rows: Array<[string, string]>) =>
    model(
      table(
        'T06',
        rows.map(([k, v]) => [k, { 合计: v }]),
        { columns: ['合计'] },
      ),
    );

  it('a missing child counts as 0', () => {
    const m = t06([
      ['合计', '100.00'],
      ['201', '100.00'],
      ['20101', '60.00'],
      ['2010101', '60.00'],
    ]);
    const findings = only('T06-2', checkIdentities(m));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', actual: '100.00', expected: '60.00', difference: '40.00' });
    expect(findings[0].message).toContain(
      '“201 一般公共服务支出·合计”100.00万元 ≠ 一般公共预算财政拨款支出决算表“20101 人大事务·合计”60.00万元，相差40.00万元',
    );
  });

  it('a parent without any printed child, in a table that prints that level, is compared with 0', () => {
    const m = t06([
      ['合计', '100.00'],
      ['201', '60.00'],
      ['20101', '60.00'],
      ['208', '40.00'],
    ]);
    const [f] = only('T06-2', checkIdentities(m));
    expect(f).toMatchObject({ severity: 'error', actual: '40.00', expected: '0.00' });
    expect(f.message).toContain('208 社会保障和就业支出的下级科目·合计（未列示）');
  });

  it('does not check a level the table does not print', () => {
    const m = t06([
      ['合计', '100.00'],
      ['201', '60.00'],
      ['208', '40.00'],
    ]);
    expect(checkIdentities(m)).toEqual([]);
  });

  it('finds children by code prefix, in every column', () => {
    const m = model(
      table('T06', [
        ['合计', { 合计: '3.00', 基本支出: '3.00', 项目支出: '0' }],
        ['201', { 合计: '1.00', 基本支出: '1.00', 项目支出: '0' }],
        ['20101', { 合计: '1.00', 基本支出: '1.00', 项目支出: '0' }],
        ['208', { 合计: '2.00', 基本支出: '2.00', 项目支出: '0' }],
        ['20805', { 合计: '2.00', 基本支出: '1.00', 项目支出: '1.00' }],
      ]),
    );
    const findings = checkIdentities(m);
    expect(only('T06-2', findings).map((f) => f.cells.map((c) => c.address))).toEqual([
      ['D10', 'D11'], // 208·基本支出 vs 20805·基本支出
      ['E10', 'E11'],
    ]);
  });
});

describe('quantifiers', () => {
  it('every row: union of the row keys of the tables', () => {
    const b = baseline();
    expect(expandQuantifier(b, { rowsOf: ['T13', 'T14'] }).map((x) => x.$row)).toEqual(['合计', '223', '22301', '2230101']);
    expect(expandQuantifier(b, { rowsOf: 'T04', where: { prefix: '支:', level: 1 } })).toHaveLength(7);
  });

  it('every code of a level', () => {
    expect(expandQuantifier(baseline(), { codesOf: ['T04', 'T11'], level: 1 }).map((x) => x.$code)).toEqual([
      '201',
      '205',
      '208',
      '210',
      '212',
      '221',
      '223',
    ]);
  });

  it('every value of a list', () => {
    expect(expandQuantifier(baseline(), { var: '$fund', in: ['a', 'b'] })).toEqual([{ $fund: 'a' }, { $fund: 'b' }]);
  });
});

describe('cell references', () => {
  it('parses table, row key (which may contain dots), column and the optional mark', () => {
    expect(parsePath('T04[收:年初财政拨款结转和结余.一般公共预算财政拨款].金额?')).toEqual({
      table: 'T04',
      row: '收:年初财政拨款结转和结余.一般公共预算财政拨款',
      col: '金额',
      optional: true,
    });
    expect(parsePath('T10[决算数].因公出国（境）费')).toEqual({ table: 'T10', row: '决算数', col: '因公出国（境）费', optional: false });
    expect(() => parsePath('T99[合计].合计')).toThrow();
    expect(() => parsePath('T01.金额')).toThrow();
  });

  it('every declared reference names a catalog table and column', () => {
    const samples: Record<string, string> = { $row: '合计', $code: '201', $col: '合计', $fund: '一般公共预算财政拨款' };
    const bad: string[] = [];
    const check = (rule: Rule, term: Term, bindings: Record<string, string>) => {
      if (typeof term !== 'string') return;
      const path = parsePath(substitute(term, bindings));
      if (!TABLES[path.table].columns.some((c) => c.key === path.col)) bad.push(`${rule.id}: ${term}`);
    };
    for (const rule of RULES.filter(isEquation)) {
      const values = rule.each && 'var' in rule.each ? rule.each.in : [undefined];
      for (const value of values) {
        const bindings = { ...samples, ...(value !== undefined && rule.each && 'var' in rule.each ? { [rule.each.var]: value } : {}) };
        for (const term of [...rule.left, ...rule.right]) check(rule, term, bindings);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('variants and special cases', () => {
  it('a province variant is a list edit', () => {
    const b = baseline();
    set(b, 'T01', '收:使用非财政拨款结余', '金额', '3.00');
    set(b, 'T01', '收:总计', '金额', '907.70');
    set(b, 'T01', '支:结余分配', '金额', '3.00');
    set(b, 'T01', '支:总计', '金额', '907.70');
    const withoutT016 = RULES.filter((r) => r.id !== 'T01-6');
    expect(checkIdentities(b, { rules: withoutT016, aux: baselineAux() })).toEqual([]);
    const stricter: Rule[] = [
      ...withoutT016,
      {
        id: 'SC-T01',
        severity: 'error',
        tolerance: 'copy',
        description: '结余分配 = 使用非财政拨款结余',
        left: ['T01[支:结余分配].金额'],
        right: ['T01[收:使用非财政拨款结余].金额'],
      },
    ];
    set(b, 'T01', '支:结余分配', '金额', '2.00');
    set(b, 'T01', '支:年末结转和结余', '金额', '45.70');
    expect(checkIdentities(b, { rules: stricter, aux: baselineAux() }).map((f) => f.rule)).toEqual(['SC-T01']);
  });

  it('X23 adds two 功能分类 项 against one 经济分类 款 with the rounding tolerance', () => {
    const m = (t07: string) =>
      model(
        table(
          'T06',
          [
            ['2101101', { 合计: '30.00' }],
            ['2101102', { 合计: '2.83' }],
          ],
          { columns: ['合计'] },
        ),
        table('T07', [['30110', { 合计: t07 }]], { columns: ['合计'] }),
      );
    expect(only('X23', checkIdentities(m('32.83')))).toEqual([]);
    expect(only('X23', checkIdentities(m('32.84')))[0]).toMatchObject({ severity: 'info', tolerance: '0.01' });
    expect(only('X23', checkIdentities(m('32.85')))[0]).toMatchObject({ severity: 'warning' });
  });

  it('runs on the 9-table MoF set without the Sichuan-only tables', () => {
    const b = baseline();
    for (const id of ['T05', 'T07', 'T09', 'T12', 'T13'] as const) delete b.tables[id];
    // T14 alone still has 国资 money; X16 (T04 vs T13) is skipped, T04 itself is consistent.
    expect(checkIdentities(b, { aux: baselineAux() })).toEqual([]);
  });
});
