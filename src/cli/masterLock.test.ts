import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { lockMaster, MasterLockBusy, LOCK_SUFFIX } from "./masterLock";

/** The master's lock (src/cli/masterLock.ts): one merge at a time, and a lock left by a dead run never blocks. */
function freshMaster(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "huizong-lock-")), "汇总表.xlsx");
}

/** A pid that surely names no process: one that just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid;
}

function holderFile(master: string, holder: object): string {
  const lockFile = `${master}${LOCK_SUFFIX}`;
  writeFileSync(lockFile, JSON.stringify(holder));
  return lockFile;
}

describe("lockMaster", () => {
  it("creates the lock beside the master, naming this process, and removes it on release", async () => {
    const master = freshMaster();
    const lock = await lockMaster(master);
    expect(lock.file).toBe(`${master}${LOCK_SUFFIX}`);
    expect(JSON.parse(readFileSync(lock.file, "utf8"))).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(await lock.stillHeld()).toBe(true);
    await lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it("refuses a second lock while the first is held, and gives it once released", async () => {
    const master = freshMaster();
    const first = await lockMaster(master);
    const onWait = jest.fn();
    const refused = await lockMaster(master, { waitMs: 300, onWait }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MasterLockBusy);
    expect((refused as MasterLockBusy).holder).toMatchObject({ pid: process.pid });
    expect(onWait).toHaveBeenCalledTimes(1);

    const waiting = lockMaster(master, { waitMs: 10_000 });
    setTimeout(() => void first.release(), 300);
    const second = await waiting;
    expect(await second.stillHeld()).toBe(true);
    await second.release();
  });

  it("takes over a lock whose process is gone", async () => {
    const master = freshMaster();
    holderFile(master, { pid: deadPid(), host: os.hostname(), started: new Date().toISOString(), token: "dead" });
    const lock = await lockMaster(master, { waitMs: 0 });
    expect(JSON.parse(readFileSync(lock.file, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("keeps waiting on a live holder from another computer, but not on one an hour old", async () => {
    const master = freshMaster();
    const lockFile = holderFile(master, { pid: 1, host: "another-pc", started: new Date().toISOString(), token: "remote" });
    await expect(lockMaster(master, { waitMs: 0 })).rejects.toBeInstanceOf(MasterLockBusy);
    const longAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(lockFile, longAgo, longAgo);
    const lock = await lockMaster(master, { waitMs: 0 });
    await lock.release();
  });

  it("treats a just-made empty lock as held (its maker is still writing it), and an old empty one as stale", async () => {
    const master = freshMaster();
    const lockFile = `${master}${LOCK_SUFFIX}`;
    writeFileSync(lockFile, "");
    await expect(lockMaster(master, { waitMs: 0 })).rejects.toMatchObject({ holder: undefined });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile, old, old);
    const lock = await lockMaster(master, { waitMs: 0 });
    await lock.release();
  });

  it("leaves alone, on release, a lock another run has taken over", async () => {
    const master = freshMaster();
    const lock = await lockMaster(master);
    holderFile(master, { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: "someone-else" });
    expect(await lock.stillHeld()).toBe(false);
    await lock.release();
    expect(existsSync(lock.file)).toBe(true);
  });

  it("fails with the file system's error when the folder does not exist", async () => {
    await expect(lockMaster(path.join(freshMaster(), "no-such-folder", "汇总表.xlsx"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
