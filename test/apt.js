// Installing the Debian packages a test run needs (CI runs on a clean machine): used by
// test/ensure-tools.js (npm test) and test/e2e/ensure-chromium.js (npm run e2e).
const { execSync } = require('child_process');

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** apt-get installs `packages` (as root, or with sudo); exits with a Chinese sentence when it cannot. */
function aptInstall(packages, what) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let sudo = '';
  if (!root) {
    try {
      execSync('sudo -n true', { stdio: 'ignore' });
      sudo = 'sudo ';
    } catch {
      console.error(`${what}需要 ${packages.join('、')}：请以 root 运行 apt-get install -y ${packages.join(' ')}。`);
      process.exit(1);
    }
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    for (const cmd of [`${sudo}apt-get update`, `${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`]) {
      console.log(`$ ${cmd}`);
      execSync(cmd, { stdio: 'inherit', env });
    }
  } catch {
    console.error(`${what}：安装 ${packages.join('、')} 失败。`);
    process.exit(1);
  }
}

module.exports = { hasCjkFont, aptInstall };
