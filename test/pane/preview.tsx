/**
 * A preview of the pane outside Excel: the real App on the in-memory FakeHost, for looking at it in a browser
 * (screenshots at 320 px). Not part of the add-in. Bundle it with esbuild, e.g.
 *   npx esbuild test/pane/preview.tsx --bundle --format=esm --splitting --outdir=/tmp/pane-preview \
 *     --define:process.env.NODE_ENV='"production"'
 * and serve that folder with test/pane/preview.html. `?tab=check` opens a tab; `?host=files` shows the pane
 * outside Excel, working on files; `?host=none` shows it when Excel could not be reached; `?check=1` runs the
 * check at once.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { cityRow, citySheet } from "../support/sheets";
import { FakeFilesHost } from "./fakeFilesHost";
import { FakeHost } from "./fakeHost";

const params = new URLSearchParams(window.location.search);
window.localStorage.setItem("huizong.pane.tab", params.get("tab") ?? "template");

const host = new FakeHost({
  delayMs: 400,
  settings: {
    campaign: { start: "2024-04-20", end: "2024-04-26" },
    roster: [
      { name: "上海市市场监督管理局", aliases: ["市市场监管局"] },
      { name: "上海海关", aliases: [] },
      { name: "上海市科学技术委员会", aliases: ["市科委"] },
      { name: "上海市公安局", aliases: [] },
      { name: "上海市文化和旅游局", aliases: ["市文旅局"] },
      { name: "上海市商务委员会", aliases: ["市商务委", "商务委"] },
      { name: "上海市农业农村委员会", aliases: [] },
      { name: "上海市版权局", aliases: [] },
    ],
  },
  activeSheet: citySheet(
    [
      cityRow({ 重点活动名称: "2024年知识产权宣传周启动仪式暨知识产权保护高质量发展论坛" }),
      cityRow({ 重点活动名称: "专利巡回讲座", 活动时间: "4月27日", 联系人: "王斌" }),
      cityRow({ 重点活动名称: "商标品牌展", "活动规模（人数）": "若干" }),
      cityRow({ 重点活动名称: "", 活动时间: "4月下旬", 联系人: "李晴 021-6218xxxx" }),
    ],
    "",
  ),
});

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={params.get("host") === "none" ? undefined : params.get("host") === "files" ? new FakeFilesHost({ delayMs: 400, settings: host.settings }) : host} />
    </FluentProvider>,
  );
}
