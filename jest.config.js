/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // Type errors are the job of `npm run typecheck`; isolated transpiling keeps the suite fast on two cores.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", verbatimModuleSyntax: false, isolatedModules: true, jsx: "react-jsx" }, diagnostics: false }],
  },
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.cjs"],
};
