/**
 * Node's zlib when this code runs in Node (the command line, the tests), undefined in the browser (the task pane
 * and its worker). Fetched at run time through process.getBuiltinModule rather than imported, so that webpack,
 * which bundles these same modules for the browser, neither bundles nor polyfills it. getBuiltinModule exists
 * from Node 20.16 on; package.json asks for 20.19.
 */
export type NodeZlib = typeof import("node:zlib");

export const nodeZlib: NodeZlib | undefined = globalThis.process?.getBuiltinModule?.("node:zlib");

/** Node's worker_threads, fetched the same way: the writer deflates large parts on a second thread with it. */
export const nodeWorkerThreads: typeof import("node:worker_threads") | undefined = globalThis.process?.getBuiltinModule?.("node:worker_threads");
