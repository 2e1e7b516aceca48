/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HostError } from "../../host/workbookHost";
import { FakeHost } from "../../../test/pane/fakeHost";
import { renderPane } from "../../../test/pane/renderPane";

const year = new Date().getFullYear();
const thisYearsWeek = { start: `${year}-04-20`, end: `${year}-04-26` };
const roster = [{ name: "上海市商务委员会", aliases: ["市商务委"] }];

beforeEach(() => window.localStorage.clear());

const setDate = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("SettingsSection", () => {
  it("shows the workbook's week and roster", async () => {
    await renderPane(new FakeHost({ settings: { campaign: thisYearsWeek, roster } }), "settings");
    expect(screen.getByLabelText("开始日期")).toHaveValue(thisYearsWeek.start);
    expect(screen.getByLabelText("结束日期")).toHaveValue(thisYearsWeek.end);
    const list = screen.getByRole("list", { name: "应报单位" });
    expect(within(list).getByRole("listitem")).toHaveTextContent("上海市商务委员会别名：市商务委");
    expect(screen.getByText("名单保存在工作簿的“报送情况”表，命令行合并时也会使用。")).toBeInTheDocument();
    expect(screen.getByText("所有处理在本机完成，文件不会上传。")).toBeInTheDocument();
    expect(screen.getByText(/^汇总 Huizong \d+\.\d+\.\d+$/)).toBeInTheDocument();
  });

  it("checks the dates with the core's schema, inline, and will not save a wrong week", async () => {
    await renderPane(new FakeHost({ settings: { campaign: thisYearsWeek, roster } }), "settings");
    setDate("开始日期", "");
    expect(screen.getByText("日期须写作 YYYY-MM-DD，且是真实存在的日期")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "保存" })).toBeDisabled();
    setDate("开始日期", `${year}-04-28`);
    expect(screen.getByText("开始日期不能晚于结束日期")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "保存" })).toBeDisabled();
  });

  it("warns, without refusing, when the week is not seven days or not this year", async () => {
    await renderPane(new FakeHost({ settings: { campaign: thisYearsWeek, roster } }), "settings");
    expect(screen.queryByText(/宣传周通常为 7 天/)).not.toBeInTheDocument();
    setDate("结束日期", `${year}-04-24`);
    expect(screen.getByText("宣传周通常为 7 天，现在是 5 天，请确认。")).toBeInTheDocument();
    setDate("开始日期", "2024-04-20");
    setDate("结束日期", "2024-04-26");
    expect(screen.getByText(`宣传周不在今年（${year}年），请确认年份。`)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "保存" })).toBeEnabled();
  });

  it("adds a unit with aliases, refuses a unit it already knows, and removes one", async () => {
    const { user } = await renderPane(new FakeHost({ settings: { campaign: thisYearsWeek, roster } }), "settings");
    await user.type(screen.getByRole("textbox", { name: "单位名称" }), "上海海关");
    await user.type(screen.getByRole("textbox", { name: /别名/ }), "海关，上海海关办公室");
    await user.click(screen.getByRole("button", { name: "添加" }));
    const list = screen.getByRole("list", { name: "应报单位" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "上海市商务委员会别名：市商务委",
      "上海海关别名：海关、上海海关办公室",
    ]);
    expect(screen.getByRole("textbox", { name: "单位名称" })).toHaveValue("");
    expect(screen.getByText("有尚未保存的更改。")).toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: "单位名称" }), "市商务委{Enter}");
    expect(screen.getByText("名单中已有这个单位。")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "删除 上海市商务委员会" }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
  });

  it("saves the week and roster to the workbook, and the pane uses the new week", async () => {
    const host = new FakeHost({ settings: { campaign: thisYearsWeek, roster: [] } });
    const { user, status } = await renderPane(host, "settings");
    setDate("开始日期", `${year}-04-19`);
    setDate("结束日期", `${year}-04-25`);
    await user.type(screen.getByRole("textbox", { name: "单位名称" }), "上海海关{Enter}");
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(status()).toHaveTextContent("已保存。名单保存在工作簿的“报送情况”表，命令行合并时也会使用。"));
    expect(host.callsOf("saveSettings")).toEqual([
      [{ campaign: { start: `${year}-04-19`, end: `${year}-04-25` }, roster: [{ name: "上海海关", aliases: [] }] }],
    ]);
    expect(screen.getByText(`宣传周：${year}年4月19日至25日`)).toBeInTheDocument();
    expect(screen.queryByText("有尚未保存的更改。")).not.toBeInTheDocument();
  });

  it("imports a roster file with the real reader, replacing the list until saved", async () => {
    const host = new FakeHost({ settings: { campaign: thisYearsWeek, roster } });
    const { user, status } = await renderPane(host, "settings");
    const text = "单位名称\n上海市知识产权局,市知识产权局\n上海海关\n\n";
    await user.upload(screen.getByLabelText("名单文件"), new File([text], "名单.txt", { type: "text/plain" }));
    await waitFor(() => expect(status()).toHaveTextContent("已从“名单.txt”导入 2 个单位，替换了原来的名单。请点“保存”。"));
    const list = screen.getByRole("list", { name: "应报单位" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "上海市知识产权局别名：市知识产权局",
      "上海海关",
    ]);
    expect(host.callsOf("saveSettings")).toEqual([]);
  });

  it("says so when a roster file holds no units", async () => {
    const { user, status } = await renderPane(new FakeHost(), "settings");
    await user.upload(screen.getByLabelText("名单文件"), new File(["\n\n"], "空.txt"));
    await waitFor(() => expect(status()).toHaveTextContent("名单文件“空.txt”中没有单位：请每行写一个单位名称。"));
  });

  it("turns a failed save into a Chinese sentence and keeps the draft", async () => {
    const host = new FakeHost({ settings: { campaign: thisYearsWeek, roster } });
    host.failNext("saveSettings", new HostError("sheet-protected", "报送情况 is protected"));
    const { user, status } = await renderPane(host, "settings");
    setDate("结束日期", `${year}-04-27`);
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(status()).toHaveTextContent("工作表设有保护，无法写入"));
    expect(status()).not.toHaveTextContent("is protected");
    expect(screen.getByLabelText("结束日期")).toHaveValue(`${year}-04-27`);
    expect(screen.getByText("有尚未保存的更改。")).toBeInTheDocument();
  });
});
