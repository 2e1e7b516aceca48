// Starts a check worker thread (see checkPool.ts). A worker cannot load TypeScript by itself, and tsx's loader,
// registered in the main thread, does not reach into new threads. So when the entry is a .ts file (the CLI run
// from source through tsx, or under Jest), register tsx's CommonJS hook in this thread first. A bundled build
// passes its compiled .js entry, which is simply required.
const { workerData } = require("node:worker_threads");

if (/\.[cm]?ts$/.test(workerData.entry)) require("tsx/cjs/api").register();
require(workerData.entry);
