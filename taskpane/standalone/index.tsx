// The standalone page: the same task pane without Office. Open or drop an .xlsx, run every
// action on it in the browser (exceljs), download the result. Nothing is uploaded: the file is
// read with FileReader and written back as a download; the page loads nothing from outside.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, FolderOpen20Regular, LockClosed16Regular } from '@fluentui/react-icons';
import { App } from '../app/App';
import { userMessage } from '../app/errors';
import { FileHost } from '../../src/hosts/file/fileHost';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '6px',
    ...shorthands.padding('10px', '12px', '0'),
  },
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px', maxWidth: '416px' },
  file: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
  error: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: '6px',
    textAlign: 'center',
    ...shorthands.padding('22px', '12px'),
    ...shorthands.border('2px', 'dashed', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusLarge),
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  privacy: { display: 'inline-flex', alignItems: 'center', columnGap: '4px' },
  page: { maxWidth: '1280px', marginLeft: 'auto', marginRight: 'auto', minHeight: '100vh', boxShadow: '0 0 8px rgba(0,0,0,0.12)' },
});

function downloadName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}（决算助手）.xlsx`;
}

function Standalone(): JSX.Element {
  const s = useStyles();
  const [host, setHost] = React.useState<FileHost | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const [, setVersion] = React.useState(0);
  const input = React.useRef<HTMLInputElement>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setLoading(true);
    setError(null);
    try {
      const bytes = await file.arrayBuffer();
      setHost(await FileHost.open(bytes, file.name));
    } catch (e) {
      console.error(e);
      setError(userMessage(e, '打开文件'));
    } finally {
      setLoading(false);
    }
  };

  const download = async () => {
    if (!host) return;
    try {
      const bytes = await host.save();
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = downloadName(host.label);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(userMessage(e, '下载结果'));
    }
  };

  React.useEffect(() => {
    // Dropping anywhere on the page opens the file (and never navigates away from it).
    const over = (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void open(e.dataTransfer?.files?.[0]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const privacy = (
    <span className={s.privacy}>
      <LockClosed16Regular aria-hidden />
      文件只在本机浏览器中处理，不会上传。
    </span>
  );

  const bar = (
    <div className={s.bar}>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          void open(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <div className={s.buttons}>
        <Button icon={<FolderOpen20Regular />} disabled={loading} onClick={() => input.current?.click()}>
          {host ? '打开其他文件' : '打开文件'}
        </Button>
        <Button icon={<ArrowDownload20Regular />} disabled={!host || loading} onClick={() => void download()}>
          下载结果
        </Button>
      </div>
      {loading && <span className={s.file}>正在读取文件…</span>}
      {error && (
        <span className={s.error} role="alert">
          {error}
        </span>
      )}
    </div>
  );

  const empty = (
    <div className={mergeClasses(s.drop, dragging && s.dropActive)} data-testid="drop-zone">
      <FolderOpen20Regular aria-hidden />
      <span>把部门决算 .xlsx 文件拖到这里，或点“打开文件”。</span>
      <span className={s.small}>{privacy}</span>
    </div>
  );

  return (
    <div className={s.page}>
      <App
        host={host}
        subtitle={host ? host.label : '浏览器版 · 无需安装'}
        top={bar}
        empty={empty}
        onChanged={() => setVersion((v) => v + 1)}
        footer={host ? privacy : undefined}
      />
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <React.StrictMode>
    <Standalone />
  </React.StrictMode>,
);
