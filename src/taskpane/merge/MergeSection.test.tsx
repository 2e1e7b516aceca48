/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { IncomingReturn } from "../../core/merge/merge";
import * as readReturns from "../../files/readReturns";
import { HostError } from "../../host/workbookHost";
import { FakeHost } from "../../../test/pane/fakeHost";
import { readFromTable } from "../../../test/pane/readFromTable";
import { renderPane } from "../../../test/pane/renderPane";
import { returnOf } from "../../../test/pane/sheetChecks";
import { cityRow, citySheet, sheetOf } from "../../../test/support/sheets";

// The reader is loaded lazily by the section; here it reads from a table of returns built with the real core.
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
  { name: "上海市公安局", aliases: [] },
  { name: "上海市市场监督管理局", aliases: [] },
];

const returns: Record<string, IncomingReturn> = {
  "商务委.xlsx": returnOf("商务委.xlsx", citySheet([cityRow(), cityRow()], "市商务委")),
  "市公安局.xlsx": returnOf("市公安局.xlsx", citySheet([cityRow({ 活动时间: "4月27日" })], "上海市公安局")),
  "浦东.xlsx": returnOf("浦东.xlsx", citySheet([cityRow()], "浦东新区知识产权局")),
  "会议纪要.xlsx": returnOf("会议纪要.xlsx", sheetOf([["会议纪要"], ["各单位："]])),
};

/** The reader as the section sees it: progress per file, 取消 heard between files; `pause` holds each file. */

const filesNamed = (...names: string[]) => names.map((name, index) => new File([new Uint8Array(1200 * (index + 1))], name, { lastModified: index }));

beforeEach(() => {
  window.localStorage.clear();
  readReturnFiles.mockReset();
});

async function pick(host: FakeHost, ...names: string[]) {
  const pane = await renderPane(host, "merge");
  await pane.user.upload(screen.getByLabelText("报回文件"), filesNamed(...names));
  return pane;
}

