import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { evaluate, plan, siteOutput, type Scenario } from "../../src/index.js";
import { scenarioOf } from "../helpers/scenario.js";

const b200 = scenarioOf({ accelerator: "B200", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: "chat", targets: { tpot: "50 ms" } });
const h100 = scenarioOf({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: "chat", targets: { tpot: "50 ms" } });
const siteless = (s: Scenario, replicas: number): Scenario => {
  const { deliveredPower: _p, coolingCapacity: _c, ...facility } = s.facility;
  return { ...s, replicas, facility };
};

describe("plan", () => {
  it("checked forward: the planned replicas meet 1M output tokens/s and one replica fewer does not", () => {
    const r = plan([b200], { outputTokensPerSecond: 1e6 });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const option = r.right.cheapest!;
    expect(option.accelerators).toBe(option.replicas * 8);
    expect(evaluate(siteless(b200, option.replicas)).estimate.outputTokensPerSecond).toBeGreaterThanOrEqual(1e6);
    expect(evaluate(siteless(b200, option.replicas - 1)).estimate.outputTokensPerSecond).toBeLessThan(1e6);
    expect(option.nodes).toBe(Math.ceil(option.accelerators / 8));
    expect(option.meterPower).toBeGreaterThan(option.itPower);
  });
  it("a requests/s target, and the cheapest of several accelerators first", () => {
    const r = plan([h100, b200], { requestsPerSecond: 500 });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const [first, second] = r.right.options;
    expect(first!.usdPerHour.total).toBeLessThanOrEqual(second!.usdPerHour.total);
    for (const option of r.right.options) {
      const s = option.accelerator === "B200" ? b200 : h100;
      expect(evaluate(siteless(s, option.replicas)).estimate.requestsPerSecond).toBeGreaterThanOrEqual(500);
      expect(evaluate(siteless(s, option.replicas - 1)).estimate.requestsPerSecond).toBeLessThan(500);
    }
  });
  it("an option that cannot serve is listed last with the reason", () => {
    const tooSmall = scenarioOf({ accelerator: "L40S", count: 1, model: "llama-3.1-405b", precision: "fp8", workload: "chat" });
    const r = plan([tooSmall, b200], { outputTokensPerSecond: 1e4 });
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.options.at(-1)!.feasible).toBe(false);
    expect(r.right.options.at(-1)!.reason).toContain("do not fit");
    expect(r.right.cheapest!.accelerator).toBe("B200");
  });
  it("bad targets are Left", () => {
    expect(E.isLeft(plan([b200], {}))).toBe(true);
    expect(E.isLeft(plan([b200], { outputTokensPerSecond: -1 }))).toBe(true);
    expect(E.isLeft(plan([b200], { outputTokensPerSecond: 1, requestsPerSecond: 1 }))).toBe(true);
  });
  it("siteOutput: tokens per day = rate × 86400 and per year = rate × 31536000", () => {
    const out = siteOutput(b200);
    expect(out.outputTokensPerDay).toBeCloseTo(out.outputTokensPerSecond * 86400, 3);
    expect(out.outputTokensPerYear).toBeCloseTo(out.outputTokensPerSecond * 31_536_000, 0);
  });
});
