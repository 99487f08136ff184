import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { dominates, paretoFront, planSearch, type PlanSearch, type SearchCandidate } from "../../src/index.js";
import { caseCounter } from "../helpers/cases.js";
import { runWithFiles } from "../helpers/cli.js";
import { scenarioOf } from "../helpers/scenario.js";

const searched = (r: E.Either<{ message: string }, PlanSearch>): PlanSearch => {
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const point = (c: SearchCandidate): [number, number] => [c.usdPerMillionTokens, c.joulesPerOutputToken];

describe("paretoFront by hand", () => {
  it("keeps the points nothing beats on both coordinates; equal points both stay", () => {
    // (cost, energy): A(1,5) B(2,3) C(3,4) D(2,3) E(4,1) F(4,2).
    // C is beaten by B (2 < 3, 3 < 4); F by E (same cost, 1 < 2); B and D are equal: neither
    // dominates the other. The front is A, B, D, E.
    const points = [
      { id: "A", c: 1, e: 5 }, { id: "B", c: 2, e: 3 }, { id: "C", c: 3, e: 4 },
      { id: "D", c: 2, e: 3 }, { id: "E", c: 4, e: 1 }, { id: "F", c: 4, e: 2 },
    ];
    expect(paretoFront(points, (p) => [p.c, p.e]).map((p) => p.id)).toEqual(["A", "B", "D", "E"]);
    expect(dominates([2, 3], [2, 3])).toBe(false);
    expect(dominates([4, 1], [4, 2])).toBe(true);
  });
  it("property: no kept point is dominated; every dropped point is dominated by a kept one", () => {
    const cases = caseCounter("pareto points");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 40 }), (pts) => {
        cases.drawn();
        const front = paretoFront(pts, (p) => p);
        for (const kept of front) expect(pts.some((other) => dominates(other, kept))).toBe(false);
        const dropped = pts.filter((p) => !front.includes(p));
        for (const p of dropped) expect(front.some((kept) => dominates(kept, p))).toBe(true);
        if (dropped.length > 0) cases.checked();
      }),
      { numRuns: 300, seed: 15 },
    );
    cases.expectAtLeast(200);
  });
});

