// Makes sure `npm test` has what the tests of the files juesuan writes open them with: LibreOffice
// (soffice converts a filled .xlsm to PDF, as a user's office suite would open it), pdftotext to
// read that PDF, and a CJK font (the charts of `juesuan doc`). Installs them with apt-get when
// missing — CI runs on a clean machine. Needs root (or sudo); prints what to do otherwise.
const { execSync } = require('child_process');

function has(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

const missing = [];
if (!has('soffice')) missing.push('libreoffice-calc-nogui', 'libreoffice-writer-nogui');
if (!has('pdftotext')) missing.push('poppler-utils');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (missing.length === 0) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
let sudo = '';
if (!root) {
  try {
    execSync('sudo -n true', { stdio: 'ignore' });
    sudo = 'sudo ';
  } catch {
    console.error(`测试需要 ${missing.join('、')}：请以 root 运行 apt-get install -y ${missing.join(' ')}。`);
    process.exit(1);
  }
}
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execSync(`${sudo}apt-get update`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit', env });
} catch {
  console.error(`安装 ${missing.join('、')} 失败。`);
  process.exit(1);
}
