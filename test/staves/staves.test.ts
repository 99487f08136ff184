import { describe, expect, it } from "vitest";
import {
  computeCeiling,
  coolingCeiling,
  devicePowerCeiling,
  facilityPowerCeiling,
  latencyTargetCeiling,
  memoryBandwidthCeiling,
  memoryCapacityCeiling,
  type Plant,
} from "../../src/index.js";
import { bytesPerOutputTokenAt } from "../../src/staves/decodeStep.js";
import { dynamicJoulesPerOutputToken } from "../../src/staves/devicePower.js";
import { effectiveBatch, stepTime, timePerOutputToken } from "../../src/staves/servingStep.js";
import {
  bytes,
  bytesPerSecond,
  flop,
  flopPerOutputToken,
  flopPerSecond,
  joulesPerByte,
  joulesPerFlop,
  joulesPerOutputToken,
  ratio,
  seconds,
  watts,
} from "../../src/units/index.js";

// A plant with round numbers, so every stave can be worked out by hand below.
const plant: Plant = {
  mode: "estimate",
  replicas: 1,
  accelerators: 2,
  computeRate: flopPerSecond(2e15),
  bandwidth: bytesPerSecond(4e12),
  memory: bytes(160e9),
  flopPerOutputToken: flopPerOutputToken(2e10),
  prefillFlopPerOutputToken: flopPerOutputToken(0),
  prefillFlopPerRequest: flop(1e13),
  weightBytesResident: bytes(20e9),
  weightBytesPerStep: () => bytes(20e9),
  kvBytesPerSequenceMean: bytes(1e8),
  kvBytesSharedRead: bytes(0),
  kvBytesPerSequenceHeld: bytes(2e8),
  kvBytesShared: bytes(0),
  decodeShare: 1,
  stages: 1,
  layerOverhead: seconds(0),
  kernelOverhead: seconds(0),
  computeImbalance: () => 1,
  communicationTime: () => 0,
  // 1e13 FLOP of prefill over 2e15 FLOP/s.
  prefillLatency: seconds(0.005),
  tokensPerStep: 1,
  stepOverhead: seconds(0),
  sequenceOverhead: seconds(0),
  concurrency: 50,
  maxPower: watts(700),
  clockFraction: 1,
  minClockFraction: 0.1,
  voltageFloor: 1,
  idlePower: watts(100),
  activePower: watts(0),
  joulesPerFlop: joulesPerFlop(1e-13),
  joulesPerByte: joulesPerByte(1e-11),
  pue: ratio(1.2),
};

