const fs = require('fs');
const { readZipDirectory } = require('../../lib/src/hosts/file/zip');
const { entryBytes } = require('../../lib/src/hosts/file/unzip');
const f = require('fflate');
const zlib = require('zlib');
const b = fs.readFileSync(process.argv[3] || 'examples/seed002.xlsx');
const dir = readZipDirectory(b);
const mode = process.argv[2];
for (let k = 0; k < 3; k++) {
  const t = process.hrtime.bigint();
  for (const e of dir.entries) {
    const s = e.localHeaderOffset + 30 + b.readUInt16LE(e.localHeaderOffset + 26) + b.readUInt16LE(e.localHeaderOffset + 28);
    if (e.method !== 8) continue;
    if (mode === 'stream') entryBytes(b, e);
    else if (mode === 'sync') f.inflateSync(b.subarray(s, s + e.compressedSize), { out: new Uint8Array(e.uncompressedSize + 1) });
    else zlib.inflateRawSync(b.subarray(s, s + e.compressedSize));
  }
  process.stdout.write(mode + ' ' + (Number(process.hrtime.bigint() - t) / 1e6).toFixed(1) + '  ');
}
console.log(dir.entries.length, Math.max(...dir.entries.map(e=>e.compressedSize)));
