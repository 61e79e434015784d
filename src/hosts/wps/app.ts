// Where a WPS add-in page finds the WPS 表格 application object. Kept apart from the host so the
// ribbon page (which only opens the task pane) does not load the engine.
import type { WpsApplication } from './api';

/** window.Application in a WPS 表格 add-in page (also wps.EtApplication()); undefined elsewhere. */
export function wpsApplication(scope: unknown = globalThis): WpsApplication | undefined {
  const g = scope as { Application?: WpsApplication; wps?: { EtApplication?: () => WpsApplication } };
  if (g.Application && typeof g.Application === 'object') return g.Application;
  try {
    return g.wps?.EtApplication?.() ?? undefined;
  } catch {
    return undefined;
  }
}