describe("each stave by hand", () => {
  it("compute: 2e15 FLOP/s / 2e10 FLOP/token = 1e5 tokens/s", () => {
    expect(computeCeiling(plant)).toBeCloseTo(1e5, 6);
    expect(computeCeiling({ ...plant, replicas: 3 })).toBeCloseTo(3e5, 6);
  });
  it("memory-bandwidth: b = 50 → 50 × 4e12 / (20e9 + 50 × 1e8) = 8000 tokens/s", () => {
    expect(memoryBandwidthCeiling(plant)).toBeCloseTo(8000, 6);
  });
  it("memory-capacity: b = (160e9 − 20e9) / 2e8 = 700 → 700 × 4e12 / 90e9 = 31111.1", () => {
    expect(memoryCapacityCeiling(plant)).toBeCloseTo((700 * 4e12) / 90e9, 6);
  });
  it("the effective batch: concurrency 1000 cut to the 700 sequences that fit, then to the 200 that meet TPOT 10 ms", () => {
    expect(effectiveBatch({ ...plant, concurrency: 1000 })).toBeCloseTo(700, 9);
    expect(effectiveBatch({ ...plant, concurrency: 50 })).toBe(50);
    expect(effectiveBatch({ ...plant, concurrency: 1000, tpot: seconds(0.01) })).toBeCloseTo(200, 6);
  });
  it("memory-capacity: weights that do not fit give 0", () => {
    expect(memoryCapacityCeiling({ ...plant, weightBytesResident: bytes(159.9e9) })).toBe(0);
  });
  it("latency-target: TPOT 10 ms → 5 ms + b × 25 µs = 10 ms → b = 200 → 20000 tokens/s", () => {
    const ceiling = latencyTargetCeiling({ ...plant, tpot: seconds(0.01) });
    expect(ceiling).toBeCloseTo(20000, 3);
    expect(effectiveBatch({ ...plant, tpot: seconds(0.01), concurrency: 1000 })).toBeCloseTo(200, 6);
    expect(latencyTargetCeiling(plant)).toBeUndefined();
  });
  it("latency-target: a TPOT one sequence misses (5.025 ms > 5 ms) or a TTFT prefill misses gives 0", () => {
    expect(latencyTargetCeiling({ ...plant, tpot: seconds(0.005) })).toBe(0);
    // prefill 1e13 / 2e15 = 5 ms
    expect(latencyTargetCeiling({ ...plant, ttft: seconds(0.004) })).toBe(0);
    expect(latencyTargetCeiling({ ...plant, ttft: seconds(0.006) })).toBeUndefined();
  });
  it("device-power: 1e-13 × 2e10 + 1e-11 × (25e9 / 50) = 7e-3 J/token → 2 × 600 W / 7e-3 = 171428.6", () => {
    expect(devicePowerCeiling(plant, 50)).toBeCloseTo((2 * 600) / 7e-3, 4);
  });
  it("facility-power: (1200 W / 1.2) / 0.5 J = 2000 tokens/s; none without delivered power", () => {
    expect(facilityPowerCeiling({ ...plant, deliveredPower: watts(1200) }, joulesPerOutputToken(0.5))).toBeCloseTo(2000, 9);
    expect(facilityPowerCeiling(plant, joulesPerOutputToken(0.5))).toBeUndefined();
  });
  it("cooling: 500 W / 0.5 J = 1000 tokens/s; none without a capacity", () => {
    expect(coolingCeiling({ ...plant, coolingCapacity: watts(500) }, joulesPerOutputToken(0.5))).toBeCloseTo(1000, 9);
    expect(coolingCeiling(plant, joulesPerOutputToken(0.5))).toBeUndefined();
  });
  it("step overheads: t₀ = 1 ms per step and t₁ = 10 µs per sequence: 50 / (6.25 + 1 + 50 × 0.01) ms = 6451.6 tokens/s", () => {
    // memory time 25e9 B / 4e12 B/s = 6.25 ms; step 6.25 + 1 + 0.5 = 7.75 ms
    const slow = { ...plant, stepOverhead: seconds(1e-3), sequenceOverhead: seconds(1e-5) };
    expect(memoryBandwidthCeiling(slow)).toBeCloseTo(50 / 7.75e-3, 6);
    expect(memoryBandwidthCeiling({ ...slow, replicas: 3 })).toBeCloseTo((3 * 50) / 7.75e-3, 6);
    // TPOT 10 ms: 5 ms + 1 ms + b × (25 µs + 10 µs) = 10 ms → b = 4 ms / 35 µs = 114.29
    expect(effectiveBatch({ ...slow, concurrency: 1000, tpot: seconds(0.01) })).toBeCloseTo(4e-3 / 35e-6, 6);
  });
  it("TTFT: one request's prefill runs on its own replica, however many replicas there are", () => {
    // prefill 1e13 FLOP / 2e15 FLOP/s = 5 ms per replica: a 4 ms TTFT is missed with 1 or 4 replicas
    expect(latencyTargetCeiling({ ...plant, replicas: 4, ttft: seconds(0.004) })).toBe(0);
    expect(latencyTargetCeiling({ ...plant, replicas: 4, ttft: seconds(0.006) })).toBeUndefined();
  });
  it("latency-target with small KV and cheap tokens: TPOT 10 ms → 5 ms + b × 1e6 B / 4e12 B/s = 10 ms → b = 20,000 sequences", () => {
    // 1e8 FLOP/token: 20,000 × 1e8 / 2e15 = 1 ms of compute, under the 10 ms of memory time
    const small = { ...plant, flopPerOutputToken: flopPerOutputToken(1e8), kvBytesPerSequenceMean: bytes(1e6), kvBytesPerSequenceHeld: bytes(1e6), concurrency: 1e6, tpot: seconds(0.01) };
    expect(effectiveBatch(small)).toBeCloseTo(20_000, 3);
    // 20,000 sequences each get a token per 10 ms: 2e6 tokens/s
    expect(latencyTargetCeiling(small)! / 2e6).toBeCloseTo(1, 9);
  });
});


