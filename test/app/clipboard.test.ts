// 复制全文: one <p> per paragraph (Word pastes them as paragraphs, not a table), headings bold,
// markup in the text escaped; plain text one paragraph per line.
import { narrativeHtml, narrativePlain } from '../../src/app/clipboard';

test('paragraphs as <p> elements and as lines', () => {
  const paragraphs = ['一、收入支出决算总体情况说明', '2024年度收、支总计均为1894.06万元。', '比较 <1% & “引号”'];
  const html = narrativeHtml(paragraphs);
  expect(html.match(/<p>/g)).toHaveLength(3);
  expect(html).toContain('<p><b>一、收入支出决算总体情况说明</b></p>');
  expect(html).toContain('<p>比较 &lt;1% &amp; “引号”</p>');
  expect(html).not.toMatch(/<table|<br/);
  expect(narrativePlain(paragraphs).split('\r\n')).toEqual(paragraphs);
});
