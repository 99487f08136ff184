// The latency-target stave in bound mode must not call a reachable TPOT unreachable (issue 12
// review): with a long prompt, putting the prompt's FLOP into every decode step made one
// sequence miss a 20 ms TPOT, and the bound read 0 tok/s — while a plain schedule (prefill the
// prompt, then decode) meets the target on one H100. The bound now times decode steps with
// decode work only (a deployment may prefill elsewhere; the compute stave still counts prefill).
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import { evaluate, parseScenario } from "../../src/index.js";

const run = (document: object) => {
  const parsed = parseScenario(document);
  if (E.isLeft(parsed)) throw new Error(JSON.stringify(parsed.left));
  return evaluate(parsed.right).bound;
};

// Llama-3.1-8B (HF config.json: 8.03e9 parameters, 32 layers, hidden 4096, 8 KV heads × 128)
// on one H100 SXM (datasheet: 989.4 TFLOP/s dense bf16, 3.35 TB/s), bf16, 32,000-token prompt.
const P = 8.03e9;
const LAYERS = 32;
const HIDDEN = 4096;
const L_IN = 32_000;
const PEAK = 989.4e12;
const BW = 3.35e12;
// An achievable schedule, counted generously (so its rate is a floor of what an ideal engine
// does): prefill FLOP = 2·P·L_in (every parameter, LM head at every position) + causal
// attention 4·layers·hidden·L_in²/2; each decode step reads all weights (2 B each) and the
// whole KV cache at its final length (2·layers·8·128·2 B per token).
const prefillSeconds = (2 * P * L_IN + (4 * LAYERS * HIDDEN * L_IN * L_IN) / 2) / PEAK; // ≈ 0.79 s
const kvBytesPerToken = 2 * LAYERS * 8 * 128 * 2; // 131,072 B
const decodeStepSeconds = (2 * P + kvBytesPerToken * (L_IN + 64)) / BW; // ≈ 6.05 ms
const scheduleRate = (outputTokens: number) => outputTokens / (prefillSeconds + (outputTokens - 1) * decodeStepSeconds);

describe("latency-target stave, bound mode: a long prompt does not make a reachable TPOT unreachable", () => {
  it("32k-token prompt, 16 out, TPOT 20 ms on one H100: feasible, at or above prefill-then-decode (≈ 18 tok/s by hand)", () => {
    const bound = run({
      accelerator: "H100-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16",
      workload: { inputTokens: L_IN, outputTokens: 16, concurrency: 1 }, targets: { tpot: "20 ms" },
    });
    expect(decodeStepSeconds).toBeLessThan(0.02); // the schedule meets the target
    expect(bound.feasible).toBe(true);
    expect(bound.ceilings["latency-target"]).toBeGreaterThan(0);
    expect(bound.outputTokensPerSecond).toBeGreaterThanOrEqual(scheduleRate(16));
    expect(scheduleRate(16)).toBeGreaterThan(17);
  });

  it("32k in, 64 out, TPOT 8 ms: feasible, at or above prefill-then-decode", () => {
    const bound = run({
      accelerator: "H100-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16",
      workload: { inputTokens: L_IN, outputTokens: 64, concurrency: 1 }, targets: { tpot: "8 ms" },
    });
    expect(decodeStepSeconds).toBeLessThan(0.008);
    expect(bound.feasible).toBe(true);
    expect(bound.outputTokensPerSecond).toBeGreaterThanOrEqual(scheduleRate(64));
  });

  it("a TPOT one decode step cannot meet stays infeasible (1 ms < weights ÷ bandwidth ≈ 4.8 ms)", () => {
    const bound = run({
      accelerator: "H100-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16",
      workload: { inputTokens: 1000, outputTokens: 16, concurrency: 1 }, targets: { tpot: "1 ms" },
    });
    expect((2 * P) / BW).toBeGreaterThan(0.001);
    expect(bound.ceilings["latency-target"]).toBe(0);
  });
});
