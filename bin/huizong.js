#!/usr/bin/env node
// The `huizong` command from a checkout (`npm link` puts it on PATH): runs the TypeScript CLI through tsx.
require("tsx/cjs/api").register();
require("../src/cli/main.ts");
