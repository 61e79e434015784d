// The 说明 as the workbook holds it now: a scrollable preview, and 复制全文 putting the paragraphs
// on the clipboard as text/html <p> elements (Word pastes them as paragraphs) and plain lines.
import { Button, Text } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { headingLevel } from '../../src/core/plan';
import { narrativeHtml, narrativePlain } from '../../src/app/clipboard';
import { useNarrativeStyles } from './styles';

/**
 * Copies through a `copy` event: it sets text/html and text/plain in one go, works inside the
 * Office and WPS task-pane frames where navigator.clipboard.write may be refused, and needs no
 * permission prompt.
 */
function copyParagraphs(paragraphs: string[]): boolean {
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', narrativeHtml(paragraphs));
    e.clipboardData?.setData('text/plain', narrativePlain(paragraphs));
    e.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return done;
}

function Paragraph({ text, className, placeholder }: { text: string; className: string; placeholder: string }): JSX.Element {
  const parts = text.split(/(【请填写[^】]*】)/);
  return (
    <p className={className}>
      {parts.map((p, i) =>
        p.startsWith('【请填写') ? (
          <mark key={i} className={placeholder}>
            {p}
          </mark>
        ) : (
          p
        ),
      )}
    </p>
  );
}

export function NarrativePreview(props: { sheet: string; paragraphs: string[]; onCopied(ok: boolean): void }): JSX.Element {
  const s = useNarrativeStyles();
  return (
    <section className={s.box} aria-label="情况说明预览" data-testid="narrative-preview">
      <div className={s.head}>
        <Text className={s.title}>
          “{props.sheet}”工作表（{props.paragraphs.length} 段）
        </Text>
        <Button size="small" icon={<Copy20Regular />} onClick={() => props.onCopied(copyParagraphs(props.paragraphs))}>
          复制全文
        </Button>
      </div>
      <div className={s.text} tabIndex={0} data-testid="narrative-text">
        {props.paragraphs.map((p, i) => (
          <Paragraph key={i} text={p} className={headingLevel(p) ? s.heading : s.paragraph} placeholder={s.placeholder} />
        ))}
      </div>
      <span className={s.note}>粘贴到 Word 或 WPS 文字中为一段一段的正文；改动请在工作表中进行，再点“核对说明文字”。</span>
    </section>
  );
}
