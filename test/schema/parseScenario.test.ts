import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { ACCELERATOR_IDS, ACCELERATORS, DEFAULT_SCENARIO_DOCUMENT, evaluate, formatScenarioError, MODEL_IDS, parseScenario } from "../../src/index.js";

const messages = (doc: unknown): string => {
  const r = parseScenario(doc);
  if (E.isRight(r)) throw new Error("expected a Left");
  return formatScenarioError(r.left);
};
const base = { ...DEFAULT_SCENARIO_DOCUMENT };

describe("parseScenario", () => {
  it("resolves the default scenario with units converted to SI", () => {
    const r = parseScenario(DEFAULT_SCENARIO_DOCUMENT);
    if (E.isLeft(r)) throw new Error(formatScenarioError(r.left));
    expect(r.right.facility.deliveredPower).toBe(1e6);
    expect(r.right.facility.pue).toBe(1.2);
    expect(r.right.precision).toEqual({ weights: "fp8", kv: "bf16", compute: "fp8" });
    expect(r.right.workload.inputTokens).toBe(224);
  });
  it("names the field of each problem", () => {
    expect(messages({ ...base, accelerator: "H900" })).toMatch(/^accelerator: unknown accelerator "H900"/);
    expect(messages({ ...base, model: "gpt-5" })).toMatch(/^model: unknown model "gpt-5"/);
    expect(messages({ ...base, facility: { deliveredPower: "5 J" } })).toContain("facility.deliveredPower: expected a power in W");
    expect(messages({ ...base, facility: { deliveredPower: -5 } })).toContain("facility.deliveredPower: expected a delivered power in (0, 1e15] W, got -5");
    expect(messages({ ...base, facility: { pue: 0.8 } })).toContain("facility.pue: expected a ratio in [1, 10], got 0.8");
    expect(messages({ ...base, workload: { preset: "chat", concurrency: 0 } })).toContain("workload.concurrency: expected a concurrency in (0, 1e12], got 0");
    expect(messages({ ...base, count: 0 })).toContain("count: expected a whole number of accelerators in [1, 1e9], got 0");
    const { model: _m, ...noModel } = base;
    expect(messages(noModel)).toMatch(/^model: /);
    expect(messages({ ...base, facilty: {} })).toContain('unknown field "facilty"');
    expect(messages({ ...base, accelerator: "A100-SXM-80GB", precision: { weights: "fp8", compute: "fp8" } })).toContain(
      "precision.compute: A100-SXM-80GB has no fp8 tensor cores",
    );
    expect(messages(null)).toMatch(/^scenario: /);
    expect(messages({ ...base, targets: { tpot: "fast" } })).toContain("targets.tpot:");
  });
  it("reports several problems at once, one line each", () => {
    const lines = messages({ ...base, count: 0, facility: { pue: 0.5, deliveredPower: "x" } }).split("\n");
    expect(lines.length).toBe(3);
  });
  it("catalog objects with a base and overrides", () => {
    const r = parseScenario({ ...base, accelerator: { base: "H100-SXM", maxPower: "500 W" } });
    if (E.isLeft(r)) throw new Error(formatScenarioError(r.left));
    expect(r.right.accelerator.maxPower).toBe(500);
    expect(r.right.accelerator.memoryBandwidth).toBe(3.35e12);
  });
  it("an inline accelerator's peaks merge per format over its base's; null removes a format", () => {
    const r = parseScenario({ ...base, accelerator: { base: "H100-SXM", peakFlopPerSecond: { fp8: 2e15, bf16: 1e15 } } });
    if (E.isLeft(r)) throw new Error(formatScenarioError(r.left));
    // H100-SXM's catalog peaks (TFLOP/s): fp32 66.9, bf16 989.4, fp16 989.4, fp8 1978.9, int8 1978.9;
    // the two given replace theirs, the other three stay.
    expect(r.right.accelerator.peakFlopPerSecond).toEqual({ fp32: 66.9 * 1e12, bf16: 1e15, fp16: 989.4 * 1e12, fp8: 2e15, int8: 1978.9 * 1e12 });
    expect(messages({ ...base, accelerator: { base: "H100-SXM", peakFlopPerSecond: { bf16: 1e15, fp8: null } }, precision: { weights: "fp8", compute: "fp8" } })).toContain("precision.compute: H100-SXM+custom has no fp8 tensor cores");
  });
  it("an infeasible scenario is a valid answer with rate 0 and a reason", () => {
    const tooBig = parseScenario({ ...base, count: 1, model: "llama-3.1-405b" });
    if (E.isLeft(tooBig)) throw new Error("expected Right");
    const r = evaluate(tooBig.right);
    expect(r.estimate.feasible).toBe(false);
    expect(r.estimate.outputTokensPerSecond).toBe(0);
    expect(r.estimate.binding).toBe("memory-capacity");
    expect(r.estimate.infeasibleReason).toContain("do not fit");
    const tooFast = parseScenario({ ...base, targets: { tpot: "0.1 ms" } });
    if (E.isLeft(tooFast)) throw new Error("expected Right");
    const t = evaluate(tooFast.right);
    expect(t.bound.feasible).toBe(false);
    expect(t.bound.binding).toBe("latency-target");
  });
  it("no facility: no facility-power or cooling stave", () => {
    const { facility: _f, ...noFacility } = base;
    const r = parseScenario(noFacility);
    if (E.isLeft(r)) throw new Error("expected Right");
    const e = evaluate(r.right);
    expect(e.estimate.ceilings["facility-power"]).toBeUndefined();
    expect(e.estimate.ceilings.cooling).toBeUndefined();
  });
});

