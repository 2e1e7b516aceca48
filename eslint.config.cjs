// @ts-check
// CommonJS so that the boundary test can load this very config under Jest.
const js = require("@eslint/js");
const globals = require("globals");
const tseslint = require("typescript-eslint");

/** Libraries that belong to an adapter or a front door, never to the pure core. */
const adapterOnlyModules = [
  { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core is pure: UI lives in src/taskpane." },
  { group: ["@e965/xlsx", "xlsx", "exceljs", "fflate", "jszip"], message: "src/core is pure: spreadsheet libraries live in src/files." },
  { group: ["office-js", "@microsoft/office-js", "office-addin-*"], message: "src/core is pure: Office lives in src/excel." },
  { group: ["node:*", "fs", "path", "os", "child_process", "worker_threads", "process"], message: "src/core is pure: no Node APIs." },
  { group: ["commander"], message: "src/core is pure: the CLI lives in src/cli." },
  { group: ["../files/*", "../cli/*", "../taskpane/*", "../excel/*", "../../files/*", "../../cli/*", "../../taskpane/*", "../../excel/*"], message: "src/core must not depend on adapters or front doors." },
];

module.exports = tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "coverage/**", "test/fixtures/generated/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      "no-restricted-imports": ["error", { patterns: adapterOnlyModules }],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "fetch", "XMLHttpRequest", "Excel", "Office", "OfficeExtension", "process", "Buffer", "require", "__dirname"].map(
          (name) => ({ name, message: "src/core is pure: hosts, the DOM and Node belong to adapters." }),
        ),
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
