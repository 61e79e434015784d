import type { Finding } from '../../../src/core/finding';
import { highlightPlan, SEVERITY_FILL } from '../../../src/core/plan';

const f = (rule: string, severity: Finding['severity'], message: string, ...cells: [string, string][]): Finding => ({
  rule,
  severity,
  message,
  cells: cells.map(([sheet, address]) => ({ sheet, address })),
});

describe('highlightPlan', () => {
  it('fills every finding cell by severity and notes the rule and message', () => {
    const plan = highlightPlan([f('X01', 'error', '不相等', ['表1', 'C14'], ['表2', 'D7'])]);
    expect(plan.marker).toEqual({ action: 'highlight' });
    expect(plan.ops).toEqual([
      { kind: 'fill', sheet: '表1', address: 'C14', color: '#FFC7CE' },
      { kind: 'note', sheet: '表1', address: 'C14', text: 'X01：不相等' },
      { kind: 'fill', sheet: '表2', address: 'D7', color: '#FFC7CE' },
      { kind: 'note', sheet: '表2', address: 'D7', text: 'X01：不相等' },
    ]);
  });

  it('gives a cell in several findings the worst colour and every distinct message, worst first', () => {
    const plan = highlightPlan([
      f('T01-3', 'info', '取整误差', ['表1', 'B2']),
      f('T01-1', 'warning', '提示一', ['表1', 'B2']),
      f('X02', 'error', '错误一', ['表1', 'B2']),
      f('X02', 'error', '错误一', ['表1', 'B2']), // duplicate: once in the note
    ]);
    expect(plan.ops).toEqual([
      { kind: 'fill', sheet: '表1', address: 'B2', color: SEVERITY_FILL.error },
      { kind: 'note', sheet: '表1', address: 'B2', text: 'X02：错误一\nT01-1：提示一\nT01-3：取整误差' },
    ]);
  });

  it('uses amber for warnings and blue for info', () => {
    const plan = highlightPlan([f('A', 'warning', 'w', ['S', 'A1']), f('B', 'info', 'i', ['S', 'A2'])]);
    const fills = plan.ops.filter((o) => o.kind === 'fill').map((o) => (o as { color: string }).color);
    expect(fills).toEqual(['#FFEB9C', '#DDEBF7']);
  });

  it('orders cells by sheet then row then column, whatever the finding order', () => {
    const plan = highlightPlan([f('A', 'error', 'm', ['S', 'B10'], ['S', 'C2'], ['R', 'Z1']), f('B', 'error', 'n', ['S', 'A2'])]);
    const cells = plan.ops.filter((o) => o.kind === 'fill').map((o) => `${o.sheet}!${(o as { address: string }).address}`);
    expect(cells).toEqual(['R!Z1', 'S!A2', 'S!C2', 'S!B10']);
  });

  it('expands ranges and skips addresses that are not cells', () => {
    const plan = highlightPlan([f('A', 'info', 'm', ['S', 'A1:B2'], ['S', ''], ['S', '第3行'])]);
    expect(plan.ops.filter((o) => o.kind === 'fill').map((o) => (o as { address: string }).address)).toEqual(['A1', 'B1', 'A2', 'B2']);
  });

  it('is empty without findings', () => {
    expect(highlightPlan([]).ops).toEqual([]);
  });
});
