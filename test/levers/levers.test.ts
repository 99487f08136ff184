import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  adaptiveReasoning,
  batching,
  compareLevers,
  compose,
  evaluate,
  expectedTokensPerStep,
  facilityLever,
  kvBytesPerSequence,
  kvCompression,
  MODELS,
  plantOf,
  powerCap,
  quantization,
  routing,
  sparseAttention,
  speculativeDecoding,
} from "../../src/index.js";
import { capacityBatch } from "../../src/staves/decodeStep.js";
import { limitedProfile, powerProfileAt, rateAtClock } from "../../src/staves/devicePower.js";
import { ratio, seconds, watts } from "../../src/units/index.js";
import { applied, scenarioOf } from "../helpers/scenario.js";

const llama = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "bf16", workload: "8k1k" });

describe("levers by hand", () => {
  it("fp8 weights halve the weight bytes per step", () => {
    const after = applied(quantization({ weights: "fp8" }).apply(llama));
    expect(plantOf(after, "estimate").weightBytesPerStep(64)).toBeCloseTo(plantOf(llama, "estimate").weightBytesPerStep(64) / 2, 0);
  });
  it("quantization({ kv }) changes the KV precision and halves KV bytes: 2 × 8 × 128 × 1 B × 80 layers = 163,840 B per token", () => {
    const after = applied(quantization({ kv: "fp8" }).apply(llama));
    expect(llama.precision).toEqual({ weights: "bf16", kv: "bf16", compute: "bf16" });
    expect(after.precision).toEqual({ weights: "bf16", kv: "fp8", compute: "bf16" });
    expect(kvBytesPerSequence(after.model, after.precision.kv, 1000)).toBe(163_840 * 1000);
    expect(kvBytesPerSequence(llama.model, llama.precision.kv, 1000)).toBe(327_680 * 1000);
    // Weights alone leave the KV format as it was.
    expect(applied(quantization({ weights: "fp8" }).apply(llama)).precision.kv).toBe("bf16");
  });
  it("KV compression divides an MLA latent, not the heads it replaces: DeepSeek-V3 576 / 4 = 144 elements, 61 × 144 × 2 B per token", () => {
    const deepseek = scenarioOf({ accelerator: "H200-SXM", count: 8, model: "deepseek-v3", precision: "fp8", workload: "chat" });
    expect(deepseek.model.kvLatentDim).toBe(576);
    const after = applied(kvCompression({ ratio: 4 }).apply(deepseek));
    expect(after.model.kvLatentDim).toBe(144);
    expect(kvBytesPerSequence(after.model, "bf16", 1)).toBe(61 * 144 * 2);
    // Without a latent the ratio divides 2 × KV heads × head dim: Llama 3.1 70B, 2048 / 4 = 512.
    expect(applied(kvCompression({ ratio: 4 }).apply(llama)).model.kvLatentDim).toBe(512);
    expect(applied(kvCompression({ latentDim: 256 }).apply(deepseek)).model.kvLatentDim).toBe(256);
  });
  it("fp8 on A100 is a clear error", () => {
    const a100 = scenarioOf({ accelerator: "A100-SXM-80GB", count: 8, model: "llama-3.1-70b", precision: "bf16", workload: "chat" });
    const r = quantization({ weights: "fp8", compute: "fp8" }).apply(a100);
    expect(E.isLeft(r) && r.left.message).toContain("A100-SXM-80GB has no fp8 tensor cores");
  });
  it("4× KV compression quadruples the batch that fits: (M − W) / (KV/4)", () => {
    const after = applied(kvCompression({ ratio: 4 }).apply(llama));
    expect(capacityBatch(plantOf(after, "bound")) / capacityBatch(plantOf(llama, "bound"))).toBeCloseTo(4, 10);
  });
  it("MLA latent 576 replaces 2 × 8 × 128 = 2048 elements: KV read per sequence × 576/2048", () => {
    const after = applied(kvCompression({ latentDim: 576 }).apply(llama));
    expect(plantOf(after, "bound").kvBytesPerSequenceMean / plantOf(llama, "bound").kvBytesPerSequenceMean).toBeCloseTo(576 / 2048, 12);
  });
  it("top-2048 sparse attention reads 2048 of the mean 8192 + 512 = 8704 context tokens; storage is unchanged", () => {
    const after = applied(sparseAttention({ topK: 2048 }).apply(llama));
    expect(plantOf(after, "bound").kvBytesPerSequenceMean / plantOf(llama, "bound").kvBytesPerSequenceMean).toBeCloseTo(2048 / 8704, 12);
    expect(plantOf(after, "bound").kvBytesPerSequenceHeld).toBe(plantOf(llama, "bound").kvBytesPerSequenceHeld);
  });
  it("speculative decoding: E = (1 − 0.8⁵) / 0.2 = 3.3616 tokens per step", () => {
    expect(expectedTokensPerStep(0.8, 4)).toBeCloseTo(3.3616, 12);
    expect(expectedTokensPerStep(1, 4)).toBe(5);
    expect(expectedTokensPerStep(0, 4)).toBe(1);
    const after = applied(speculativeDecoding({ acceptanceRate: 0.8, draftLength: 4, draftModel: MODELS["llama-3.1-8b"] }).apply(llama));
    expect(plantOf(after, "bound").tokensPerStep).toBeCloseTo(3.3616, 12);
  });
  it("adaptive reasoning scales output tokens per request (8k1k: 1024 × 0.776 = 794.6)", () => {
    expect(applied(adaptiveReasoning().apply(llama)).workload.outputTokens).toBeCloseTo(794.624, 9);
  });
  it("a power cap above the draw scales the device-power stave by (cap − static)/(TDP − static); below it the chip clocks down until it draws the cap", () => {
    // 8 × H100, Llama-3.1-70B bf16, 8k1k at batch 64: the modeled draw at the top clock is
    // between 600 and 700 W (checked below), so a 680 W cap does not bind and a 600 W cap does.
    const plant = plantOf(llama, "estimate");
    const batch = 64;
    const top = powerProfileAt(plant, batch, 1);
    expect(top.power).toBeGreaterThan(600);
    expect(top.power).toBeLessThan(680);
    const stave = (s: typeof llama) => evaluate(s).estimate.ceilings["device-power"]!;
    // Not binding: the stave is the rate at which the draw would reach the limit,
    // N·(limit − static)/dynamic J per token, so two limits compare as (limit − static).
    const at680 = applied(powerCap({ maxPower: watts(680) }).apply(llama));
    expect(stave(at680) / stave(llama)).toBeCloseTo((680 - top.staticPower) / (700 - top.staticPower), 9);
    // Binding: the clock falls below the top until the draw is the cap, and the stave is the
    // step rate at that clock.
    const at600 = applied(powerCap({ maxPower: watts(600) }).apply(llama));
    const capped = plantOf(at600, "estimate");
    const { clock, profile } = limitedProfile(capped, batch);
    expect(clock).toBeLessThan(1);
    expect(profile.power).toBeCloseTo(600, 3);
    expect(stave(at600)).toBeCloseTo(rateAtClock(capped, batch, clock), 6);
    expect(stave(at600)).toBeLessThan(top.rate);
  });
  it("batching sets the concurrency and U; facility sets PUE: the facility stave scales by 1.3/1.1", () => {
    const site = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "bf16", workload: "chat", facility: { deliveredPower: "10 kW", pue: 1.3 } });
    const b = applied(batching({ concurrency: 256, utilization: ratio(0.5) }).apply(site));
    expect([b.workload.concurrency, b.utilization]).toEqual([256, 0.5]);
    const f = applied(facilityLever({ pue: ratio(1.1) }).apply(site));
    expect(evaluate(f).estimate.ceilings["facility-power"]! / evaluate(site).estimate.ceilings["facility-power"]!).toBeCloseTo(1.3 / 1.1, 12);
  });
  it("routing 50/50: request rate 1 / (0.5/r_A + 0.5/r_B), J per token averaged, quality averaged", () => {
    const small = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-8b", precision: "bf16", workload: "8k1k" });
    const rA = evaluate(llama).estimate;
    const rB = evaluate(small).estimate;
    const mixed = applied(routing({ share: 0.5, model: MODELS["llama-3.1-8b"], modelQualityDelta: -0.1 }).apply(llama));
    const r = evaluate(mixed).estimate;
    expect(r.outputTokensPerSecond).toBeCloseTo(1 / (0.5 / rA.outputTokensPerSecond + 0.5 / rB.outputTokensPerSecond), 6);
    expect(r.joulesPerOutputToken!.facility).toBeCloseTo(0.5 * rA.joulesPerOutputToken!.facility + 0.5 * rB.joulesPerOutputToken!.facility, 12);
    const row = compareLevers(llama, [routing({ share: 0.5, model: MODELS["llama-3.1-8b"], modelQualityDelta: -0.1 })]).find((x) => !x.baseline)!;
    expect(row.quality).toBeCloseTo(0.95, 12);
  });
});

