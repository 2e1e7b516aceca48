import { campaignDays, DEFAULT_CAMPAIGN, parseDayInput, resolveCampaign } from "./campaign";

describe("parseDayInput", () => {
  it.each([
    ["2024-04-20", "2024-04-20"],
    ["2024-4-20", "2024-04-20"],
    ["2024/4/20", "2024-04-20"],
    ["2024.4.20", "2024-04-20"],
    ["20240420", "2024-04-20"],
    ["2024年4月20日", "2024-04-20"],
    ["2024年4月20", "2024-04-20"],
    [" 2024-04-20 ", "2024-04-20"],
    // Typed with a Chinese input method: full-width digits and separators.
    ["２０２４／４／２０", "2024-04-20"],
    ["2024-02-29", "2024-02-29"],
  ])("reads %j as %s", (text, day) => {
    expect(parseDayInput(text)).toBe(day);
  });

  it.each(["2024-13-01", "2023-02-29", "2024-04-31", "4月20日", "2024-04", "20241320", "2024-04-20x", "", "tomorrow", "202404201"])(
    "refuses %j",
    (text) => {
      expect(parseDayInput(text)).toBeUndefined();
    },
  );
});

describe("resolveCampaign", () => {
  it("keeps the default week without overrides", () => {
    expect(resolveCampaign({})).toEqual({ success: true, data: DEFAULT_CAMPAIGN, days: 7 });
  });

  it("gives a start alone the default week's length, in any accepted spelling", () => {
    expect(resolveCampaign({ start: "2025年4月19日" })).toEqual({ success: true, data: { start: "2025-04-19", end: "2025-04-25" }, days: 7 });
    expect(resolveCampaign({ start: "2024/12/28" })).toMatchObject({ data: { start: "2024-12-28", end: "2025-01-03" } });
  });

  it("names the flag and the value of each day that is not one", () => {
    expect(resolveCampaign({ start: "2024-13-01", end: "2024/4/31" })).toEqual({
      success: false,
      problems: [
        { code: "not-a-day", flag: "start", value: "2024-13-01" },
        { code: "not-a-day", flag: "end", value: "2024/4/31" },
      ],
    });
  });

  it("refuses an end before the start, saying whether the start was given", () => {
    expect(resolveCampaign({ start: "2024-04-20", end: "2024-04-19" })).toEqual({
      success: false,
      problems: [{ code: "end-before-start", start: "2024-04-20", end: "2024-04-19", startGiven: true }],
    });
    expect(resolveCampaign({ end: "2024-04-10" })).toMatchObject({ problems: [{ code: "end-before-start", startGiven: false }] });
  });

  it("counts the days of a week, both ends included, across months and years", () => {
    expect(campaignDays({ start: "2024-04-20", end: "2024-04-20" })).toBe(1);
    expect(campaignDays({ start: "2024-04-01", end: "2024-05-15" })).toBe(45);
    expect(campaignDays({ start: "2024-12-28", end: "2025-01-03" })).toBe(7);
    expect(resolveCampaign({ start: "2024-04-01", end: "20240515" })).toMatchObject({ success: true, days: 45 });
  });
});
