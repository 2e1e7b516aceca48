/**
 * @jest-environment jsdom
 */
// The add-in manifest: valid against Microsoft's XSDs (offline, xmllint), asks for ExcelApi 1.8, opens the pane from
// a button on the Home tab, speaks Chinese, and names only files that the production build puts in dist/.
// (jsdom for its namespace-aware XML DOMParser.)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BUILD_TIMEOUT_MS, ensureDist, root } from "./support/dist";

const OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1";
const OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const BASIC = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const DEV_URL = "https://localhost:3000/";
const schema = path.resolve(root, "../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");

const manifestFile = path.join(root, "manifest.xml");
const doc = new DOMParser().parseFromString(readFileSync(manifestFile, "utf8"), "application/xml");
const all = (ns: string, tag: string, from: Document | Element = doc) => Array.from(from.getElementsByTagNameNS(ns, tag));
const one = (ns: string, tag: string, from: Document | Element = doc) => {
  const found = all(ns, tag, from);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const child = (element: Element, tag: string) => Array.from(element.children).find((c) => c.localName === tag)!;
/** A resource's DefaultValue by its id (bt:Image, bt:Url, bt:String). */
const resource = (id: string) => doc.querySelector(`[id="${id}"]`)?.getAttribute("DefaultValue") ?? "";
const urlToFile = (url: string) => path.join(root, "dist", decodeURIComponent(new URL(url).pathname));
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

const hasXmllint = !spawnSync("xmllint", ["--version"]).error;
if (!hasXmllint && process.env.CI !== "true") {
  console.warn("\n*** xmllint not found: SKIPPING the manifest's schema check. Install it: apt-get install libxml2-utils (CI fails without it). ***\n");
}

beforeAll(() => ensureDist(), BUILD_TIMEOUT_MS);

describe("manifest.xml", () => {
  it("parses as XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
  });

  (hasXmllint || process.env.CI === "true" ? it : it.skip)("validates against the published XSDs, as written and as built", () => {
    expect(existsSync(schema)).toBe(true);
    for (const manifest of [manifestFile, path.join(root, "dist/manifest.xml")]) {
      const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, manifest], { encoding: "utf8" });
      if (run.error) throw new Error("xmllint is missing and CI=true: apt-get install libxml2-utils");
      expect(`${run.status} ${run.stderr}`).toBe(`0 ${manifest} validates\n`);
    }
  });

  it("requires ExcelApi 1.8, right after Hosts, for Excel only", () => {
    const requirements = one(OFFICE, "Requirements");
    expect(requirements.parentElement).toBe(doc.documentElement);
    expect(requirements.previousElementSibling?.localName).toBe("Hosts");
    expect(all(OFFICE, "Set", requirements).map((set) => `${set.getAttribute("Name")} ${set.getAttribute("MinVersion")}`)).toEqual(["ExcelApi 1.8"]);
    expect(all(OFFICE, "Host").map((host) => host.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(one(OFFICE, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("is in Chinese", () => {
    expect(one(OFFICE, "DefaultLocale").textContent).toBe("zh-CN");
    expect(one(OFFICE, "DisplayName").getAttribute("DefaultValue")).toBe("汇总 · 知识产权宣传周");
    expect(all(OFFICE, "Description")[0]?.getAttribute("DefaultValue")).toMatch(/^[\u4e00-\u9fff、]+/);
    for (const text of all(BASIC, "String")) expect(text.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
  });

  it("has a 汇总 button on the Home tab that opens the task pane", () => {
    const tab = one(OVERRIDES, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = one(OVERRIDES, "Group", tab);
    expect(resource(child(group, "Label").getAttribute("resid")!)).toBe("汇总");
    const button = all(OVERRIDES, "Control", group).find((control) => control.getAttributeNS(XSI, "type") === "Button")!;
    expect(resource(child(button, "Label").getAttribute("resid")!)).toBe("汇总");
    const action = one(OVERRIDES, "Action", button);
    expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
    expect(one(OVERRIDES, "TaskpaneId", action).textContent).toBe("ButtonId1");
    expect(resource(one(OVERRIDES, "SourceLocation", action).getAttribute("resid")!)).toBe(`${DEV_URL}taskpane.html`);
    expect(resource(one(OVERRIDES, "FunctionFile").getAttribute("resid")!)).toBe(`${DEV_URL}commands.html`);
  });

  it("names only files of the production build, icons at their stated sizes", () => {
    const urls = Array.from(doc.querySelectorAll("[DefaultValue^='https://']"), (element) => element.getAttribute("DefaultValue")!);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL) ? url : `not served by npm start: ${url}`).toBe(url);
      expect(existsSync(urlToFile(url)) ? url : `missing in dist/: ${url}`).toBe(url);
    }
    expect(pngSize(urlToFile(one(OFFICE, "IconUrl").getAttribute("DefaultValue")!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(urlToFile(one(OFFICE, "HighResolutionIconUrl").getAttribute("DefaultValue")!))).toEqual({ width: 64, height: 64 });
    for (const image of all(BASIC, "Image").filter((element) => element.hasAttribute("size"))) {
      const size = Number(image.getAttribute("size"));
      expect(pngSize(urlToFile(resource(image.getAttribute("resid")!)))).toEqual({ width: size, height: size });
    }
  });

  it("points at pages that load office.js and their bundles", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = readFileSync(path.join(root, "dist", page), "utf8");
      expect(html).toMatch(/<script src="(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/|office-js\/)office\.js">/);
      const scripts = Array.from(html.matchAll(/<script defer="defer" src="([^"]+)"/g), (match) => match[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(existsSync(path.join(root, "dist", script))).toBe(true);
    }
    expect(readFileSync(path.join(root, "dist/taskpane.html"), "utf8")).toContain('<div id="container">');
  });
});
