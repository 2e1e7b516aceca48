import { mergeReturns } from "../core/merge/merge";
import type * as MasterFile from "../files/masterFile";
import type * as TemplateFiles from "../files/templateFiles";
import { HostError } from "../host/workbookHost";
import { createFilesHost } from "./filesHost";
import { XLSX_MIME, ZIP_MIME } from "./download";

// src/files is someone else's and tested there; here only what the host does with its answers.
const mergeIntoMasterFile = jest.fn<ReturnType<typeof MasterFile.mergeIntoMasterFile>, Parameters<typeof MasterFile.mergeIntoMasterFile>>();
const templateFile = jest.fn<ReturnType<typeof TemplateFiles.templateFile>, Parameters<typeof TemplateFiles.templateFile>>();
const rosterTemplatesZip = jest.fn<ReturnType<typeof TemplateFiles.rosterTemplatesZip>, Parameters<typeof TemplateFiles.rosterTemplatesZip>>();
jest.mock("../files/masterFile", () => ({ mergeIntoMasterFile: (...args: Parameters<typeof MasterFile.mergeIntoMasterFile>) => mergeIntoMasterFile(...args) }));
jest.mock("../files/templateFiles", () => ({
  templateFile: (...args: Parameters<typeof TemplateFiles.templateFile>) => templateFile(...args),
  rosterTemplatesZip: (...args: Parameters<typeof TemplateFiles.rosterTemplatesZip>) => rosterTemplatesZip(...args),
}));

const campaign = { start: "2024-04-20", end: "2024-04-26" };
const bytes = new Uint8Array([80, 75, 3, 4]);

function hostWithDownloads() {
  const downloads: Array<{ fileName: string; mimeType: string; size: number }> = [];
  const host = createFilesHost({ download: (data, fileName, mimeType) => downloads.push({ fileName, mimeType, size: data.length }) });
  return { host, downloads };
}

const picked = (name: string, content: Uint8Array | Error) => ({
  name,
  size: 4,
  lastModified: 0,
  arrayBuffer: () => (content instanceof Error ? Promise.reject(content) : Promise.resolve(content.slice().buffer)),
});

beforeEach(() => jest.clearAllMocks());

describe("createFilesHost", () => {
  it("downloads a template under the name src/files gives it", async () => {
    templateFile.mockResolvedValue({ fileName: "附件2-浦东新区.xlsx", bytes });
    const { host, downloads } = hostWithDownloads();
    await expect(host.downloadTemplate({ kind: "district", campaign, unit: "浦东新区" })).resolves.toEqual({ fileName: "附件2-浦东新区.xlsx" });
    expect(templateFile).toHaveBeenCalledWith({ kind: "district", campaign, unit: "浦东新区" });
    expect(downloads).toEqual([{ fileName: "附件2-浦东新区.xlsx", mimeType: XLSX_MIME, size: 4 }]);
  });

  it("downloads one .zip of the roster's templates", async () => {
    rosterTemplatesZip.mockResolvedValue({ fileName: "附件1-各单位.zip", bytes, count: 2 });
    const { host, downloads } = hostWithDownloads();
    await expect(host.downloadRosterTemplates({ kind: "city", campaign }, ["上海海关", "上海市公安局"])).resolves.toEqual({ fileName: "附件1-各单位.zip", count: 2 });
    expect(downloads).toEqual([{ fileName: "附件1-各单位.zip", mimeType: ZIP_MIME, size: 4 }]);
  });

  it("merges into the picked master and downloads it under the same name; a new master is 汇总表.xlsx", async () => {
    const result = mergeReturns([], [], undefined);
    mergeIntoMasterFile.mockResolvedValue({ ok: true, bytes, result, rowsBefore: 7, campaign });
    const { host, downloads } = hostWithDownloads();
    const updated = await host.mergeIntoMasterFile([], picked("四月汇总.xlsx", new Uint8Array([9, 9])), { roster: undefined, campaign });
    expect(updated).toEqual({ result, rowsBefore: 7, fileName: "四月汇总.xlsx" });
    expect(mergeIntoMasterFile).toHaveBeenCalledWith({ bytes: new Uint8Array([9, 9]), fileName: "四月汇总.xlsx" }, [], { roster: undefined, campaign });
    const made = await host.mergeIntoMasterFile([], undefined, { roster: [], campaign });
    expect(made.fileName).toBe("汇总表.xlsx");
    expect(mergeIntoMasterFile).toHaveBeenLastCalledWith(undefined, [], { roster: [], campaign });
    expect(downloads.map((file) => file.fileName)).toEqual(["四月汇总.xlsx", "汇总表.xlsx"]);
  });

  it.each(["master-unreadable", "master-not-updatable"] as const)("turns a %s outcome into a HostError with that code, and downloads nothing", async (code) => {
    mergeIntoMasterFile.mockResolvedValue({ ok: false, code, message: "no" });
    const { host, downloads } = hostWithDownloads();
    const failure = host.mergeIntoMasterFile([], picked("x.xlsx", bytes), { roster: undefined, campaign });
    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toMatchObject({ code });
    expect(downloads).toEqual([]);
  });

  it("calls a master that cannot even be read from disk unreadable", async () => {
    const { host } = hostWithDownloads();
    await expect(host.mergeIntoMasterFile([], picked("gone.xlsx", new Error("NotFoundError")), { roster: undefined, campaign })).rejects.toMatchObject({
      code: "master-unreadable",
    });
    expect(mergeIntoMasterFile).not.toHaveBeenCalled();
  });

  it("keeps the settings in the given storage, and says when it cannot", async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) } as Storage;
    const host = createFilesHost({ storage });
    const settings = { campaign, roster: [{ name: "上海海关", aliases: [] }] };
    await host.saveSettings(settings);
    await expect(host.loadSettings()).resolves.toEqual(settings);
    const full = createFilesHost({
      storage: {
        ...storage,
        setItem: () => {
          throw new Error("QuotaExceededError");
        },
      } as Storage,
    });
    await expect(full.saveSettings(settings)).rejects.toMatchObject({ code: "unknown" });
  });
});
