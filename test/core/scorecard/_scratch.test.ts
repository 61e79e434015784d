import { checkScorecards } from '../../../src/core/scorecard';
import { gridsOf } from './build-workbook';
import * as S from './seed-scorecards';
import * as C from './seed-completion';

test('scratch', async () => {
  const g0 = await gridsOf([
    { name: '部门整体', parts: [{ scorecard: S.SEED000_DEPARTMENT }, { table: C.SEED000_DEPARTMENT_COMPLETION }] },
    ...[1, 2, 3, 4, 5].map((i) => ({ name: `项目${i}`, parts: [{ scorecard: (S as any)[`SEED000_PROJECT_${i}`] }, { table: (C as any)[`SEED000_PROJECT_${i}_COMPLETION`] }] })),
  ]);
  const r0 = checkScorecards(g0);
  console.log(r0.scorecards.map((s) => `${s.kind} ${s.projectName} ${s.indicators.length} ${s.computedTotal} total=${s.total?.value} grade=${s.grade?.text} comp=${!!s.completion}`).join('\n'));
  console.log(r0.findings.map((f) => `${f.rule} ${f.severity} ${f.message} [${f.cells.map((c) => c.sheet + '!' + c.address).join(',')}]`).join('\n'));
  const g2 = await gridsOf([
    { name: '部门整体', parts: [{ scorecard: S.SEED002_DEPARTMENT }, { table: C.SEED002_DEPARTMENT_COMPLETION }] },
    { name: '项目1', parts: [{ scorecard: S.SEED002_PROJECT_1 }, { table: C.SEED002_PROJECT_1_COMPLETION }] },
    { name: '项目2', parts: [{ scorecard: S.SEED002_PROJECT_2 }, { table: C.SEED002_PROJECT_2_COMPLETION }] },
  ]);
  const r2 = checkScorecards(g2);
  console.log(r2.scorecards.map((s) => `${s.kind} ${s.projectName} ${s.indicators.length} ${s.computedTotal} total=${s.total?.value} grade=${s.grade?.text} comp=${!!s.completion}`).join('\n'));
  console.log(r2.findings.map((f) => `${f.rule} ${f.severity} ${f.message} [${f.cells.map((c) => c.sheet + '!' + c.address).join(',')}]`).join('\n'));
});
