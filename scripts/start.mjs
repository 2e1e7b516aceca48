// `npm start`: builds dist/ when it is missing or older than the sources, then serves it over https (the Excel add-in)
// and plain http (the same pane in a browser), prints how to use both in Chinese, and runs until Ctrl+C or `npm stop`.
// Needs no sudo and no prompts: the certificate comes from scripts/certs.mjs.
//
// Environment: PORT_HTTPS (3000), PORT_HTTP (3001); HUIZONG_BUILD=auto|always|never (auto); HUIZONG_PID_FILE.
import { spawn } from "node:child_process";
import { createReadStream, existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { certFile, ensureCertificate } from "./certs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const portHttps = Number(process.env.PORT_HTTPS || 3000);
const portHttp = Number(process.env.PORT_HTTP || 3001);
const pidFile = process.env.HUIZONG_PID_FILE || path.join(root, ".huizong-start.pid");
const DEV_URL = "https://localhost:3000/";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** Newest modification time of a file, or of any file below a folder. */
function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

let building; // the webpack child process while a build runs, so that stopping also stops it

// Rebuild only when stale: a production build takes a while on two cores, and a second `npm start` should be instant.
async function buildIfNeeded() {
  const mode = process.env.HUIZONG_BUILD || "auto";
  const built = existsSync(path.join(dist, "taskpane.html")) ? statSync(path.join(dist, "taskpane.html")).mtimeMs : 0;
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json"].map((f) => newest(path.join(root, f)));
  if (mode === "never" || (mode === "auto" && built > Math.max(...sources))) return;
  console.log(!built ? "首次运行，正在构建（约需一分钟）……" : mode === "auto" ? "源代码有更新，正在重新构建（约需一分钟）……" : "正在构建（约需一分钟）……");
  const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  building = spawn(process.execPath, [webpack, "--mode", "production"], { cwd: root, stdio: "inherit" });
  const status = await new Promise((resolve) => building.on("exit", resolve).on("error", () => resolve(1)));
  building = undefined;
  if (status !== 0) fail("构建失败，请查看上面的错误信息。");
}

/** Maps a request path to a file inside dist/, or undefined when it names nothing there (or tries to leave it). */
function resolveFile(rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent((rawUrl || "/").split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  if (pathname.includes("\0") || pathname.includes("\\") || pathname.split("/").includes("..")) return undefined;
  const file = path.resolve(dist, `.${pathname === "/" ? "/taskpane.html" : pathname}`);
  if (!file.startsWith(dist + path.sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function handle(req, res) {
  const headers = { "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache" };
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
    return;
  }
  const file = resolveFile(req.url);
  if (!file) {
    res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("404 找不到该文件\n");
    return;
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  // The manifest names https://localhost:3000/: when the port differs, hand out one that points here.
  if (path.extname(file) === ".xml" && portHttps !== 3000) {
    const body = readFileSync(file, "utf8").split(DEV_URL).join(`https://localhost:${portHttps}/`);
    res.writeHead(200, { ...headers, "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
    res.end(req.method === "HEAD" ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, "Content-Type": type, "Content-Length": statSync(file).size });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).on("error", () => res.destroy()).pipe(res);
}

/** Listens on IPv4 and, where the machine has it, IPv6 loopback: "localhost" may resolve to either. */
async function listen(create, port) {
  const servers = [];
  for (const host of ["127.0.0.1", "::1"]) {
    const server = create();
    try {
      await new Promise((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
      servers.push(server);
    } catch (error) {
      if (host === "127.0.0.1") {
        if (error.code === "EADDRINUSE") fail(`端口 ${port} 已被占用。若是上次启动的“汇总”，请先运行 npm stop；也可以换一个端口：PORT_HTTPS=3443 PORT_HTTP=3081 npm start`);
        throw error;
      }
    }
  }
  return servers;
}

function removePidFile() {
  try {
    if (readFileSync(pidFile, "utf8").trim() === String(process.pid)) unlinkSync(pidFile);
  } catch {
    // Already gone.
  }
}

function alreadyRunning() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

async function main() {
  const running = alreadyRunning();
  if (running) fail(`“汇总”已经在运行（进程 ${running}）。要重新启动，请先运行 npm stop。`);
  // The pid file is written first, so that `npm stop` also ends a build in progress.
  writeFileSync(pidFile, `${process.pid}\n`);
  const servers = [];
  const stop = () => {
    building?.kill();
    for (const server of servers) server.close();
    removePidFile();
    console.log("\n“汇总”已停止。");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);
  process.on("exit", removePidFile);

  await buildIfNeeded();
  if (!existsSync(path.join(dist, "taskpane.html"))) fail("dist/ 里没有构建结果，请先运行 npm run build。");
  const { key, cert } = await ensureCertificate();
  servers.push(...(await listen(() => https.createServer({ key, cert }, handle), portHttps)));
  servers.push(...(await listen(() => http.createServer(handle), portHttp)));

  const secure = `https://localhost:${portHttps}`;
  const manifest = portHttps === 3000 ? path.join(root, "manifest.xml") : `${secure}/manifest.xml（在浏览器中打开后另存为 manifest.xml）`;
  console.log(`
“汇总”已启动。

■ 在浏览器中使用（不需要 Excel 加载项）：
    http://localhost:${portHttp}/taskpane.html

■ 在 Excel 中使用（加载项，清单文件：${manifest}）：
  先信任本机证书（${certFile}）：
    Excel 网页版：用同一个浏览器打开一次 ${secure}/taskpane.html ，提示“连接不是私密连接”时选“高级”→“继续前往”。
    Windows 版：双击证书 → 安装证书 → 当前用户 → 放入“受信任的根证书颁发机构”。
    Mac 版：在“钥匙串访问”中导入证书，并设为“始终信任”。
  再添加加载项：
    Excel 网页版：开始（或“插入”）→ 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项 → 选择 manifest.xml。
    Windows 版：把 manifest.xml 放进一个共享文件夹；文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，
      添加该文件夹的网络路径并勾选“显示在菜单中”；重启 Excel，开始 → 加载项 → 更多加载项 → 共享文件夹 → 汇总。
      开发人员也可以在 Windows 或 Mac 上运行 npx office-addin-debugging start manifest.xml 。
    Mac 版：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
      （没有 wef 文件夹就新建一个），重启 Excel，开始 → 加载项 → 汇总。
  加载后，在“开始”选项卡点击“汇总”按钮打开任务窗格。

按 Ctrl+C 或在另一个窗口运行 npm stop 停止。
`);
}

main().catch((error) => fail(`启动失败：${error.message}`));
