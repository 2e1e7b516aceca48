/**
 * The pane's JavaScript as a browser fetches it: what taskpane.html loads up front (gzip), and the chunks that
 * load only when first needed (the spreadsheet libraries). Reads the production build in dist/.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface PaneSize {
  initialKbGzip: number;
  initialFiles: string[];
  lazyKbGzip: number;
  lazyChunks: number;
  largestLazyKbGzip: number;
}

const gzipKb = (file: string) => Math.round(gzipSync(readFileSync(file), { level: 9 }).length / 1024);

export function paneSize(dist: string): PaneSize {
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  // Only the project's own scripts: office.js comes from Microsoft's CDN (or dist/office-js on intranets).
  const initialFiles = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)]
    .map((match) => match[1] ?? "")
    .filter((src) => !/^https?:/.test(src) && !src.includes("office-js/"));
  const initialSet = new Set(initialFiles.map((src) => path.basename(src)));
  const allJs = readdirSync(dist).filter((name) => name.endsWith(".js"));
  const lazy = allJs.filter((name) => !initialSet.has(name) && !name.startsWith("commands"));
  const lazySizes = lazy.map((name) => gzipKb(path.join(dist, name)));
  return {
    initialKbGzip: initialFiles.reduce((sum, src) => sum + gzipKb(path.join(dist, src)), 0),
    initialFiles,
    lazyKbGzip: lazySizes.reduce((sum, size) => sum + size, 0),
    lazyChunks: lazy.length,
    largestLazyKbGzip: Math.max(0, ...lazySizes),
  };
}
