import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { crossover, DEFAULT_SCENARIO_DOCUMENT, evaluateMode, operatingPoint, PARAMETERS, type Scenario } from "../../src/index.js";
import { resolve, scenarioDocument } from "../helpers/scenarios.js";
import { scenarioOf } from "../helpers/scenario.js";

const site = scenarioOf(DEFAULT_SCENARIO_DOCUMENT);
const bindingAt = (s: Scenario, name: string, x: number) => evaluateMode(PARAMETERS[name]!.set(s, x), "estimate").binding;

const found = (r: ReturnType<typeof crossover>) => {
  if (E.isLeft(r)) throw new Error(r.left.message);
  if (!r.right.found) throw new Error(`no crossover: ${r.right.binding}`);
  return r.right;
};

describe("crossover", () => {
  it("site power at which facility power starts to bind: P* = R_internal × e_IT × PUE (closed form)", () => {
    const c = found(crossover(site, "facility.deliveredPower", { low: 1e3, high: 1e7 }));
    const point = operatingPoint(site, "estimate");
    expect(c.method).toBe("closed-form");
    expect(c.value / (point.internalRate * point.itJoules! * site.facility.pue)).toBeCloseTo(1, 9);
    expect(c.before).toBe("facility-power");
    expect(bindingAt(site, "facility.deliveredPower", c.value * (1 - 1e-6))).toBe("facility-power");
    expect(bindingAt(site, "facility.deliveredPower", c.value * (1 + 1e-6))).toBe(c.after);
  });
  it("the PUE at which facility power starts to bind on a tight site", () => {
    const tight = PARAMETERS["facility.deliveredPower"]!.set(site, 8_000);
    const c = found(crossover(tight, "facility.pue", { low: 1, high: 3 }));
    expect(c.after).toBe("facility-power");
    expect(bindingAt(tight, "facility.pue", c.value * (1 - 1e-6))).toBe(c.before);
    expect(bindingAt(tight, "facility.pue", c.value * (1 + 1e-6))).toBe("facility-power");
  });
  it("the batch at which the decode roofline turns compute-bound (bound mode, bisection)", () => {
    // Short sequences, so weights (not KV) dominate the bytes and more batch pays off.
    const decode = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-8b", precision: "bf16", workload: { inputTokens: 64, outputTokens: 64, concurrency: 1 } });
    const c = found(crossover(decode, "workload.concurrency", { low: 1, high: 4096 }, "bound"));
    const boundBindingAt = (x: number) => evaluateMode(PARAMETERS["workload.concurrency"]!.set(decode, x), "bound").binding;
    expect(c.method).toBe("bisection");
    expect(c.before).toBe("memory-bandwidth");
    expect(c.after).toBe("compute");
    expect(boundBindingAt(c.value * (1 - 1e-6))).toBe("memory-bandwidth");
    expect(boundBindingAt(c.value * (1 + 1e-6))).toBe("compute");
  });
  it("integer parameters land on whole numbers: one accelerator fewer keeps the old binding", () => {
    const s = scenarioOf({ ...DEFAULT_SCENARIO_DOCUMENT, count: 1, facility: { deliveredPower: "5 kW", pue: 1.2 } });
    const r = crossover(s, "count", { low: 1, high: 64 });
    if (E.isLeft(r) || !r.right.found) return; // no change over the range is a valid answer here
    expect(Number.isInteger(r.right.value)).toBe(true);
    expect(bindingAt(s, "count", r.right.value - 1)).toBe(r.right.before);
    expect(bindingAt(s, "count", r.right.value)).toBe(r.right.after);
  });
  it("no change over the range, and bad questions", () => {
    const r = crossover(site, "facility.deliveredPower", { low: 5e6, high: 1e7 });
    expect(E.isRight(r) && r.right.found).toBe(false);
    expect(E.isLeft(crossover(site, "nope", { low: 1, high: 2 }))).toBe(true);
    const bad = crossover(site, "facility.pue", { low: 2, high: 1 });
    expect(E.isLeft(bad) && bad.left.message).toContain("range: expected 0 < low < high");
  });
  it("property: just below the value the old stave binds, just above it the new one", () => {
    const names = ["facility.deliveredPower", "facility.pue", "workload.concurrency", "facility.coolingCapacity"];
    fc.assert(fc.property(scenarioDocument, fc.constantFrom(...names), (doc, name) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const range = name === "facility.pue" ? { low: 1, high: 4 } : { low: 1, high: 1e8 };
      const r = crossover(s!, name, range);
      if (E.isLeft(r) || !r.right.found) return;
      expect(bindingAt(s!, name, r.right.value * (1 - 1e-7))).toBe(r.right.before);
      expect(bindingAt(s!, name, r.right.value * (1 + 1e-7))).toBe(r.right.after);
    }), { numRuns: 60 });
  });
});
