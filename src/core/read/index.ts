// The reader: Grids in, the typed Model out. Each sheet is recognised by its title, read by the
// reader of its table kind, and every problem met on the way becomes a READ finding.
import type { Finding } from '../finding';
import type { Grid } from '../grid';
import type { Model, Table, TableId } from '../model';
import { PROFILES, TABLES, TableKind } from '../tables';
import { readClassified } from './classified';
import { ReadContext } from './context';
import { readFinding } from './findings';
import { readFixed } from './fixed';
import { readEconomicGroups } from './groups';
import { Recognised, recogniseTable } from './recognise';
import { readSanGong } from './sangong';
import { SheetView } from './sheet';
import { findUnit } from './unit';

export type ProfileId = 'sichuan14' | 'mof9';

export interface ReadOptions {
  profile?: ProfileId;
}

const READERS: Record<TableKind, (ctx: ReadContext) => Table | undefined> = {
  fixed: readFixed,
  classified: readClassified,
  economicGroups: readEconomicGroups,
  sanGong: readSanGong,
};

/** Tables only the Sichuan 14-table template has. */
const SICHUAN_ONLY: TableId[] = ['T05', 'T07', 'T09', 'T12', 'T13'];

export function readWorkbook(grids: Grid[], options: ReadOptions = {}): Model & { profile: string } {
  const findings: Finding[] = [];
  const tables: Partial<Record<TableId, Table>> = {};
  const present = new Set<TableId>();
  const unread = new Map<TableId, { id: TableId; cell: { sheet: string; address: string } }>();
  for (const grid of grids) {
    const view = new SheetView(grid);
    const recognised = recogniseTable(view);
    if (!recognised) continue;
    present.add(recognised.id);
    const earlier = tables[recognised.id];
    if (earlier) {
      findings.push(duplicateFinding(view.sheet, earlier, recognised));
      continue;
    }
    // A sheet that cannot be read leaves the table open for a later sheet with the same title.
    const table = readTable(view, recognised, findings);
    if (table) tables[recognised.id] = table;
    else if (!unread.has(recognised.id)) unread.set(recognised.id, { id: recognised.id, cell: { sheet: view.sheet, address: recognised.titleAddress } });
  }
  const profile = options.profile ?? detectProfile([...present]);
  findings.push(...missingTableFindings(profile, [...present]));
  const unreadTables = [...unread.values()].filter((t) => !tables[t.id]);
  return { tables, findings, profile, ...(unreadTables.length > 0 ? { unreadTables } : {}) };
}

function duplicateFinding(sheet: string, earlier: Table, recognised: Recognised): Finding {
  return readFinding(
    'warning',
    `表“${sheet}”与表“${earlier.sheet}”都是${earlier.title}，只读取表“${earlier.sheet}”`,
    { sheet, address: recognised.titleAddress },
  );
}

function readTable(view: SheetView, recognised: Recognised, findings: Finding[]): Table | undefined {
  const def = TABLES[recognised.id];
  const titleCell = { sheet: view.sheet, address: recognised.titleAddress };
  let unit = findUnit(view, recognised.titleRow);
  if (!unit) {
    unit = '万元';
    findings.push(readFinding('warning', `表“${view.sheet}”（${def.title}）未注明金额单位，按万元读取`, titleCell));
  }
  const ctx: ReadContext = {
    view, unit, findings, def, titleRow: recognised.titleRow, titleAddress: recognised.titleAddress, unreadCells: [],
  };
  return READERS[def.kind](ctx);
}

export function detectProfile(present: TableId[]): ProfileId {
  return present.some((id) => SICHUAN_ONLY.includes(id)) ? 'sichuan14' : 'mof9';
}

function missingTableFindings(profileId: string, present: TableId[]): Finding[] {
  const profile = PROFILES[profileId];
  return profile.tables
    .filter((id) => !present.includes(id))
    .map((id) => readFinding(profile.optional.includes(id) ? 'info' : 'warning', `未找到附表：${TABLES[id].title}`));
}
