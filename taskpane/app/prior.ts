// 填表's 上年数: last year's workbook, picked with a file input (works in Excel's task pane, WPS
// and the standalone page alike) and read in the page with the file host's fast reader. The file
// is never uploaded and never written. The reader is loaded only when a file is picked (a chunk of
// its own for the Excel and WPS panes, which do not need it otherwise).
import type { PriorWorkbook } from './controller';
import { isPrivateSheet } from '../../src/hosts/host';

export async function readPriorWorkbook(file: Blob & { name: string }): Promise<PriorWorkbook> {
  const [{ readGrids }, bytes] = await Promise.all([
    import(/* webpackChunkName: "xlsx-reader" */ '../../src/hosts/file/reader'),
    file.arrayBuffer(),
  ]);
  // Only read: sheets too large to matter are cut short (the default), nothing is saved back.
  const { grids } = readGrids(bytes, file.name);
  return { file: file.name, grids: grids.filter((g) => !isPrivateSheet(g.sheet)) };
}
