import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { formatScenarioError, isParameterName, parseLevers, parseScenario, PARAMETER_NAMES, PARAMETERS, type ScenarioDocument } from "../../src/index.js";

// Every field of ScenarioDocument, so a field the type documents but parseScenario refuses
// (or renamed) fails here.
const everything: ScenarioDocument = {
  accelerator: { base: "H100-SXM", name: "tuned H100", peakFlopPerSecond: { bf16: "989.4 TFLOPS", fp4: 3.9578e15, int4: null }, memoryCapacity: "80 GB", memoryBandwidth: "3.35 TB/s", maxPower: "700 W", idlePower: "90 W", activePower: "400 W", clockLock: "1.5 GHz", source: "test", date: "2026-11" },
  count: 8,
  replicas: 2,
  model: { base: "llama-3.1-70b", name: "llama", totalParameters: 70.55e9, activeParameters: 70.55e9, layers: 80, attentionLayers: 80, slidingWindowLayers: 0, slidingWindow: 0, hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, headDim: 128, vocabularySize: 128256, tiedEmbeddings: false, chunkedAttentionLayers: 0, attentionChunk: 8192, recurrentStatePrecision: "bf16", keptPrecision: { parameters: 1e9, precision: "bf16" }, source: "test", date: "2024-07" },
  precision: { weights: "fp8", kv: "bf16", compute: "fp8" },
  workload: { preset: "chat", inputTokens: 224, outputTokens: 779, concurrency: 64, sharedPrefixTokens: 128 },
  facility: {
    preset: "air-cooled-hgx", deliveredPower: "1 MW", pue: 1.3, coolingCapacity: "1.2 MW", hostPowerPerNode: "1.85 kW", acceleratorsPerNode: 8, psuEfficiency: 0.96,
    grid: "us-average", carbonIntensity: "367 g/kWh", carbonBasis: "location", waterIntensity: "0.3 L/kWh", electricityPrice: "0.08 USD/kWh", acceleratorHourPrice: "2.5 USD/h",
  },
  targets: { ttft: "2 s", tpot: "50 ms", qualityFloor: 0.9 },
  efficiency: { compute: 0.5, bandwidth: 0.8, memory: 0.9, stepOverhead: "2 ms", sequenceOverhead: "50 us", layerLatency: "20 us", expertLayerLatency: "10 us", quantizedExpertLayerLatency: "5 us", computeHalfWidth: 1024, overlap: 0.5 },
  parallelism: { tensor: 4, pipeline: 2, expert: 1, data: 1 },
  engine: "sglang",
  utilization: 0.8,
  quality: 1,
  speculative: { acceptanceRate: 0.7, draftLength: 4, draftModel: "llama-3.1-8b" },
  routing: { share: 0.2, model: "llama-3.1-8b", precision: "fp8", quality: 0.95 },
  levers: [{ kind: "power-cap", maxPower: "500 W" }, [{ kind: "kv-compression", ratio: 4 }, { kind: "facility", pue: 1.1 }]],
};

describe("ScenarioDocument", () => {
  it("a document using every documented field parses, levers included", () => {
    const parsed = parseScenario(everything);
    expect(E.isLeft(parsed) ? formatScenarioError(parsed.left) : "").toBe("");
    expect(E.isRight(parseLevers(everything.levers))).toBe(true);
    const s = (parsed as E.Right<import("../../src/index.js").Scenario>).right;
    // Spot checks against the document: 1 MW delivered, 50 ms TPOT, 2.5 USD/h = 2.5/3600 USD/s.
    expect([s.facility.deliveredPower, s.targets.tpot, s.facility.acceleratorHourPrice * 3600, s.replicas]).toEqual([1e6, 0.05, 2.5, 2]);
    // The fields of the later scenario issues: 1.5 GHz, 128 shared tokens, TP4 × PP2, SGLang, fp4 peak added, int4 removed.
    expect([s.accelerator.clockLock, s.workload.sharedPrefixTokens, s.parallelism.tensor, s.parallelism.pipeline, s.engine]).toEqual([1.5e9, 128, 4, 2, "sglang"]);
    expect([s.accelerator.peakFlopPerSecond.fp4, s.accelerator.peakFlopPerSecond.int4, s.accelerator.peakFlopPerSecond.fp8]).toEqual([3.9578e15, undefined, 1978.9e12]);
  });
  it("an MoE model with MLA: its inline fields parse", () => {
    const moe: ScenarioDocument = {
      accelerator: "B200", count: 8, precision: "fp8", workload: "chat", parallelism: { tensor: 1, expert: 8, data: 8 },
      model: { base: "deepseek-v3", qkHeadDim: 192, valueHeadDim: 128, mla: { latentRank: 512, ropeDim: 64 }, expertLayers: 58, kvLatentDim: 576, experts: { total: 256, active: 8, shared: 1 } },
    };
    const parsed = parseScenario(moe);
    expect(E.isLeft(parsed) ? formatScenarioError(parsed.left) : "").toBe("");
  });
  it("ParameterName: PARAMETER_NAMES are exactly the PARAMETERS keys; isParameterName narrows", () => {
    expect([...PARAMETER_NAMES]).toEqual(Object.keys(PARAMETERS));
    expect(isParameterName("facility.pue")).toBe(true);
    expect(isParameterName("facility.peu")).toBe(false);
  });
});
