// The second reading thread of the supervisor's misbehaving engine (misbehavingEngine.ts).
import { serveReaderThread } from "../../src/cli/readerThread";
import { misbehavingCheck } from "./misbehavingCheck";

serveReaderThread(misbehavingCheck("second"));
