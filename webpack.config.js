// Browser builds, all into dist/:
//   taskpane.html    the Excel task pane (loads office.js from Microsoft's CDN — its only external load)
//   commands.html    the ribbon's function file (the button just opens the task pane)
//   standalone.html  the same task pane without Office: open an .xlsx, work on it, download the
//                    result; everything bundled, nothing loaded from outside
//   juesuan-engine.js the engine + file host as a UMD library (proves the engine needs no Node API)
//   assets/          the add-in icons; manifest.xml is copied beside the pages
//
// `npm run build:web` builds; `npm run dev-server` serves dist on https://localhost:3000 (the
// manifest's URLs). Office only loads add-ins over HTTPS with a certificate it trusts: put a
// trusted localhost certificate in ~/.office-addin-dev-certs/ (localhost.crt, localhost.key —
// where `npx office-addin-dev-certs install` puts it) or point JUESUAN_CERT / JUESUAN_KEY at one;
// otherwise the dev server makes a self-signed one, fine for a browser but not for Office.
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

const DIST = path.resolve(__dirname, 'dist');
const PORT = Number(process.env.JUESUAN_PORT || 3000);

function httpsServer() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = process.env.JUESUAN_CERT || path.join(dir, 'localhost.crt');
  const key = process.env.JUESUAN_KEY || path.join(dir, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
  }
  return 'https';
}

/** The pages, by output file name; the manifest test reads this list. */
const PAGES = {
  'taskpane.html': { template: './taskpane/excel/taskpane.html', chunks: ['taskpane'] },
  'commands.html': { template: './taskpane/excel/commands.html', chunks: [] },
  'standalone.html': { template: './taskpane/standalone/standalone.html', chunks: ['standalone'] },
};

module.exports = (_env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    entry: {
      taskpane: './taskpane/excel/index.tsx',
      standalone: './taskpane/standalone/index.tsx',
      'juesuan-engine': {
        import: './src/browser.ts',
        library: { name: 'juesuan', type: 'umd' },
      },
    },
    output: {
      path: DIST,
      filename: '[name].js',
      // the chunks' registry and the UMD library's root: never `this`, which the esbuild minifier
      // turns into a module's own `exports` (chunks then register where no page looks for them)
      globalObject: 'globalThis',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        // esbuild only strips types (fast); `npm run typecheck` type-checks once, separately.
        {
          test: /\.tsx?$/,
          loader: 'esbuild-loader',
          exclude: /node_modules/,
          options: { tsconfig: path.resolve(__dirname, 'taskpane/tsconfig.json'), target: 'es2019', jsx: 'automatic' },
        },
      ],
    },
    plugins: [
      // The file host's writer is bundled with the page (src/hosts/file/writing-loader.ts says why).
      new webpack.NormalModuleReplacementPlugin(/[\\/]writing-loader$/, (resource) => {
        resource.request = resource.request.replace(/writing-loader$/, 'writing-loader.browser');
      }),
      ...Object.entries(PAGES).map(
        ([filename, page]) =>
          new HtmlWebpackPlugin({ filename, template: page.template, chunks: page.chunks, inject: 'body', scriptLoading: 'defer' }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    // Source maps as files (never eval: the standalone page's Content-Security-Policy forbids it).
    devtool: 'source-map',
    performance: { hints: false },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2019', css: true })],
      // The two pages share most of their code (React, Fluent UI, the engine, docx, echarts): built
      // and minified once into shared files each page lists, not once per page (build:web about a
      // third faster, half the memory). The engine's UMD library stays one self-contained file.
      splitChunks: { chunks: (chunk) => chunk.name !== 'juesuan-engine' },
    },
    devServer: {
      static: { directory: DIST },
      port: PORT,
      server: httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: false },
    },
  };
};

module.exports.PAGES = PAGES;
module.exports.PORT = 3000;
