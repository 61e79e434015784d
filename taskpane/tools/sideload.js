// `npm start`: sideload manifest.xml into desktop Excel, then (npm start goes on to) run the dev
// server on https://localhost:3000. Works where desktop Excel is installed:
//   Windows  registers the manifest as a developer add-in (the registry key Office reads at
//            start: HKCU\Software\Microsoft\Office\16.0\WEF\Developer) and opens Excel;
//   macOS    copies the manifest into Excel's wef folder and opens Excel.
// Then in Excel: 开始 → 加载项 (or 插入 → 我的加载项 → 开发人员加载项) → 决算助手.
// Linux has no desktop Excel: use Excel on the web (upload manifest.xml under 插入 → 加载项 →
// 上传我的加载项) or the standalone page (dist/standalone.html).
// Undo with `node taskpane/tools/sideload.js --remove`.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const manifest = path.resolve(__dirname, '../../manifest.xml');
const remove = process.argv.includes('--remove');
const id = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifest, 'utf8'))[1];

function windows() {
  const key = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
  if (remove) {
    execFileSync('reg', ['delete', key, '/v', id, '/f'], { stdio: 'inherit' });
    return;
  }
  execFileSync('reg', ['add', key, '/v', id, '/t', 'REG_SZ', '/d', manifest, '/f'], { stdio: 'inherit' });
  spawn('cmd', ['/c', 'start', 'excel'], { detached: true, stdio: 'ignore' }).unref();
}

function mac() {
  const dir = path.join(os.homedir(), 'Library/Containers/com.microsoft.Excel/Data/Documents/wef');
  const target = path.join(dir, `${id}.manifest.xml`);
  if (remove) {
    fs.rmSync(target, { force: true });
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(manifest, target);
  spawn('open', ['-a', 'Microsoft Excel'], { detached: true, stdio: 'ignore' }).unref();
}

if (process.platform === 'win32') windows();
else if (process.platform === 'darwin') mac();
else {
  console.error(
    '这台电脑没有桌面版 Excel（Linux），无法旁加载。请改用 Excel 网页版（插入 → 加载项 → 上传我的加载项，选择 manifest.xml），' +
      '或用浏览器打开 dist/standalone.html。开发服务器可单独用 `npm run dev-server` 启动。',
  );
  process.exit(1);
}
console.log(
  remove ? `已移除加载项 ${id}。` : `已登记 ${manifest}。请在 Excel 中打开“决算助手”；开发服务器正在启动（https://localhost:3000）。`,
);
