// `npm start` (scripts/start.mjs) really serves dist/: https for the add-in, plain http for the browser, the right
// content types, nothing outside dist/; and `npm stop` (scripts/stop.mjs) stops it. Runs on free ports and its own
// pid file, so a server the developer has running is left alone.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { BUILD_TIMEOUT_MS, ensureDist, root } from "./support/dist";

type Reply = { status: number; type: string; headers: http.IncomingHttpHeaders; body: Buffer };

function get(url: string, options: { method?: string; rawPath?: string } = {}): Promise<Reply> {
  const { protocol, hostname, port, pathname } = new URL(url);
  const client = protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    // A raw path, because URL parsing would already remove the "..".
    const request = client.request(
      { hostname, port, path: options.rawPath ?? pathname, method: options.method ?? "GET", rejectUnauthorized: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on("error", reject).end();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;
let output = "";
let secure = "";
let plain = "";
const pidFile = path.join(mkdtempSync(path.join(tmpdir(), "huizong-start-")), "server.pid");
const env = () => ({ ...process.env, PORT_HTTPS: new URL(secure).port, PORT_HTTP: new URL(plain).port, HUIZONG_PID_FILE: pidFile, HUIZONG_BUILD: "never" });

beforeAll(async () => {
  await ensureDist();
  // 127.0.0.1, the address freePort() checked; the server also listens on ::1 where it can.
  secure = `https://127.0.0.1:${await freePort()}`;
  plain = `http://127.0.0.1:${await freePort()}`;
  server = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Ready once it has printed its addresses (after both servers listen); a first certificate takes a moment.
  const deadline = Date.now() + 20_000;
  while (!output.includes(`http://localhost:${new URL(plain).port}/taskpane.html`)) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (server && server.exitCode === null) server.kill();
});

describe("npm start", () => {
  it("serves the pane over https and http, with its pid file written", async () => {
    for (const base of [secure, plain]) {
      const page = await get(`${base}/taskpane.html`);
      expect([page.status, page.type]).toEqual([200, "text/html; charset=utf-8"]);
      expect(page.headers["access-control-allow-origin"]).toBe("*");
      expect(page.body.toString()).toContain('<div id="container">');
    }
    expect(existsSync(pidFile)).toBe(true);
  });

  it("serves icons, scripts and the manifest with their content types", async () => {
    const icon = await get(`${plain}/assets/icon-32.png`);
    expect([icon.status, icon.type]).toEqual([200, "image/png"]);
    expect(icon.body.subarray(1, 4).toString()).toBe("PNG");
    const html = (await get(`${secure}/taskpane.html`)).body.toString();
    const script = /<script defer="defer" src="([^"]+\.js)"/.exec(html)![1]!;
    expect((await get(`${secure}/${script}`)).type).toBe("text/javascript; charset=utf-8");
    const manifest = await get(`${secure}/manifest.xml`);
    expect([manifest.status, manifest.type]).toEqual([200, "application/xml; charset=utf-8"]);
    // On another port than 3000 the manifest it hands out points at itself.
    expect(manifest.body.toString()).toContain(`https://localhost:${new URL(secure).port}/taskpane.html`);
    expect((await get(`${plain}/assets/no-such-icon.png`)).status).toBe(404);
  });

  it.each(["/../package.json", "/..%2fpackage.json", "/%2e%2e/%2e%2e/package.json", "/assets/../../package.json", "/..\\package.json"])(
    "refuses to leave dist/: %s",
    async (rawPath) => {
      const reply = await get(plain, { rawPath });
      expect(reply.status).toBe(404);
      expect(reply.body.toString()).not.toContain('"name": "huizong"');
    },
  );

  it("only reads", async () => {
    expect((await get(`${plain}/taskpane.html`, { method: "POST" })).status).toBe(405);
  });

  it("is stopped by npm stop", async () => {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    // Asynchronously: a synchronous spawn would keep Jest from reaping the stopped server, which looks alive meanwhile.
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [path.join(root, "scripts/stop.mjs")], { cwd: root, env: env() }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    expect(stdout).toContain("已停止");
    await exited;
    expect(existsSync(pidFile)).toBe(false);
    await expect(get(`${plain}/taskpane.html`)).rejects.toThrow();
  });
});
