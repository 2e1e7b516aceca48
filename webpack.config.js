// @ts-check
// Builds the Excel add-in into dist/: the task pane (React) and the ribbon's function file, the manifest and icons.
//
//   npm run build                 production build (content-hashed, minified, the spreadsheet libraries lazy)
//   npm run build:dev             development build (readable, source maps)
//   npm run dev-server            https://localhost:3000 with rebuild on save (certificate from scripts/certs.mjs)
//
// Environment (or `--env NAME=value`):
//   OFFICE_JS=local               serve office.js from dist/office-js/ (a copy of @microsoft/office-js) instead of
//                                 Microsoft's CDN, for intranets without internet. AppSource requires the CDN.
//   ADDIN_URL=https://host/path/  where dist/ will be served: rewrites https://localhost:3000/ in dist/manifest.xml.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Excel hosts the pane in WebView2 (evergreen Chromium) on Windows and in WKWebView on Mac and iPad (Safari 14 and
// later run ES2019). Internet Explorer and Edge Legacy (older Office 2019) cannot run React 18 and Fluent v9:
// src/taskpane/taskpane.html tells those users so.
const TARGET = "es2019";

/** @param {string | undefined} value */
function addinUrl(value) {
  if (!value) return undefined;
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be https (Office loads add-ins over https only): ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** @type {(env: Record<string, string | boolean>, argv: { mode?: string }) => Promise<import("webpack").Configuration>} */
module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const setting = (/** @type {string} */ name) => String(env[name] ?? process.env[name] ?? "") || undefined;
  const localOfficeJs = setting("OFFICE_JS") === "local";
  const productionUrl = addinUrl(setting("ADDIN_URL"));
  const templateParameters = { officeJs: localOfficeJs ? "office-js/office.js" : CDN_OFFICE_JS };
  const hashed = dev ? "[name].js" : "[name].[contenthash:8].js";

  return {
    mode: dev ? "development" : "production",
    target: ["web", "es2019"],
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: hashed,
      chunkFilename: hashed,
      clean: true,
      // Write every file on every build, so that dist/taskpane.html's time tells when the build ran
      // (scripts/start.mjs rebuilds when src/ is newer).
      compareBeforeEmit: false,
    },
    devtool: dev ? "source-map" : false,
    // Rebuilds (npm test builds first every time) reuse unchanged modules from .cache/webpack. Not webpack's default
    // node_modules/.cache: writing there makes npm's record of node_modules look stale, and every `npx huizong`
    // would then spend seconds reading the whole tree again.
    cache: {
      type: "filesystem",
      name: dev ? "development" : "production",
      cacheDirectory: path.resolve(__dirname, ".cache/webpack"),
      buildDependencies: { config: [__filename] },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's package points browsers at its prebuilt bundle; say so explicitly, and skip parsing it below.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
      // SheetJS and ExcelJS mention Node modules they only use under Node: nothing to bundle for the browser.
      fallback: { fs: false, path: false, stream: false, crypto: false, buffer: false, process: false },
    },
    module: {
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          // `import.meta` is left for webpack, which bundles `new Worker(new URL(…, import.meta.url))` as a worker
          // chunk (src/files/startCheckWorker.ts); at TARGET, esbuild alone would replace it by an empty object.
          options: { target: TARGET, jsx: "automatic", supported: { "import-meta": true } },
        },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: TARGET, legalComments: "none" })],
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // React and Fluent change less often than the pane: a chunk of their own stays cached across releases.
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", priority: 10 },
          // The spreadsheet libraries, loaded by `await import()` only when a file is read or written.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 20 },
          sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/, name: "sheetjs", chunks: "async", priority: 20 },
        },
      },
    },
    // Sizes are measured and reported by hand (README); the pane is served from localhost or an intranet.
    performance: { hints: false },
    stats: dev ? "minimal" : "errors-warnings",
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], templateParameters }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], templateParameters }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (productionUrl ? content.toString().split(DEV_URL).join(productionUrl) : content),
          },
          ...(localOfficeJs ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js" }] : []),
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: Number(process.env.PORT_HTTPS ?? 3000),
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      // The same certificate as `npm start`; only generated when serving, never for a build.
      server: process.env.WEBPACK_SERVE ? { type: "https", options: await certificate() } : "https",
      client: { overlay: { warnings: false } },
    },
  };
};

async function certificate() {
  const { ensureCertificate } = await import("./scripts/certs.mjs");
  const { key, cert } = await ensureCertificate();
  return { key, cert };
}
