import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

// Every example runs in the tests, so none can rot. They start together (each is mostly tsx
// start-up) and the tests read their outputs.
const SCRIPTS = ["levers.ts", "capacity-plan.ts", "site-year.ts", "cite-a-bound.ts", "evaluate-default.ts"];
const outputs = new Map<string, string>();
beforeAll(async () => {
  const runOne = async (name: string) => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", fileURLToPath(new URL(name, import.meta.url))], { encoding: "utf8" });
    outputs.set(name, stdout);
  };
  await Promise.all(SCRIPTS.map(runOne));
}, 60_000);
const run = (name: string): string => outputs.get(name) ?? "";

describe("examples", () => {
  it("levers.ts ranks levers on a power-bound site", () => {
    const out = run("levers.ts");
    expect(out).toContain("baseline binds on: facility-power");
    expect(out).toMatch(/most tokens per day at unchanged quality: \S+/);
  });
  it("capacity-plan.ts sizes a B200 fleet for 1M tokens/s", () => {
    const out = run("capacity-plan.ts");
    expect(out).toMatch(/B200 accelerators: \d+/);
    expect(out).toMatch(/power at the meter: [\d.]+ MW/);
  });
  it("site-year.ts integrates a year of hours", () => {
    expect(run("site-year.ts")).toMatch(/energy at the meter: \d+ MWh/);
  });
  it("cite-a-bound.ts prints a LaTeX card", () => {
    const out = run("cite-a-bound.ts");
    expect(out).toContain("\\begin{table}");
    expect(out).toContain("\\toprule");
  });
  it("evaluate-default.ts prints the binding stave", () => {
    expect(run("evaluate-default.ts")).toMatch(/bound \d+ tokens\/s \(memory-bandwidth\)/);
  });
});
