import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "units/index": "src/units/index.ts",
    "cli/main": "src/cli/main.ts",
  },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", "units/index": "src/units/index.ts" } },
  clean: true,
  sourcemap: false,
  target: "node20",
  splitting: false,
  treeshake: true,
});