describe("lever bookkeeping by hand", () => {
  it("sparse attention refuses a kept fraction outside (0, 1] and a top-k below 1", () => {
    const cases = [
      [sparseAttention({ keptFraction: 1.5 }), "keptFraction: expected a kept fraction in (0, 1], got 1.5"],
      [sparseAttention({ keptFraction: 0 }), "keptFraction: expected a kept fraction in (0, 1], got 0"],
      [sparseAttention({ topK: 0.5 }), "topK: expected a top-k in whole tokens in [1, 1e12] token, got 0.5"],
    ] as const;
    for (const [bad, message] of cases) {
      const r = bad.apply(llama);
      expect(E.isLeft(r) && r.left.message).toBe(message);
    }
    expect(E.isRight(sparseAttention({ keptFraction: 1 }).apply(llama))).toBe(true);
  });
  it("J per request is J per output token × the lever's own output length: adaptive reasoning, 1024 × 0.776 = 794.624 tokens", () => {
    const rows = compareLevers(llama, [adaptiveReasoning({ outputFactor: 0.776 })]);
    const baseline = rows.find((r) => r.baseline)!;
    const row = rows.find((r) => !r.baseline)!;
    expect(baseline.joulesPerRequest! / (baseline.joulesPerOutputToken! * 1024)).toBeCloseTo(1, 12);
    expect(row.joulesPerRequest! / (row.joulesPerOutputToken! * 794.624)).toBeCloseTo(1, 12);
    expect(row.deltaJoulesPerRequest!).toBeCloseTo(row.joulesPerRequest! - baseline.joulesPerRequest!, 6);
    expect(row.requestsPerSecond / (row.outputTokensPerSecond / 794.624)).toBeCloseTo(1, 12);
  });
  it("a power cap outside the board's settable range cannot act: H100 SXM 200–700 W (nvidia-smi -q -d POWER)", () => {
    const idle = llama.accelerator.power.idlePower;
    const r = powerCap({ maxPower: watts(idle / 2) }).apply(llama);
    expect(E.isLeft(r) && r.left.message).toContain(`expected a power limit within H100-SXM's settable range 200–700 W, got ${idle / 2} W`);
    expect(E.isLeft(powerCap({ maxPower: watts(199) }).apply(llama))).toBe(true);
    expect(E.isLeft(powerCap({ maxPower: watts(701) }).apply(llama))).toBe(true);
    expect(E.isRight(powerCap({ maxPower: watts(200) }).apply(llama))).toBe(true);
    expect(E.isRight(powerCap({ maxPower: watts(700) }).apply(llama))).toBe(true);
  });
  it("routing declares Δq = share × the second model's Δq: 25% × −0.2 = −0.05", () => {
    expect(routing({ share: 0.25, model: MODELS["llama-3.1-8b"], modelQualityDelta: -0.2 }).qualityDelta).toBeCloseTo(-0.05, 15);
    const row = compareLevers(llama, [routing({ share: 0.25, model: MODELS["llama-3.1-8b"], modelQualityDelta: -0.2 })]).find((x) => !x.baseline)!;
    expect(row.quality).toBeCloseTo(0.95, 12);
  });
  it("routing 25% to the small model: request rate 1 / (0.75/r_A + 0.25/r_B)", () => {
    const small = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-8b", precision: "bf16", workload: "8k1k" });
    const rA = evaluate(llama).estimate.outputTokensPerSecond;
    const rB = evaluate(small).estimate.outputTokensPerSecond;
    const mixed = evaluate(applied(routing({ share: 0.25, model: MODELS["llama-3.1-8b"], modelQualityDelta: -0.1 }).apply(llama))).estimate;
    expect(mixed.outputTokensPerSecond / (1 / (0.75 / rA + 0.25 / rB))).toBeCloseTo(1, 12);
    // The plant spends (0.25/r_B) / (0.75/r_A + 0.25/r_B) of its time on B: power mixes by that time share.
    const pA = evaluate(llama).estimate.averagePower.facility;
    const pB = evaluate(small).estimate.averagePower.facility;
    const timeB = 0.25 / rB / (0.75 / rA + 0.25 / rB);
    expect(rB).not.toBeCloseTo(rA, 0);
    expect(mixed.averagePower.facility / ((1 - timeB) * pA + timeB * pB)).toBeCloseTo(1, 12);
    // and energy per token mixes by request share (equal output lengths): 0.75·J_A + 0.25·J_B
    const jA = evaluate(llama).estimate.joulesPerOutputToken!.facility;
    const jB = evaluate(small).estimate.joulesPerOutputToken!.facility;
    expect(mixed.joulesPerOutputToken!.facility / (0.75 * jA + 0.25 * jB)).toBeCloseTo(1, 12);
  });
  it("a combination applies its levers left to right: the last weight format wins", () => {
    const both = compose(quantization({ weights: "fp8" }), quantization({ weights: "int4", compute: "bf16" }));
    expect(applied(both.apply(llama)).precision.weights).toBe("int4");
    expect(applied(compose(quantization({ weights: "int4", compute: "bf16" }), quantization({ weights: "fp8" })).apply(llama)).precision.weights).toBe("fp8");
    // a capped then uncapped board: the later cap holds
    expect(applied(compose(powerCap({ maxPower: watts(500) }), powerCap({ maxPower: watts(600) })).apply(llama)).accelerator.maxPower).toBe(600);
    expect(both.qualityDelta).toBeCloseTo(0 + -0.015, 15);
  });
  it("PUE 1.2 → 1.0 without a site limit: same tokens/s, facility J/token ÷ 1.2, and the baseline's power buys 20% more tokens", () => {
    expect(llama.facility.pue).toBe(1.2);
    const rows = compareLevers(llama, [facilityLever({ pue: ratio(1) })]);
    const baseline = rows.find((r) => r.baseline)!;
    const row = rows.find((r) => !r.baseline)!;
    expect(row.outputTokensPerSecond).toBe(baseline.outputTokensPerSecond);
    expect(row.impliedPhi).toBe(1);
    expect(row.joulesPerOutputToken! / (baseline.joulesPerOutputToken! / 1.2)).toBeCloseTo(1, 12);
    expect(row.deltaJoulesPerOutputToken!).toBeCloseTo(baseline.joulesPerOutputToken! * (1 / 1.2 - 1), 12);
    // baseline facility power P buys P / J tokens/s: P/(J/1.2) − P/J = 0.2 × P/J = 0.2 × the baseline's tokens/s
    expect(row.deltaTokensPerSecondSamePower! / (0.2 * baseline.outputTokensPerSecond)).toBeCloseTo(1, 9);
    expect(row.deltaJoulesPerRequest!).toBeCloseTo(row.deltaJoulesPerOutputToken! * 1024, 9);
  });
});

