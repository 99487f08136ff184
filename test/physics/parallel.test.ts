import { describe, expect, it } from "vitest";
import { allReduceTime, allToAllTime, expertLoadImbalance, kvReplication, MODELS, stepCommunicationTime, touchedExpertsOnBusiestDevice } from "../../src/index.js";

// The multi-GPU estimate's terms by hand (issue 14), each expected value written out from its
// formula and the model's config.

describe("parallel layout by hand", () => {
  it("tensor-parallel all-reduce: 64 positions × 8,192 × 2 B over 8 ranks at 450 GB/s and 10 µs = 2·7/8·1,048,576/450e9 + 10 µs = 14.0778 µs", () => {
    expect(allReduceTime(64 * 8192 * 2, 8, 450e9, 10e-6)).toBeCloseTo(1.75 * 1_048_576 / 450e9 + 10e-6, 15);
    expect(allReduceTime(64 * 8192 * 2, 8, 450e9, 10e-6)).toBeCloseTo(14.0778e-6, 9);
    expect(allReduceTime(1e6, 1, 450e9, 10e-6)).toBe(0);
  });
  it("a Llama 3.1 70B step on 8-way tensor parallelism: 80 layers × 2 all-reduces of the step's positions", () => {
    const link = { bandwidth: 450e9, latency: 10e-6 };
    const layout = { tensor: 8, expert: 1, pipeline: 1, data: 1 };
    expect(stepCommunicationTime(MODELS["llama-3.1-70b"], layout, link, 64)).toBeCloseTo(160 * (1.75 * 1_048_576 / 450e9 + 10e-6), 12);
  });
  it("expert-parallel all-to-all: 7/8 of the bytes leave each device, plus the latency", () => {
    expect(allToAllTime(8e6, 8, 450e9, 10e-6)).toBeCloseTo((7 / 8) * 8e6 / 450e9 + 10e-6, 15);
  });
  it("Qwen3-235B (128 experts, top 8) on 8 expert-parallel devices, 16 routed tokens: the busiest device touches 14.2089 of its 16 experts", () => {
    // q = 1 − (1 − 8/128)^16 = 0.643926; per device μ = 16·q = 10.30281, σ = √(16·q·(1 − q)) = 1.91535;
    // busiest ≈ μ + σ·√(2·ln 8) = 10.30281 + 1.91535 × 2.03933 = 14.20885.
    expect(touchedExpertsOnBusiestDevice(MODELS["qwen3-235b-a22b"], 16, 8)).toBeCloseTo(14.20885, 4);
    // On one device no imbalance: all 128 experts, E·q = 82.4225.
    expect(touchedExpertsOnBusiestDevice(MODELS["qwen3-235b-a22b"], 16, 1)).toBeCloseTo(128 * 0.6439259, 3);
    // Never more than the device holds. At 64 tokens q = 1 − (15/16)^64 = 0.983925, μ = 15.74279,
    // σ = √(16·q·(1 − q)) = 0.503062: μ + σ·√(2·ln 8) = 16.7687 would exceed the 16 held, so 16.
    // (At 4,096 tokens q rounds to 1 and σ to 0: that case cannot tell a cap from none.)
    expect(touchedExpertsOnBusiestDevice(MODELS["qwen3-235b-a22b"], 64, 8)).toBe(16);
    expect(touchedExpertsOnBusiestDevice(MODELS["qwen3-235b-a22b"], 4096, 8)).toBe(16);
  });
  it("token load on the busiest of 8 devices: 64 tokens × 8 experts / 8 = 64 assignments ± √(64·7/8)·√(2 ln 8)", () => {
    const mean = 64;
    expect(expertLoadImbalance(MODELS["qwen3-235b-a22b"], 64, 8)).toBeCloseTo((mean + Math.sqrt(mean * 7 / 8) * Math.sqrt(2 * Math.log(8))) / mean, 12);
  });
  it("KV replication across tensor ranks: 4 KV heads on 8 ranks are held twice; an MLA latent on every rank", () => {
    expect(kvReplication(MODELS["qwen3-235b-a22b"], 8)).toBe(2);
    expect(kvReplication(MODELS["llama-3.1-70b"], 8)).toBe(1);
    expect(kvReplication(MODELS["deepseek-v3"], 8)).toBe(8);
  });
});
