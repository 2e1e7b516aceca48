import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { snapshotOf } from "./outputTarget";
import { FileChangedError, writeFileAtomically } from "./writeOutput";

/** Writing the master (src/cli/writeOutput.ts): all or nothing, through links, keeping mode and owner, no litter. */
const bytes = (text: string) => new TextEncoder().encode(text);

function folder(): string {
  return mkdtempSync(path.join(os.tmpdir(), "huizong-write-"));
}

describe("writeFileAtomically", () => {
  it("writes a new file and leaves nothing else beside it", async () => {
    const dir = folder();
    await writeFileAtomically(path.join(dir, "汇总表.xlsx"), bytes("new"));
    expect(readdirSync(dir)).toEqual(["汇总表.xlsx"]);
    expect(readFileSync(path.join(dir, "汇总表.xlsx"), "utf8")).toBe("new");
  });

  it("updates the target of a symbolic link, which stays a link, with the temporary file beside the target", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "real"));
    const target = path.join(dir, "real", "汇总表.xlsx");
    writeFileSync(target, "old");
    const link = path.join(dir, "link.xlsx");
    symlinkSync(path.join("real", "汇总表.xlsx"), link);
    await writeFileAtomically(link, bytes("new"));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(dir).sort()).toEqual(["link.xlsx", "real"]);
    expect(readdirSync(path.join(dir, "real"))).toEqual(["汇总表.xlsx"]);
  });

  it("creates the target of a dangling link rather than replacing the link", async () => {
    const dir = folder();
    const link = path.join(dir, "link.xlsx");
    symlinkSync("target.xlsx", link);
    await writeFileAtomically(link, bytes("new"));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, "target.xlsx"), "utf8")).toBe("new");
  });

  it("keeps the replaced file's permissions, owner and group", async () => {
    const dir = folder();
    const file = path.join(dir, "汇总表.xlsx");
    writeFileSync(file, "old");
    chmodSync(file, 0o640);
    // Changing the owner needs root (as the tests run in CI); otherwise the mode alone is checked.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(file, 1234, 2345);
    await writeFileAtomically(file, bytes("new"));
    const info = statSync(file);
    expect(info.mode & 0o7777).toBe(0o640);
    if (asRoot) expect([info.uid, info.gid]).toEqual([1234, 2345]);
    expect(readFileSync(file, "utf8")).toBe("new");
  });

  it("removes its temporary file when the rename fails, and the retry is not blocked", async () => {
    const dir = folder();
    // A folder where the file should be: everything works up to the rename, which the system refuses.
    const blocked = path.join(dir, "汇总表.xlsx");
    mkdirSync(blocked);
    writeFileSync(path.join(blocked, "inside"), "x");
    await expect(writeFileAtomically(blocked, bytes("new"))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["汇总表.xlsx"]);
  });

  it("removes the temporary files of runs that died, and only theirs", async () => {
    const dir = folder();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(path.join(dir, `.汇总表.xlsx.${dead}.tmp`), "half a master from a full disk");
    // A live process's temporary file (this one's parent, say) is another run's work in progress.
    writeFileSync(path.join(dir, `.汇总表.xlsx.${process.ppid}.tmp`), "in progress");
    writeFileSync(path.join(dir, `.其他.xlsx.${dead}.tmp`), "another file's");
    await writeFileAtomically(path.join(dir, "汇总表.xlsx"), bytes("new"));
    expect(readdirSync(dir).sort()).toEqual([`.其他.xlsx.${dead}.tmp`, `.汇总表.xlsx.${process.ppid}.tmp`, "汇总表.xlsx"].sort());
  });

  it("refuses, writing nothing, when the file changed since it was read", async () => {
    const dir = folder();
    const file = path.join(dir, "汇总表.xlsx");
    writeFileSync(file, "as read");
    const snapshot = await snapshotOf(file);
    writeFileSync(file, "saved in Excel meanwhile");
    await expect(writeFileAtomically(file, bytes("merged"), { unchangedSince: snapshot })).rejects.toBeInstanceOf(FileChangedError);
    expect(readFileSync(file, "utf8")).toBe("saved in Excel meanwhile");
    expect(readdirSync(dir)).toEqual(["汇总表.xlsx"]);
  });

  it("refuses when a file appeared where none was when read", async () => {
    const dir = folder();
    const file = path.join(dir, "汇总表.xlsx");
    const snapshot = await snapshotOf(file);
    writeFileSync(file, "written by another run");
    await expect(writeFileAtomically(file, bytes("merged"), { unchangedSince: snapshot })).rejects.toBeInstanceOf(FileChangedError);
    expect(readFileSync(file, "utf8")).toBe("written by another run");
  });

  it("writes nothing when the last check before the rename fails", async () => {
    const dir = folder();
    const file = path.join(dir, "汇总表.xlsx");
    writeFileSync(file, "old");
    const beforeReplace = () => Promise.reject(new Error("lock lost"));
    await expect(writeFileAtomically(file, bytes("new"), { beforeReplace })).rejects.toThrow("lock lost");
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["汇总表.xlsx"]);
  });
});
