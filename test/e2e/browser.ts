// Headless Chromium (Debian's package) driven by playwright-core, with a fresh profile and the
// network locked to the local test server: any request to another origin is aborted and
// recorded, and the test fails on it.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  /** Requests to anywhere but `origin` (all were aborted). */
  external: string[];
  /** Every request the page made. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * `standIns`: external URL → local file served in its place (the request never leaves the
 * machine; it is still listed in `external`).
 */
export async function launch(
  origin: string,
  viewport = { width: 340, height: 900 },
  standIns: Record<string, string> = {},
): Promise<Session> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'juesuan-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const external: string[] = [];
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    external.push(url);
    const local = standIns[url];
    if (local) return route.fulfill({ path: local, contentType: 'text/javascript; charset=utf-8' });
    return route.abort('blockedbyclient');
  });
  return {
    context,
    external,
    requests,
    close: async () => {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}
