import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { closestIds, DEFAULT_SCENARIO_DOCUMENT, formatScenarioError, parseLevers, parseScenario } from "../../src/index.js";
import { runInMemory } from "./memoryIo.js";

const base = { ...DEFAULT_SCENARIO_DOCUMENT };
const problems = (doc: unknown): string => {
  const r = parseScenario(doc);
  return E.isLeft(r) ? formatScenarioError(r.left) : "";
};

describe("catalog ids: case-insensitive, with suggestions", () => {
  it("ids match ignoring case and resolve to the catalog spelling", () => {
    const lower = parseScenario({ ...base, accelerator: "h100-sxm", model: "LLAMA-3.1-70B", workload: "Chat", facility: { preset: "AIR-COOLED-HGX" } });
    expect(E.isRight(lower)).toBe(true);
    const s = (lower as E.Right<import("../../src/index.js").Scenario>).right;
    expect([s.accelerator.id, s.model.id, s.workload.id, s.facility.id]).toEqual(["H100-SXM", "llama-3.1-70b", "chat", "air-cooled-hgx"]);
    // air-cooled-hgx has PUE 1.3 (InferenceX profile, src/catalog/facilities.ts).
    expect(s.facility.pue).toBe(1.3);
  });
  it("an unknown id names the field, suggests the near ids, and still lists them all", () => {
    expect(problems({ ...base, accelerator: "H900" })).toMatch(/^accelerator: unknown accelerator "H900" \(did you mean "H100-PCIe", "H100-SXM" or "H200-SXM"\?\); expected one of A100-SXM-80GB, /);
    expect(problems({ ...base, model: "llama-3.1-70" })).toMatch(/^model: unknown model "llama-3.1-70" \(did you mean "llama-3.1-70b"/);
    expect(problems({ ...base, workload: "caht" })).toMatch(/^workload: unknown workload preset "caht" \(did you mean "chat"\?\)/);
    expect(problems({ ...base, accelerator: "zzzzzz" })).toMatch(/^accelerator: unknown accelerator "zzzzzz"; expected one of /);
    expect(closestIds(["H100-SXM"], "x".repeat(10_000))).toEqual([]);
  });
  it("precision and engine ids forgive case and suggest; an unknown field suggests the near known one", () => {
    const r = parseScenario({ ...base, precision: { weights: "FP8", kv: "Fp8" }, engine: "VLLM" });
    expect(E.isRight(r)).toBe(true);
    const s = (r as E.Right<import("../../src/index.js").Scenario>).right;
    expect([s.precision.weights, s.precision.kv, s.engine]).toEqual(["fp8", "fp8", "vllm"]);
    expect(problems({ ...base, precision: "fp9" })).toMatch(/^precision: expected one of fp32, .*got "fp9" \(did you mean "fp4", "fp8" or "fp16"\?\)$/);
    expect(problems({ ...base, engine: "vllmm" })).toBe('engine: expected one of vllm, sglang, tensorrt-llm, got "vllmm" (did you mean "vllm"?)');
    expect(problems({ ...base, facilty: {} })).toBe('scenario: unknown field "facilty" (did you mean "facility"?)');
    expect(problems({ ...base, targets: { tpott: 0.05 } })).toBe('targets: unknown field "tpott" (did you mean "tpot"?)');
    expect(problems({ ...base, facility: { pue: 1.2, deliverdPower: 1e6 } })).toBe('facility: unknown field "deliverdPower" (did you mean "deliveredPower"?)');
    expect(problems({ ...base, zzzzzzzz: 1 })).toBe('scenario: unknown field "zzzzzzzz"');
    // Missing required fields say so, in the library's words (no raw zod text).
    expect(problems({ accelerator: "H100-SXM", model: "llama-3.1-8b", precision: "bf16", workload: "chat" })).toBe(
      "count: expected a whole number of accelerators in [1, 1e9], got nothing (the field is required)",
    );
    expect(problems({ accelerator: "H100-SXM", count: 8 }).split("\n")).toEqual([
      "model: expected a model id (string) or object, got nothing (the field is required)",
      'precision: expected a precision ("fp8") or { weights, kv?, compute? }, got nothing (the field is required)',
      "workload: expected a workload preset id (string) or object, got nothing (the field is required)",
    ]);
  });
  it("the CLI: plan --accelerators and crossover --parameter forgive case and suggest", async () => {
    const files = { "s.json": JSON.stringify(base) };
    const plan = await runInMemory(["plan", "s.json", "--target-tokens", "1e6", "--accelerators", "b200,h100-sxm", "--json"], files);
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.out) as { options: { accelerator: string }[] }).options.map((o) => o.accelerator).sort()).toEqual(["B200", "H100-SXM"]);
    const bad = await runInMemory(["plan", "s.json", "--target-tokens", "1e6", "--accelerators", "B2000"], files);
    expect(bad.err).toContain('unknown B2000 (did you mean "B200"');
    const parameter = await runInMemory(["crossover", "s.json", "--parameter", "facility.deliveredpowr", "--low", "1", "--high", "2"], files);
    expect(parameter.code).toBe(2);
    expect(parameter.err).toContain('(did you mean "facility.deliveredPower"?)');
  });
});

describe("lever errors name the kinds and the fields", () => {
  const issues = (levers: unknown): string[] => {
    const r = parseLevers(levers);
    return E.isLeft(r) ? r.left.map((i) => `${i.path}: ${i.message}`) : [];
  };
  it("an unknown kind lists the valid kinds and the near one", () => {
    const [line] = issues([{ kind: "quantisation", weights: "fp8" }]);
    expect(line).toBe('levers.0.kind: unknown lever kind "quantisation" (did you mean "quantization"?); expected one of quantization, kv-compression, sparse-attention, routing, adaptive-reasoning, speculative-decoding, power-cap, clock-lock, batching, facility');
    expect(issues([{ weights: "fp8" }])[0]).toMatch(/^levers\.0\.kind: required: the lever kind, expected one of quantization, /);
    expect(issues(["fp8"])[0]).toMatch(/^levers\.0: expected a lever \{ kind, … \}/);
    expect(issues({ kind: "batching" })[0]).toMatch(/^levers: expected an array of levers/);
  });
  it("an unknown or missing field lists the kind's fields", () => {
    expect(issues([{ kind: "kv-compression", ratoi: 4 }])).toEqual(['levers.0: unknown field "ratoi" for kv-compression; its fields: ratio?, latentDim?, qualityDelta? (? = optional)']);
    expect(issues([[{ kind: "batching", concurrency: 8 }, { kind: "routing", share: 0.3, model: "llama-3.1-8b" }]])).toEqual([
      "levers.0.1.modelQualityDelta: required for routing (its fields: share, model, modelQualityDelta; ? = optional)",
    ]);
    // Field values keep their own messages; model ids forgive case.
    expect(issues([{ kind: "routing", share: 2, model: "llama-3.1-8b", modelQualityDelta: 0 }])[0]).toMatch(/^levers\.0\.share: /);
    expect(E.isRight(parseLevers([{ kind: "routing", share: 0.3, model: "LLAMA-3.1-8B", modelQualityDelta: 0 }]))).toBe(true);
  });
});
