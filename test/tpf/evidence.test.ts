import * as E from "fp-ts/lib/Either.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ACCELERATORS,
  evaluate,
  parseScenario,
  peakFlopPerSecondAt,
  tensorFormat,
  type AcceleratorId,
  type Precision,
} from "../../src/index.js";

// The bound's one promise, checked against public peak measurements (test/fixtures/evidence):
// no measured rate above its bound, no measured energy per token below the bound's floor. The
// 426 shared ML.ENERGY runs are checked the same way in test/measured/validity.test.ts.

interface MlperfRow {
  readonly id: string;
  readonly accelerator: string;
  readonly count: number;
  readonly measuredOutputTokensPerSecond: number;
  readonly scenarioDocument: unknown;
  readonly source: string;
}
interface GemmRow {
  readonly id: string;
  readonly accelerator: AcceleratorId;
  readonly precision: Precision;
  readonly measuredFlopPerSecond: number;
  readonly powerLimitW: number | null;
  readonly source: string;
}
const evidence = JSON.parse(readFileSync(new URL("../fixtures/evidence/peak-measurements.json", import.meta.url), "utf8")) as {
  readonly mlperf: readonly MlperfRow[];
  readonly gemm: readonly GemmRow[];
};

describe("public peak measurements never exceed the bound", () => {
  it("has at least 20 MLPerf rows, each with a source", () => {
    expect(evidence.mlperf.length).toBeGreaterThanOrEqual(20);
    for (const row of evidence.mlperf) expect(row.source.length).toBeGreaterThan(10);
  });

  it("MLPerf Inference Offline results: measured output tokens/s ≤ bound", () => {
    const ratios: [string, number][] = [];
    for (const row of evidence.mlperf) {
      const scenario = parseScenario(row.scenarioDocument);
      if (E.isLeft(scenario)) throw new Error(`${row.id}: ${JSON.stringify(scenario.left)}`);
      const bound = evaluate(scenario.right).bound;
      expect(bound.feasible, row.id).toBe(true);
      ratios.push([row.id, row.measuredOutputTokensPerSecond / bound.outputTokensPerSecond]);
    }
    expect(ratios.filter(([, r]) => r > 1)).toEqual([]);
  });

  it("issue 12: MLPerf v5.1 closed, 8×B200 at 1,000 W, Llama-2-70B Offline, 98,608 tokens/s, is below its bound", () => {
    const scenario = parseScenario({
      accelerator: "B200", count: 8, model: "llama-2-70b",
      precision: { weights: "fp4", kv: "fp8", compute: "fp4" },
      workload: { inputTokens: 222, outputTokens: 273, concurrency: 4096 },
    });
    if (E.isLeft(scenario)) throw new Error(JSON.stringify(scenario.left));
    expect(evaluate(scenario.right).bound.outputTokensPerSecond).toBeGreaterThan(98_608);
  });

  it("sustained GEMMs: measured FLOP/s ≤ the bound's per-accelerator compute and device-power ceilings", () => {
    expect(evidence.gemm.length).toBeGreaterThanOrEqual(10);
    for (const row of evidence.gemm) {
      const accelerator = ACCELERATORS[row.accelerator];
      const peak = peakFlopPerSecondAt(accelerator, row.precision);
      expect(peak, row.id).toBeDefined();
      // Device power: the limit over the bound's lowest energy per FLOP of that format.
      const perFlop = accelerator.power.bound.joulesPerFlop[tensorFormat(row.precision)]!;
      const ceiling = Math.min(peak!, (row.powerLimitW ?? accelerator.defaultPowerLimit) / perFlop);
      expect(row.measuredFlopPerSecond, row.id).toBeLessThanOrEqual(ceiling);
    }
  });
});

