// One cause, one finding. A 补充信息 input that is already wrong makes the sentences written from it
// wrong for that reason alone: a “三公” total that is not the sum of its parts (SUP-SUM) makes the
// 七（一） sentence contradict itself by the same difference (TXT-SUM over the same cells); 公务用车
// 0 with vehicles elsewhere in 补充信息 (SUP-CAR, 提示) makes 七（二） and 十（三） disagree (TXT-CARS).
// The text's finding is folded into the 补充信息 one, whose cells then name the sentences too: the
// user corrects the input once and regenerates the text.
import type { CellRef, Finding } from './finding';

const key = (c: CellRef) => `${c.sheet}!${c.address}`;

interface Consequence {
  input: string;
  text: string;
  /** The text's finding follows from this input's finding. */
  follows(text: Finding, input: Finding): boolean;
  /** What the input's message adds about the sentences. */
  note: string;
}

const CONSEQUENCES: Consequence[] = [
  {
    input: 'SUP-SUM',
    text: 'TXT-SUM',
    follows: (text, input) => {
      if (text.difference === undefined || text.difference !== input.difference) return false;
      const textCells = new Set(text.cells.map(key));
      return input.cells.every((c) => textCells.has(key(c)));
    },
    note: '说明中据此写出的增减也因此前后矛盾，改正后请重新生成说明。',
  },
  {
    input: 'SUP-CAR',
    text: 'TXT-CARS',
    // the 提示 form of SUP-CAR is the one about 0 公务用车 beside other vehicles, as TXT-CARS is
    follows: (_text, input) => input.severity === 'warning',
    note: '说明中两处已按此写出。',
  },
];

export function foldSameCause(findings: Finding[]): Finding[] {
  const folded = new Map<Finding, Finding[]>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const cause = causeOf(f, findings);
    if (!cause) kept.push(f);
    else folded.set(cause, [...(folded.get(cause) ?? []), f]);
  }
  if (folded.size === 0) return findings;
  return kept.map((f) => {
    const texts = folded.get(f);
    return texts ? withSentences(f, texts) : f;
  });
}

function causeOf(f: Finding, findings: Finding[]): Finding | undefined {
  const consequence = CONSEQUENCES.find((c) => c.text === f.rule);
  if (!consequence) return undefined;
  return findings.find((input) => input.rule === consequence.input && consequence.follows(f, input));
}

function withSentences(input: Finding, texts: Finding[]): Finding {
  const note = CONSEQUENCES.find((c) => c.input === input.rule)?.note ?? '';
  const cells = [...input.cells];
  const seen = new Set(cells.map(key));
  for (const c of texts.flatMap((t) => t.cells)) {
    if (seen.has(key(c))) continue;
    seen.add(key(c));
    cells.push(c);
  }
  return { ...input, message: input.message + note, cells };
}