describe("compareLevers", () => {
  it("ranks, reports feasibility with the reason, and keeps infeasible rows last", () => {
    const rows = compareLevers(
      llama,
      [
        quantization({ weights: "fp8", compute: "fp8" }),
        quantization({ compute: "fp4" }),
        routing({ share: 0.5, model: MODELS["llama-3.1-8b"], modelQualityDelta: -0.1 }),
        batching({ concurrency: 4096 }),
      ],
      { qualityFloor: 0.99, targets: { tpot: seconds(0.05) } },
    );
    const feasible = rows.filter((r) => r.feasible);
    expect(rows.slice(0, feasible.length).every((r) => r.feasible)).toBe(true);
    const reasons = rows.filter((r) => !r.feasible).map((r) => r.reason);
    expect(reasons.some((r) => r?.includes("no fp4 tensor cores"))).toBe(true);
    expect(reasons.some((r) => r?.includes("below q* 0.99"))).toBe(true);
    for (let i = 1; i < feasible.length; i++) expect(feasible[i - 1]!.outputTokensPerSecond).toBeGreaterThanOrEqual(feasible[i]!.outputTokensPerSecond);
    expect(rows.find((r) => r.baseline)!.impliedPhi).toBe(1);
  });
  it("a TPOT target no batch meets makes every row infeasible with the latency reason", () => {
    const rows = compareLevers(llama, [kvCompression({ ratio: 2 })], { targets: { tpot: seconds(1e-4) } });
    expect(rows.every((r) => !r.feasible && r.reason?.includes("latency"))).toBe(true);
  });
});