describe("planSearch", () => {
  const doc = {
    accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "bf16", workload: { preset: "chat", concurrency: 64 },
    facility: { pue: 1.25, electricityPrice: "0.10 USD/kWh", acceleratorHourPrice: "2 USD/h" },
    targets: { tpot: "50 ms" },
  };

  it("a small case by hand: fp8 weights beat bf16 on cost and energy; the row's prices follow from its own power and rate", () => {
    const r = searched(planSearch([scenarioOf(doc)], { outputTokensPerSecond: 1e5 }, { counts: [8], precisions: ["bf16", "fp8"], concurrencies: [64], parallelism: "keep" }));
    expect(r.evaluated).toBe(2);
    const [bf16, fp8] = r.candidates;
    expect([bf16!.precision.weights, fp8!.precision.weights]).toEqual(["bf16", "fp8"]);
    expect(bf16!.feasible && fp8!.feasible).toBe(true);
    // Decode is memory-bound at 64 in flight: fp8 reads half the weight bytes per step, so each
    // replica serves more and draws about the same power: fewer replicas, less cost and energy.
    expect(fp8!.replicas).toBeLessThan(bf16!.replicas);
    expect(r.pareto.map((c) => c.precision.weights)).toEqual(["fp8"]);
    // The row names its scenario and knobs.
    expect(fp8).toMatchObject({ index: 0, accelerator: "H100-SXM", model: "llama-3.1-70b", count: 8, concurrency: 64, parallelism: { tensor: 8, expert: 1, pipeline: 1, data: 1 } });
    expect(fp8!.label).toBe("H100-SXM · llama-3.1-70b | ×8 TP8 fp8 | concurrency 64");
    // USD/h = accelerators × 2 USD/h + meter power (W) × 0.10 USD/kWh / 1000;
    // USD per M tokens = USD/h ÷ (tokens/s × 3600) × 1e6; J/token = meter W ÷ tokens/s.
    const c = fp8!;
    const usdPerHour = c.accelerators * 2 + (c.meterPower / 1000) * 0.1;
    expect(c.accelerators).toBe(c.replicas * 8);
    expect(c.usdPerHour.total).toBeCloseTo(usdPerHour, 6);
    expect(c.usdPerMillionTokens).toBeCloseTo((usdPerHour / (c.outputTokensPerSecond * 3600)) * 1e6, 9);
    expect(c.joulesPerOutputToken).toBeCloseTo(c.meterPower / c.outputTokensPerSecond, 9);
    expect(c.outputTokensPerSecond).toBeGreaterThanOrEqual(1e5);
  });

  it("site limits: a site smaller than a candidate's meter power makes it infeasible with the reason", () => {
    const open = searched(planSearch([scenarioOf(doc)], { outputTokensPerSecond: 1e5 }, { counts: [8], precisions: ["bf16", "fp8"], concurrencies: [64], parallelism: "keep" }));
    const [bf16, fp8] = open.candidates;
    // A site between the two candidates' needs: fp8 fits, bf16 does not.
    const site = (fp8!.meterPower + bf16!.meterPower) / 2;
    expect(fp8!.meterPower).toBeLessThan(bf16!.meterPower);
    const limited = searched(planSearch([scenarioOf({ ...doc, facility: { ...doc.facility, deliveredPower: site } })], { outputTokensPerSecond: 1e5 }, { counts: [8], precisions: ["bf16", "fp8"], concurrencies: [64], parallelism: "keep" }));
    expect(limited.candidates.map((c) => c.feasible)).toEqual([false, true]);
    expect(limited.candidates[0]!.reason).toBe(`the site (${(site / 1e6).toFixed(3)} MW delivered) cannot run its ${bf16!.accelerators} accelerators at full load (${(bf16!.meterPower / 1e6).toFixed(3)} MW average at the meter)`);
    // At U = 0.5 the average draw is far below full load: a site just above the average cannot
    // run the plant flat out (the facility-power stave holds the full-load draw), so it does not fit.
    const half = { ...doc, utilization: 0.5 };
    const [averaged] = searched(planSearch([scenarioOf(half)], { outputTokensPerSecond: 1e5 }, { counts: [8], precisions: ["fp8"], concurrencies: [64], parallelism: "keep" })).candidates;
    const tight = searched(planSearch([scenarioOf({ ...half, facility: { ...doc.facility, deliveredPower: 1.01 * averaged!.meterPower } })], { outputTokensPerSecond: 1e5 }, { counts: [8], precisions: ["fp8"], concurrencies: [64], parallelism: "keep" }));
    expect(tight.candidates[0]!.feasible).toBe(false);
    // A quality floor above fp4's declared loss (Kurtic et al.: 4-bit about −1.5 %) excludes it.
    const floored = searched(planSearch([scenarioOf({ ...doc, accelerator: "B200", targets: { tpot: "50 ms", qualityFloor: 0.99 } })], { outputTokensPerSecond: 1e5 }, { counts: [8], precisions: ["fp4"], concurrencies: [64], parallelism: "keep" }));
    expect(floored.feasible).toBe(0);
    expect(floored.candidates[0]!.reason).toContain("below the floor 0.99");
  });

  it("a count as large as the ranges allow (1e9) is searched without building an array of its size", () => {
    // 1e9 = 2⁹·5⁹ has 10·10 = 100 divisors: pipeline depths to try, not a billion.
    const r = planSearch([scenarioOf(doc)], { outputTokensPerSecond: 1e6 }, { counts: [1e9], precisions: ["fp8"], concurrencies: [16] });
    expect(E.isRight(r)).toBe(true);
    if (E.isRight(r)) expect(r.right.candidates.length).toBeGreaterThan(0);
  });

  it("layouts: pipeline and expert parallelism only where valid (dense: none with experts)", () => {
    const dense = searched(planSearch([scenarioOf(doc)], { outputTokensPerSecond: 1e5 }, { counts: [4], precisions: ["fp8"], concurrencies: [64] }));
    // count 4 = tensor × pipeline: (4,1), (2,2), (1,4); a dense model has no expert layouts.
    expect(dense.candidates.map((c) => [c.parallelism.tensor, c.parallelism.pipeline, c.parallelism.expert, c.parallelism.data])).toEqual([[4, 1, 1, 1], [2, 2, 1, 1], [1, 4, 1, 1]]);
    const moe = searched(planSearch([scenarioOf({ ...doc, model: "qwen3-30b-a3b" })], { outputTokensPerSecond: 1e5 }, { counts: [2], precisions: ["fp8"], concurrencies: [64] }));
    // count 2: (TP2), (TP2 EP2), (PP2), (TP1 PP2 EP2), and data-parallel attention (DP2 EP2).
    expect(moe.candidates.map((c) => [c.parallelism.tensor, c.parallelism.pipeline, c.parallelism.expert, c.parallelism.data])).toEqual([[2, 1, 1, 1], [2, 1, 2, 1], [1, 2, 1, 1], [1, 2, 2, 1], [1, 1, 2, 2]]);
  });

  it("property: no Pareto row is dominated by a feasible candidate, every dropped feasible candidate is dominated by a Pareto row", () => {
    const cases = caseCounter("plan search");
    const arbitrary = fc.record({
      accelerator: fc.constantFrom("H100-SXM", "B200", "MI300X", "L40S"),
      model: fc.constantFrom("llama-3.1-8b", "llama-3.1-70b", "qwen3-30b-a3b"),
      counts: fc.subarray([1, 2, 4, 8], { minLength: 1, maxLength: 2 }),
      precisions: fc.subarray(["bf16", "fp8", "fp4"] as const, { minLength: 1, maxLength: 2 }),
      concurrencies: fc.subarray([8, 32, 128, 256], { minLength: 1, maxLength: 3 }),
      tpot: fc.constantFrom(0.02, 0.05, 0.1),
      rate: fc.constantFrom(1e4, 1e5, 1e6),
    });
    fc.assert(
      fc.property(arbitrary, (a) => {
        cases.drawn();
        const s = scenarioOf({ accelerator: a.accelerator, count: 1, model: a.model, precision: "bf16", workload: "chat", targets: { tpot: a.tpot } });
        const r = searched(planSearch([s], { outputTokensPerSecond: a.rate }, { counts: a.counts, precisions: [...a.precisions], concurrencies: a.concurrencies, parallelism: "keep" }));
        const feasible = r.candidates.filter((c) => c.feasible);
        expect(r.feasible).toBe(feasible.length);
        for (const row of r.pareto) {
          expect(row.feasible).toBe(true);
          expect(feasible.some((other) => dominates(point(other), point(row)))).toBe(false);
        }
        const dropped = feasible.filter((c) => !r.pareto.includes(c));
        for (const c of dropped) expect(r.pareto.some((row) => dominates(point(row), point(c)))).toBe(true);
        // Pareto rows are cheapest first.
        for (let i = 1; i < r.pareto.length; i++) expect(r.pareto[i]!.usdPerMillionTokens).toBeGreaterThanOrEqual(r.pareto[i - 1]!.usdPerMillionTokens);
        if (dropped.length > 0) cases.checked(r.pareto.length > 1 ? "front of several" : "front of one");
      }),
      { numRuns: 30, seed: 15 },
    );
    cases.expectAtLeast(15);
  });

  it("tpf plan --search: a table of the Pareto set, JSON with the knobs, bad knobs exit 2", () => {
    const files = { "s.json": JSON.stringify(doc) };
    const table = runWithFiles(["plan", "s.json", "--search", "--target-tokens", "1e5", "--counts", "8", "--precisions", "bf16,fp8", "--concurrency", "64", "--parallelism", "keep"], files);
    expect(table.code).toBe(0);
    expect(table.out.split("\n")[0]).toBe("target: 100000 output tokens/s; 2 candidates, 2 meet the targets and fit the site, 1 on the cost/energy Pareto set");
    expect(table.out).toContain("H100-SXM · llama-3.1-70b | ×8 TP8 fp8 | concurrency 64");
    const json = runWithFiles(["plan", "s.json", "--search", "--target-tokens=1e5", "--counts=8", "--precisions=fp8", "--concurrency=64,128", "--json"], files);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { evaluated: number; pareto: { precision: { weights: string }; concurrency: number; count: number; parallelism: { tensor: number; pipeline: number } }[] };
    // Layouts of 8 by default: TP8, TP4 PP2, TP2 PP4, TP1 PP8; × 2 concurrencies.
    expect(parsed.evaluated).toBe(8);
    for (const row of parsed.pareto) {
      expect(row).toMatchObject({ precision: { weights: "fp8" }, count: 8 });
      expect(row.parallelism.tensor * row.parallelism.pipeline).toBe(8);
    }
    const bad = runWithFiles(["plan", "s.json", "--search", "--target-tokens", "1e5", "--counts", "0,8"], files);
    expect([bad.code, bad.err]).toEqual([2, "counts.0: expected a whole number of accelerators in [1, 1e9], got 0"]);
    const badPrecision = runWithFiles(["plan", "s.json", "--search", "--target-tokens", "1e5", "--precisions", "fp9"], files);
    expect(badPrecision.code).toBe(2);
    expect(badPrecision.err).toContain('--precisions: unknown "fp9"');
    const withoutSearch = runWithFiles(["plan", "s.json", "--target-tokens", "1e5", "--counts", "8"], files);
    expect([withoutSearch.code, withoutSearch.err]).toEqual([2, "--counts: only with --search"]);
  });
});
