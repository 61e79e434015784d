// Excel on the web refuses a request or a response of more than 5 MB ("Resource limits and
// performance optimization for Office Add-ins", section Excel add-ins: payload size limits;
// errors RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). Office.js does not
// tell how big a queued batch is, so the host estimates it — generously — and syncs before the
// estimate passes a budget well under the limit. For the usual workbook (up to about 2,500 cells
// marked or written by one action, 13,000 read) everything fits one request and nothing changes.
import type { PlanOp } from '../../core/plan';

/** What the host lets one request grow to (the limit is 5 MB; the estimate is rough). */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/**
 * One queued command as Office.js sends it: the object paths it needs (worksheet, range, format,
 * fill …) and the action, each a JSON object of ids, names and arguments — a few hundred bytes.
 */
export const COMMAND_BYTES = 600;

/** A cell's loads (range, format, fill, font, note: paths and load actions without arguments). */
export const LOAD_BYTES = 300;

/** The estimated request size of writing one plan op (its command plus the text it carries). */
export function opBytes(op: PlanOp): number {
  return COMMAND_BYTES + 2 * JSON.stringify(op).length;
}

/** The estimated request size of writing texts into one range (JSON inside JSON: escapes double). */
export function textBytes(texts: string[]): number {
  return COMMAND_BYTES + texts.reduce((n, t) => n + 3 * t.length + 8, 0);
}

/** Consecutive runs of texts, each within half the budget (so a run shares a request with other commands). */
export function textRuns(texts: string[], budget = REQUEST_BUDGET_BYTES / 2): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  for (const t of texts) {
    if (run.length > 0 && textBytes([...run, t]) > budget) {
      out.push(run);
      run = [];
    }
    run.push(t);
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** Counts what is queued for the next sync and syncs first when one more command would pass the budget. */
export class RequestBudget {
  private size = 0;
  constructor(
    private readonly context: { sync(): Promise<void> },
    private readonly budget = REQUEST_BUDGET_BYTES,
  ) {}

  async spend(bytes: number): Promise<void> {
    if (this.size > 0 && this.size + bytes > this.budget) {
      await this.context.sync();
      this.size = 0;
    }
    this.size += bytes;
  }

  /** The sync that ends the step (whatever is still queued). */
  async flush(): Promise<void> {
    await this.context.sync();
    this.size = 0;
  }
}
