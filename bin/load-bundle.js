'use strict';
// Loads one of lib/'s bundles as require() would, with the V8 code cache `npm run build` made for it
// (BUNDLE.cache, scripts/code-cache.js): the functions a check runs arrive compiled instead of being
// parsed and compiled at their first call. Node 20 has no compile cache of its own
// (module.enableCompileCache is Node 22), hence these lines. V8 checks a cache against its own
// version and flags, and against the source's length only, so the cache names the SHA-1 of the
// bundle it was made from and is used only for that bundle. A cache that does not fit costs nothing:
// the source is compiled as require() would.
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');

const HASH_BYTES = 20;

function sha1(text) {
  return crypto.createHash('sha1').update(text).digest();
}

/** The cache's V8 data when it was made from `source`, else undefined. */
function cacheFor(cacheFile, source) {
  let bytes;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES || !bytes.subarray(0, HASH_BYTES).equals(sha1(source))) return undefined;
  return bytes.subarray(HASH_BYTES);
}

/**
 * Runs the bundle `file` and returns its exports, with `script` (to make a cache from) and whether
 * a cache was given and V8 took it.
 */
function loadBundle(file, options = {}) {
  const cacheFile = options.cacheFile || `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  const cachedData = options.withoutCache ? undefined : cacheFor(cacheFile, source);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file, loaded: false, children: [], paths: [] };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the cache of a loaded bundle: the SHA-1 of its source, then V8's data. */
function writeCache(file, script, cacheFile = `${file}.cache`) {
  const source = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(cacheFile, Buffer.concat([sha1(source), script.createCachedData()]));
}

module.exports = { loadBundle, writeCache };
