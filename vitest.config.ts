import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 60_000,
    // Both cores: vitest's default leaves one free, which on a 2-core machine runs the files
    // one at a time.
    maxWorkers: 2,
    // Test files share a worker's module cache: the library, zod and mathjs load once per
    // worker instead of once per file (imports were a third of the suite's time).
    isolate: false,
  },
});
