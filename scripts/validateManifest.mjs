// `npm run validate`: the offline manifest check. xmllint validates manifest.xml (and dist/manifest.xml, as built)
// against Microsoft's published XSDs in ../shared/schemas, then every https://localhost:3000/ URL in manifest.xml
// must name a file of the production build in dist/.
// The online check against Microsoft's current service: npx office-addin-manifest validate manifest.xml
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const schema = path.resolve(root, "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
const DEV_URL = "https://localhost:3000/";

/** Runs xmllint on one manifest: undefined when valid, else its complaint. Throws when xmllint is missing. */
export function xsdErrors(manifest) {
  const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, manifest], { encoding: "utf8" });
  if (result.error?.code === "ENOENT") throw new Error("xmllint is missing: apt-get install libxml2-utils");
  return result.status === 0 ? undefined : (result.stderr || result.stdout).trim();
}

/** Every https URL in the manifest, comments left out. */
export const manifestUrls = (xml) => [...new Set(xml.replace(/<!--[\s\S]*?-->/g, "").match(/https:\/\/[^"'<>\s]+/g) ?? [])];

/** The URLs under https://localhost:3000/ that name no file in dist/. */
export function missingInDist(xml, dist = path.join(root, "dist")) {
  return manifestUrls(xml)
    .filter((url) => url.startsWith(DEV_URL))
    .filter((url) => {
      const file = path.join(dist, decodeURIComponent(new URL(url).pathname));
      return !(existsSync(file) && statSync(file).isFile());
    });
}

function main() {
  const problems = [];
  if (!existsSync(schema)) problems.push(`schema not found: ${schema} (the shared/ folder must sit beside this repository)`);
  const manifests = [path.join(root, "manifest.xml"), path.join(root, "dist", "manifest.xml")].filter((f) => existsSync(f));
  for (const manifest of problems.length ? [] : manifests) {
    const errors = xsdErrors(manifest);
    if (errors) problems.push(`${path.relative(root, manifest)} does not match the schema:\n${errors}`);
  }
  if (!existsSync(path.join(root, "dist", "taskpane.html"))) {
    problems.push("dist/ has no build: run `npm run build` first, then validate again");
  } else {
    const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
    for (const url of manifestUrls(xml)) if (!url.startsWith(DEV_URL)) console.log(`not checked (not served from dist/): ${url}`);
    for (const url of missingInDist(xml)) problems.push(`manifest.xml names ${url}, but dist/ has no such file`);
  }
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  console.log(`manifest valid: ${manifests.map((f) => path.relative(root, f)).join(", ")}; every URL is in dist/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
