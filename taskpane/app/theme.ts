// The Fluent light theme with fonts every Chinese desktop has (nothing is downloaded).
import { webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

const FONTS =
  '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: FONTS,
};
