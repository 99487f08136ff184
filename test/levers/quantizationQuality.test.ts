// The quantization lever's declared Δq is a format's loss from bf16 (Kurtic et al., arXiv
// 2411.02355: fp4 taken as int4, −1.5 %). A scenario already served in fp4 has paid it: taking
// it to fp4 again changes nothing, taking it to bf16 gains the 1.5 % back (issue 15 review:
// plan --search refused an fp4 scenario of quality 1 against its own 0.99 floor).
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { parseScenario, planSearch, quantization, type Scenario } from "../../src/index.js";

const scenario = (precision: string, extra: object = {}): Scenario => {
  const r = parseScenario({ accelerator: "B200", count: 8, model: "llama-3.1-70b", precision, workload: "chat", quality: 1, ...extra });
  if (E.isLeft(r)) throw new Error("scenario must parse");
  return r.right;
};
const qualityAfter = (from: Scenario, weights: "fp4" | "bf16" | "fp8") => {
  const r = quantization({ weights, compute: weights }).apply(from);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right.quality;
};

describe("quantization Δq is from bf16, not added twice", () => {
  it("bf16 → fp4: 1 − 0.015 = 0.985", () => expect(qualityAfter(scenario("bf16"), "fp4")).toBeCloseTo(0.985, 12));
  it("fp4 → fp4: unchanged at 1", () => expect(qualityAfter(scenario("fp4"), "fp4")).toBeCloseTo(1, 12));
  it("fp4 → bf16: 1 + 0.015 = 1.015 (the scenario's own loss given back)", () => expect(qualityAfter(scenario("fp4"), "bf16")).toBeCloseTo(1.015, 12));
  it("an explicit qualityDelta applies as given", () => {
    const r = quantization({ weights: "fp4", compute: "fp4", qualityDelta: -0.05 }).apply(scenario("fp4"));
    expect(E.isRight(r) && r.right.quality).toBeCloseTo(0.95, 12);
  });
  it("plan --search: an fp4 scenario of quality 1 meets its own 0.99 floor in fp4", () => {
    const r = planSearch([scenario("fp4", { targets: { qualityFloor: 0.99 } })], { outputTokensPerSecond: 1e5 }, { precisions: ["fp4"], counts: [8], concurrencies: [64], parallelism: "keep" });
    expect(E.isRight(r)).toBe(true);
    if (E.isRight(r)) expect(r.right.pareto.length).toBeGreaterThan(0);
  });
});
