import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Imports the built package (npm test builds first), ESM and CJS, as a user would.
const dist = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const built = existsSync(dist("index.js"));

describe.runIf(built)("built entry points", () => {
  it("ESM: . and ./units", async () => {
    const root = await import(dist("index.js"));
    const units = await import(dist("units/index.js"));
    expect(typeof root.tpf).toBe("function");
    expect(typeof root.evaluate).toBe("function");
    expect(typeof units.parseQuantity).toBe("function");
    expect(root.tpf({ effectiveCompute: 1e15, flopPerToken: 1.4e11, facilityPower: 700, joulesPerToken: 0.39, utilization: 0.5 }).binding).toBe("energy");
  });
  it("CJS: . and ./units", () => {
    const require = createRequire(import.meta.url);
    const root = require(dist("index.cjs"));
    const units = require(dist("units/index.cjs"));
    expect(typeof root.parseScenario).toBe("function");
    expect(units.parseQuantity("1 kWh", units.energy)._tag).toBe("Right");
  });
  it("the tpf binary evaluates the default scenario", () => {
    const out = execFileSync(process.execPath, [dist("cli/main.cjs"), "evaluate", "--default", "--json"], { encoding: "utf8" });
    expect(JSON.parse(out).estimate.binding).toBeTypeOf("string");
  });
});
