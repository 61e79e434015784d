// 设置: the document-wide choices of the 第二部分 text, remembered in the workbook.
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { NarrativeSettings } from '../../src/core/narrative';
import { SEED_STYLE_A, SEED_STYLE_B, resolveSettings, settingsForTemplate } from '../../src/core/narrative';
import { TEMPLATES, findTemplate } from '../../src/core/templates';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(420px, calc(100vw - 24px))', boxSizing: 'border-box', paddingLeft: '16px', paddingRight: '16px' },
  form: { display: 'flex', flexDirection: 'column', rowGap: '10px' },
  presets: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
});

export interface SettingsDialogProps {
  open: boolean;
  value: NarrativeSettings;
  /** The template the workbook is read with: 推荐设置 are its formats. */
  detected?: { id: string; name: string } | null;
  busy: boolean;
  onSave(value: NarrativeSettings): void;
  onClose(): void;
}

/** 推荐设置: the formats of the template chosen in the dialog, else of the detected one. */
function recommended(draft: NarrativeSettings, detected: SettingsDialogProps['detected']): NarrativeSettings {
  const template = findTemplate(draft.template ?? detected?.id ?? '');
  const chosen = draft.template ? { template: draft.template } : {};
  return template ? settingsForTemplate(template, chosen) : resolveSettings(chosen);
}

export function SettingsDialog({ open, value, detected, busy, onSave, onClose }: SettingsDialogProps): JSX.Element {
  const s = useStyles();
  const [draft, setDraft] = React.useState<NarrativeSettings>(value);
  React.useEffect(() => {
    if (open) setDraft(value);
  }, [open, value]);
  const set = <K extends keyof NarrativeSettings>(key: K, v: NarrativeSettings[K]) => setDraft((d) => ({ ...d, [key]: v }));

  return (
    <Dialog open={open} onOpenChange={(_, d) => (!d.open ? onClose() : undefined)}>
      <DialogSurface className={s.surface} aria-describedby="settings-note">
        <DialogBody>
          <DialogTitle>生成说明的设置</DialogTitle>
          <DialogContent>
            <div className={s.form}>
              <span id="settings-note" className={s.note}>
                这些设置保存在当前工作簿中，下次打开仍然有效。
              </span>
              <div className={s.presets} role="group" aria-label="预设">
                <Button size="small" onClick={() => setDraft((d) => recommended(d, detected))}>
                  推荐设置
                </Button>
                <Button size="small" onClick={() => setDraft(resolveSettings(SEED_STYLE_A))}>
                  样式A
                </Button>
                <Button size="small" onClick={() => setDraft(resolveSettings(SEED_STYLE_B))}>
                  样式B
                </Button>
              </div>
              <Field
                label="模板"
                hint={detected ? `不选则自动识别（本工作簿识别为：${detected.name}）` : '不选则按附表标题和说明文字自动识别'}
              >
                <Select
                  className={s.select}
                  value={draft.template ?? ''}
                  onChange={(_, d) => setDraft(({ template: _old, ...rest }) => (d.value ? { ...rest, template: d.value } : rest))}
                >
                  <option value="">自动识别</option>
                  {TEMPLATES.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="百分比小数位数">
                <Select
                  className={s.select}
                  value={String(draft.percentDecimals)}
                  onChange={(_, d) => set('percentDecimals', Number(d.value) as 0 | 1 | 2)}
                >
                  <option value="0">0 位（如 97%）</option>
                  <option value="1">1 位（如 97.3%）</option>
                  <option value="2">2 位（如 97.32%）</option>
                </Select>
              </Field>
              <Switch
                checked={draft.keepTrailingZeros}
                onChange={(_, d) => set('keepTrailingZeros', d.checked)}
                label="保留末尾的 0（写作 97.0% 而非 97%）"
              />
              <Field label="占比的取舍方式">
                <Select
                  className={s.select}
                  value={draft.shareMode}
                  onChange={(_, d) => set('shareMode', d.value as NarrativeSettings['shareMode'])}
                >
                  <option value="largestRemainder">最大余数法（合计为 100%）</option>
                  <option value="plugLargest">差额计入最大项（合计为 100%）</option>
                  <option value="independent">各自四舍五入</option>
                </Select>
              </Field>
              <Field label="减少时百分比的用词">
                <Select
                  className={s.select}
                  value={draft.decreaseVerb}
                  onChange={(_, d) => set('decreaseVerb', d.value as NarrativeSettings['decreaseVerb'])}
                >
                  <option value="下降">减少X万元，下降p%</option>
                  <option value="减少">减少X万元，减少p%</option>
                </Select>
              </Field>
              <Field
                label="文字风格"
                hint={draft.style === 'A' ? '“主要变动原因：”，附（图1…）标注' : '“其中包含上年结转”，“主要变动原因是”'}
              >
                <Select className={s.select} value={draft.style} onChange={(_, d) => set('style', d.value as NarrativeSettings['style'])}>
                  <option value="A">样式A（附图表标注）</option>
                  <option value="B">样式B（注明上年结转）</option>
                </Select>
              </Field>
              <Field label="五（三）列示到">
                <Select
                  className={s.select}
                  value={draft.detailLevel}
                  onChange={(_, d) => set('detailLevel', d.value as NarrativeSettings['detailLevel'])}
                >
                  <option value="项">项级科目</option>
                  <option value="款">款级科目</option>
                </Select>
              </Field>
              <Field label="类级科目的写法">
                <Select
                  className={s.select}
                  value={draft.classNames}
                  onChange={(_, d) => set('classNames', d.value as NarrativeSettings['classNames'])}
                >
                  <option value="official">一般公共服务支出（类）</option>
                  <option value="seed">一般公共服务（类）支出</option>
                </Select>
              </Field>
              <Switch
                checked={draft.omitZeroItems}
                onChange={(_, d) => set('omitZeroItems', d.checked)}
                label="列举时省略金额为 0 的项目"
              />
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => onSave(draft)}>
              保存
            </Button>
            <Button onClick={onClose}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