describe("MergeSection", () => {
  it("opens the file dialog from its button, and lists the picked files with their sizes", async () => {
    const host = new FakeHost();
    const { user } = await renderPane(host, "merge");
    expect(screen.getByText(/还没有选择文件/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "合并到汇总表" })).toBeDisabled();
    const input = screen.getByLabelText<HTMLInputElement>("报回文件");
    expect(input).toHaveAttribute("accept", ".xlsx,.xlsm,.xls,.et,.ods,.csv");
    expect(input.multiple).toBe(true);
    const opened = jest.fn();
    input.addEventListener("click", opened);
    await user.click(screen.getByRole("button", { name: "选择报回文件…" }));
    expect(opened).toHaveBeenCalled();

    await user.upload(input, filesNamed("商务委.xlsx", "市公安局.xlsx"));
    const list = screen.getByRole("list", { name: "已选择 2 个文件" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["商务委.xlsx1.2 KB", "市公安局.xlsx2.3 KB"]);
    await user.click(screen.getByRole("button", { name: "移除 商务委.xlsx" }));
    expect(screen.getByRole("list", { name: "已选择 1 个文件" })).toBeInTheDocument();
  });

  it("takes files dropped on the drop zone too, skipping one picked twice", async () => {
    const { user } = await pick(new FakeHost(), "商务委.xlsx");
    const zone = screen.getByText("也可以把文件拖到这里");
    fireEvent.drop(zone, { dataTransfer: { files: [...filesNamed("商务委.xlsx", "浦东.xlsx")] } });
    const list = screen.getByRole("list", { name: "已选择 2 个文件" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["商务委.xlsx1.2 KB", "浦东.xlsx2.3 KB"]);
    await user.click(screen.getByRole("button", { name: "清空" }));
    expect(screen.getByText(/还没有选择文件/)).toBeInTheDocument();
  });

  it("reads the files with the workbook's week, shows progress, then merges them with the roster", async () => {
    const campaign = { start: "2024-04-20", end: "2024-04-26" };
    const host = new FakeHost({ settings: { campaign, roster } });
    let next = () => {};
    readFromTable(returns, () => new Promise<void>((resolve) => (next = resolve)));
    const { user, status } = await pick(host, "商务委.xlsx", "市公安局.xlsx");
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));

    expect(await screen.findByText("正在读取 1/2：商务委.xlsx")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "合并到汇总表" })).toBeDisabled();
    next();
    expect(await screen.findByText("正在读取 2/2：市公安局.xlsx")).toBeInTheDocument();
    next();

    await waitFor(() => expect(status()).toHaveTextContent("已合并：写入 3 条活动，“活动汇总”现有 3 条。"));
    expect(readReturnFiles).toHaveBeenCalledWith(expect.any(Array), { campaign, roster }, expect.any(Function), expect.any(AbortSignal));
    const [merged, options] = host.callsOf("mergeIntoWorkbook")[0] as [IncomingReturn[], unknown];
    expect(merged.map((entry) => entry.report.file)).toEqual(["商务委.xlsx", "市公安局.xlsx"]);
    expect(options).toEqual({ roster, campaign });
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("stops between files when cancelled and leaves the workbook alone", async () => {
    const host = new FakeHost({ settings: { campaign: { start: "2024-04-20", end: "2024-04-26" }, roster } });
    let next = () => {};
    readFromTable(returns, () => new Promise<void>((resolve) => (next = resolve)));
    const { user, status } = await pick(host, "商务委.xlsx", "市公安局.xlsx", "浦东.xlsx");
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));
    await screen.findByText("正在读取 1/3：商务委.xlsx");
    await user.click(screen.getByRole("button", { name: "取消" }));
    next();
    await waitFor(() => expect(status()).toHaveTextContent("已取消，汇总表未改动。"));
    expect(host.callsOf("mergeIntoWorkbook")).toEqual([]);
    expect(host.master).toEqual([]);
    // The picked files stay, ready for another try.
    expect(screen.getByRole("list", { name: "已选择 3 个文件" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "合并到汇总表" })).toBeEnabled();
  });

  it("reports the counts, each file's result, and 报送情况 with the units to chase first", async () => {
    const host = new FakeHost({ settings: { campaign: { start: "2024-04-20", end: "2024-04-26" }, roster } });
    readFromTable(returns);
    const { user } = await pick(host, "商务委.xlsx", "市公安局.xlsx", "浦东.xlsx", "会议纪要.xlsx");
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));
    const report = await screen.findByRole("region", { name: "合并结果" });

    const stats = Object.fromEntries(
      within(report).getAllByRole("term").map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(stats).toEqual({ 文件: "4", 写入行: "4", 替换旧行: "0", 拒收文件: "1" });

    const status = within(report).getByRole("region", { name: "报送情况" });
    expect(within(status).getAllByRole("heading", { level: 4 }).map((heading) => heading.textContent)).toEqual([
      "未报送（2 个）",
      "有错误（1 个）",
      "已报送（1 个）",
      "不在名单中（1 个）",
    ]);
    const missing = within(status).getByRole("list", { name: "未报送（2 个）" });
    expect(within(missing).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["上海海关", "上海市市场监督管理局"]);
    await user.click(within(status).getByRole("button", { name: "上海市公安局" }));
    expect(within(status).getByText("来源文件：市公安局.xlsx")).toBeInTheDocument();
    expect(within(status).getByText("活动 1 条，其中 1 条有问题")).toBeInTheDocument();

    const files = within(report).getByRole("list", { name: "各文件的结果" });
    const items = within(files).getAllByRole("listitem").filter((item) => item.parentElement === files);
    expect(items.map((item) => within(item).getByText(/^(新增|替换|被取代|拒收|已忽略)$/).textContent)).toEqual(["新增", "新增", "新增", "拒收"]);
    expect(items[3]).toHaveTextContent("文件中没有找到活动安排表（缺少“主办单位”“活动时间”等表头）：请使用通知所附模板填写。");
    await user.click(within(items[1] as HTMLElement).getByRole("button", { name: /市公安局.xlsx 的问题：错误 1 处/ }));
    expect(within(items[1] as HTMLElement).getByText(/C4：活动时间“4月27日”不在宣传周/)).toBeInTheDocument();
  });

  it("copies a ready-to-send reminder naming the units not returned and those with errors", async () => {
    const host = new FakeHost({ settings: { campaign: { start: "2024-04-20", end: "2024-04-26" }, roster } });
    readFromTable(returns);
    const { user, status } = await pick(host, "商务委.xlsx", "市公安局.xlsx");
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));
    await user.click(await screen.findByRole("button", { name: "复制催报文字" }));
    await waitFor(() => expect(status()).toHaveTextContent("已复制催报文字"));
    expect(await navigator.clipboard.readText()).toBe(
      [
        "各有关单位：",
        "知识产权宣传周（2024年4月20日至26日）重点活动安排表的报送情况如下：",
        "尚未报送（2 个）：上海海关、上海市市场监督管理局。",
        "报送的表格需要修改（1 个）：上海市公安局（1 条活动有问题）。",
        "请尚未报送的单位尽快报送；请需要修改的单位按反馈的问题修改后重新报送。",
        "谢谢配合！",
      ].join("\n"),
    );
  });

  it("shows the reminder for copying by hand when the clipboard is refused", async () => {
    const host = new FakeHost({ settings: { campaign: { start: "2024-04-20", end: "2024-04-26" }, roster } });
    readFromTable(returns);
    const { user, status } = await pick(host, "商务委.xlsx");
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));
    const copy = await screen.findByRole("button", { name: "复制催报文字" });
    jest.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("NotAllowedError"));
    const execCommand = document.execCommand;
    document.execCommand = jest.fn(() => false);
    await user.click(copy);
    await waitFor(() => expect(status()).toHaveTextContent("无法自动复制"));
    const manual = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "催报文字" });
    expect(manual.value).toContain("尚未报送（3 个）：上海海关、上海市公安局、上海市市场监督管理局。");
    document.execCommand = execCommand;
  });

  it("says how to get 报送情况 when there is no roster, and takes the clerk to 设置", async () => {
    const host = new FakeHost();
    readFromTable(returns);
    const { user } = await pick(host, "商务委.xlsx");
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));
    expect(await screen.findByText(/还没有设置应报单位名单/)).toBeInTheDocument();
    const [, options] = host.callsOf("mergeIntoWorkbook")[0] as [unknown, { roster: unknown }];
    expect(options.roster).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "前往设置" }));
    expect(screen.getByRole("tab", { name: "设置" })).toHaveAttribute("aria-selected", "true");
  });

  it("says in Chinese why the master could not be updated, and keeps the files", async () => {
    const host = new FakeHost();
    host.failNext("mergeIntoWorkbook", new HostError("master-not-updatable", "活动汇总 has no table"));
    readFromTable(returns);
    const { user, status } = await pick(host, "商务委.xlsx");
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));
    await waitFor(() => expect(status()).toHaveTextContent("工作簿中已有“活动汇总”表，但它不是“汇总”生成的汇总表，所以未做任何改动"));
    expect(status()).not.toHaveTextContent("has no table");
    expect(screen.getByRole("list", { name: "已选择 1 个文件" })).toBeInTheDocument();
  });
});