describe("direction checks against published effects", () => {
  it("MLA-style KV compression raises the memory-bound decode ceiling (DeepSeek-V2, arXiv 2405.04434: −93.3% KV, 5.76× max generation throughput)", () => {
    const before = evaluate(llama).bound;
    expect(before.binding).toBe("memory-bandwidth");
    const after = evaluate(applied(kvCompression({ latentDim: 576 }).apply(llama))).bound;
    expect(after.ceilings["memory-bandwidth"]!).toBeGreaterThan(before.ceilings["memory-bandwidth"]!);
    expect(after.outputTokensPerSecond).toBeGreaterThan(before.outputTokensPerSecond);
  });
  it("speculative decoding raises tokens per joule at low concurrency (Leviathan et al., ICML 2023, arXiv 2211.17192: 2–3× faster at batch 1)", () => {
    const single = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "bf16", workload: { preset: "chat", concurrency: 1 } });
    const after = applied(speculativeDecoding({ acceptanceRate: 0.8, draftLength: 4, draftModel: MODELS["llama-3.1-8b"] }).apply(single));
    expect(evaluate(after).estimate.outputTokensPerJoule!).toBeGreaterThan(evaluate(single).estimate.outputTokensPerJoule!);
  });
  // KNOWN GAP (README, "Where the estimate is wrong"): the measured runs have fp8 below bf16 by
  // 8–13 % at batch 96–256; the calibrated model has fp8 0.6–3 % above bf16,
  // because its per-layer cost of the block-scaled fp8 expert kernels (fitted on the small-batch
  // runs, where fp8 is measured slower) does not shrink at large batch as the runs show. This
  // test fails the day the model reproduces the direction; then drop `.fails`.
  it.fails("fp8 vs bf16 lowers J/token at large batch, in the layout the runs used (ML.ENERGY v3, Qwen3-235B-A22B on 8 × H100, expert parallel: −11 % at batch 96, −8 % at 128, −13 % at 256)", () => {
    for (const concurrency of [96, 128, 256]) {
      const bf16 = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "qwen3-235b-a22b", precision: "bf16", parallelism: { tensor: 8, expert: 8 }, workload: { preset: "chat", concurrency } });
      const fp8 = applied(quantization({ weights: "fp8", compute: "fp8" }).apply(bf16));
      expect(evaluate(fp8).estimate.joulesPerOutputToken!.accelerator).toBeLessThan(evaluate(bf16).estimate.joulesPerOutputToken!.accelerator);
    }
  });
});