describe("cross-field checks of inline models and accelerators", () => {
  // A valid inline dense model (a Llama-3.1-8B-like layout) that each case breaks in one place.
  const dense = {
    totalParameters: 8e9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128,
    vocabularySize: 128256, tiedEmbeddings: false,
  };
  const withModel = (model: Record<string, unknown>, path = "model") =>
    path === "model" ? { ...base, model } : { ...base, [path.split(".")[0]!]: path.startsWith("speculative") ? { acceptanceRate: 0.8, draftLength: 4, draftModel: model } : { share: 0.5, model } };
  const refused = (doc: unknown): string[] => messages(doc).split("\n");

  it("the valid layout parses", () => {
    expect(E.isRight(parseScenario(withModel(dense)))).toBe(true);
    expect(E.isRight(parseScenario(withModel({ ...dense, experts: { total: 8, active: 2 }, activeParameters: 2e9 })))).toBe(true);
  });
  it("activeParameters > totalParameters", () => {
    expect(refused(withModel({ ...dense, activeParameters: 9e9 }))).toEqual(["model.activeParameters: expected at most totalParameters (8000000000), got 9000000000"]);
    // also on a catalog base with an override
    expect(refused({ ...base, model: { base: "llama-3.1-8b", activeParameters: 9e9 } })).toEqual(["model.activeParameters: expected at most totalParameters (8030000000), got 9000000000"]);
  });
  it("attention + sliding-window layers > layers", () => {
    expect(refused(withModel({ ...dense, attentionLayers: 20, slidingWindowLayers: 20, slidingWindow: 1024 }))).toEqual([
      "model.attentionLayers: expected attentionLayers + slidingWindowLayers + chunkedAttentionLayers <= layers (32), got 20 + 20 + 0",
    ]);
  });
  it("sliding-window layers without a window", () => {
    expect(refused(withModel({ ...dense, attentionLayers: 16, slidingWindowLayers: 16 }))).toEqual([
      "model.slidingWindow: expected a window >= 1 token with 16 sliding-window layers, got 0",
    ]);
  });
  it("more KV heads than query heads, or KV heads that do not divide them", () => {
    expect(refused(withModel({ ...dense, kvHeads: 64 }))).toEqual(["model.kvHeads: expected at most attentionHeads (32), got 64"]);
    expect(refused(withModel({ ...dense, kvHeads: 6 }))).toEqual([
      "model.kvHeads: expected a divisor of attentionHeads (32): query heads share KV heads in equal groups, got 6",
    ]);
  });
  it("an MLA latent larger than the K and V it replaces", () => {
    expect(refused(withModel({ ...dense, kvLatentDim: 4096 }))).toEqual([
      "model.kvLatentDim: expected at most the 2 × kvHeads × headDim = 2048 elements it replaces, got 4096",
    ]);
    expect(E.isRight(parseScenario(withModel({ ...dense, kvLatentDim: 576 })))).toBe(true);
  });
  it("a mixture of experts with every expert active, or no fewer active parameters", () => {
    expect(refused(withModel({ ...dense, activeParameters: 2e9, experts: { total: 8, active: 8 } }))).toEqual([
      "model.experts.active: expected fewer active experts than total (8), got 8",
    ]);
    expect(refused(withModel({ ...dense, experts: { total: 8, active: 2 } }))).toEqual([
      "model.activeParameters: expected fewer than totalParameters (8000000000) for a mixture of experts, got 8000000000",
    ]);
  });
  it("an untied embedding table larger than the active parameters", () => {
    expect(refused(withModel({ ...dense, totalParameters: 5e8, vocabularySize: 256000 }))).toEqual([
      "model.vocabularySize: expected an untied embedding table (vocabularySize × hiddenSize = 1048576000) smaller than activeParameters (500000000), got vocabularySize 256000",
    ]);
    // tied, the same table is the LM head: fine
    expect(E.isRight(parseScenario(withModel({ ...dense, totalParameters: 5e8, vocabularySize: 256000, tiedEmbeddings: true })))).toBe(true);
  });
  it("the draft and routed models are checked under their own paths", () => {
    expect(refused(withModel({ ...dense, kvHeads: 64 }, "speculative.draftModel"))).toEqual([
      "speculative.draftModel.kvHeads: expected at most attentionHeads (32), got 64",
    ]);
    expect(refused(withModel({ ...dense, activeParameters: 9e9 }, "routing.model"))).toEqual([
      "routing.model.activeParameters: expected at most totalParameters (8000000000), got 9000000000",
    ]);
  });
  it("an accelerator whose board power is not above its static power", () => {
    const idle = ACCELERATORS["H100-SXM"].power.idlePower;
    expect(refused({ ...base, accelerator: { base: "H100-SXM", maxPower: idle / 2 } })).toEqual([
      `accelerator.maxPower: expected a board power above the static power (idlePower ${idle} W), got ${idle / 2} W`,
    ]);
    expect(refused({ ...base, accelerator: { base: "H100-SXM", idlePower: "800 W" } })).toEqual([
      "accelerator.idlePower: expected a static power below maxPower (700 W), got 800 W",
    ]);
    expect(E.isRight(parseScenario({ ...base, accelerator: { base: "H100-SXM", maxPower: "500 W", idlePower: "100 W" } }))).toBe(true);
  });
  it("every catalog model and accelerator passes the checks as a base", () => {
    for (const id of MODEL_IDS) expect(E.isRight(parseScenario({ ...base, accelerator: "B200", model: { base: id } })), id).toBe(true);
    for (const id of ACCELERATOR_IDS) expect(E.isRight(parseScenario({ ...base, accelerator: { base: id }, precision: "bf16" })), id).toBe(true);
  });
});

