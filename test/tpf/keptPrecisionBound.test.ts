// A checkpoint that keeps some tensors wider (gpt-oss: attention, router and embeddings in bf16
// beside MXFP4 experts) does not make those bytes a physical floor: an engine may quantize them
// to the declared format (issue 12 review). Invariant: the bound of gpt-oss-120b equals the
// bound of the same model with no kept precision, while the estimate (which serves the
// checkpoint as published) keeps reading the wider tensors and so stays below.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import { evaluate, parseScenario, type Scenario } from "../../src/index.js";

const parsed = parseScenario({
  accelerator: "B200", count: 1, model: "gpt-oss-120b",
  precision: { weights: "mxfp4", kv: "fp8", compute: "fp4" },
  workload: { inputTokens: 1000, outputTokens: 1000, concurrency: 1 },
});
if (E.isLeft(parsed)) throw new Error("scenario must parse");
const published: Scenario = parsed.right;
const { keptPrecision, ...rest } = published.model;
const allDeclared: Scenario = { ...published, model: rest };

describe("kept wider tensors are the checkpoint's choice, not a floor of the bound", () => {
  it("gpt-oss-120b keeps tensors in bf16 (the catalog says so)", () => {
    expect(keptPrecision?.precision).toBe("bf16");
    expect(keptPrecision!.parameters).toBeGreaterThan(1e9);
  });

  it("bound: equal with and without the kept precision (every stave)", () => {
    const a = evaluate(published).bound;
    const b = evaluate(allDeclared).bound;
    expect(a.outputTokensPerSecond).toBeCloseTo(b.outputTokensPerSecond, 6);
    for (const [stave, ceiling] of Object.entries(b.ceilings)) expect(a.ceilings[stave as keyof typeof a.ceilings]).toBeCloseTo(ceiling!, 6);
  });

  it("estimate: the published checkpoint reads more bytes per step than the all-MXFP4 one (batch 1 decode, memory-bound)", () => {
    expect(evaluate(published).estimate.outputTokensPerSecond).toBeLessThan(evaluate(allDeclared).estimate.outputTokensPerSecond);
  });
});
