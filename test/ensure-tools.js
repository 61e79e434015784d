// Makes sure `npm test` has what the tests of the files juesuan writes open them with: LibreOffice
// (soffice converts a filled .xlsm to PDF, as a user's office suite would open it), pdftotext to
// read that PDF, and a CJK font (the charts of `juesuan doc`). Installs them when missing.
const { execSync } = require('child_process');
const { aptInstall, hasCjkFont } = require('./apt');

function has(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

const missing = [];
if (!has('soffice')) missing.push('libreoffice-calc-nogui', 'libreoffice-writer-nogui');
if (!has('pdftotext')) missing.push('poppler-utils');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (missing.length > 0) aptInstall(missing, '测试');
