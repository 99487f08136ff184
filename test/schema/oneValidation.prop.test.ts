import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  batching,
  clockLock,
  crossover,
  facilityLever,
  kvCompression,
  MODELS,
  parseLevers,
  parseScenario,
  FIELD_RANGES,
  evaluate,
  plan,
  planSearch,
  PARAMETERS,
  powerCap,
  routing,
  sparseAttention,
  speculativeDecoding,
  sweep,
  uncertain,
  type FieldRange,
  type Lever,
  type RangePath,
} from "../../src/index.js";
import { hertz, ratio, watts } from "../../src/units/index.js";
import { caseCounter } from "../helpers/cases.js";
import { scenarioOf } from "../helpers/scenario.js";

// "One validation" (issue 15): a value parseScenario refuses for a field is refused by every
// other entry point that takes that field: crossover ranges, uncertain inputs, sweep grids, the
// lever constructors and the lever specs, planSearch's knobs. The precondition is checked, not
// assumed: each drawn value is first put in a scenario document and parseScenario must say Left.

const BASE = {
  accelerator: { base: "H100-SXM" },
  count: 8,
  model: { base: "llama-3.1-70b" },
  precision: "fp8",
  workload: { preset: "chat" },
  facility: { deliveredPower: 1e6, coolingCapacity: 1.2e6, pue: 1.2 },
  targets: { ttft: 2, tpot: 0.05 },
};
const scenario = scenarioOf(BASE);
const draft = MODELS["llama-3.1-8b"];

/** The document with `path` set to `value`, intermediate objects created (with their other required fields). */
const withField = (path: string, value: unknown): unknown => {
  const doc: Record<string, unknown> = structuredClone(BASE);
  if (path.startsWith("routing.")) doc.routing = { share: 0.1, model: "llama-3.1-8b" };
  if (path.startsWith("speculative.")) doc.speculative = { acceptanceRate: 0.7, draftLength: 4, draftModel: "llama-3.1-8b" };
  const keys = path.split(".");
  let at = doc;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    at[key] = typeof next === "object" && next !== null ? next : {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
  return doc;
};

/**
 * Values outside a range, built from its written bounds: just past an end (or the end itself
 * when open), far past it, a non-whole number for whole-number fields, NaN and ±Infinity.
 */
const outside = (range: FieldRange): fc.Arbitrary<number> => {
  const candidates: fc.Arbitrary<number>[] = [fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)];
  if (Number.isFinite(range.low)) {
    candidates.push(fc.double({ min: 1e-9, max: 1e6, noNaN: true }).map((d) => range.low - d * Math.max(1, Math.abs(range.low))));
    if (range.lowOpen) candidates.push(fc.constant(range.low));
  }
  if (Number.isFinite(range.high)) {
    candidates.push(fc.double({ min: 1e-9, max: 1e6, noNaN: true }).map((d) => range.high + d * Math.max(1, Math.abs(range.high))));
    if (range.highOpen) candidates.push(fc.constant(range.high));
  }
  if (range.integer) candidates.push(fc.integer({ min: Math.max(range.low, 1), max: Math.min(range.high, 1e6) - 1 }).map((n) => n + 0.5));
  return fc.oneof(...candidates);
};

