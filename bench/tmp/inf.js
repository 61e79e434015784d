const fs = require('fs');
const { readZipDirectory } = require('../../lib/src/hosts/file/zip');
const { entryBytes } = require('../../lib/src/hosts/file/unzip');
const { readGrids } = require('../../lib/src/hosts/file/reader');
const f = require('fflate');
const zlib = require('zlib');
const b = fs.readFileSync(process.argv[2] || 'examples/sample.xlsx');
const dir = readZipDirectory(b);
for (let k = 0; k < 3; k++) {
  let t = process.hrtime.bigint();
  for (const e of dir.entries) entryBytes(b, e);
  const a = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  for (const e of dir.entries) { const s = e.localHeaderOffset + 30 + b.readUInt16LE(e.localHeaderOffset + 26) + b.readUInt16LE(e.localHeaderOffset + 28); if (e.method === 8) f.inflateSync(b.subarray(s, s + e.compressedSize), { out: new Uint8Array(e.uncompressedSize) }); }
  const c = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  for (const e of dir.entries) { const s = e.localHeaderOffset + 30 + b.readUInt16LE(e.localHeaderOffset + 26) + b.readUInt16LE(e.localHeaderOffset + 28); if (e.method === 8) zlib.inflateRawSync(b.subarray(s, s + e.compressedSize)); }
  const z = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  readGrids(b, 'x');
  const r = Number(process.hrtime.bigint() - t) / 1e6;
  console.log('stream', a.toFixed(1), 'sync', c.toFixed(1), 'zlib', z.toFixed(1), 'readGrids', r.toFixed(1));
}
