import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_DOCUMENT, evaluate, formatScenarioError, parseScenario } from "../../src/index.js";

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
    expect(messages({ ...base, facility: { deliveredPower: -5 } })).toContain("facility.deliveredPower: expected a non-negative power, got -5");
    expect(messages({ ...base, facility: { pue: 0.8 } })).toContain("facility.pue: expected a ratio >= 1 (and <= 10), got 0.8");
    expect(messages({ ...base, workload: { preset: "chat", concurrency: 0 } })).toContain("workload.concurrency: expected a concurrency > 0, got 0");
    expect(messages({ ...base, count: 0 })).toContain("count: expected a whole number of accelerators >= 1, got 0");
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
