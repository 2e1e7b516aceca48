import { spawnSync } from "node:child_process";
import path from "node:path";
import { prestartEngine } from "../src/cli/engineStart";
import { runSupervised } from "../src/cli/supervisor";
import type { FileReport } from "../src/core/fileReport";

/**
 * The engine started early (engineStart.ts): bin/huizong.js starts it for `merge` and `validate` before the front
 * has loaded, and the supervisor takes it for the first attempt. What it says before it is taken (its "ready")
 * must reach the supervisor; a front that never takes it must still exit at once.
 */

const root = path.resolve(__dirname, "..");
const CLEAN = path.join(root, "test/fixtures/returns/01-city-clean.xlsx");

describe("an engine started early", () => {
  it("is taken by the supervisor, which hears the ready it sent before", async () => {
    prestartEngine();
    // Long enough for the engine (from source, through tsx) to have started and said it is ready.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const result = await runSupervised({ name: "validate", args: [CLEAN], options: { json: true, campaign: undefined, roster: undefined } }, { progress: false });
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.output) as { files: FileReport[] }).files).toMatchObject([{ file: CLEAN, status: "ok" }]);
  }, 60_000);

  it("never keeps a front that stops at a usage error waiting", () => {
    const started = Date.now();
    const run = spawnSync("node", ["bin/huizong.js", "merge", CLEAN], { cwd: root, encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("-o");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
