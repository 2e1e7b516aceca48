/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { ignoredReport, unreadableReport } from "../../core/fileReport";
import type { IncomingReturn } from "../../core/merge/merge";
import * as readReturns from "../../files/readReturns";
import { FakeFilesHost } from "../../../test/pane/fakeFilesHost";
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

const notRead = (file: string, report = unreadableReport(file, "corrupt", "文件已损坏，无法打开：请对方重新保存后再发送。")): IncomingReturn => ({
  report,
  submission: undefined,
  modifiedMs: 0,
});

const returns: Record<string, IncomingReturn> = {
  "商务委.xlsx": returnOf("商务委.xlsx", citySheet([cityRow(), cityRow()], "上海市商务委员会")),
  "市公安局.xlsx": returnOf(
    "市公安局.xlsx",
    citySheet([cityRow(), cityRow({ 重点活动名称: "专利巡回讲座", 活动时间: "4月27日", 联系人: "王斌" }), cityRow({ 重点活动名称: "商标品牌展", "活动规模（人数）": "若干" })], "上海市公安局"),
  ),
  "会议纪要.xlsx": returnOf("会议纪要.xlsx", sheetOf([["会议纪要"], ["各单位："]])),
  "坏文件.xlsx": notRead("坏文件.xlsx"),
  "~$商务委.xlsx": notRead("~$商务委.xlsx", ignoredReport("~$商务委.xlsx")),
};


const filesNamed = (...names: string[]) => names.map((name, index) => new File([new Uint8Array(1000 + index)], name, { lastModified: index }));

beforeEach(() => {
  window.localStorage.clear();
  readReturnFiles.mockReset();
});

async function pickAndCheck(...names: string[]) {
  const campaign = { start: "2024-04-20", end: "2024-04-26" };
  const pane = await renderPane(new FakeFilesHost({ settings: { campaign, roster: [] } }), "check");
  expect(screen.queryByRole("button", { name: "检查当前工作表" })).not.toBeInTheDocument();
  await pane.user.upload(screen.getByLabelText("要检查的文件"), filesNamed(...names));
  await pane.user.click(screen.getByRole("button", { name: "检查文件" }));
  return { ...pane, campaign };
}

const fileItems = () => {
  const list = screen.getByRole("list", { name: "各文件的检查结果" });
  return within(list).getAllByRole("listitem").filter((item) => item.parentElement === list);
};

describe("CheckSection on files", () => {
  it("checks picked files with the week and lists each file's status, unit and kind", async () => {
    readFromTable(returns);
    const { campaign } = await pickAndCheck("商务委.xlsx", "市公安局.xlsx", "会议纪要.xlsx", "坏文件.xlsx", "~$商务委.xlsx");
    expect(await screen.findByText("共检查 5 个文件，发现 5 处错误。")).toBeInTheDocument();
    expect(readReturnFiles).toHaveBeenCalledWith(expect.any(Array), { campaign }, expect.any(Function), expect.any(AbortSignal));
    const items = fileItems();
    expect(items.map((item) => within(item).getByRole("heading", { level: 3 }).textContent)).toEqual([
      "商务委.xlsx",
      "市公安局.xlsx",
      "会议纪要.xlsx",
      "坏文件.xlsx",
      "~$商务委.xlsx",
    ]);
    expect(items.map((item) => within(item).getByText(/^(通过|有错误|无法读取|不是活动表|已忽略)$/).textContent)).toEqual([
      "通过",
      "有错误",
      "不是活动表",
      "无法读取",
      "已忽略",
    ]);
    expect(items[0]).toHaveTextContent("附件1 市级层面 · 单位：上海市商务委员会 · 活动 2 条");
    expect(items[0]).toHaveTextContent("没有发现问题，共检查了 2 条活动。");
    expect(items[2]).toHaveTextContent("文件中没有找到活动安排表");
    expect(items[3]).toHaveTextContent("文件已损坏，无法打开");
    expect(items[4]).toHaveTextContent("临时文件或系统文件，未检查。");
    // The picked list is cleared, ready for the corrected files.
    expect(within(screen.getByRole("tabpanel", { name: "校验" })).getByText(/还没有选择文件/)).toBeInTheDocument();
  });

  it("groups a file's problems by row, cell by cell, with nothing to click (no workbook to jump into)", async () => {
    readFromTable(returns);
    await pickAndCheck("市公安局.xlsx");
    const problems = await screen.findByRole("region", { name: "市公安局.xlsx 的问题" });
    expect(within(problems).getAllByRole("heading", { level: 4 }).map((heading) => heading.textContent)).toEqual([
      "第 5 行  重点活动：专利巡回讲座",
      "第 6 行  重点活动：商标品牌展",
    ]);
    const row5 = within(problems).getByRole("list", { name: /^第 5 行 +重点活动：专利巡回讲座$/ });
    expect(within(row5).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "错误C5：活动时间“4月27日”不在宣传周（4月20日至26日）内，请改为宣传周内的日期。",
      "错误G5：联系人“王斌”缺少联系电话，请在姓名后写上手机或座机号码，如：王斌 021-23110863。",
    ]);
    expect(within(problems).queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows progress file by file and stops when cancelled", async () => {
    let next = () => {};
    readFromTable(returns, () => new Promise<void>((resolve) => (next = resolve)));
    const { user, status } = await pickAndCheck("商务委.xlsx", "市公安局.xlsx");
    expect(await screen.findByText("正在读取 1/2：商务委.xlsx")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查文件" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "取消" }));
    next();
    await waitFor(() => expect(status()).toHaveTextContent("已取消检查。"));
    expect(screen.queryByRole("list", { name: "各文件的检查结果" })).not.toBeInTheDocument();
    expect(screen.getByRole("list", { name: "已选择 2 个文件" })).toBeInTheDocument();
  });
});
