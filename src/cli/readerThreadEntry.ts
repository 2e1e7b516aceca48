// The engine's second reading thread's entry point (see readerThread.ts and twoReaders.ts).
import { serveReaderThread } from "./readerThread";

serveReaderThread();
