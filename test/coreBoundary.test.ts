import { ESLint } from "eslint";
import path from "node:path";

/** The core's purity is a lint rule; this proves the rule bites, so a green lint means a pure core. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const projectConfig = require("../eslint.config.cjs");
const eslint = new ESLint({ cwd: path.resolve(__dirname, ".."), overrideConfigFile: true, overrideConfig: projectConfig });

async function lintCore(source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(__dirname, "../src/core/example.ts") });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("the src/core boundary", () => {
  it.each([
    ['import * as XLSX from "@e965/xlsx";\nexport const x = XLSX;'],
    ['import ExcelJS from "exceljs";\nexport const x = ExcelJS;'],
    ['import React from "react";\nexport const x = React;'],
    ['import { Button } from "@fluentui/react-components";\nexport const x = Button;'],
    ['import { readFileSync } from "node:fs";\nexport const x = readFileSync;'],
    ['import { readWorkbook } from "../files/readWorkbook";\nexport const x = readWorkbook;'],
  ])("rejects %s", async (source) => {
    expect(await lintCore(source)).toContain("no-restricted-imports");
  });

  it.each([["export const x = Excel.run;"], ["export const x = document.title;"], ["export const x = process.argv;"]])(
    "rejects the host global in %s",
    async (source) => {
      expect(await lintCore(source)).toContain("no-restricted-globals");
    },
  );

  it("accepts zod and the core's own modules", async () => {
    expect(await lintCore('import { z } from "zod";\nimport { cellRef } from "./rawSheet";\nexport const x = [z, cellRef];')).toEqual([]);
  });
});
