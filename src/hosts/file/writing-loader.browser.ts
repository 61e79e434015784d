// The page's ./writing-loader (see there): exceljs and the package writer bundled with the page.
import * as writing from './writing';
import type { Writing } from './writing-loader';

export function loadWriting(): Promise<Writing> {
  return Promise.resolve(writing);
}
