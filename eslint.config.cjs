// @ts-check
// CommonJS so that the boundary test can load this very config under Jest.
const js = require("@eslint/js");
const globals = require("globals");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");

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
  { ignores: ["node_modules/**", "dist/**", "coverage/**", "test/fixtures/generated/**", ".bench/**", "test-output/**", "build/**", ".cache/**"] },
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
    // The classic Office.js mistakes: sync in loops, reading before load and sync. The plugin's flat config leaves
    // the parser to the project, and its rules are extended here to .tsx.
    files: ["src/**/*.ts", "src/**/*.tsx", "test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts", "src/browser/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Only the Excel adapter may touch Excel or Office.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    // src/core has its own, stricter list above (a later block with the same rule would replace it).
    ignores: [
      "src/core/**",
      "src/excel/**",
      // The composition root and the ribbon's function file start Office; nothing else of theirs touches it.
      "src/taskpane/index.tsx",
      "src/taskpane/officeReady.ts",
      "src/commands/commands.ts",
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
    ],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "OfficeExtension"].map((name) => ({ name, message: "Only src/excel touches Excel and Office." })),
      ],
    },
  },
  {
    // The pane loads the spreadsheet libraries only when first needed: static imports of src/files and the
    // libraries are refused here, `await import(...)` is the way in (type-only imports are free).
    // src/browser (the files host) is part of the pane's first chunk too.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/browser/**/*.ts"],
    ignores: ["src/taskpane/**/*.test.ts", "src/taskpane/**/*.test.tsx", "src/browser/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@e965/xlsx", "xlsx", "exceljs", "fflate"], message: "Load spreadsheet libraries lazily.", allowTypeImports: true },
            { group: ["**/files/*"], message: "src/files pulls in the spreadsheet libraries: import it with await import().", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
