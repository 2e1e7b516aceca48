/**
 * What the writer compresses with here: in Node, zlib, with large parts deflated on a second thread
 * (backgroundDeflate); in the browser, fflate.
 */
import { nodeWorkerThreads, nodeZlib } from "../nodeZlib";
import { backgroundCompression } from "./backgroundDeflate";
import { fflateCompression, nodeCompression, type Compression } from "./deflateRaw";

export const platformCompression: Compression = nodeZlib
  ? nodeWorkerThreads
    ? backgroundCompression(nodeZlib, nodeWorkerThreads)
    : nodeCompression(nodeZlib)
  : fflateCompression;
