/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { HostError } from "../../host/workbookHost";
import { FakeHost } from "../../../test/pane/fakeHost";
import { renderPane } from "../../../test/pane/renderPane";
import { cityRow, citySheet, sheetOf } from "../../../test/support/sheets";

beforeEach(() => window.localStorage.clear());

/** Row 4 fine, row 5 two errors, row 6 fine, row 7 one error; 单位名称 missing. */
const sheetWithMistakes = () =>
  citySheet(
    [
      cityRow(),
      cityRow({ 重点活动名称: "专利巡回讲座", 活动时间: "4月27日", 联系人: "王斌" }),
      cityRow(),
      cityRow({ 重点活动名称: "商标品牌展", "活动规模（人数）": "若干" }),
    ],
    "",
  );

async function check(host: FakeHost) {
  const pane = await renderPane(host, "check");
  const run = screen.getByRole("button", { name: "检查当前工作表" });
  await pane.user.click(run);
  await waitFor(() => expect(run).not.toHaveAttribute("aria-disabled", "true"));
  await waitFor(() => expect(screen.queryByRole("region", { name: "发现的问题" }) ?? screen.queryByText(/表中没有|没有找到|未找到/)).not.toBeNull());
  return pane;
}

describe("CheckSection", () => {
  it("sums up what it found and lists the problems by row, table-level ones first", async () => {
    const host = new FakeHost({ activeSheet: sheetWithMistakes() });
    await check(host);
    expect(host.callsOf("checkActiveSheet")).toEqual([[{ start: "2024-04-20", end: "2024-04-26" }]]);
    expect(screen.getByText("发现 4 处错误，涉及 2 行")).toBeInTheDocument();
    expect(screen.getByText("工作表“Sheet1” · 附件1 市级层面 · 单位：（未填写） · 活动 4 条")).toBeInTheDocument();
    const region = screen.getByRole("region", { name: "发现的问题" });
    const headings = within(region).getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(["整张表", "第 5 行  重点活动：专利巡回讲座", "第 7 行  重点活动：商标品牌展"]);
    const row5 = within(region).getByRole("list", { name: /^第 5 行 +重点活动：专利巡回讲座$/ });
    expect(within(row5).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "错误C5：活动时间“4月27日”不在宣传周（4月20日至26日）内，请改为宣传周内的日期。",
      "错误G5：联系人“王斌”缺少联系电话，请在姓名后写上手机或座机号码，如：王斌 021-23110863。",
    ]);
  });

  it("selects a problem's cell when the clerk clicks it", async () => {
    const host = new FakeHost({ activeSheet: sheetWithMistakes() });
    const { user } = await check(host);
    await user.click(screen.getByRole("button", { name: /C5：活动时间/ }));
    expect(host.callsOf("selectCell")).toEqual([["Sheet1", "C5"]]);
    expect(screen.getByRole("button", { name: /C5：活动时间/ })).toHaveAttribute("title", "选中单元格 C5");
  });

  it("tells errors from warnings by word and icon, not only by colour", async () => {
    const host = new FakeHost({
      activeSheet: sheetOf([["2024年区知识产权联席会议重点活动安排表（区级层面）"], ["单位名称：浦东新区", "填表时间：下周"], ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动内容", "出席范围", "活动规模（参与人数）", "联系人"], ["浦东新区", "讲座", "4月22日", "浦东", "讲座", "公众", "100", "王斌 13812345678"]]),
    });
    await check(host);
    expect(screen.getByText("发现 1 处提醒")).toBeInTheDocument();
    // 填表时间 sits above the table: its issue goes with the table, not with an activity row.
    const region = screen.getByRole("region", { name: "发现的问题" });
    expect(within(region).getAllByRole("heading").map((heading) => heading.textContent)).toEqual(["整张表"]);
    const warning = within(region).getByRole("button", { name: /^提醒 ?填表时间“下周”不是日期/ });
    expect(within(warning).getByText("提醒")).toBeInTheDocument();
    expect(warning.querySelector("svg")).not.toBeNull();
  });

  it("clears the marks on the checked sheet and says how many", async () => {
    const host = new FakeHost({ activeSheet: sheetWithMistakes() });
    const { user, status } = await check(host);
    expect(screen.getByText("已在表中标出 4 个单元格（底色和批注）。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(status()).toHaveTextContent("已清除 4 个单元格的标记。"));
    expect(host.callsOf("clearMarks")).toEqual([["Sheet1"]]);
  });

  it("clears marks left on the active sheet before any check, e.g. from an earlier day", async () => {
    const host = new FakeHost({ activeSheet: sheetWithMistakes() });
    const { user, status } = await renderPane(host, "check");
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(status()).toHaveTextContent("表中没有需要清除的标记。"));
    expect(host.callsOf("clearMarks")).toEqual([[undefined]]);
  });

  it("refreshes the list when checked again", async () => {
    const host = new FakeHost({ activeSheet: sheetWithMistakes() });
    const { user } = await check(host);
    host.activeSheet = citySheet([cityRow(), cityRow(), cityRow()]);
    await user.click(screen.getByRole("button", { name: "检查当前工作表" }));
    expect(await screen.findByText(/表中没有发现问题。/)).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "发现的问题" })).not.toBeInTheDocument();
  });

  it("says there is nothing wrong, with the number of activities it checked", async () => {
    const host = new FakeHost({ activeSheet: citySheet([cityRow(), cityRow(), cityRow()]) });
    await check(host);
    expect(screen.getByText("表中没有发现问题。共检查了 3 条活动。")).toBeInTheDocument();
  });

  it("explains what to do when the sheet holds no activity table", async () => {
    const host = new FakeHost({ activeSheet: sheetOf([["会议纪要"], ["各单位："]], { name: "说明" }) });
    await check(host);
    expect(screen.getByText(/工作表“说明”中没有找到活动安排表.*请切换到单位报回的活动表后再检查/)).toBeInTheDocument();
  });

  it("shows that it is busy and disables its buttons", async () => {
    const host = new FakeHost();
    const release = host.hold("checkActiveSheet");
    const { user } = await renderPane(host, "check");
    await user.click(screen.getByRole("button", { name: "检查当前工作表" }));
    expect(screen.getByText("正在检查…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查当前工作表" })).toHaveAttribute("aria-disabled", "true");
    release();
    expect(await screen.findByText(/表中没有发现问题/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查当前工作表" })).not.toHaveAttribute("aria-disabled", "true");
  });

  it("says in Chinese when Excel is busy editing a cell", async () => {
    const host = new FakeHost();
    host.failNext("checkActiveSheet", new HostError("busy-editing", "InvalidOperationInCellEditMode"));
    const { user, status } = await renderPane(host, "check");
    await user.click(screen.getByRole("button", { name: "检查当前工作表" }));
    await waitFor(() => expect(status()).toHaveTextContent("Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点一次。"));
    expect(status()).not.toHaveTextContent("InvalidOperation");
  });
});
