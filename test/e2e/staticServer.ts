/**
 * dist/ over plain http on 127.0.0.1 and a free port, for the browser tests: GET and HEAD of files inside the folder,
 * 404 for anything else. Remembers the paths it was asked for, so a test can show what the pane loaded.
 */
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

export interface StaticServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Request paths in the order they came. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveFolder(folder: string): Promise<StaticServer> {
  const root = path.resolve(folder);
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const pathname = safePath(request.url);
    requests.push(pathname ?? String(request.url));
    const file = pathname === undefined ? undefined : path.join(root, pathname === "/" ? "taskpane.html" : pathname);
    const stat = file && file.startsWith(root + path.sep) ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat?.isFile() || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": stat.size,
      "Cache-Control": "no-store",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The decoded path of a request, or undefined when it is malformed or tries to climb out of the folder. */
function safePath(url: string | undefined): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url ?? "/", "http://127.0.0.1").pathname);
    return pathname.includes("\0") || pathname.split("/").includes("..") ? undefined : pathname;
  } catch {
    return undefined;
  }
}
