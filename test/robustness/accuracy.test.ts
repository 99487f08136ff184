import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { all, create, type BigNumber, type FactoryFunctionMap } from "mathjs";
import { describe, expect, it } from "vitest";
import { computeCeiling, coolingCeiling, devicePowerCeiling, facilityPowerCeiling, memoryBandwidthCeiling, tpf, tpfChecked, tpfCrossovers, type Plant } from "../../src/index.js";
import { powerProfileAt } from "../../src/staves/devicePower.js";
import { bytes, bytesPerSecond, flop, flopPerOutputToken, flopPerSecond, joulesPerByte, joulesPerFlop, joulesPerOutputToken, ratio, seconds, watts } from "../../src/units/index.js";

// A high-precision reference: the same formulas in mathjs BigNumber (64 significant digits).
const big = create(all as FactoryFunctionMap, { number: "BigNumber", precision: 64 });
const B = (x: number): BigNumber => big.bignumber(x);
const rel = (value: number, reference: BigNumber): number =>
  Number(big.abs(big.divide(big.subtract(B(value), reference), reference) as BigNumber));

/** Magnitudes log-uniform over 1e-3…1e12, every decade. */
const magnitude = fc.double({ min: -3, max: 12, noNaN: true }).map((e) => 10 ** e);

describe("numerical accuracy against a BigNumber reference (relative 1e-12)", () => {
  it("paper form and its crossovers over 1e-3…1e12, θ, Φ and U included", () => {
    fc.assert(
      fc.property(magnitude, magnitude, magnitude, magnitude, fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 1e-3, max: 1, noNaN: true }), (k, c, p, e, theta, phi, u) => {
        const inputs = { effectiveCompute: flopPerSecond(k), flopPerToken: flopPerOutputToken(c), facilityPower: watts(p), joulesPerToken: joulesPerOutputToken(e), theta: ratio(theta), phi: ratio(phi), utilization: ratio(u) };
        const r = tpf(inputs);
        // Q̇ = min(K/c, θ·P/e)·Φ·U
        const compute = big.divide(B(k), B(c)) as BigNumber;
        const energy = big.divide(big.multiply(B(theta), B(p)), B(e)) as BigNumber;
        const reference = big.multiply(big.multiply(big.min(compute, energy), B(phi)), B(u)) as BigNumber;
        expect(rel(r.rate, reference)).toBeLessThan(1e-12);
        expect(rel(r.computeCeiling, compute)).toBeLessThan(1e-12);
        expect(rel(r.energyCeiling, energy)).toBeLessThan(1e-12);
        expect(r.binding).toBe(big.smaller(energy, compute) ? "energy" : "compute");
        // e* = θ·P·c/K, P* = K·e/(θ·c), K* = θ·P·c/e, c* = K·e/(θ·P)
        const star = tpfCrossovers(inputs);
        expect(rel(star.joulesPerToken, big.divide(big.multiply(big.multiply(B(theta), B(p)), B(c)), B(k)) as BigNumber)).toBeLessThan(1e-12);
        expect(rel(star.facilityPower, big.divide(big.multiply(B(k), B(e)), big.multiply(B(theta), B(c))) as BigNumber)).toBeLessThan(1e-12);
        expect(rel(star.effectiveCompute, big.divide(big.multiply(big.multiply(B(theta), B(p)), B(c)), B(e)) as BigNumber)).toBeLessThan(1e-12);
        expect(rel(star.flopPerToken, big.divide(big.multiply(B(k), B(e)), big.multiply(B(theta), B(p))) as BigNumber)).toBeLessThan(1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it("structural staves over 1e-3…1e12: the documented formulas with replicas, tokens per step, step overheads and power", () => {
    const replicas = fc.integer({ min: 1, max: 10_000 });
    const tokensPerStep = fc.double({ min: 1, max: 9, noNaN: true });
    const overhead = fc.double({ min: -9, max: -2, noNaN: true }).map((x) => 10 ** x);
    const idleShare = fc.double({ min: 0, max: 0.99, noNaN: true });
    fc.assert(
      fc.property(
        fc.tuple(magnitude, magnitude, magnitude, magnitude, magnitude, magnitude, magnitude, magnitude),
        fc.tuple(replicas, tokensPerStep, overhead, overhead, idleShare),
        ([computeRate, flopPerToken, bandwidth, weights, kv, batch, delivered, cooling], [r, e, t0, t1, idle]) => {
          const accelerators = 8;
          const maxPower = 700;
          const plant: Plant = {
            mode: "estimate", replicas: r, accelerators, computeRate: flopPerSecond(computeRate), bandwidth: bytesPerSecond(bandwidth),
            memory: bytes(1e15), flopPerOutputToken: flopPerOutputToken(flopPerToken), prefillFlopPerOutputToken: flopPerOutputToken(0), prefillFlopPerRequest: flop(0), weightBytesResident: bytes(0),
            weightBytesPerStep: () => bytes(weights), kvBytesPerSequenceMean: bytes(kv), kvBytesSharedRead: bytes(0), kvBytesPerSequenceHeld: bytes(kv), kvBytesShared: bytes(0),
            tokensPerStep: e, decodeShare: 1, stages: 1, layerOverhead: seconds(0), kernelOverhead: seconds(0), computeImbalance: () => 1, communicationTime: () => 0,
            prefillLatency: seconds(0), stepOverhead: seconds(t0), sequenceOverhead: seconds(t1), concurrency: batch, maxPower: watts(maxPower),
            clockFraction: 1, minClockFraction: 0.1, voltageFloor: 1, idlePower: watts(idle * maxPower), activePower: watts(0),
            joulesPerFlop: joulesPerFlop(1e-13), joulesPerByte: joulesPerByte(1e-11), pue: ratio(1.25), deliveredPower: watts(delivered), coolingCapacity: watts(cooling),
          };
          // compute: R·K / c
          expect(rel(computeCeiling(plant), big.divide(big.multiply(B(r), B(computeRate)), B(flopPerToken)) as BigNumber)).toBeLessThan(1e-12);
          // memory bandwidth: R·b·E / ((W + b·KV)/B + t₀ + b·t₁)
          const stepBytes = big.add(B(weights), big.multiply(B(batch), B(kv))) as BigNumber;
          const stepSeconds = big.add(big.add(big.divide(stepBytes, B(bandwidth)), B(t0)), big.multiply(B(batch), B(t1))) as BigNumber;
          const bandwidthReference = big.divide(big.multiply(big.multiply(B(r), B(batch)), B(e)), stepSeconds) as BigNumber;
          expect(rel(memoryBandwidthCeiling(plant), bandwidthReference)).toBeLessThan(1e-12);
          // device power: R·N·(TDP − idle) / (ε_flop·c + ε_byte·(W + b·KV)/(b·E)). With no active
          // draw and no voltage scaling (floor 1) the draw is idle + dynamic J × rate / N at any
          // clock, so the stave is this whether the limit binds (the clock falls until the draw is
          // the limit; 40 bisection steps: relative 1e-9) or not (extrapolated to the limit: 1e-12).
          const dynamic = big.add(big.multiply(B(1e-13), B(flopPerToken)), big.multiply(B(1e-11), big.divide(stepBytes, big.multiply(B(batch), B(e))))) as BigNumber;
          const headroom = big.multiply(big.multiply(B(r), B(accelerators)), big.subtract(B(maxPower), B(idle * maxPower))) as BigNumber;
          const throttled = powerProfileAt(plant, batch, 1).power > maxPower;
          expect(rel(devicePowerCeiling(plant, batch), big.divide(headroom, dynamic) as BigNumber)).toBeLessThan(throttled ? 1e-9 : 1e-12);
          // facility power: (P / PUE) / e_IT; cooling: capacity / e_IT
          const joules = kv / 1e6 + 1e-3;
          const it = joulesPerOutputToken(joules);
          expect(rel(facilityPowerCeiling(plant, it)!, big.divide(big.divide(B(delivered), B(1.25)), B(joules)) as BigNumber)).toBeLessThan(1e-12);
          expect(rel(coolingCeiling(plant, it)!, big.divide(B(cooling), B(joules)) as BigNumber)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("outside the documented ranges: a clear error, not Infinity or 0", () => {
    const inputs = { effectiveCompute: flopPerSecond(1e15), flopPerToken: flopPerOutputToken(1.4e11), facilityPower: watts(700), joulesPerToken: joulesPerOutputToken(0.39) };
    expect(E.isRight(tpfChecked(inputs))).toBe(true);
    const tooSmall = tpfChecked({ ...inputs, joulesPerToken: joulesPerOutputToken(1e-300) });
    expect(E.isLeft(tooSmall) && tooSmall.left.message).toContain("joulesPerToken: expected 1e-12…1000000000 J/token, got 1e-300");
    const notFinite = tpfChecked({ ...inputs, facilityPower: watts(Number.POSITIVE_INFINITY) });
    expect(E.isLeft(notFinite) && notFinite.left.message).toContain("facilityPower");
    // Without the check, the same input overflows: this is what tpfChecked prevents.
    expect(tpf({ ...inputs, joulesPerToken: joulesPerOutputToken(1e-310) }).energyCeiling).toBe(Number.POSITIVE_INFINITY);
  });
});
