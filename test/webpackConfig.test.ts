// The build options that a production build would take long to prove: ADDIN_URL rewrites the manifest's URLs,
// OFFICE_JS=local serves office.js from dist/office-js/. Checked on the configuration webpack would run.
import type { Configuration } from "webpack";

type CopyPattern = { from: string; to: string; transform?: (content: Buffer) => Buffer | string };
type Config = (env: Record<string, string>, argv: { mode: string }) => Promise<Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, as webpack-cli expects.
const makeConfig = require("../webpack.config.js") as Config;

const copyPatterns = (config: Configuration) =>
  (config.plugins ?? []).flatMap((plugin) => ((plugin as { patterns?: CopyPattern[] }).patterns ?? []) as CopyPattern[]);
const officeJs = (config: Configuration) =>
  (config.plugins ?? []).map((plugin) => (plugin as { userOptions?: { templateParameters?: { officeJs?: string } } }).userOptions?.templateParameters?.officeJs).filter(Boolean);
const manifestText = '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/><Image DefaultValue="https://localhost:3000/assets/icon-16.png"/>';
const copiedManifest = (config: Configuration) => {
  const pattern = copyPatterns(config).find((p) => p.from === "manifest*.xml")!;
  return pattern.transform ? pattern.transform(Buffer.from(manifestText)).toString() : manifestText;
};

describe("webpack.config.js", () => {
  it("builds by default against Microsoft's CDN, the manifest unchanged", async () => {
    const config = await makeConfig({}, { mode: "production" });
    expect(officeJs(config)).toEqual(Array(2).fill("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"));
    expect(copyPatterns(config).some((p) => p.to === "office-js")).toBe(false);
    expect(copiedManifest(config)).toBe(manifestText);
    expect(config.output?.filename).toMatch(/\[contenthash/);
  });

  it("with ADDIN_URL, points the built manifest at the intranet server", async () => {
    const config = await makeConfig({ ADDIN_URL: "https://intranet.example/huizong" }, { mode: "production" });
    expect(copiedManifest(config)).toBe(
      '<SourceLocation DefaultValue="https://intranet.example/huizong/taskpane.html"/><Image DefaultValue="https://intranet.example/huizong/assets/icon-16.png"/>',
    );
    await expect(makeConfig({ ADDIN_URL: "http://intranet.example/" }, { mode: "production" })).rejects.toThrow(/https/);
  });

  it("with OFFICE_JS=local, copies office.js into dist/office-js/ and loads it from there", async () => {
    const config = await makeConfig({ OFFICE_JS: "local" }, { mode: "production" });
    expect(officeJs(config)).toEqual(["office-js/office.js", "office-js/office.js"]);
    expect(copyPatterns(config).find((p) => p.to === "office-js")?.from).toBe("node_modules/@microsoft/office-js/dist");
  });
});
