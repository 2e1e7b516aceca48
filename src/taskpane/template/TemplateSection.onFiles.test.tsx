/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { screen, waitFor } from "@testing-library/react";
import { HostError } from "../../host/workbookHost";
import { FakeFilesHost } from "../../../test/pane/fakeFilesHost";
import { renderPane } from "../../../test/pane/renderPane";

const week = { start: "2025-04-19", end: "2025-04-25" };
const roster = [
  { name: "上海市商务委员会", aliases: ["市商务委"] },
  { name: "上海海关", aliases: [] },
];

beforeEach(() => window.localStorage.clear());

describe("TemplateSection on files", () => {
  it("downloads 附件2 with the unit filled in, and offers nothing that needs a workbook", async () => {
    const host = new FakeFilesHost({ settings: { campaign: week, roster: [] } });
    const { user, status } = await renderPane(host, "template");
    expect(screen.queryByRole("button", { name: "插入到当前工作簿" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "新建模板工作簿" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /为名单中每个单位生成模板/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "附件2 区级层面" }));
    await user.type(screen.getByRole("textbox", { name: /单位名称/ }), " 浦东新区知识产权局 ");
    await user.click(screen.getByRole("button", { name: "下载模板" }));
    await waitFor(() => expect(status()).toHaveTextContent("已下载模板“附件2-浦东新区知识产权局.xlsx”，可直接发送给填报单位。"));
    expect(host.callsOf("downloadTemplate")).toEqual([[{ kind: "district", campaign: week, unit: "浦东新区知识产权局" }]]);
  });

  it("with a roster, makes one template per unit in a .zip", async () => {
    const host = new FakeFilesHost({ settings: { campaign: week, roster } });
    const { user, status } = await renderPane(host, "template");
    await user.click(screen.getByRole("button", { name: "为名单中每个单位生成模板 (.zip)" }));
    await waitFor(() => expect(status()).toHaveTextContent("已下载“附件1-各单位.zip”：内含 2 个单位的模板，单位名称均已填好。"));
    expect(host.callsOf("downloadRosterTemplates")).toEqual([[{ kind: "city", campaign: week }, ["上海市商务委员会", "上海海关"]]]);
  });

  it("disables both buttons while the file is made, and shows a spinner", async () => {
    const host = new FakeFilesHost({ settings: { campaign: week, roster } });
    const release = host.hold("downloadRosterTemplates");
    const { user } = await renderPane(host, "template");
    await user.click(screen.getByRole("button", { name: "为名单中每个单位生成模板 (.zip)" }));
    expect(screen.getByText("正在为名单中的每个单位生成模板…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "下载模板" })).toHaveAttribute("aria-disabled", "true");
    release();
    await waitFor(() => expect(screen.getByRole("button", { name: "下载模板" })).not.toHaveAttribute("aria-disabled", "true"));
  });

  it("turns a failure into a Chinese sentence", async () => {
    const host = new FakeFilesHost();
    host.failNext("downloadTemplate", new HostError("unknown", "exceljs exploded"));
    const { user, status } = await renderPane(host, "template");
    await user.click(screen.getByRole("button", { name: "下载模板" }));
    await waitFor(() => expect(status()).toHaveTextContent("操作没有完成"));
    expect(status()).not.toHaveTextContent("exceljs");
  });
});
