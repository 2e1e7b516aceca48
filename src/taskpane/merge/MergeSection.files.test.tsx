/** @jest-environment jsdom */
import "../../../test/pane/domSetup";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, waitFor, within } from "@testing-library/react";
import { FakeHost } from "../../../test/pane/fakeHost";
import { renderPane } from "../../../test/pane/renderPane";

/** The whole way from picked files to the report, with the real reader loaded lazily and real returned files. */
const fixture = (name: string) =>
  new File([readFileSync(join(__dirname, "../../../test/fixtures/returns", name))], name, { lastModified: 1_700_000_000_000 });

beforeEach(() => window.localStorage.clear());

describe("MergeSection with real returned files", () => {
  it("reads, merges and reports each file the way the command line does", async () => {
    const roster = [
      { name: "上海市市场监督管理局", aliases: ["市市场监管局"] },
      { name: "上海市科学技术委员会", aliases: ["市科委"] },
      { name: "上海海关", aliases: [] },
    ];
    const host = new FakeHost({ settings: { campaign: { start: "2024-04-20", end: "2024-04-26" }, roster } });
    const { user, status } = await renderPane(host, "merge");
    const names = ["01-city-clean.xlsx", "07-city-typical-mistakes.xlsx", "14-not-a-template.xlsx", "15-corrupt-truncated.xlsx", "~$01-city-clean.xlsx"];
    await user.upload(screen.getByLabelText("报回文件"), names.map(fixture));
    await user.click(screen.getByRole("button", { name: "合并到汇总表" }));

    await waitFor(() => expect(status()).toHaveTextContent("已合并：写入 19 条活动"), { timeout: 20_000 });
    const files = screen.getByRole("list", { name: "各文件的结果" });
    const items = within(files).getAllByRole("listitem").filter((item) => item.parentElement === files);
    expect(items.map((item) => within(item).getByText(/^(新增|替换|被取代|拒收|已忽略)$/).textContent)).toEqual(["新增", "新增", "拒收", "拒收", "已忽略"]);
    expect(items[1]).toHaveTextContent("上海市科学技术委员会 · 活动 16 条");
    const report = screen.getByRole("region", { name: "报送情况" });
    expect(within(report).getAllByRole("heading", { level: 4 }).map((heading) => heading.textContent)).toEqual([
      "未报送（1 个）",
      "有错误（1 个）",
      "已报送（1 个）",
    ]);
  });
});
