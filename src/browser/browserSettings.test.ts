/** @jest-environment jsdom */
import { DEFAULT_CAMPAIGN } from "../core/campaign";
import { loadBrowserSettings, ROSTER_KEY, saveBrowserSettings, WEEK_KEY } from "./browserSettings";

const defaults = { campaign: { ...DEFAULT_CAMPAIGN }, roster: [] };
const roster = [{ name: "上海市商务委员会", aliases: ["市商务委"] }];

beforeEach(() => window.localStorage.clear());

describe("browser settings", () => {
  it("gives the default week and no roster when nothing is stored", () => {
    expect(loadBrowserSettings()).toEqual(defaults);
  });

  it("keeps what was saved", () => {
    const settings = { campaign: { start: "2025-04-19", end: "2025-04-25" }, roster };
    saveBrowserSettings(settings);
    expect(loadBrowserSettings()).toEqual(settings);
  });

  it.each([
    ["not JSON", "{start:"],
    ["an impossible date", JSON.stringify({ start: "2025-02-30", end: "2025-03-05" })],
    ["a week that ends before it starts", JSON.stringify({ start: "2025-04-26", end: "2025-04-20" })],
    ["the wrong shape", JSON.stringify(["2025-04-19", "2025-04-25"])],
  ])("falls back to the default week when the stored week is %s, keeping a good roster", (_, week) => {
    window.localStorage.setItem(WEEK_KEY, week);
    window.localStorage.setItem(ROSTER_KEY, JSON.stringify(roster));
    expect(loadBrowserSettings()).toEqual({ campaign: { ...DEFAULT_CAMPAIGN }, roster });
  });

  it.each([
    ["not JSON", "[{"],
    ["not a list", JSON.stringify({ name: "上海海关" })],
    ["a unit without a name", JSON.stringify([{ name: " ", aliases: [] }])],
    ["aliases that are not a list", JSON.stringify([{ name: "上海海关", aliases: "海关" }])],
  ])("falls back to no roster when the stored roster is %s", (_, stored) => {
    window.localStorage.setItem(ROSTER_KEY, stored);
    expect(loadBrowserSettings().roster).toEqual([]);
  });

  it("gives the defaults when storage refuses to be read", () => {
    const getItem = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    expect(loadBrowserSettings()).toEqual(defaults);
    getItem.mockRestore();
  });
});
