import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { AcceleratorDocument, LeverSpecDocument, ParameterName, ScenarioDocument, WorkloadDocument } from "../../src/index.js";
import type { scenarioInputSchema } from "../../src/schema/scenarioSchema.js";

describe("public types", () => {
  it("ScenarioDocument: ids, inline objects and unit strings are accepted; wrong shapes are not", () => {
    expectTypeOf<{ accelerator: "H100-SXM"; count: 8; model: "llama-3.1-70b"; precision: "fp8"; workload: "chat"; facility: { deliveredPower: "1 MW"; pue: 1.2 } }>().toMatchTypeOf<ScenarioDocument>();
    expectTypeOf<{ accelerator: { base: "B200"; maxPower: "900 W" }; count: 8; model: { base: "llama-3.1-70b"; layers: 80 }; precision: { weights: "fp8"; kv: "fp8" }; workload: { preset: "chat"; concurrency: 32 } }>().toMatchTypeOf<ScenarioDocument>();
    // A count as a string, a precision that does not exist, a missing model: not documents.
    expectTypeOf<{ accelerator: "H100-SXM"; count: "8"; model: "x"; precision: "fp8"; workload: "chat" }>().not.toMatchTypeOf<ScenarioDocument>();
    expectTypeOf<{ accelerator: "H100-SXM"; count: 8; model: "x"; precision: "fp7"; workload: "chat" }>().not.toMatchTypeOf<ScenarioDocument>();
    expectTypeOf<{ accelerator: "H100-SXM"; count: 8; precision: "fp8"; workload: "chat" }>().not.toMatchTypeOf<ScenarioDocument>();
    expectTypeOf<{ kind: "power-cap"; maxPower: "500 W" }>().toMatchTypeOf<LeverSpecDocument>();
    expectTypeOf<{ kind: "power-cap" }>().not.toMatchTypeOf<LeverSpecDocument>();
  });
  it("ScenarioDocument has exactly the schema's top-level fields; new fields are typed", () => {
    expectTypeOf<keyof ScenarioDocument>().toEqualTypeOf<keyof z.input<typeof scenarioInputSchema>>();
    expectTypeOf<{ parallelism: { tensor: 4; pipeline: 2 }; engine: "sglang" }>().toMatchTypeOf<Pick<ScenarioDocument, "parallelism" | "engine">>();
    expectTypeOf<{ engine: "tgi" }>().not.toMatchTypeOf<Pick<ScenarioDocument, "engine">>();
    expectTypeOf<{ peakFlopPerSecond: { bf16: "1.2 PFLOPS" }; clockLock: "1.4 GHz" }>().toMatchTypeOf<AcceleratorDocument>();
    expectTypeOf<{ sharedPrefixTokens: 512 }>().toMatchTypeOf<WorkloadDocument>();
  });
  it("ParameterName is the union of the parameter names", () => {
    expectTypeOf<"facility.deliveredPower">().toMatchTypeOf<ParameterName>();
    expectTypeOf<"targets.tpot">().toMatchTypeOf<ParameterName>();
    expectTypeOf<"facility.peu">().not.toMatchTypeOf<ParameterName>();
    expectTypeOf<string>().not.toMatchTypeOf<ParameterName>();
  });
});
