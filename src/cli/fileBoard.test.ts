import { existsSync } from "node:fs";
import { FileBoardReader, FileBoardWriter } from "./fileBoard";

describe("the engine's file board", () => {
  let board: FileBoardReader;
  beforeEach(() => {
    board = FileBoardReader.create();
  });
  afterEach(() => board.remove());

  it("says no file until the engine begins one, then that file, until it is on none again", () => {
    const engine = new FileBoardWriter(board.path);
    expect(board.read()).toBeUndefined();
    const before = Date.now();
    engine.starting(41, 300, "/returns/浦东新区市场监管局.xlsx");
    expect(board.read()).toEqual({ index: 41, total: 300, since: expect.any(Number), file: "/returns/浦东新区市场监管局.xlsx" });
    expect(board.read()!.since).toBeGreaterThanOrEqual(before);
    // A shorter name after a longer one: none of the longer name is left over.
    engine.starting(42, 300, "/r/a.xlsx");
    expect(board.read()).toMatchObject({ index: 42, file: "/r/a.xlsx" });
    engine.onNoFile();
    expect(board.read()).toBeUndefined();
  });

  it("cuts a very long name at a character, never inside one", () => {
    const engine = new FileBoardWriter(board.path);
    const name = "/返回/".concat("很长的文件名".repeat(400), ".xlsx");
    engine.starting(0, 1, name);
    const shown = board.read()!.file;
    expect(shown.length).toBeLessThan(name.length);
    expect(name.startsWith(shown)).toBe(true);
    expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(4096);
  });

  it("is cleared for the next engine, and removed at the end", () => {
    new FileBoardWriter(board.path).starting(7, 10, "x.xlsx");
    board.clear();
    expect(board.read()).toBeUndefined();
    const file = board.path;
    board.remove();
    expect(existsSync(file)).toBe(false);
    board = FileBoardReader.create();
  });
});
