/** @jest-environment jsdom */
import "../../test/pane/domSetup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import { HostError } from "../host/workbookHost";
import { FakeFilesHost } from "../../test/pane/fakeFilesHost";
import { FakeHost } from "../../test/pane/fakeHost";
import { renderPane } from "../../test/pane/renderPane";
import { App } from "./App";

beforeEach(() => window.localStorage.clear());

describe("App", () => {
  it("shows the title, the workbook's week and the four tabs, loading the settings once", async () => {
    const host = new FakeHost({ settings: { campaign: { start: "2025-04-20", end: "2025-04-26" }, roster: [] } });
    await renderPane(host, "template");
    expect(screen.getByRole("heading", { level: 1, name: "汇总 · 知识产权宣传周" })).toBeInTheDocument();
    expect(screen.getByText("宣传周：2025年4月20日至26日")).toBeInTheDocument();
    const tabs = within(screen.getByRole("tablist", { name: "功能" })).getAllByRole("tab");
    expect(tabs).toEqual(["模板", "校验", "汇总", "设置"].map((name) => screen.getByRole("tab", { name })));
    expect(host.callsOf("loadSettings")).toHaveLength(1);
  });

  it("remembers the last tab used", async () => {
    const host = new FakeHost();
    const { user, view } = await renderPane(host, "template");
    await user.click(screen.getByRole("tab", { name: "设置" }));
    expect(screen.getByRole("tab", { name: "设置" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "设置" })).toBeVisible();
    view.unmount();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} />
      </FluentProvider>,
    );
    expect(await screen.findByRole("tab", { name: "设置" })).toHaveAttribute("aria-selected", "true");
  });

  it("opens the first tab when storage holds nonsense or refuses to be read", async () => {
    window.localStorage.setItem("huizong.pane.tab", "<script>");
    const first = render(
      <FluentProvider theme={webLightTheme}>
        <App host={new FakeHost()} />
      </FluentProvider>,
    );
    expect(await screen.findByRole("tab", { name: "模板" })).toHaveAttribute("aria-selected", "true");
    first.unmount();

    const getItem = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={new FakeHost()} />
      </FluentProvider>,
    );
    expect(await screen.findByRole("tab", { name: "模板" })).toHaveAttribute("aria-selected", "true");
    getItem.mockRestore();
  });

  it("outside Excel works on files and says so in one line at the top, with the browser's week and all four tabs", async () => {
    const host = new FakeFilesHost({ settings: { campaign: { start: "2025-04-20", end: "2025-04-26" }, roster: [] } });
    await renderPane(host, "template");
    expect(screen.getByText("未在 Excel 中运行：在浏览器中处理文件，文件不会上传")).toBeInTheDocument();
    expect(screen.getByText("宣传周：2025年4月20日至26日")).toBeInTheDocument();
    expect(within(screen.getByRole("tablist", { name: "功能" })).getAllByRole("tab")).toHaveLength(4);
    expect(screen.queryByRole("button", { name: "插入到当前工作簿" })).not.toBeInTheDocument();
  });

  it("says so when Excel was there but could not be reached, and offers no workbook actions", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={undefined} />
      </FluentProvider>,
    );
    expect(screen.getByText(/^未能连接到 Excel/)).toBeInTheDocument();
    expect(screen.queryByText(/未在 Excel 中运行/)).not.toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("works with the default week when the workbook's settings cannot be read, and says why in Chinese", async () => {
    const host = new FakeHost({ settings: { campaign: { start: "2025-04-20", end: "2025-04-26" }, roster: [] } });
    host.failNext("loadSettings", new HostError("api-unsupported", "ExcelApi 1.4 missing"));
    await renderPane(host, "template");
    expect(screen.getByText("宣传周：2024年4月20日至26日")).toBeInTheDocument();
    const status = screen.getByRole("status");
    await waitFor(() => expect(status).toHaveTextContent("未能读取工作簿中保存的设置，暂按默认宣传周处理。这个版本的 Excel 不支持这项操作"));
    expect(status).not.toHaveTextContent("ExcelApi");
  });

  it("lets the clerk dismiss a message", async () => {
    const host = new FakeHost();
    host.failNext("loadSettings");
    const { user, status } = await renderPane(host, "template");
    await waitFor(() => expect(status()).toHaveTextContent("操作没有完成"));
    await user.click(screen.getByRole("button", { name: "关闭提示" }));
    expect(status()).toBeEmptyDOMElement();
  });
});
