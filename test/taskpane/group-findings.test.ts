// The task pane's findings list: by severity, then by table; scorecard and narrative-text findings in groups of their own.
import { groupFindings } from '../../taskpane/app/controller';
import type { Finding } from '../../src/core/finding';

const f = (rule: string, severity: Finding['severity'], sheet: string): Finding => ({
  rule,
  severity,
  message: rule,
  cells: [{ sheet, address: 'A1' }],
});

test('scorecard (SC/CT) and text (TXT) findings each get their own group', () => {
  const tables = { 表1: { id: 'T01', title: '收入支出决算总表', label: '表1' } };
  const groups = groupFindings(
    [
      f('X01', 'error', '表1'),
      f('SC-3', 'error', '部门整体支出绩效自评计分表'),
      f('CT-1', 'error', '绩效目标完成情况表'),
      f('TXT-AMOUNT', 'error', '部门决算情况说明'),
    ],
    tables as never,
  );
  expect(groups).toHaveLength(1);
  expect(groups[0].count).toBe(4);
  expect(groups[0].tables.map((t) => [t.label, t.findings.map((x) => x.rule)])).toEqual([
    ['表1 收入支出决算总表', ['X01']],
    ['部门决算情况说明（文字）', ['TXT-AMOUNT']],
    ['绩效自评计分表与绩效目标完成情况表', ['CT-1', 'SC-3']],
  ]);
});
