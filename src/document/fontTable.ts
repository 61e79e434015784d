// The fonts of a Chinese official document and what to show where they are missing. The
// `docx` package writes a font table only for embedded fonts, so word/fontTable.xml is written
// here: w:altName and the GB2312 charset/panose let Word, WPS and LibreOffice pick the common
// Windows face (仿宋, 楷体, 宋体) when the GB2312 or 方正 face is not installed.
export const FONTS = {
  fangsong: {
    name: '仿宋_GB2312',
    alt: '仿宋',
    latin: 'Times New Roman',
    panose: '02010609030101010101',
    family: 'modern',
    pitch: 'fixed',
  },
  kaiti: { name: '楷体_GB2312', alt: '楷体', latin: 'Times New Roman', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  heiti: { name: '黑体', alt: 'SimHei', latin: 'Times New Roman', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  xiaobiaosong: {
    name: '方正小标宋简体',
    alt: '宋体',
    latin: 'Times New Roman',
    panose: '02000000000000000000',
    family: 'auto',
    pitch: 'variable',
  },
} as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function fontTableXml(): string {
  const fonts = Object.values(FONTS).map(
    (f) =>
      `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.alt)}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  );
  fonts.push(
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}
