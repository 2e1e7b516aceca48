#!/usr/bin/env node
// The `huizong` command (`npx huizong` or `npm run cli` in the project folder): the bundled command line in
// build/cli run by plain node. `npm install` builds it; it is built again here first when a source file changed
// since (about a second, once), so a checkout never runs stale code.
const path = require("node:path");
const { pathToFileURL } = require("node:url");

async function main() {
  const builder = await import(pathToFileURL(path.join(__dirname, "..", "scripts", "buildCli.mjs")).href);
  try {
    await builder.ensureBuilt();
  } catch (error) {
    process.stderr.write(`huizong：无法构建命令行（build/cli），请先在项目文件夹运行 npm install。\n${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
    return;
  }
  // merge and validate run in the engine process: started now, it loads beside the front instead of after it.
  const [command, ...rest] = process.argv.slice(2);
  if ((command === "merge" || command === "validate") && !rest.some((arg) => arg === "-h" || arg === "--help")) {
    const { prestartEngine } = await import(pathToFileURL(path.join(builder.BUILD_DIR, "engineStart.mjs")).href);
    prestartEngine();
  }
  await import(pathToFileURL(path.join(builder.BUILD_DIR, "huizong.mjs")).href);
}

void main();
