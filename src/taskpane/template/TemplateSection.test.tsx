/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { screen, waitFor } from "@testing-library/react";
import { HostError } from "../../host/workbookHost";
import { FakeHost } from "../../../test/pane/fakeHost";
import { renderPane } from "../../../test/pane/renderPane";

const week = { start: "2025-04-19", end: "2025-04-25" };

beforeEach(() => window.localStorage.clear());

describe("TemplateSection", () => {
  it("inserts 附件1 with the workbook's week and says which sheet it made", async () => {
    const host = new FakeHost({ settings: { campaign: week, roster: [] } });
    const { user, status } = await renderPane(host, "template");
    expect(screen.getByRole("radio", { name: "附件1 市级层面" })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "插入到当前工作簿" }));
    await waitFor(() => expect(status()).toHaveTextContent("已插入 附件1 模板（工作表“附件1 市级层面”），可直接发送给填报单位。"));
    expect(host.callsOf("insertTemplate")).toEqual([[{ kind: "city", campaign: week, unit: undefined }]]);
  });

  it("opens 附件2 as a new workbook with the unit filled in", async () => {
    const host = new FakeHost();
    const { user, status } = await renderPane(host, "template");
    await user.click(screen.getByRole("radio", { name: "附件2 区级层面" }));
    await user.type(screen.getByRole("textbox", { name: /单位名称/ }), "  浦东新区知识产权局 ");
    await user.click(screen.getByRole("button", { name: "新建模板工作簿" }));
    await waitFor(() => expect(status()).toHaveTextContent("已新建 附件2 模板工作簿"));
    expect(host.callsOf("openTemplateWorkbook")).toEqual([
      [{ kind: "district", campaign: { start: "2024-04-20", end: "2024-04-26" }, unit: "浦东新区知识产权局" }],
    ]);
  });

  it("offers the roster's units and still takes any other name", async () => {
    const roster = [
      { name: "上海市商务委员会", aliases: ["市商务委"] },
      { name: "上海海关", aliases: [] },
    ];
    const host = new FakeHost({ settings: { campaign: week, roster } });
    const { user } = await renderPane(host, "template");
    const unit = screen.getByRole("combobox", { name: /单位名称/ });
    await user.click(unit);
    await user.click(await screen.findByRole("option", { name: "上海海关" }));
    expect(unit).toHaveValue("上海海关");
    await user.click(screen.getByRole("button", { name: "插入到当前工作簿" }));
    await waitFor(() => expect(host.callsOf("insertTemplate")).toHaveLength(1));
    expect(host.callsOf("insertTemplate")[0]?.[0]).toMatchObject({ unit: "上海海关" });

    await user.clear(unit);
    await user.type(unit, "上海市知识产权局");
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "插入到当前工作簿" }));
    await waitFor(() => expect(host.callsOf("insertTemplate")).toHaveLength(2));
    expect(host.callsOf("insertTemplate")[1]?.[0]).toMatchObject({ unit: "上海市知识产权局" });
  });

  it("disables both buttons while Excel works, and shows a spinner", async () => {
    const host = new FakeHost();
    const release = host.hold("insertTemplate");
    const { user } = await renderPane(host, "template");
    await user.click(screen.getByRole("button", { name: "插入到当前工作簿" }));
    expect(screen.getByText("正在插入模板…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "插入到当前工作簿" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "新建模板工作簿" })).toHaveAttribute("aria-disabled", "true");
    release();
    await waitFor(() => expect(screen.getByRole("button", { name: "新建模板工作簿" })).not.toHaveAttribute("aria-disabled", "true"));
  });

  it("turns a host failure into a Chinese sentence, never the error's own text", async () => {
    const host = new FakeHost();
    host.failNext("insertTemplate", new HostError("sheet-protected", "The sheet is protected (InvalidOperation)"));
    const { user, status } = await renderPane(host, "template");
    await user.click(screen.getByRole("button", { name: "插入到当前工作簿" }));
    await waitFor(() => expect(status()).toHaveTextContent("工作表设有保护，无法写入"));
    expect(status()).not.toHaveTextContent(/protected|InvalidOperation/);
  });
});
