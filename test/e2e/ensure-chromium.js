// Makes sure the e2e tests have a browser: Debian's `chromium` (and a CJK font, so the
// screenshot shows Chinese, not boxes). Installs them with apt-get when missing — CI runs on a
// clean machine. Needs root (or sudo); prints what to do otherwise.
const fs = require('fs');
const { aptInstall, hasCjkFont } = require('../apt');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const missing = [];
if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');

if (missing.length > 0) aptInstall(missing, 'e2e');
if (!fs.existsSync(CHROMIUM)) {
  console.error(`e2e: 找不到 ${CHROMIUM}。请安装 chromium，或设置 CHROMIUM=浏览器路径。`);
  process.exit(1);
}
console.log(`e2e: using ${CHROMIUM}`);
