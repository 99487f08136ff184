import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { crossover, DEFAULT_SCENARIO_DOCUMENT, evaluateMode, PARAMETERS, type Scenario } from "../../src/index.js";
import { caseCounter } from "../helpers/cases.js";
import { fittingDocument, resolve } from "../helpers/scenarios.js";
import { scenarioOf } from "../helpers/scenario.js";

const site = scenarioOf(DEFAULT_SCENARIO_DOCUMENT);
const bindingAt = (s: Scenario, name: string, x: number) => evaluateMode(PARAMETERS[name]!.set(s, x), "estimate").binding;

const found = (r: ReturnType<typeof crossover>) => {
  if (E.isLeft(r)) throw new Error(r.left.message);
  if (!r.right.found) throw new Error(`no crossover: ${r.right.binding}`);
  return r.right;
};

describe("crossover", () => {
  it("site power at which facility power starts to bind: where its ceiling meets the lowest other stave (closed form)", () => {
    const c = found(crossover(site, "facility.deliveredPower", { low: 1e3, high: 1e7 }));
    expect(c.method).toBe("closed-form");
    expect(c.before).toBe("facility-power");
    // At P* the facility-power ceiling equals the lowest of the other staves; below it is
    // proportional to the delivered power (P / PUE / e_IT).
    const ceilingsAt = (power: number) => evaluateMode(PARAMETERS["facility.deliveredPower"]!.set(site, power), "estimate").ceilings;
    const { "facility-power": atStar, ...others } = ceilingsAt(c.value);
    expect(atStar! / Math.min(...Object.values(others))).toBeCloseTo(1, 9);
    expect(ceilingsAt(c.value / 4)["facility-power"]! / atStar!).toBeCloseTo(1 / 4, 12);
    expect(bindingAt(site, "facility.deliveredPower", c.value * (1 - 1e-6))).toBe("facility-power");
    expect(bindingAt(site, "facility.deliveredPower", c.value * (1 + 1e-6))).toBe(c.after);
  });
  it("the PUE at which facility power starts to bind on a tight site", () => {
    const tight = PARAMETERS["facility.deliveredPower"]!.set(site, 8_000);
    const c = found(crossover(tight, "facility.pue", { low: 1, high: 3 }));
    expect(c.after).toBe("facility-power");
    // The facility stave is (P / PUE) / e_IT: inverse in PUE, solved in closed form, where it
    // meets the lowest other stave.
    expect(c.method).toBe("closed-form");
    const { "facility-power": atStar, ...others } = evaluateMode(PARAMETERS["facility.pue"]!.set(tight, c.value), "estimate").ceilings;
    expect(atStar! / Math.min(...Object.values(others))).toBeCloseTo(1, 9);
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
    const r = found(crossover(s, "count", { low: 1, high: 64 }));
    expect(r.method).toBe("bisection");
    expect(Number.isInteger(r.value)).toBe(true);
    expect(bindingAt(s, "count", r.value - 1)).toBe(r.before);
    expect(bindingAt(s, "count", r.value)).toBe(r.after);
  });
  it("the scan reaches the top of the range: a crossover just below `high` is found", () => {
    const wide = found(crossover(site, "facility.deliveredPower", { low: 1e3, high: 1e7 }));
    const narrow = found(crossover(site, "facility.deliveredPower", { low: wide.value / 1000, high: wide.value * 1.01 }));
    expect(narrow.value / wide.value).toBeCloseTo(1, 9);
    // and just above `low`
    const low = found(crossover(site, "facility.deliveredPower", { low: wide.value * 0.99, high: wide.value * 1000 }));
    expect(low.value / wide.value).toBeCloseTo(1, 9);
  });
  it("no change over the range, and bad questions", () => {
    const r = crossover(site, "facility.deliveredPower", { low: 5e6, high: 1e7 });
    expect(E.isRight(r) && r.right.found).toBe(false);
    expect(E.isLeft(crossover(site, "nope", { low: 1, high: 2 }))).toBe(true);
    const bad = crossover(site, "facility.pue", { low: 2, high: 1 });
    expect(E.isLeft(bad) && bad.left.message).toBe("range: expected low < high (1), got low 2, high 1");
    // A PUE below 1 is refused as parseScenario refuses it: facility.pue is in [1, 10].
    const below = crossover(site, "facility.pue", { low: 0.1, high: 0.5 });
    expect(E.isLeft(below) && below.left.message).toBe("facility.pue: range.low: expected a ratio in [1, 10], got 0.1; range.high: expected a ratio in [1, 10], got 0.5");
  });
  it("property: just below the value the old stave binds, just above it the new one", () => {
    // Each draw is set up so the parameter has a crossover in its range: a site with only
    // that limit (power or cooling) from 1 W to 1 TW; a site power k × what the plant draws
    // at PUE 1, so facility power starts to bind at PUE = k; no site limit for concurrency
    // (from memory bandwidth at batch 1 to whatever caps the batch).
    const cases = caseCounter("crossover property");
    const names = ["facility.deliveredPower", "facility.pue", "workload.concurrency", "facility.coolingCapacity"] as const;
    fc.assert(fc.property(fittingDocument, fc.constantFrom(...names), fc.double({ min: 1.5, max: 8, noNaN: true }), (doc, name, k) => {
      cases.drawn();
      const { deliveredPower, coolingCapacity, pue } = doc.facility;
      const facility =
        name === "facility.deliveredPower" ? { deliveredPower, pue }
        : name === "facility.coolingCapacity" ? { coolingCapacity, pue }
        : { pue };
      let s = resolve({ ...doc, facility });
      fc.pre(s !== undefined);
      let range = { low: 1, high: 1e12 };
      if (name === "facility.pue") {
        const plant = evaluateMode(s!, "estimate");
        fc.pre(plant.feasible);
        const drawn = plant.ceilings[plant.binding]! * plant.paperForm.joulesPerToken!;
        s = PARAMETERS["facility.deliveredPower"]!.set(s!, drawn * k);
        range = { low: 1, high: 10 };
      }
      if (name === "workload.concurrency") range = { low: 1, high: 1e8 };
      const r = crossover(s!, name, range);
      if (E.isLeft(r)) throw new Error(r.left.message);
      if (!r.right.found) return;
      expect(r.right.before).not.toBe(r.right.after);
      expect(bindingAt(s!, name, r.right.value * (1 - 1e-7))).toBe(r.right.before);
      expect(bindingAt(s!, name, r.right.value * (1 + 1e-7))).toBe(r.right.after);
      if (name === "facility.pue") expect(r.right.value).toBeCloseTo(k, 6);
      // Site staves are linear in their input: solved in closed form, not bisected.
      if (name !== "workload.concurrency") expect(r.right.method).toBe("closed-form");
      cases.checked(name);
    }), { numRuns: 80 });
    cases.expectAtLeast(70, { "facility.deliveredPower": 12, "facility.pue": 12, "facility.coolingCapacity": 12, "workload.concurrency": 12 });
  });
});
