// The WPS 表格 add-in (WPS 加载项), built into dist-wps/ — a folder that installs as it is:
//   index.html     the add-in's entry page (WPS loads it hidden at start; ribbon.js defines the
//                  ribbon callbacks)
//   ribbon.xml     the 决算助手 tab: 决算助手 (show/hide the pane), 检查, 生成说明
//   taskpane.html  the task pane (the shared React app with the WPS host), opened by CreateTaskPane
//   images/        ribbon icons
//   package.json   name / version / addonType "et", for `wpsjs publish` / `wpsjs build`
//   publish.xml, jsplugins.xml, oem.ini.example   deployment samples (see wps/README.md)
// Everything the pages need is in the folder: nothing is loaded from the network.
//
//   npm run build:wps        (production)
//   npx webpack -c wps/webpack.wps.js --mode development
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist-wps');
const VERSION = require('../package.json').version;

/** The JavaScript level of the pages (Chromium 58 and later run it). */
const TARGET = 'ES2017';

const withVersion = (content) => content.toString().replace(/\{\{version\}\}/g, VERSION);

module.exports = (_env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    entry: {
      taskpane: './wps/entry.tsx',
      ribbon: './wps/ribbon.ts',
    },
    output: {
      path: DIST,
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        // esbuild strips types and lowers syntax (fast); `npm run typecheck` type-checks separately.
        {
          test: /\.tsx?$/,
          loader: 'esbuild-loader',
          exclude: /node_modules/,
          options: { tsconfig: path.join(__dirname, 'tsconfig.json'), target: TARGET.toLowerCase(), jsx: 'automatic' },
        },
        {
          // WPS runs add-in pages in its own embedded Chromium, often older than the dependencies
          // expect (optional chaining, ??, class fields): bring their code down to ES2017 too.
          test: /\.m?js$/,
          include: /node_modules/,
          loader: 'esbuild-loader',
          options: { loader: 'js', target: TARGET.toLowerCase() },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './wps/taskpane.html',
        chunks: ['taskpane'],
        inject: 'body',
        scriptLoading: 'defer',
      }),
      // the ribbon callbacks must exist before WPS reads ribbon.xml: a plain blocking script
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './wps/index.html',
        chunks: ['ribbon'],
        inject: 'head',
        scriptLoading: 'blocking',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/icon-*.png', to: 'images/[name][ext]' },
          { from: 'wps/publish.xml', to: 'publish.xml', transform: withVersion },
          { from: 'wps/jsplugins.xml', to: 'jsplugins.xml', transform: withVersion },
          { from: 'wps/oem.ini.example', to: 'oem.ini.example' },
          {
            from: 'wps/addon.json',
            to: 'package.json',
            transform: (content) => JSON.stringify({ ...JSON.parse(content.toString()), version: VERSION }, null, 2) + '\n',
          },
        ],
      }),
    ],
    // Source maps as files (never eval: keeps the pages free of eval for strict WPS/CSP setups).
    devtool: 'source-map',
    performance: { hints: false },
    optimization: { minimizer: [new EsbuildPlugin({ target: TARGET.toLowerCase() })] },
  };
};

module.exports.DIST = DIST;
