// Helpers of the end-to-end tests (test/e2e): find a pane button, wait for a status line, open
// and download workbooks on the standalone page, compare workbooks cell by cell.
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

/** A button by its exact accessible name (the toolbar's labels). */
export function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** Waits for a status line with `text` and returns it. */
export async function status(page: Page, text: string | RegExp, timeout = 90000): Promise<string> {
  const bar = page.locator('[data-testid=status]').filter({ hasText: text });
  await bar.waitFor({ timeout });
  return (await bar.textContent()) ?? '';
}

/** The standalone page: opens `file` through its file input. */
export async function openFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.getByText(path.basename(file), { exact: true }).waitFor();
}

/** The standalone page: 下载结果 into `dir/name`; `check` sees the suggested file name. */
export async function download(page: Page, dir: string, name: string, check?: (suggested: string) => void): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button(page, '下载结果').click()]);
  check?.(dl.suggestedFilename());
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return file;
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell's value, fill and note, of the given sheets (all when absent): what “the original cells” means. */
export function cellsOf(wb: ExcelJS.Workbook, sheets?: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        out[`${ws.name}!${cell.address}`] = JSON.stringify({
          value: cell.value ?? null,
          fill: cell.style?.fill ?? null,
          note: cell.note ?? null,
        });
      }),
    );
  }
  return out;
}
