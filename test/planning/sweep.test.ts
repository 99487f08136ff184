import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_DOCUMENT, evaluateMode, PARAMETERS, STAVE_NAMES, sweep, type Scenario } from "../../src/index.js";
import { resolve, scenarioDocument } from "../helpers/scenarios.js";
import { scenarioOf } from "../helpers/scenario.js";

const site = scenarioOf(DEFAULT_SCENARIO_DOCUMENT);
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

const checkAgainstEvaluate = (base: Scenario, grid: Record<string, number[]>, mode: "bound" | "estimate") => {
  const r = sweep(base, grid, { mode });
  if (E.isLeft(r)) throw new Error(r.left.message);
  const names = Object.keys(grid);
  for (let row = 0; row < r.right.rows; row++) {
    let s = base;
    for (const n of names) s = PARAMETERS[n]!.set(s, grid[n]![row]!);
    const e = evaluateMode(s, mode);
    expect(rel(r.right.outputTokensPerSecond[row]!, e.outputTokensPerSecond)).toBeLessThan(1e-12);
    expect(STAVE_NAMES[r.right.binding[row]!]).toBe(e.binding);
    expect(r.right.feasible[row]).toBe(e.feasible ? 1 : 0);
    if (e.feasible) expect(rel(r.right.joulesPerOutputToken[row]!, e.joulesPerOutputToken!.facility)).toBeLessThan(1e-12);
  }
  return r.right;
};

describe("sweep", () => {
  it("the fast path (site inputs only) equals evaluate row by row", () => {
    fc.assert(fc.property(
      scenarioDocument,
      fc.array(fc.tuple(fc.double({ min: 2, max: 8, noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 2, max: 8, noNaN: true })), { minLength: 1, maxLength: 20 }),
      fc.constantFrom("bound" as const, "estimate" as const),
      (doc, rows, mode) => {
        const s = resolve(doc);
        fc.pre(s !== undefined);
        const grid = {
          "facility.deliveredPower": rows.map((r) => 10 ** r[0]),
          "facility.pue": rows.map((r) => r[1]),
          utilization: rows.map((r) => r[2]),
          "facility.coolingCapacity": rows.map((r) => 10 ** r[3]),
        };
        expect(checkAgainstEvaluate(s!, grid, mode).fastPath).toBe(true);
      },
    ), { numRuns: 100 });
  });
  it("other inputs take the general path and still equal evaluate", () => {
    const result = checkAgainstEvaluate(site, { "workload.concurrency": [1, 8, 64, 512], "facility.pue": [1.1, 1.2, 1.3, 1.4] }, "estimate");
    expect(result.fastPath).toBe(false);
  });
  it("shards concatenate to the whole sweep", () => {
    const power = Float64Array.from({ length: 1000 }, (_, i) => 1e3 * (i + 1));
    const whole = sweep(site, { "facility.deliveredPower": power });
    if (E.isLeft(whole)) throw new Error(whole.left.message);
    const parts = [0, 1, 2].map((k) => {
      const start = Math.floor((k * 1000) / 3);
      const end = Math.floor(((k + 1) * 1000) / 3);
      const r = sweep(site, { "facility.deliveredPower": power }, { start, end });
      if (E.isLeft(r)) throw new Error(r.left.message);
      return Array.from(r.right.outputTokensPerSecond);
    });
    expect(parts.flat()).toEqual(Array.from(whole.right.outputTokensPerSecond));
  });
  it("bad grids are Left naming the cell", () => {
    const bad = sweep(site, { "facility.pue": [1.2, 0.9] });
    expect(E.isLeft(bad) && bad.left.message).toContain("grid.facility.pue.1: expected a ratio in [1, 10], got 0.9");
    expect(E.isLeft(sweep(site, { nope: [1] }))).toBe(true);
    expect(E.isLeft(sweep(site, { "facility.pue": [1.2], utilization: [0.5, 0.6] }))).toBe(true);
    expect(E.isLeft(sweep(site, { "facility.pue": [1.2] }, { start: 0, end: 5 }))).toBe(true);
  });
});