describe("the decode step by hand: shared prefix, speculative steps, pipeline stages, the clock", () => {
  it("a shared prefix is read once per step, not once per sequence: 50 × 4e12 / (20e9 + 5e9 + 50 × 1e8) = 6,666.67 tokens/s", () => {
    expect(memoryBandwidthCeiling({ ...plant, kvBytesSharedRead: bytes(5e9) })).toBeCloseTo(2e14 / 30e9, 6);
  });
  it("a shared prefix's KV takes memory: b_cap = (160e9 − 20e9 − 40e9) / 2e8 = 500 → 500 × 4e12 / (20e9 + 40e9 + 500 × 1e8) = 18,181.8", () => {
    const shared = { ...plant, kvBytesShared: bytes(40e9), kvBytesSharedRead: bytes(40e9) };
    expect(effectiveBatch({ ...shared, concurrency: 1000 })).toBeCloseTo(500, 9);
    expect(memoryCapacityCeiling(shared)).toBeCloseTo(2e15 / 110e9, 6);
  });
  it("bytes per output token over the step's tokens, m·E/decodeShare = 50 × 2.5 / 0.8 = 156.25: 25e9 / 156.25 = 1.6e8 B", () => {
    const speculative = { ...plant, tokensPerStep: 2.5, decodeShare: 0.8 };
    expect(bytesPerOutputTokenAt(speculative, 50)).toBeCloseTo(1.6e8, 0);
    // ε_flop·c_tok + ε_byte·bytes per token = 1e-13 × 2e10 + 1e-11 × 1.6e8 = 2e-3 + 1.6e-3 J
    expect(dynamicJoulesPerOutputToken(speculative, 50)).toBeCloseTo(3.6e-3, 12);
  });
  it("two pipeline stages: a sequence advances once per two steps of its 200-sequence microbatch; TPOT 20 ms → step 10 ms → b = 400", () => {
    // step = (20e9 + m × 1e8) / 4e12 = 5 ms + m × 25 µs = 10 ms at m = 200 (compute 200 × 2e10 / 2e15 = 2 ms, below it)
    const staged = { ...plant, stages: 2, concurrency: 1000, tpot: seconds(0.02) };
    expect(timePerOutputToken(staged, 400)).toBeCloseTo(0.02, 12);
    expect(effectiveBatch(staged)).toBeCloseTo(400, 6);
  });
  it("speculative steps of E = 2 tokens: TPOT 10 ms allows a 20 ms step → 5 ms + b × 25 µs = 20 ms → b = 600", () => {
    // compute 600 × 2 × 2e10 / 2e15 = 12 ms, below the 20 ms memory time
    const speculative = { ...plant, tokensPerStep: 2, concurrency: 1000, tpot: seconds(0.01) };
    expect(timePerOutputToken(speculative, 600)).toBeCloseTo(0.01, 12);
    expect(effectiveBatch(speculative)).toBeCloseTo(600, 6);
  });
  it("a compute-bound step slows with the clock the power limit allows: 100 + 100·s³ W = 112.5 W at s = 0.5, so 25 ms becomes 50 ms", () => {
    // c_tok = 1e12, ε_byte = 0, no voltage floor (v = s), no active draw: the step is b·c_tok/(2e15·s) = 25 ms / s at b = 50
    // (memory 6.25 ms); per accelerator P = 100 + ε_flop·s²·c_tok·(2e15·s/c_tok)/2 = 100 + 100·s³.
    const capped = { ...plant, flopPerOutputToken: flopPerOutputToken(1e12), joulesPerByte: joulesPerByte(0), voltageFloor: 0, maxPower: watts(112.5) };
    expect(stepTime(capped, 50)).toBeCloseTo(0.05, 9);
    // TPOT 100 ms: b × 1e12 / (2e15 × 0.5) = b ms → b = 100 (not the 200 of the top clock)
    expect(effectiveBatch({ ...capped, concurrency: 1000, tpot: seconds(0.1) })).toBeCloseTo(100, 6);
  });
  it("a chip over its limit even at the lowest clock runs a duty cycle of (limit − idle) / (power − idle) = 5 / 10: 200 × 0.5 = 100 tokens/s", () => {
    // As above with v = 1 (voltage floor at the top): P = 100 + 100·s; at the lowest clock s = 0.1, 110 W > 105 W;
    // the rate there is 50 / (5e13 / (2e15 × 0.1)) = 200 tokens/s. Idle power is paid whether it runs or not.
    const overLimit = { ...plant, flopPerOutputToken: flopPerOutputToken(1e12), joulesPerByte: joulesPerByte(0), maxPower: watts(105) };
    expect(devicePowerCeiling(overLimit, 50)).toBeCloseTo(100, 9);
  });
});
