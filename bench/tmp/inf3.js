const f = require('fflate');
const zlib = require('zlib');
let s = ''; for (let i = 0; i < 60000; i++) s += `<row r="${i}"><c r="A${i}" t="s"><v>${i % 977}</v></c><c r="B${i}"><v>${(i * 7919) % 100003}.25</v></c></row>`;
const raw = Buffer.from(s); const c = zlib.deflateRawSync(raw);
const mode = process.argv[2];
for (let k = 0; k < 4; k++) {
const t = process.hrtime.bigint();
if (mode === 'sync') f.inflateSync(c, { out: new Uint8Array(raw.length) });
else if (mode === 'syncnoout') f.inflateSync(c);
else if (mode === 'zlib') zlib.inflateRawSync(c);
else { const slice = Number(mode); let total = 0; const inf = new f.Inflate((d) => { total += d.length; });
  for (let p = 0; p < c.length; p += slice) inf.push(c.subarray(p, Math.min(c.length, p + slice)), p + slice >= c.length); }
process.stdout.write(mode + ' ' + (Number(process.hrtime.bigint() - t) / 1e6).toFixed(0) + '  ');
}
console.log();
