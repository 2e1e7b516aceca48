/**
 * Starts the Web Worker that checks picked files (checkWorker.browser.ts). Alone in its module because
 * `import.meta` is a syntax error under Jest's CommonJS: readReturns.ts loads it with `import()` only where a
 * `Worker` exists, which Jest never has. Webpack sees the `new Worker(new URL(…, import.meta.url))` form and
 * bundles the worker as a chunk of its own (a classic worker: WKWebView before Safari 15 has no module workers).
 */
export function startCheckWorker(): Worker {
  return new Worker(/* webpackChunkName: "check-worker" */ new URL("./checkWorker.browser.ts", import.meta.url), { name: "huizong-check" });
}
