// SVG → PNG in Node with resvg, which draws text only with fonts it is given: the CJK fonts are
// found by path (no fontconfig in resvg). Without one, the charts still render, with a warning.
import * as fs from 'fs';
import * as path from 'path';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/truetype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/opentype/source-han-sans',
  '/usr/share/fonts/truetype/wqy',
  '/usr/share/fonts/wqy-microhei',
  '/System/Library/Fonts',
  'C:\\Windows\\Fonts',
];
const CJK_FONT = /(NotoSansCJK|NotoSerifCJK|SourceHanSans|wqy|msyh|simhei|simsun|PingFang)[^/\\]*\.(ttc|otf|ttf)$/i;

export function findCjkFonts(dirs = FONT_DIRS): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (CJK_FONT.test(n)) found.push(path.join(dir, n));
  }
  // Sans first, Regular weight first: one family is enough and loading is the slow part
  return found.sort((a, b) => score(a) - score(b)).slice(0, 2);
}

function score(file: string): number {
  return (/Sans/i.test(file) ? 0 : 2) + (/Regular|msyh\.|simhei/i.test(file) ? 0 : 1);
}

export interface PngResult {
  png: Uint8Array;
  width: number;
  height: number;
  warning?: string;
}

export const NO_CJK_FONT_WARNING = '未找到中文字体（如 fonts-noto-cjk），图表中的汉字可能无法显示；请安装中文字体后重新导出。';

export function svgToPng(svg: string, scale = 2, fontFiles: string[] = findCjkFonts()): PngResult {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'Noto Sans CJK SC' },
    background: 'white',
  });
  const image = resvg.render();
  return {
    png: image.asPng(),
    width: image.width,
    height: image.height,
    ...(fontFiles.length === 0 ? { warning: NO_CJK_FONT_WARNING } : {}),
  };
}
