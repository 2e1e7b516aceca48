/**
 * Starting the engine process (engine.ts), and starting it early. bin/huizong.js calls {@link prestartEngine} first
 * thing for `merge` and `validate`, before the front has loaded its own modules, so that the engine's start (node,
 * SheetJS, the core: a quarter of a second) runs beside the front's instead of after it. The supervisor then
 * {@link takeEngine}s it for the run's first attempt.
 *
 * Until it is taken the engine holds nothing open in this process (a front that stops at a usage error exits at
 * once; the engine, its channel gone, exits too), and whatever it says is kept to be said again when it is
 * taken: its "ready" must never be missed.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { enterUserFolder } from "./workingFolder";

/**
 * The engine's JS heap (V8's old space). The largest run the reader accepts, a 100,000-row return merged into a
 * 100,000-row master, peaks near 800 MB; a runaway parse is stopped well before an office PC's memory is gone.
 */
const DEFAULT_MAX_OLD_GENERATION_MB = 3072;
/**
 * The young generation's semi-spaces, twice Node's default: reading a return makes megabytes of short-lived
 * strings, and with room for them fewer survive into the old generation to be collected there. About a tenth off
 * merging 3,000 returns (node --max-semi-space-size=32 against the default, alternated), for ~50 MB more memory.
 */
const SEMI_SPACE_MB = 32;

// Beside this module: engineEntry.ts when run from source (tsx, Jest), engine.mjs in the bundle (build/cli).
const BUNDLED = !/\.[cm]?ts$/.test(__filename);
const ENGINE_ENTRY = BUNDLED ? path.join(__dirname, "engine.mjs") : path.join(__dirname, "engineEntry.ts");

export interface EngineSettings {
  /** The engine's module (default: the real one); tests swap in one that misbehaves. */
  entry?: string | undefined;
  /** The engine's JS heap in MB. */
  maxOldGenerationMb?: number | undefined;
}

function forkEngine(settings: EngineSettings = {}): ChildProcess {
  const entry = settings.entry ?? ENGINE_ENTRY;
  const heapFlag = `--max-old-space-size=${settings.maxOldGenerationMb ?? DEFAULT_MAX_OLD_GENERATION_MB}`;
  // From source (tsx, Jest) the engine is TypeScript: tsx's loader is registered in it first.
  const loader = /\.[cm]?ts$/.test(entry) ? ["--import", pathToFileURL(require.resolve("tsx")).href] : [];
  const execArgv = [heapFlag, `--max-semi-space-size=${SEMI_SPACE_MB}`, ...loader];
  // JSON rather than V8's serialization: the messages are small plain objects, and JSON sends them 2-3 times faster.
  return fork(entry, [], { execArgv, serialization: "json", stdio: ["ignore", "ignore", "pipe", "ipc"] });
}

/** The events of an engine started early, in order, until it is taken. */
type Heard = { from: "child"; event: string; args: unknown[] } | { from: "stderr"; chunk: unknown };

let early: { engine: ChildProcess; heard: Heard[]; stopListening: () => void } | undefined;

/**
 * Starts the engine with the default settings, to be taken by the run's first attempt. In the clerk's folder, as
 * the front will be: the engine reads relative paths from its own working folder, fixed when it starts.
 */
export function prestartEngine(): void {
  if (early) return;
  enterUserFolder();
  const engine = forkEngine();
  const heard: Heard[] = [];
  const listeners = (["message", "error", "exit", "close"] as const).map((event) => {
    const listener = (...args: unknown[]) => heard.push({ from: "child", event, args });
    engine.on(event, listener);
    return [event, listener] as const;
  });
  const onStderr = (chunk: unknown) => heard.push({ from: "stderr", chunk });
  engine.stderr?.on("data", onStderr);
  setHeld(engine, false);
  early = {
    engine,
    heard,
    stopListening: () => {
      listeners.forEach(([event, listener]) => engine.off(event, listener));
      engine.stderr?.off("data", onStderr);
    },
  };
}

/**
 * The engine started early when `settings` are the defaults it was started with (else it is stopped: a test's
 * engine is another), or a new one. `listen` attaches the caller's handlers; what the early engine said before
 * is then said again to them, in order.
 */
export function takeEngine(settings: EngineSettings, listen: (engine: ChildProcess) => void): ChildProcess {
  const taken = early;
  early = undefined;
  const isDefault = settings.entry === undefined && settings.maxOldGenerationMb === undefined;
  if (taken && !isDefault) taken.engine.kill("SIGKILL");
  if (!taken || !isDefault) {
    const engine = forkEngine(settings);
    listen(engine);
    return engine;
  }
  const { engine, heard, stopListening } = taken;
  stopListening();
  setHeld(engine, true);
  listen(engine);
  for (const event of heard) {
    if (event.from === "stderr") engine.stderr?.emit("data", event.chunk);
    else engine.emit(event.event, ...event.args);
  }
  return engine;
}

/** Whether this process's event loop waits for the engine: its process, its channel and its stderr pipe. */
function setHeld(engine: ChildProcess, held: boolean): void {
  const handles = [engine, engine.channel, engine.stderr] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
  for (const handle of handles) (held ? handle?.ref : handle?.unref)?.call(handle);
}
