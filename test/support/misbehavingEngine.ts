/**
 * An engine for the supervisor's tests (test/supervisor.test.ts) whose checker misbehaves on cue
 * (misbehavingCheck.ts), on its main thread and on its second reading thread alike.
 */
import path from "node:path";
import { serveEngine } from "../../src/cli/engine";
import { misbehavingCheck } from "./misbehavingCheck";

serveEngine(misbehavingCheck("main"), path.join(__dirname, "misbehavingReaderThread.ts"));
