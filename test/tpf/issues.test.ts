import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { ACCELERATORS, boundCoefficients, clockLock, compareLevers, DEFAULT_SCENARIO_DOCUMENT, evaluate, FACILITIES, parseScenario, powerCap, type Scenario } from "../../src/index.js";
import { energySharesOf, type FullLoadPower } from "../../src/tpf/energyReport.js";
import { flopPerSecond, hertz, ratio, watts } from "../../src/units/index.js";

// The "done when" cases of issues 12 (a sound bound) and 13 (a physical power model), each with
// the document the issue gives.

const parse = (document: unknown): Scenario => {
  const s = parseScenario(document);
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return s.right;
};
const apply = (scenario: Scenario, lever: ReturnType<typeof powerCap>): Scenario => {
  const applied = lever.apply(scenario);
  if (E.isLeft(applied)) throw new Error(applied.left.message);
  return applied.right;
};

describe("issue 12: the bound", () => {
  it("8×H100 fp8 on 8k/16: the device-power stave is at least what 1.54 PFLOP/s of FP8 gives (≥ 0.78 × compute)", () => {
    const { bound } = evaluate(parse({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: { inputTokens: 8192, outputTokens: 16, concurrency: 256 } }));
    expect(bound.ceilings["device-power"]!).toBeGreaterThanOrEqual((1.54e15 / 1.9789e15) * bound.ceilings.compute!);
  });
  it("8×B200 on 8k/16: the device-power stave is at least the compute stave in bf16, fp8 and fp4", () => {
    for (const precision of ["bf16", "fp8", "fp4"]) {
      const { bound } = evaluate(parse({ accelerator: "B200", count: 8, model: "llama-3.1-70b", precision, workload: { inputTokens: 8192, outputTokens: 16, concurrency: 256 } }));
      expect(bound.ceilings["device-power"]!, precision).toBeGreaterThanOrEqual(bound.ceilings.compute!);
    }
  });
  it("Qwen3-14B bf16 on one H100 with 512 in / 6,711 out admits the 59 sequences ML.ENERGY measured", () => {
    const { bound } = evaluate(parse({ accelerator: "H100-SXM", count: 1, model: "qwen3-14b", precision: "bf16", workload: { inputTokens: 512, outputTokens: 6711, concurrency: 59 } }));
    expect(bound.effectiveBatch).toBeGreaterThanOrEqual(59);
  });
  it("a co-served pair: the bound's rate equals its binding mixed ceiling, and both models' weights are resident", () => {
    const document = { accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "bf16", workload: { inputTokens: 8192, outputTokens: 1024, concurrency: 512 } };
    const routed = evaluate(parse({ ...document, routing: { share: 0.5, model: "llama-3.1-8b" } })).bound;
    expect(routed.outputTokensPerSecond).toBeCloseTo(routed.ceilings[routed.binding]!, 6);
    // The capacity ceiling of the pair is below that of the large model alone with the small one's weights absent.
    const alone = evaluate(parse(document)).bound;
    expect(routed.ceilings["memory-capacity"]!).toBeLessThan(2 * alone.ceilings["memory-capacity"]!);
  });
});

describe("the bound's energy per byte is the class floor, not the typical figure", () => {
  it("HBM2E: 3.9 pJ/bit (Samsung HBM3E, the lowest HBM figure found) = 31.2 pJ/B, not the typical 6.0 pJ/bit; GDDR6: 7.25 pJ/bit (GDDR6X, Micron) = 58 pJ/B", () => {
    expect(boundCoefficients({ bf16: flopPerSecond(312e12) }, 400, "hbm2e").joulesPerByte).toBeCloseTo(31.2e-12, 20);
    expect(boundCoefficients({ bf16: flopPerSecond(362e12) }, 350, "gddr6").joulesPerByte).toBeCloseTo(58e-12, 20);
    // The catalog's A100 (HBM2E) and L40S (GDDR6) carry the same.
    expect(ACCELERATORS["A100-SXM-80GB"].power.bound.joulesPerByte).toBeCloseTo(31.2e-12, 20);
    expect(ACCELERATORS["L40S"].power.bound.joulesPerByte).toBeCloseTo(58e-12, 20);
  });
});

describe("energy shares by hand", () => {
  it("idle 200 W, active 300 W, dynamic 500 W (boards), hosts 100 W, PSU 0.9, U = 0.5, PUE 1.25: every board share carries its PSU loss", () => {
    const full: FullLoadPower = {
      accelerator: watts(1000), it: watts(1000 / 0.9 + 100), facility: watts((1000 / 0.9 + 100) * 1.25),
      idle: watts(200), active: watts(300), dynamic: watts(500), hosts: watts(100), psu: 0.9,
    };
    // IT at U = 0.5: 200/0.9 + 0.5·300/0.9 + 0.5·500/0.9 + 100 = (200 + 150 + 250 + 90)/0.9 = 690/0.9 W;
    // at the meter × 1.25 = 862.5/0.9 W. Shares (× 0.9 throughout): 200, 150, 250, 90 of 862.5; facility 1 − 1/1.25.
    const shares = energySharesOf(full, ratio(0.5), 1.25);
    expect(shares.idle).toBeCloseTo(200 / 862.5, 12);
    expect(shares.active).toBeCloseTo(150 / 862.5, 12);
    expect(shares.dynamic).toBeCloseTo(250 / 862.5, 12);
    expect(shares.hosts).toBeCloseTo(90 / 862.5, 12);
    expect(shares.facility).toBeCloseTo(0.2, 12);
  });
});

