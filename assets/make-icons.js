// Regenerates the add-in icons (icon-16/32/64/80/128.png) from one SVG, rendered by headless
// Chromium (Debian's `chromium`, driven by playwright-core) with a local CJK font. The PNGs are
// committed; run this only to change the design:  node assets/make-icons.js
const path = require('path');
const { chromium } = require('playwright-core');

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

function svg(size) {
  const badge = size >= 32;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1B7BD0"/><stop offset="1" stop-color="#0B4F8C"/>
    </linearGradient>
  </defs>
  <rect x="${size <= 16 ? 0 : 2}" y="${size <= 16 ? 0 : 2}" width="${size <= 16 ? 64 : 60}" height="${size <= 16 ? 64 : 60}" rx="13" fill="url(#g)"/>
  <text x="${badge ? 29 : 32}" y="${badge ? 44 : 47}" text-anchor="middle"
        font-family="Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif" font-weight="700"
        font-size="${badge ? 36 : 44}" fill="#FFFFFF">决</text>
  ${
    badge
      ? `<circle cx="48" cy="48" r="13" fill="#FFFFFF"/><circle cx="48" cy="48" r="10.5" fill="#13A10E"/>
  <path d="M42.8 48.2 l3.6 3.6 l7 -7.4" fill="none" stroke="#FFFFFF" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`
      : ''
  }
</svg>`;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    await page.screenshot({
      path: path.join(__dirname, `icon-${size}.png`),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
  }
  await browser.close();
  console.log(`icons: ${SIZES.join(', ')} px`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
