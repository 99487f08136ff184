import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { ACCELERATOR_IDS, type AcceleratorId } from "../catalog/accelerators.js";
import { FACILITY_IDS } from "../catalog/facilities.js";
import { MODEL_IDS, type ModelId } from "../catalog/models.js";
import { WORKLOAD_IDS } from "../catalog/workloads.js";
import type { Scenario } from "../domain/scenario.js";
import { parseScenario } from "../schema/parseScenario.js";

// fast-check arbitraries for property-based what-if studies. Ranges are the ones a planner
// meets: 1–16 accelerators per replica, concurrency 1–512, sites from 1 kW to 100 MW,
// PUE 1.05–1.6, utilization 5–100%. Magnitudes are drawn log-uniformly.

const logUniform = (low: number, high: number): fc.Arbitrary<number> =>
  fc.double({ min: Math.log10(low), max: Math.log10(high), noNaN: true }).map((e) => 10 ** e);

/**
 * An accelerator catalog id.
 * @example fc.sample(arbAcceleratorId(), 3)
 */
export const arbAcceleratorId = (): fc.Arbitrary<AcceleratorId> => fc.constantFrom(...ACCELERATOR_IDS);

/**
 * A model catalog id.
 * @example fc.sample(arbModelId(), 3)
 */
export const arbModelId = (): fc.Arbitrary<ModelId> => fc.constantFrom(...MODEL_IDS);

/**
 * A workload document: a preset with a concurrency (1–512), or explicit lengths.
 * @example fc.sample(arbWorkload(), 1)
 */
export const arbWorkload = () =>
  fc.oneof(
    fc.record({ preset: fc.constantFrom(...WORKLOAD_IDS), concurrency: logUniform(1, 512) }),
    fc.record({ inputTokens: logUniform(1, 65536), outputTokens: logUniform(1, 16384), concurrency: logUniform(1, 512) }),
  );

/**
 * A facility document: a preset, delivered power 1 kW–100 MW, PUE 1.05–1.6, optional cooling.
 * @example fc.sample(arbFacility(), 1)
 */
export const arbFacility = () =>
  fc.record(
    {
      preset: fc.constantFrom(...FACILITY_IDS),
      deliveredPower: logUniform(1e3, 1e8),
      pue: fc.double({ min: 1.05, max: 1.6, noNaN: true }),
      coolingCapacity: logUniform(1e3, 1e8),
    },
    { requiredKeys: ["preset", "deliveredPower", "pue"] },
  );

/** Options of arbScenarioDocument: pin any part. */
export interface ScenarioArbitraryOptions {
  readonly accelerator?: AcceleratorId;
  readonly model?: ModelId;
  readonly count?: number;
}

/**
 * A scenario document (the JSON shape tpf evaluate accepts); it may fail to resolve (fp8 on A100).
 * @example fc.assert(fc.property(arbScenarioDocument({ accelerator: "B200" }), (doc) => E.isRight(parseScenario(doc)) || true))
 */
export const arbScenarioDocument = (options: ScenarioArbitraryOptions = {}) =>
  fc.record({
    accelerator: options.accelerator === undefined ? arbAcceleratorId() : fc.constant(options.accelerator),
    count: options.count === undefined ? fc.integer({ min: 1, max: 16 }) : fc.constant(options.count),
    model: options.model === undefined ? arbModelId() : fc.constant(options.model),
    precision: fc.constantFrom("bf16", "fp8", "fp16"),
    workload: arbWorkload(),
    facility: arbFacility(),
    utilization: fc.double({ min: 0.05, max: 1, noNaN: true }),
  });

/**
 * A resolved Scenario that parseScenario accepts.
 * @example fc.assert(fc.property(arbScenario(), (s) => evaluate(s).bound.outputTokensPerSecond >= 0))
 */
export const arbScenario = (options: ScenarioArbitraryOptions = {}): fc.Arbitrary<Scenario> =>
  arbScenarioDocument(options)
    .map((doc) => parseScenario(doc))
    .filter(E.isRight)
    .map((r) => (r as E.Right<Scenario>).right);
