import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossoverJoulesPerToken, tpf, type TpfInputs } from "../../src/index.js";
import {
  flopPerOutputToken,
  flopPerSecond,
  joulesPerOutputToken,
  ratio,
  watts,
} from "../../src/units/index.js";

const logUniform = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);
const inputs: fc.Arbitrary<TpfInputs> = fc.record({
  effectiveCompute: logUniform(12, 19).map(flopPerSecond),
  flopPerToken: logUniform(8, 13).map(flopPerOutputToken),
  facilityPower: logUniform(2, 9).map(watts),
  joulesPerToken: logUniform(-3, 2).map(joulesPerOutputToken),
  phi: fc.double({ min: 0.1, max: 10, noNaN: true }).map(ratio),
  utilization: fc.double({ min: 0.01, max: 1, noNaN: true }).map(ratio),
});
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("tpf properties", () => {
  it("Q̇/(Φ·U) never exceeds either ceiling and equals the smaller", () => {
    fc.assert(fc.property(inputs, (x) => {
      const r = tpf(x);
      const nominal = r.rate / ((x.phi ?? 1) * (x.utilization ?? 1));
      expect(nominal).toBeLessThanOrEqual(Math.min(r.computeCeiling, r.energyCeiling) * (1 + 1e-12));
      expect(rel(nominal, Math.min(r.computeCeiling, r.energyCeiling))).toBeLessThan(1e-12);
    }));
  });
  it("Φ and U scale the rate linearly", () => {
    fc.assert(fc.property(inputs, fc.double({ min: 0.1, max: 10, noNaN: true }), (x, k) => {
      const base = tpf(x).rate;
      expect(rel(tpf({ ...x, phi: ratio((x.phi ?? 1) * k) }).rate, base * k)).toBeLessThan(1e-12);
      const u = Math.min(1, (x.utilization ?? 1) * Math.min(k, 1));
      expect(rel(tpf({ ...x, utilization: ratio(u) }).rate, (base * u) / (x.utilization ?? 1))).toBeLessThan(1e-12);
    }));
  });
  it("relaxing the slack stave changes nothing", () => {
    fc.assert(fc.property(inputs, fc.double({ min: 1, max: 100, noNaN: true }), (x, k) => {
      const r = tpf(x);
      const relaxed = r.binding === "energy"
        ? tpf({ ...x, effectiveCompute: flopPerSecond(x.effectiveCompute * k) })
        : tpf({ ...x, facilityPower: watts(x.facilityPower * k) });
      expect(relaxed.rate).toBe(r.rate);
      expect(relaxed.binding).toBe(r.binding);
    }));
  });
  it("energy binds iff e_tok > e_tok*", () => {
    fc.assert(fc.property(inputs, (x) => {
      const star = crossoverJoulesPerToken(x);
      fc.pre(rel(x.joulesPerToken, star) > 1e-9);
      expect(tpf(x).binding === "energy").toBe(x.joulesPerToken > star);
    }));
  });
});
