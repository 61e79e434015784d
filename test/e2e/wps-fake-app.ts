// Browser stand-in for WPS 表格, for the WPS add-in e2e test: injected before the page's own
// scripts, it gives the page window.Application — the fake JSAPI of test/hosts/wps/fakeWps.ts
// (counting every call) over the workbook the test put in window.__wpsFixture — so the built
// pages (dist-wps/taskpane.html, dist-wps/index.html) run their real code against it.
import { FakeApplication, FakeBook } from '../hosts/wps/fakeWps';

declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any

if (window.__wpsFixture) {
  const book = FakeBook.fromJSON(window.__wpsFixture);
  const app = new FakeApplication(book);
  const storage = window.__wpsStorage as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(storage ?? {})) app.PluginStorage.setItem(k, v);
  window.__fakeBook = book;
  window.__fakeApp = app;
  window.Application = app.api();
}
