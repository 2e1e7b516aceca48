// The engine process's entry point (see engine.ts and supervisor.ts).
import { serveEngine } from "./engine";

serveEngine();
