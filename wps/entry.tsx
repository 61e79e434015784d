// The task pane page of the WPS add-in (taskpane.html): the same React app as the Excel task
// pane and the standalone page, with the WPS host injected. WPS gives the page
// window.Application (also wps.EtApplication()); without it the page says where to use it.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/app/App';
import { Notice } from '../taskpane/excel/Notice';
import { WpsHost, wpsApplication } from '../src/hosts/wps/host';
import type { WpsApplication } from '../src/hosts/wps/api';
import { takeCommand } from './commands';
import { Runner } from '../src/app/runner';
import { userMessage } from '../taskpane/app/errors';
import { exportWord } from '../taskpane/app/exportAction';

const root = createRoot(document.getElementById('root') as HTMLElement);

function render(node: React.ReactNode) {
  root.render(<React.StrictMode>{node}</React.StrictMode>);
}

/** Runs the actions the ribbon leaves, through the pane's runner (one after the other). */
function watchCommands(app: WpsApplication, runner: Runner): void {
  const tick = () => {
    const action = takeCommand(app);
    if (action) void runner.run(action);
  };
  window.setInterval(tick, 300);
  tick();
}

function start(): void {
  const app = wpsApplication(window);
  if (!app) {
    render(
      <Notice text="没有检测到 WPS 表格。请在 WPS 表格“决算助手”选项卡中打开本页；不装加载项时，可使用浏览器版（standalone.html）。" />,
    );
    return;
  }
  const host = new WpsHost(app);
  const runner = new Runner(host, { describeError: userMessage, exportWord });
  render(<App host={host} runner={runner} subtitle="WPS 表格" />);
  watchCommands(app, runner);
}

start();
