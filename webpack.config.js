// Browser bundles. For now: the engine + file host as one library (proves the engine needs no
// Node API); the task pane pages join here when they exist.
const path = require('path');

module.exports = {
  entry: { 'juesuan-engine': './src/browser.ts' },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    library: { name: 'juesuan', type: 'umd' },
    globalObject: 'this',
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: true } }],
  },
  performance: { hints: false },
  devtool: 'source-map',
};
