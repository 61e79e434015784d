#!/usr/bin/env node
'use strict';
// Second step of `npm run build`: the command line and batch's worker as two single files
// (lib/juesuan.cjs, lib/juesuan-worker.cjs), so a process loads one file instead of ~190 modules.
// Packages stay outside the bundle and are required when first used (exceljs only for a write,
// docx only for a document: check and narrate never load them), except the two small ones every
// check reads with. bin/juesuan.js falls back to lib/src/cli/main.js when the bundle is missing or
// older than it. Minified; source maps beside the bundles: `node --enable-source-maps` for a readable stack
// with JUESUAN_DEBUG=1 (users never see one). Then the command line bundle's V8 code cache
// (scripts/code-cache.js, read by bin/load-bundle.js).
const { spawnSync } = require('child_process');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const BUNDLED_PACKAGES = new Set(['decimal.js', 'fflate']);

/** Every package but BUNDLED_PACKAGES is left to require() at run time. */
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

function bundleCli() {
  return esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { juesuan: 'src/cli/main.ts', 'juesuan-worker': 'src/cli/batch/worker.ts' },
    outdir: 'lib',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'es2020', // as tsconfig.json: the same code as lib/src, only in one file
    format: 'cjs',
    // half the bytes to read and parse at every start (about 10 ms of 50 for the command line's
    // bundle); nothing reads a function's or class's name (stacks: the source maps)
    minify: true,
    charset: 'utf8',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [packagesOutside],
  });
}

module.exports = { bundleCli };

/** The command line bundle's code cache (scripts/code-cache.js), in a process of its own. */
function codeCache() {
  const made = spawnSync(process.execPath, [path.join(__dirname, 'code-cache.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error('code-cache.js failed');
}

if (require.main === module) {
  bundleCli()
    .then(codeCache)
    .catch(() => process.exit(1));
}
