// Three what-if studies a user would write with the exported arbitraries
// (import from "token-production/testing" in your own project).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/index.js";
import { arbScenario } from "../src/testing/index.js";
import { ratio, watts } from "../src/units/index.js";

describe("what-if studies", () => {
  it("no PUE in 1.05–1.6 makes an 8×H100 site cooling-bound when cooling is sized for the IT load at PUE 1.05", () => {
    fc.assert(
      fc.property(arbScenario({ accelerator: "H100-SXM", count: 8 }), fc.double({ min: 1.05, max: 1.6, noNaN: true }), (s, pue) => {
        const delivered = s.facility.deliveredPower!;
        const site = { ...s, facility: { ...s.facility, pue: ratio(pue), coolingCapacity: watts(delivered / 1.05) } };
        const r = evaluate(site);
        expect(r.estimate.binding).not.toBe("cooling");
        expect(r.bound.binding).not.toBe("cooling");
      }),
    );
  });

  it("doubling delivered power never more than doubles tokens/s", () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const doubled = { ...s, facility: { ...s.facility, deliveredPower: watts(s.facility.deliveredPower! * 2) } };
        const before = evaluate(s).estimate.outputTokensPerSecond;
        const after = evaluate(doubled).estimate.outputTokensPerSecond;
        expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-12));
        expect(after).toBeLessThanOrEqual(2 * before * (1 + 1e-12));
      }),
    );
  });

  it("utilization scales the estimate linearly and leaves the bound alone", () => {
    fc.assert(
      fc.property(arbScenario(), fc.double({ min: 0.05, max: 1, noNaN: true }), (s, u) => {
        const full = evaluate({ ...s, utilization: ratio(1) });
        const partial = evaluate({ ...s, utilization: ratio(u) });
        expect(partial.estimate.outputTokensPerSecond).toBeCloseTo(u * full.estimate.outputTokensPerSecond, 6);
        expect(partial.bound).toEqual(full.bound);
      }),
    );
  });
});
