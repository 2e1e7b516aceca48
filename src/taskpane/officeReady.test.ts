import { waitForOffice } from "./officeReady";

type OfficeStub = { onReady(): Promise<{ host: string | null }>; HostType: { Excel: string } };
const global = globalThis as unknown as { Office?: OfficeStub };

function installOffice(onReady: () => Promise<{ host: string | null }>): void {
  global.Office = { onReady, HostType: { Excel: "Excel" } };
}

afterEach(() => {
  delete global.Office;
  jest.useRealTimers();
});

describe("waitForOffice", () => {
  it("knows Excel when Office answers with it", async () => {
    installOffice(async () => ({ host: "Excel" }));
    await expect(waitForOffice(1000)).resolves.toEqual({ status: "ready", isExcel: true });
  });

  it("starts without a workbook when Office answers with no host (a plain browser) or another one", async () => {
    installOffice(async () => ({ host: null }));
    await expect(waitForOffice(1000)).resolves.toEqual({ status: "ready", isExcel: false });
    installOffice(async () => ({ host: "Word" }));
    await expect(waitForOffice(1000)).resolves.toEqual({ status: "ready", isExcel: false });
  });

  it("does not wait at all when office.js is not on the page", async () => {
    await expect(waitForOffice(1000)).resolves.toEqual({ status: "absent" });
  });

  it("gives up after the timeout when Office never answers, and still hears a late answer", async () => {
    jest.useFakeTimers();
    let answer: (info: { host: string }) => void = () => {};
    installOffice(() => new Promise((resolve) => (answer = resolve)));
    const waiting = waitForOffice(5000);
    jest.advanceTimersByTime(5000);
    const start = await waiting;
    expect(start.status).toBe("timeout");
    answer({ host: "Excel" });
    if (start.status === "timeout") await expect(start.late).resolves.toBe(true);
  });

  it("treats an Office that throws as absent", async () => {
    installOffice(() => Promise.reject(new Error("broken")));
    await expect(waitForOffice(1000)).resolves.toEqual({ status: "absent" });
  });
});
