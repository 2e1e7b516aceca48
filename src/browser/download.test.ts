/** @jest-environment jsdom */
import { downloadBytes, REVOKE_AFTER_MS, XLSX_MIME } from "./download";

describe("downloadBytes", () => {
  const url = "blob:http://127.0.0.1/1234";
  let created: Blob[];
  let revoked: string[];
  let clicked: Array<{ href: string; download: string; inPage: boolean }>;

  beforeEach(() => {
    jest.useFakeTimers();
    created = [];
    revoked = [];
    clicked = [];
    // jsdom has no object URLs; the page's are stood in for and recorded.
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return url;
    });
    URL.revokeObjectURL = jest.fn((revokedUrl: string) => void revoked.push(revokedUrl));
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inPage: document.body.contains(this) });
    });
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it("clicks a temporary link to an object URL of the bytes, then removes the link and revokes the URL", async () => {
    downloadBytes(new Uint8Array([80, 75, 3, 4]), "附件1-浦东.xlsx", XLSX_MIME);
    expect(created).toHaveLength(1);
    expect(created[0]?.type).toBe(XLSX_MIME);
    expect(created[0]?.size).toBe(4);
    expect(clicked).toEqual([{ href: url, download: "附件1-浦东.xlsx", inPage: true }]);
    expect(document.querySelectorAll("a")).toHaveLength(0);
    expect(revoked).toEqual([]);
    jest.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoked).toEqual([url]);
  });

  it("takes a view on part of a buffer, and only that part", () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
    downloadBytes(buffer.subarray(2, 5), "a.zip", "application/zip");
    expect(created[0]?.size).toBe(3);
  });
});
