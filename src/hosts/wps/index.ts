// The WPS 表格 host (WPS 加载项 JSAPI): see ./host.
export { WpsHost } from './host';
export type { WpsHostOptions } from './host';
export { wpsApplication } from './app';
export type { WpsApplication } from './api';
