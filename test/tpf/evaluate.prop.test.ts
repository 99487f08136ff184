import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, STAVE_NAMES, tpf, type Evaluation } from "../../src/index.js";
import { ratio, watts } from "../../src/units/index.js";
import { resolve, scenarioDocument } from "../helpers/scenarios.js";

const allFinite = (value: unknown): boolean => {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every(allFinite);
};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("evaluate properties", () => {
  it("bound ≥ estimate; binding is the argmin; all numbers finite", () => {
    fc.assert(fc.property(scenarioDocument, (doc) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const r = evaluate(s!);
      expect(allFinite(r)).toBe(true);
      expect(r.estimate.outputTokensPerSecond).toBeLessThanOrEqual(r.bound.outputTokensPerSecond * (1 + 1e-12));
      for (const mode of [r.bound, r.estimate]) {
        const values = STAVE_NAMES.map((n) => mode.ceilings[n]).filter((v): v is number => v !== undefined);
        // argmin; exact ties (within 1e-12) go to the earlier stave name
        expect(rel(mode.ceilings[mode.binding]!, Math.min(...values))).toBeLessThan(1e-12);
        if (mode.feasible) expect(mode.outputTokensPerSecond).toBeGreaterThan(0);
        else expect(mode.outputTokensPerSecond).toBe(0);
      }
    }));
  });

  it("more delivered power, more cooling, more replicas, or lower PUE never lower the rate", () => {
    fc.assert(fc.property(scenarioDocument, fc.double({ min: 1, max: 10, noNaN: true }), (doc, k) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const base = evaluate(s!);
      const variants: Evaluation[] = [
        evaluate({ ...s!, facility: { ...s!.facility, deliveredPower: watts((s!.facility.deliveredPower ?? 0) * k) } }),
        evaluate({ ...s!, facility: { ...s!.facility, coolingCapacity: watts((s!.facility.coolingCapacity ?? 0) * k) } }),
        evaluate({ ...s!, replicas: s!.replicas + 1 }),
        evaluate({ ...s!, facility: { ...s!.facility, pue: ratio(1 + (s!.facility.pue - 1) / k) } }),
      ];
      for (const v of variants) {
        expect(v.bound.outputTokensPerSecond).toBeGreaterThanOrEqual(base.bound.outputTokensPerSecond * (1 - 1e-12));
        expect(v.estimate.outputTokensPerSecond).toBeGreaterThanOrEqual(base.estimate.outputTokensPerSecond * (1 - 1e-12));
      }
    }));
  });

  it("J/output = J/total × (L_in + L_out) / L_out at every scope", () => {
    fc.assert(fc.property(scenarioDocument, (doc) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const r = evaluate(s!).estimate;
      fc.pre(r.joulesPerOutputToken !== null && r.joulesPerTotalToken !== null);
      const mix = (s!.workload.inputTokens + s!.workload.outputTokens) / s!.workload.outputTokens;
      for (const scope of ["accelerator", "it", "facility"] as const) {
        expect(rel(r.joulesPerTotalToken![scope] * mix, r.joulesPerOutputToken![scope])).toBeLessThan(1e-12);
      }
    }));
  });

  it("the paper form on the reduced form equals the structural rate where compute or facility power binds", () => {
    let checked = 0;
    fc.assert(fc.property(scenarioDocument, (doc) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      for (const mode of Object.values(evaluate(s!))) {
        if (!mode.feasible || (mode.binding !== "compute" && mode.binding !== "facility-power")) continue;
        const p = mode.paperForm;
        const paper = tpf({
          effectiveCompute: p.effectiveCompute,
          flopPerToken: p.flopPerToken,
          facilityPower: p.facilityPower ?? watts(Number.MAX_VALUE),
          joulesPerToken: p.joulesPerToken!,
          utilization: p.utilization,
        });
        expect(rel(paper.rate, mode.outputTokensPerSecond)).toBeLessThan(1e-12);
        expect(rel(p.impliedPhi, 1)).toBeLessThan(1e-12);
        checked++;
      }
    }), { numRuns: 600 });
    expect(checked).toBeGreaterThan(20);
  });
});
