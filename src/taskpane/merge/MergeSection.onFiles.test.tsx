/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { screen, waitFor, within } from "@testing-library/react";
import type { IncomingReturn } from "../../core/merge/merge";
import * as readReturns from "../../files/readReturns";
import { HostError } from "../../host/workbookHost";
import { FakeFilesHost } from "../../../test/pane/fakeFilesHost";
import { renderPane } from "../../../test/pane/renderPane";
import { returnOf } from "../../../test/pane/sheetChecks";
import { cityRow, citySheet } from "../../../test/support/sheets";

jest.mock("../../files/readReturns", () => ({
  ReadCancelled: class ReadCancelled extends Error {
    override name = "ReadCancelled";
  },
  readReturnFiles: jest.fn(),
}));
const readReturnFiles = readReturns.readReturnFiles as jest.MockedFunction<typeof readReturns.readReturnFiles>;

const roster = [
  { name: "上海市商务委员会", aliases: ["市商务委"] },
  { name: "上海海关", aliases: [] },
];
const campaign = { start: "2024-04-20", end: "2024-04-26" };
const returns: Record<string, IncomingReturn> = {
  "商务委.xlsx": returnOf("商务委.xlsx", citySheet([cityRow(), cityRow()], "市商务委")),
  "海关.xlsx": returnOf("海关.xlsx", citySheet([cityRow({ 活动时间: "4月27日" })], "上海海关")),
};

const filesNamed = (...names: string[]) => names.map((name, index) => new File([new Uint8Array(1000 + index)], name, { lastModified: index }));

beforeEach(() => {
  window.localStorage.clear();
  readReturnFiles.mockReset();
  readReturnFiles.mockImplementation(async (files) => files.map((file) => returns[file.name] as IncomingReturn));
});

describe("MergeSection on files", () => {
  it("merges into a new master, downloads it, and reports each file and each unit", async () => {
    const host = new FakeFilesHost({ settings: { campaign, roster } });
    const { user, status } = await renderPane(host, "merge");
    expect(screen.getByText("未选择汇总表：将新建一份。")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "合并到汇总表" })).not.toBeInTheDocument();
    await user.upload(screen.getByLabelText("报回文件"), filesNamed("商务委.xlsx", "海关.xlsx"));
    await user.click(screen.getByRole("button", { name: "合并并下载汇总表" }));

    await waitFor(() => expect(status()).toHaveTextContent("已合并：写入 3 条活动，“活动汇总”现有 3 条。汇总表已下载为“汇总表.xlsx”。"));
    const [merged, master, options] = host.callsOf("mergeIntoMasterFile")[0] as [IncomingReturn[], unknown, unknown];
    expect(merged.map((entry) => entry.report.file)).toEqual(["商务委.xlsx", "海关.xlsx"]);
    expect(master).toBeUndefined();
    expect(options).toEqual({ roster, campaign });
    expect(host.downloads.map((file) => file.fileName)).toEqual(["汇总表.xlsx"]);

    const report = screen.getByRole("region", { name: "合并结果" });
    expect(within(report).getByText(/^汇总表已下载为“汇总表.xlsx”/)).toBeInTheDocument();
    const files = within(report).getByRole("list", { name: "各文件的结果" });
    expect(within(files).getAllByText(/^(新增|替换|被取代|拒收|已忽略)$/).map((badge) => badge.textContent)).toEqual(["新增", "新增"]);
    const units = within(report).getByRole("region", { name: "报送情况" });
    expect(within(units).getAllByRole("heading", { level: 4 }).map((heading) => heading.textContent)).toEqual(["有错误（1 个）", "已报送（1 个）"]);
  });

  it("updates the master the clerk picks, and downloads it under the same name", async () => {
    const host = new FakeFilesHost({ settings: { campaign, roster }, masters: { "汇总表-4月.xlsx": [] } });
    const { user, status } = await renderPane(host, "merge");
    await user.upload(screen.getByLabelText("报回文件"), filesNamed("商务委.xlsx"));
    await user.click(screen.getByRole("button", { name: "合并并下载汇总表" }));
    await waitFor(() => expect(host.callsOf("mergeIntoMasterFile")).toHaveLength(1));

    await user.upload(screen.getByLabelText("当前汇总表"), new File([new Uint8Array(10)], "汇总表-4月.xlsx"));
    expect(screen.getByText("将更新汇总表：汇总表-4月.xlsx")).toBeInTheDocument();
    await user.upload(screen.getByLabelText("报回文件"), filesNamed("商务委.xlsx", "海关.xlsx"));
    await user.click(screen.getByRole("button", { name: "合并并下载汇总表" }));
    await waitFor(() => expect(status()).toHaveTextContent("汇总表已下载为“汇总表-4月.xlsx”"));
    const [, master] = host.callsOf("mergeIntoMasterFile")[1] as [unknown, File];
    expect(master.name).toBe("汇总表-4月.xlsx");
    expect(screen.getByText("未选择汇总表：将新建一份。")).toBeInTheDocument();
  });

  it("lets the clerk drop the picked master again", async () => {
    const { user } = await renderPane(new FakeFilesHost(), "merge");
    await user.upload(screen.getByLabelText("当前汇总表"), new File([new Uint8Array(10)], "旧汇总.xlsx"));
    await user.click(screen.getByRole("button", { name: "不使用 旧汇总.xlsx" }));
    expect(screen.getByText("未选择汇总表：将新建一份。")).toBeInTheDocument();
  });

  it("says in Chinese why a picked master cannot be used, and keeps the files", async () => {
    const host = new FakeFilesHost({ settings: { campaign, roster } });
    host.failNext("mergeIntoMasterFile", new HostError("master-unreadable", "zip: bad central directory"));
    const { user, status } = await renderPane(host, "merge");
    await user.upload(screen.getByLabelText("当前汇总表"), new File([new Uint8Array(10)], "照片.xlsx"));
    await user.upload(screen.getByLabelText("报回文件"), filesNamed("商务委.xlsx"));
    await user.click(screen.getByRole("button", { name: "合并并下载汇总表" }));
    await waitFor(() => expect(status()).toHaveTextContent("选择的汇总表无法读取，未做任何改动"));
    expect(status()).not.toHaveTextContent("zip");
    expect(screen.getByRole("list", { name: "已选择 1 个文件" })).toBeInTheDocument();
    expect(screen.getByText("将更新汇总表：照片.xlsx")).toBeInTheDocument();
    expect(host.downloads).toEqual([]);
  });

  it("says the picked master cannot be written in the browser, not that a sheet should be renamed", async () => {
    const host = new FakeFilesHost({ settings: { campaign, roster } });
    host.failNext("mergeIntoMasterFile", new HostError("master-not-updatable", "ExcelJS could not load it"));
    const { user, status } = await renderPane(host, "merge");
    await user.upload(screen.getByLabelText("当前汇总表"), new File([new Uint8Array(10)], "另存.xlsx"));
    await user.upload(screen.getByLabelText("报回文件"), filesNamed("商务委.xlsx"));
    await user.click(screen.getByRole("button", { name: "合并并下载汇总表" }));
    await waitFor(() => expect(status()).toHaveTextContent("选择的汇总表能读取，但无法在浏览器中写入"));
    expect(status()).not.toHaveTextContent("改名");
  });
});
