// Makes sure the e2e tests have a browser: Debian's `chromium` (and a CJK font, so the
// screenshot shows Chinese, not boxes). Installs them with apt-get when missing — CI runs on a
// clean machine. Needs root (or sudo); prints what to do otherwise.
const { execSync } = require('child_process');
const fs = require('fs');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function run(cmd) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

const missing = [];
if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');

if (missing.length === 0) {
  console.log(`e2e: using ${CHROMIUM}`);
  process.exit(0);
}

const root = typeof process.getuid === 'function' && process.getuid() === 0;
let sudo = '';
if (!root) {
  try {
    execSync('sudo -n true', { stdio: 'ignore' });
    sudo = 'sudo ';
  } catch {
    console.error(`e2e 需要 ${missing.join('、')}：请以 root 运行 apt-get install -y ${missing.join(' ')}，或设置 CHROMIUM=浏览器路径。`);
    process.exit(1);
  }
}
try {
  run(`${sudo}apt-get update`);
  run(`${sudo}apt-get install -y --no-install-recommends ${missing.join(' ')}`);
} catch (e) {
  console.error(`e2e: 安装 ${missing.join('、')} 失败。`);
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`e2e: 安装后仍找不到 ${CHROMIUM}。`);
  process.exit(1);
}
