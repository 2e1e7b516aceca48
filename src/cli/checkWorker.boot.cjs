// Starts a checker process (see checkPool.ts), whose entry is the first argument. Node cannot load TypeScript by
// itself, and the pool starts its checkers without tsx's hooks. So when the entry is a .ts file (the CLI run from
// source through tsx, or under Jest), register tsx's CommonJS hook here first. A bundled build passes its
// compiled .js entry, which is simply required.
const entry = process.argv[2];

if (/\.[cm]?ts$/.test(entry)) require("tsx/cjs/api").register();
require(entry);