/** Each lever field with the scenario field parseScenario checks for the same quantity, and the lever built from a value. */
const LEVER_FIELDS: readonly { path: RangePath; scenarioField: string; lever: (v: number) => Lever; spec: (v: number) => unknown }[] = [
  { path: "levers.facility.pue", scenarioField: "facility.pue", lever: (v) => facilityLever({ pue: ratio(v) }), spec: (v) => ({ kind: "facility", pue: v }) },
  { path: "levers.facility.coolingCapacity", scenarioField: "facility.coolingCapacity", lever: (v) => facilityLever({ coolingCapacity: watts(v) }), spec: (v) => ({ kind: "facility", coolingCapacity: v }) },
  { path: "levers.batching.concurrency", scenarioField: "workload.concurrency", lever: (v) => batching({ concurrency: v }), spec: (v) => ({ kind: "batching", concurrency: v }) },
  { path: "levers.batching.utilization", scenarioField: "utilization", lever: (v) => batching({ utilization: ratio(v) }), spec: (v) => ({ kind: "batching", utilization: v }) },
  { path: "levers.sparse-attention.keptFraction", scenarioField: "model.attentionSparsity.keptFraction", lever: (v) => sparseAttention({ keptFraction: v }), spec: (v) => ({ kind: "sparse-attention", keptFraction: v }) },
  { path: "levers.sparse-attention.topK", scenarioField: "model.attentionSparsity.topK", lever: (v) => sparseAttention({ topK: v }), spec: (v) => ({ kind: "sparse-attention", topK: v }) },
  { path: "levers.routing.share", scenarioField: "routing.share", lever: (v) => routing({ share: ratio(v), model: draft, modelQualityDelta: 0 }), spec: (v) => ({ kind: "routing", share: v, model: "llama-3.1-8b", modelQualityDelta: 0 }) },
  { path: "levers.speculative-decoding.acceptanceRate", scenarioField: "speculative.acceptanceRate", lever: (v) => speculativeDecoding({ acceptanceRate: v, draftLength: 4, draftModel: draft }), spec: (v) => ({ kind: "speculative-decoding", acceptanceRate: v, draftLength: 4, draftModel: "llama-3.1-8b" }) },
  { path: "levers.speculative-decoding.draftLength", scenarioField: "speculative.draftLength", lever: (v) => speculativeDecoding({ acceptanceRate: 0.7, draftLength: v, draftModel: draft }), spec: (v) => ({ kind: "speculative-decoding", acceptanceRate: 0.7, draftLength: v, draftModel: "llama-3.1-8b" }) },
  { path: "levers.power-cap.maxPower", scenarioField: "accelerator.maxPower", lever: (v) => powerCap({ maxPower: watts(v) }), spec: (v) => ({ kind: "power-cap", maxPower: v }) },
  { path: "levers.clock-lock.clock", scenarioField: "accelerator.clockLock", lever: (v) => clockLock({ clock: hertz(v) }), spec: (v) => ({ kind: "clock-lock", clock: v }) },
  { path: "levers.kv-compression.latentDim", scenarioField: "model.kvLatentDim", lever: (v) => kvCompression({ latentDim: v }), spec: (v) => ({ kind: "kv-compression", latentDim: v }) },
];

const PARAMETER_LIST = Object.values(PARAMETERS);

