// One cause, one finding: a sentence of the 情况说明 whose total and items come from 补充信息 cells
// that already disagree (SUP-SUM) contradicts itself for that reason alone (TXT-SUM with the same
// cells and the same difference). The text's finding is folded into the 补充信息 one, whose cells
// then name the sentence too: the user corrects the inputs once and regenerates the text.
import type { CellRef, Finding } from './finding';

const key = (c: CellRef) => `${c.sheet}!${c.address}`;

function explainedBy(text: Finding, input: Finding): boolean {
  if (text.difference === undefined || text.difference !== input.difference) return false;
  const textCells = new Set(text.cells.map(key));
  return input.cells.every((c) => textCells.has(key(c)));
}

export function foldSameCause(findings: Finding[]): Finding[] {
  const inputs = findings.filter((f) => f.rule === 'SUP-SUM');
  if (inputs.length === 0) return findings;
  const folded = new Map<Finding, Finding[]>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const cause = f.rule === 'TXT-SUM' ? inputs.find((input) => explainedBy(f, input)) : undefined;
    if (!cause) kept.push(f);
    else folded.set(cause, [...(folded.get(cause) ?? []), f]);
  }
  return kept.map((f) => {
    const texts = folded.get(f);
    if (!texts) return f;
    const own = new Set(f.cells.map(key));
    const sentenceCells: CellRef[] = [];
    for (const c of texts.flatMap((t) => t.cells)) {
      if (own.has(key(c))) continue;
      own.add(key(c));
      sentenceCells.push(c);
    }
    const where = sentenceCells.map(key).join('、');
    return {
      ...f,
      message: `${f.message}说明中据此写出的增减也因此前后矛盾（${where}），改正补充信息后请重新生成说明。`,
      cells: [...f.cells, ...sentenceCells],
    };
  });
}
