import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    core: "src/core.ts",
    "units/index": "src/units/index.ts",
    "cli/main": "src/cli/main.ts",
    "testing/index": "src/testing/index.ts",
  },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", core: "src/core.ts", "units/index": "src/units/index.ts", "testing/index": "src/testing/index.ts" } },
  clean: true,
  sourcemap: false,
  target: "node20",
  splitting: false,
  treeshake: true,
  // import.meta.url in the CJS build (the CLI starts its sweep workers from its own file).
  shims: true,
});
