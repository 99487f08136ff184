import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { ACCELERATOR_IDS, MODEL_IDS, WORKLOAD_IDS, parseScenario, type Scenario } from "../../src/index.js";

/** Valid scenario documents drawn from the catalogs, with a site power and PUE. */
export const scenarioDocument = fc.record({
  accelerator: fc.constantFrom(...ACCELERATOR_IDS),
  count: fc.integer({ min: 1, max: 16 }),
  model: fc.constantFrom(...MODEL_IDS),
  precision: fc.constantFrom("bf16", "fp8"),
  workload: fc.record({
    preset: fc.constantFrom(...WORKLOAD_IDS),
    concurrency: fc.double({ min: 1, max: 512, noNaN: true }),
  }),
  facility: fc.record({
    deliveredPower: fc.double({ min: 1, max: 7, noNaN: true }).map((e) => 10 ** e),
    pue: fc.double({ min: 1, max: 2, noNaN: true }),
    coolingCapacity: fc.double({ min: 1, max: 7, noNaN: true }).map((e) => 10 ** e),
  }),
  utilization: fc.double({ min: 0.05, max: 1, noNaN: true }),
});

/** The scenario of a document, or undefined when the catalog combination is rejected (fp8 on A100). */
export const resolve = (doc: unknown): Scenario | undefined => {
  const parsed = parseScenario(doc);
  return E.isRight(parsed) ? parsed.right : undefined;
};