describe("issue 13: the power model", () => {
  const base = parse({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: { inputTokens: 1024, outputTokens: 1024, concurrency: 256 } });
  it("a 350 W cap on 8×H100 is accepted; bound and estimate stay at or below the uncapped ones and above 0", () => {
    const capped = evaluate(apply(base, powerCap({ maxPower: watts(350) })));
    const free = evaluate(base);
    for (const mode of ["bound", "estimate"] as const) {
      expect(capped[mode].outputTokensPerSecond).toBeGreaterThan(0);
      expect(capped[mode].outputTokensPerSecond).toBeLessThanOrEqual(free[mode].outputTokensPerSecond * (1 + 1e-12));
    }
  });
  it("a cap outside the settable range is refused, naming the range", () => {
    const applied = powerCap({ maxPower: watts(150) }).apply(base);
    expect(E.isLeft(applied) && applied.left.message).toMatch(/200–700 W/);
  });
  it("memory-bound decode barely feels a cap: Llama 3.1 8B bf16, batch 4, keeps ≥ 85 % of its rate at 450 W", () => {
    const small = parse({ accelerator: "H100-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16", workload: { inputTokens: 256, outputTokens: 512, concurrency: 4 } });
    const capped = evaluate(apply(small, powerCap({ maxPower: watts(450) }))).estimate.outputTokensPerSecond;
    expect(capped).toBeGreaterThanOrEqual(0.85 * evaluate(small).estimate.outputTokensPerSecond);
  });
  it("a clock lock keeps memory-bound decode's rate and lowers its energy per token", () => {
    const small = parse({ accelerator: "H100-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16", workload: { inputTokens: 256, outputTokens: 512, concurrency: 4 } });
    const locked = evaluate(apply(small, clockLock({ clock: hertz(1.2e9) }))).estimate;
    const free = evaluate(small).estimate;
    expect(locked.outputTokensPerSecond).toBeGreaterThanOrEqual(0.95 * free.outputTokensPerSecond);
    expect(locked.joulesPerOutputToken!.accelerator).toBeLessThan(free.joulesPerOutputToken!.accelerator);
  });
  it("at U = 0.01 the default scenario's H100s average 30–150 W each", () => {
    const r = evaluate(parse({ ...DEFAULT_SCENARIO_DOCUMENT, utilization: 0.01 })).estimate;
    const perAccelerator = r.averagePower.accelerator / 8;
    expect(perAccelerator).toBeGreaterThanOrEqual(30);
    expect(perAccelerator).toBeLessThanOrEqual(150);
  });
  it("on a 3 kW site (PUE 1.2) the plant's average facility power is at most 3 kW, and compareLevers' same-power deltas use it", () => {
    const site = parse({ ...DEFAULT_SCENARIO_DOCUMENT, facility: { deliveredPower: "3 kW", pue: 1.2 } });
    const r = evaluate(site).estimate;
    expect(r.binding).toBe("facility-power");
    expect(r.averagePower.facility).toBeLessThanOrEqual(3000 * (1 + 1e-12));
    const [baseline] = compareLevers(site, []);
    expect(baseline!.estimate!.averagePower.facility).toBeLessThanOrEqual(3000 * (1 + 1e-12));
  });
  it("fp8 → fp4 on B200 gains where compute binds", () => {
    const fp8 = evaluate(parse({ accelerator: "B200", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: { inputTokens: 8192, outputTokens: 16, concurrency: 256 } })).estimate;
    const fp4 = evaluate(parse({ accelerator: "B200", count: 8, model: "llama-3.1-70b", precision: "fp4", workload: { inputTokens: 8192, outputTokens: 16, concurrency: 256 } })).estimate;
    expect(fp4.outputTokensPerSecond).toBeGreaterThan(1.3 * fp8.outputTokensPerSecond);
  });
  it("hosts are charged per accelerator: one H100 of an 8-way node carries 1,850 / 8 W of host power", () => {
    const one = parse({ accelerator: "H100-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16", workload: "chat" });
    const r = evaluate(one).estimate;
    const psu = FACILITIES.unconstrained.facility.psuEfficiency;
    expect(r.averagePower.it).toBeCloseTo(r.averagePower.accelerator / psu + 1850 / 8, 6);
  });
  it("the GB200 NVL72 preset charges a rack-scale host share per GPU", () => {
    const nvl = FACILITIES["liquid-cooled-nvl72"].facility;
    expect(nvl.hostPowerPerNode / nvl.acceleratorsPerNode).toBeGreaterThan(150);
    expect(nvl.hostPowerPerNode / nvl.acceleratorsPerNode).toBeLessThan(400);
  });
  it("one H200 runs Llama 3.1 8B faster than one H100 on 8k/1k (43 % more bandwidth)", () => {
    const h200 = evaluate(parse({ accelerator: "H200-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16", workload: "8k1k" })).estimate;
    const h100 = evaluate(parse({ accelerator: "H100-SXM", count: 1, model: "llama-3.1-8b", precision: "bf16", workload: "8k1k" })).estimate;
    expect(h200.outputTokensPerSecond).toBeGreaterThan(h100.outputTokensPerSecond);
  });
  it("the energy shares sum to 1", () => {
    const shares = evaluate(parse(DEFAULT_SCENARIO_DOCUMENT)).estimate.energyShares;
    expect(shares.idle + shares.active + shares.dynamic + shares.hosts + shares.facility).toBeCloseTo(1, 12);
  });
});
