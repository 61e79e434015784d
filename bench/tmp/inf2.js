const f = require('fflate');
const zlib = require('zlib');
// A sheet-like XML of ~5 MB
let s = ''; for (let i = 0; i < 60000; i++) s += `<row r="${i}"><c r="A${i}" t="s"><v>${i % 977}</v></c><c r="B${i}"><v>${(i * 7919) % 100003}.25</v></c></row>`;
const raw = Buffer.from(s); const c = zlib.deflateRawSync(raw);
console.log('raw', raw.length, 'comp', c.length);
for (const slice of [16384, 65536, 262144, 1 << 20]) {
  const t = process.hrtime.bigint();
  let total = 0; const inf = new f.Inflate((d) => { total += d.length; });
  for (let p = 0; p < c.length; p += slice) inf.push(c.subarray(p, Math.min(c.length, p + slice)), p + slice >= c.length);
  console.log('slice', slice, Number(process.hrtime.bigint() - t) / 1e6, total);
}
let t = process.hrtime.bigint(); f.inflateSync(c, { out: new Uint8Array(raw.length) }); console.log('sync', Number(process.hrtime.bigint() - t) / 1e6);
t = process.hrtime.bigint(); zlib.inflateRawSync(c); console.log('zlib', Number(process.hrtime.bigint() - t) / 1e6);
t = process.hrtime.bigint(); new TextDecoder().decode(raw); console.log('decode', Number(process.hrtime.bigint() - t) / 1e6);