describe("one validation: what parseScenario refuses, every entry point refuses", () => {
  it("crossover ranges, uncertain inputs and sweep grids refuse each parameter's out-of-range values", () => {
    const cases = caseCounter("parameters");
    const arbitrary = fc.constantFrom(...PARAMETER_LIST).chain((p) => outside(FIELD_RANGES[p.name as RangePath]).map((v) => ({ p, v })));
    fc.assert(
      fc.property(arbitrary, ({ p, v }) => {
        cases.drawn();
        // The precondition: parseScenario refuses this value for this field.
        expect(E.isLeft(parseScenario(withField(p.name, v))), `parseScenario accepted ${p.name} = ${v}`).toBe(true);
        const valid = p.get(scenario);
        expect(valid, `${p.name} has a value in the base scenario`).toBeDefined();
        const ok = valid!;
        expect(E.isLeft(crossover(scenario, p.name, { low: v, high: ok })), `crossover low ${p.name} = ${v}`).toBe(true);
        expect(E.isLeft(crossover(scenario, p.name, { low: ok, high: v })), `crossover high ${p.name} = ${v}`).toBe(true);
        expect(E.isLeft(uncertain(scenario, { [p.name]: { kind: "interval", low: Math.min(v, ok), mid: ok, high: Math.max(v, ok) } }, { samples: 1 }))).toBe(true);
        expect(E.isLeft(uncertain(scenario, { [p.name]: { kind: "lognormal", median: v, sigma: 0.1 } }, { samples: 1 }))).toBe(true);
        expect(E.isLeft(sweep(scenario, { [p.name]: [ok, v] })), `sweep ${p.name} = ${v}`).toBe(true);
        cases.checked(p.name);
      }),
      { numRuns: 300, seed: 15 },
    );
    // Every parameter drawn and checked several times (18 parameters, 300 draws).
    cases.expectAtLeast(300, Object.fromEntries(PARAMETER_LIST.map((p) => [p.name, 5])));
  });

  it("lever constructors and lever specs refuse the values parseScenario refuses for the same quantity", () => {
    const cases = caseCounter("levers");
    const arbitrary = fc.constantFrom(...LEVER_FIELDS).chain((f) => outside(FIELD_RANGES[f.path]).map((v) => ({ f, v })));
    fc.assert(
      fc.property(arbitrary, ({ f, v }) => {
        cases.drawn();
        // The precondition: parseScenario refuses this value for the matching scenario field.
        expect(E.isLeft(parseScenario(withField(f.scenarioField, v))), `parseScenario accepted ${f.scenarioField} = ${v}`).toBe(true);
        expect(E.isLeft(f.lever(v).apply(scenario)), `${f.path} = ${v}: constructor accepted`).toBe(true);
        expect(E.isLeft(parseLevers([f.spec(v)])), `${f.path} = ${v}: spec accepted`).toBe(true);
        cases.checked(f.path);
      }),
      { numRuns: 240, seed: 15 },
    );
    cases.expectAtLeast(240, Object.fromEntries(LEVER_FIELDS.map((f) => [f.path, 5])));
  });

  it("plan targets and planSearch knobs refuse what parseScenario refuses", () => {
    const cases = caseCounter("plan");
    const target = outside(FIELD_RANGES["plan.target.outputTokensPerSecond"]);
    const count = outside(FIELD_RANGES.count).map((v) => ({ field: "count", v }));
    const concurrency = outside(FIELD_RANGES["workload.concurrency"]).map((v) => ({ field: "workload.concurrency", v }));
    fc.assert(
      fc.property(target, fc.oneof(count, concurrency), (rate, knob) => {
        cases.drawn();
        expect(E.isLeft(plan([scenario], { outputTokensPerSecond: rate }))).toBe(true);
        expect(E.isLeft(plan([scenario], { requestsPerSecond: rate }))).toBe(true);
        expect(E.isLeft(parseScenario(withField(knob.field, knob.v)))).toBe(true);
        const search = planSearch([scenario], { outputTokensPerSecond: 1e5 }, knob.field === "count" ? { counts: [8, knob.v] } : { concurrencies: [64, knob.v] });
        expect(E.isLeft(search), `planSearch ${knob.field} = ${knob.v}`).toBe(true);
        cases.checked(knob.field);
      }),
      { numRuns: 120, seed: 15 },
    );
    cases.expectAtLeast(120, { count: 20, "workload.concurrency": 20 });
  });

  it("by hand: the examples of the issue, each with its message naming field, value and unit", () => {
    const message = <L extends { message: string }>(r: E.Either<L, unknown>): string => (E.isLeft(r) ? r.left.message : "accepted");
    // PUE 0.5 in uncertain, PUE over [0.1, 0.5] in crossover, efficiency 1.5 in a sweep grid, kvCompression ratio 0.5.
    expect(message(uncertain(scenario, { "facility.pue": { kind: "interval", low: 0.5, mid: 1.2, high: 1.4 } }))).toBe("facility.pue.low: expected a ratio in [1, 10], got 0.5");
    expect(message(crossover(scenario, "facility.pue", { low: 0.1, high: 0.5 }))).toContain("range.low: expected a ratio in [1, 10], got 0.1");
    expect(message(sweep(scenario, { "efficiency.compute": [0.5, 1.5] }))).toBe("grid.efficiency.compute.1: expected a fraction in [1e-6, 1], got 1.5");
    expect(message(kvCompression({ ratio: 0.5 }).apply(scenario))).toContain("ratio: expected a compression ratio in [1, 1e6], got 0.5");
    expect(message(plan([scenario], { outputTokensPerSecond: 0 }))).toBe("target.outputTokensPerSecond: expected a rate in (0, 1e15] token/s, got 0");
    // A unit in the message where the field has one.
    expect(message(crossover(scenario, "facility.deliveredPower", { low: -1, high: 1e6 }))).toContain("range.low: expected a delivered power in (0, 1e15] W, got -1");
    // Limits the scenario sets: a shared prefix longer than the prompt (chat: 224 input tokens,
    // DESIGN workload presets), refused by parseScenario and by crossover and sweep alike.
    expect(E.isLeft(parseScenario(withField("workload.sharedPrefixTokens", 300)))).toBe(true);
    expect(message(crossover(scenario, "workload.sharedPrefixTokens", { low: 0, high: 300 }))).toBe("workload.sharedPrefixTokens: range.high: expected a value at most workload.inputTokens [0, 224] token, got 300");
    expect(message(sweep(scenario, { "workload.sharedPrefixTokens": [100, 300] }))).toBe("grid.workload.sharedPrefixTokens.1: expected a value at most workload.inputTokens [0, 224] token, got 300");
    // A grid that lengthens the prompt in the same row: the limit is that row's prompt.
    expect(E.isRight(sweep(scenario, { "workload.inputTokens": [1000, 2000], "workload.sharedPrefixTokens": [300, 1500] }))).toBe(true);
    // (The prompt column is checked first: in row 1 it is shorter than that row's prefix.)
    expect(message(sweep(scenario, { "workload.inputTokens": [1000, 2000], "workload.sharedPrefixTokens": [300, 2500] }))).toBe("grid.workload.inputTokens.1: expected a value at least workload.sharedPrefixTokens [2500, inf) token, got 2000");
    // Layer counts are whole numbers.
    const layers = parseScenario(withField("model.layers", 80.5));
    expect(E.isLeft(layers) && layers.left.issues.map((i) => `${i.path}: ${i.message}`)).toContain("model.layers: expected a whole number of layers in [1, 1e9], got 80.5");
  });
});

