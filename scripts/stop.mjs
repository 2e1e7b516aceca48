// `npm stop`: stops the server that `npm start` left running, by the process id in its pid file.
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = process.env.HUIZONG_PID_FILE || path.join(root, ".huizong-start.pid");

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").trim()) : NaN;
if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
  if (existsSync(pidFile)) unlinkSync(pidFile);
  console.log("“汇总”没有在运行。");
  process.exit(0);
}
process.kill(pid, "SIGTERM");
// The server removes its pid file as it exits; wait for that, then insist.
const deadline = Date.now() + 5000;
while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
if (alive(pid)) process.kill(pid, "SIGKILL");
if (existsSync(pidFile)) unlinkSync(pidFile);
console.log(`“汇总”已停止（进程 ${pid}）。`);
