/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createFilesHost } from "../../browser/filesHost";
import { FakeFilesHost } from "../../../test/pane/fakeFilesHost";
import { renderPane } from "../../../test/pane/renderPane";
import { App } from "../App";

const year = new Date().getFullYear();
const thisYearsWeek = { start: `${year}-04-20`, end: `${year}-04-26` };

beforeEach(() => window.localStorage.clear());

const setDate = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("SettingsSection on files", () => {
  it("says the week and roster are kept in this browser, and that nothing is uploaded", async () => {
    const { user, status } = await renderPane(new FakeFilesHost({ settings: { campaign: thisYearsWeek, roster: [] } }), "settings");
    expect(screen.getByText("名单和宣传周保存在本浏览器中；换用其他电脑或浏览器时需要重新设置。")).toBeInTheDocument();
    expect(screen.queryByText(/报送情况”表/)).not.toBeInTheDocument();
    expect(screen.getByText("所有处理在本机完成，文件不会上传。")).toBeInTheDocument();
    setDate("结束日期", `${year}-04-27`);
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(status()).toHaveTextContent("已保存。宣传周和名单保存在本浏览器中。"));
  });

  it("keeps the saved week and roster in this browser for the next visit (the real files host)", async () => {
    const { user, view } = await renderPane(createFilesHost(), "settings");
    setDate("开始日期", `${year}-04-21`);
    setDate("结束日期", `${year}-04-27`);
    await user.type(screen.getByRole("textbox", { name: "单位名称" }), "上海海关");
    await user.click(screen.getByRole("button", { name: "添加" }));
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("已保存"));
    view.unmount();

    render(
      <FluentProvider theme={webLightTheme}>
        <App host={createFilesHost()} />
      </FluentProvider>,
    );
    expect(await screen.findByText(`宣传周：${year}年4月21日至27日`)).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "应报单位" })).getByRole("listitem")).toHaveTextContent("上海海关");
  });
});