// Review of the one-validation work: the sweep, crossover and uncertain studies must evaluate
// only scenarios parseScenario would accept, whatever column they vary.
describe("study parameters stay within what parseScenario accepts", () => {
  it("a prompt shorter than the scenario's shared prefix is refused (the prefix is part of the prompt)", () => {
    const shared = scenarioOf({ ...BASE, workload: { inputTokens: 2000, outputTokens: 200, concurrency: 64, sharedPrefixTokens: 1500 } });
    expect(E.isLeft(parseScenario({ ...BASE, workload: { inputTokens: 100, outputTokens: 200, concurrency: 64, sharedPrefixTokens: 1500 } }))).toBe(true);
    const grid = sweep(shared, { "workload.inputTokens": [100, 2000] });
    expect(E.isLeft(grid) && grid.left.message).toMatch(/^grid\.workload\.inputTokens\.0: expected a value at least workload\.sharedPrefixTokens/);
    expect(E.isLeft(crossover(shared, "workload.inputTokens", { low: 10, high: 1000 }))).toBe(true);
  });

  it("a count study carries the layout to each count: sweeping count 2 on an 8-way scenario = parsing count 2", () => {
    const eight = scenarioOf({ ...BASE, model: "llama-3.1-8b" });
    const twoParsed = scenarioOf({ ...BASE, model: "llama-3.1-8b", count: 2 });
    const swept = sweep(eight, { count: [2] });
    expect(E.isRight(swept)).toBe(true);
    if (E.isRight(swept)) {
      const expected = evaluate(twoParsed).estimate.outputTokensPerSecond;
      expect(swept.right.outputTokensPerSecond[0]! / expected).toBeCloseTo(1, 9);
    }
  });
});
