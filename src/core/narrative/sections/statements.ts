// A section written from its template's sentence forms (narrative.statements with `write`): the
// lead words, the cell's amount, then “其中：{item}{amount}万元，占总收入的{share}；…” over the
// non-zero items, or one paragraph per 项 for a statement of coded items. Used for a template whose
// sentences are not the seeds' (教育部直属高校).
import type { TableId } from '../../model';
import type { TextStatement } from '../../templates/types';
import type { Template } from '../../templates';
import type { NarrativeContext } from '../context';
import { levelOf } from '../names';
import { known, type Value } from '../paragraph';
import { SECTION_TITLES } from '../titles';
import type { Paragraph, Section, SectionId } from '../types';
import { isZeroValue, writeShareList, type ListItem } from './common';

const CELL = /^(T\d\d)\[(.+)\]\.(.+)$/;

function parse(cell: string): { id: TableId; row: string; col: string } | undefined {
  const m = CELL.exec(cell);
  return m ? { id: m[1] as TableId, row: m[2], col: m[3] } : undefined;
}

function valueOf(ctx: NarrativeContext, cell: string): Value | undefined {
  const ref = parse(cell);
  return ref ? ctx.tableValue(ref.id, ref.row, [ref.col], ref.row.replace(/^[收支]:/, '')) : undefined;
}

const withYear = (ctx: NarrativeContext, text: string) => (text.includes('{年}') ? text.replace(/\{年\}/g, ctx.yearText) : text);

/** The section as the template's statements write it; undefined when none of them writes it. */
export function statementSection(ctx: NarrativeContext, template: Template, id: SectionId): Section | undefined {
  const own = (template.narrative.statements ?? []).filter((s) => s.section === id && s.write);
  if (own.length === 0) return undefined;
  const paragraphs = own.flatMap((s) => (s.codes ? codedParagraphs(ctx, s) : [statementParagraph(ctx, s)]));
  return { id, title: SECTION_TITLES[id], paragraphs };
}

function statementParagraph(ctx: NarrativeContext, s: TextStatement): Paragraph {
  const write = s.write!;
  const p = ctx.paragraph();
  p.add(withYear(ctx, write.text));
  const total = write.cell ? valueOf(ctx, write.cell) : undefined;
  if (total) p.amount(total).add('万元');
  if (s.list) {
    const items: ListItem[] = [];
    for (const [name, cell] of Object.entries(s.list.items)) {
      const ref = parse(cell);
      const a = ref ? ctx.cell(ref.id, ref.row, [ref.col]) : undefined;
      if (a) items.push({ name, value: known(a.value, [a.cell]) });
    }
    const shown = items.filter((i) => !isZeroValue(i.value));
    const denominator = valueOf(ctx, s.list.denominator);
    if (shown.length > 0 && denominator) {
      if (total) p.add(`，${s.list.start}`);
      writeShareList(p, ctx, shown, denominator, {
        separator: '；',
        zeroShare: true,
        listName: s.list.denominatorName,
        ...(write.shareLead ? { shareLead: write.shareLead } : {}),
      });
    }
  }
  p.add('。');
  return p.build();
}

/** “1.小学教育（2050202），2024年度决算数为8627.17万元。” for every 项 of the table, in its order. */
function codedParagraphs(ctx: NarrativeContext, s: TextStatement): Paragraph[] {
  const ref = parse(s.codes!);
  const table = ref ? ctx.table(ref.id) : undefined;
  if (!ref || !table) return [];
  const rows = table.rows.filter((r) => r.code && levelOf(r) === 3 && r.cells[ref.col] && !r.cells[ref.col].value.isZero());
  return rows.map((row, i) => {
    const a = row.cells[ref.col];
    const p = ctx.paragraph();
    const lead = withYear(ctx, s.write!.text)
      .replace('{n}', String(i + 1))
      .replace('{name}', row.label)
      .replace('{code}', row.code as string);
    p.add(lead)
      .amount(known(a.value, [a.cell]))
      .add('万元。');
    return p.build();
  });
}
