import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { ACCELERATORS, evaluate, formatScenarioError, parseScenario, type Scenario } from "../../src/index.js";

// Inline accelerator overrides merge per precision (issue 15): `peakFlopPerSecond: { bf16: … }`
// alone is valid, the base's other formats stay, energy per FLOP follows the format.
const base = { count: 8, model: "llama-3.1-70b", precision: "bf16", workload: "chat" };
const parsed = (doc: object): Scenario => {
  const r = parseScenario({ ...base, ...doc });
  if (E.isLeft(r)) throw new Error(formatScenarioError(r.left));
  return r.right;
};
const issues = (doc: object): string[] => {
  const r = parseScenario({ ...base, ...doc });
  return E.isLeft(r) ? r.left.issues.map((i) => `${i.path}: ${i.message}`) : [];
};

describe("inline accelerator overrides merge per precision", () => {
  it("a bf16 peak alone is valid: it replaces the base's bf16, every other format of the base stays", () => {
    const b200 = ACCELERATORS.B200;
    const s = parsed({ accelerator: { base: "B200", peakFlopPerSecond: { bf16: "1.2 PFLOPS" } } });
    // 1.2 PFLOPS = 1.2e15 FLOP/s.
    expect(s.accelerator.peakFlopPerSecond.bf16).toBe(1.2e15);
    const { bf16: _given, ...others } = s.accelerator.peakFlopPerSecond;
    const { bf16: _base, ...baseOthers } = b200.peakFlopPerSecond;
    expect(others).toEqual(baseOthers);
    expect(Object.keys(baseOthers).length).toBeGreaterThanOrEqual(3);
    // A format the base has keeps its energy per FLOP (the silicon's), the rest of the base too.
    expect(s.accelerator.power.estimate.joulesPerFlop.bf16).toBe(b200.power.estimate.joulesPerFlop.bf16);
    expect(s.accelerator.memoryBandwidth).toBe(b200.memoryBandwidth);
    expect(s.accelerator.id).toBe("B200+custom");
  });

  it("a format the base lacks is added with ε = ε(bf16) × peak(bf16) ÷ peak(new): the same tensor-core power at full throughput", () => {
    const h100 = ACCELERATORS["H100-SXM"];
    expect(h100.peakFlopPerSecond.fp4).toBeUndefined();
    const s = parsed({ accelerator: { base: "H100-SXM", peakFlopPerSecond: { fp4: 4e15 } } });
    expect(s.accelerator.peakFlopPerSecond.fp4).toBe(4e15);
    const bf16Watts = h100.power.estimate.joulesPerFlop.bf16! * h100.peakFlopPerSecond.bf16!;
    expect(s.accelerator.power.estimate.joulesPerFlop.fp4).toBeCloseTo(bf16Watts / 4e15, 25);
    expect(s.accelerator.power.estimate.grade).toBe("derived");
    // And the scenario can compute in it.
    expect(parsed({ accelerator: { base: "H100-SXM", peakFlopPerSecond: { fp4: 4e15 } }, precision: { weights: "fp4", compute: "fp4" } }).precision.compute).toBe("fp4");
  });

  it("null removes a format; an unknown format or an out-of-range peak names the field, value and unit", () => {
    expect(issues({ accelerator: { base: "H100-SXM", peakFlopPerSecond: { bf16: 1e15, fp7: 1e15 } } })).toEqual([
      "accelerator.peakFlopPerSecond.fp7: unknown format \"fp7\"; expected one of fp32, bf16, fp16, fp8, fp4, mxfp4, nvfp4, int8, int4",
    ]);
    const negative = issues({ accelerator: { base: "H100-SXM", peakFlopPerSecond: { bf16: -1 } } });
    expect(negative.join("\n")).toMatch(/^accelerator\.peakFlopPerSecond\.bf16: .*-1/);
    expect(issues({ accelerator: { base: "H100-SXM", peakFlopPerSecond: { bf16: null, fp16: null, fp32: null, fp8: null, int8: null } } })).toContain(
      "accelerator.peakFlopPerSecond: expected at least one format with a peak; every one was removed (null) or none was given",
    );
  });

  it("without a base, the given formats are the only ones and the other required fields are named", () => {
    expect(issues({ accelerator: { peakFlopPerSecond: { bf16: 1e15 } } })).toEqual([
      "accelerator.memoryCapacity: required for an accelerator without a catalog base",
      "accelerator.memoryBandwidth: required for an accelerator without a catalog base",
      "accelerator.maxPower: required for an accelerator without a catalog base",
    ]);
    const s = parsed({ accelerator: { peakFlopPerSecond: { bf16: 1e15 }, memoryCapacity: "96 GB", memoryBandwidth: "4 TB/s", maxPower: "800 W" } });
    expect(s.accelerator.peakFlopPerSecond).toEqual({ bf16: 1e15 });
  });
});

// The bound's energy per FLOP of an inline part (issue 12 review): a chip without a base used
// to inherit H100's coefficients, so a 5 PFLOP/s, 700 W part had a device-power stave below
// its compute stave with no evidence. The catalog's rule is ε = κ·TDP/peak (κ = 0.25), so at
// its own limit the stave allows peak/κ = 4 × peak of FLOP/s: at or above compute.
describe("inline parts get the bound's energy floor their own peak implies", () => {
  const workload = { inputTokens: 8192, outputTokens: 16, concurrency: 256 };
  const boundOf = (accelerator: object) => {
    const r = parseScenario({ accelerator, count: 8, model: "llama-3.1-70b", precision: "bf16", workload });
    if (E.isLeft(r)) throw new Error(formatScenarioError(r.left));
    return { scenario: r.right, bound: evaluate(r.right).bound };
  };

  it("no base: ε_bf16 = 0.25 × 700 W / 5e15 FLOP/s = 3.5e-14 J, and device-power ≥ compute", () => {
    const { scenario, bound } = boundOf({ name: "future", peakFlopPerSecond: { bf16: "5 PFLOP/s" }, memoryCapacity: "200 GB", memoryBandwidth: "10 TB/s", maxPower: "700 W" });
    expect(scenario.accelerator.power.bound.joulesPerFlop.bf16).toBeCloseTo((0.25 * 700) / 5e15, 20);
    expect(bound.ceilings["device-power"]!).toBeGreaterThanOrEqual(bound.ceilings.compute!);
  });

  it("a base with a faster bf16 peak (H100 at 2 × 989.4 TFLOP/s): device-power ≥ compute; a slower one keeps H100's floor", () => {
    const fast = boundOf({ base: "H100-SXM", peakFlopPerSecond: { bf16: 2 * 989.4e12 } });
    expect(fast.bound.ceilings["device-power"]!).toBeGreaterThanOrEqual(fast.bound.ceilings.compute!);
    const slow = boundOf({ base: "H100-SXM", peakFlopPerSecond: { bf16: 500e12 } });
    expect(slow.scenario.accelerator.power.bound.joulesPerFlop.bf16).toBe(ACCELERATORS["H100-SXM"].power.bound.joulesPerFlop.bf16);
  });
});
