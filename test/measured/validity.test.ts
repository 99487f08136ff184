import * as E from "fp-ts/lib/Either.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, mlEnergyScenario, parseScenario, parseSimpleCsv, readMlEnergyRow } from "../../src/index.js";

// Every measured run of ML.ENERGY v3 (test/fixtures/README.md) must sit under the bound of
// its scenario: same accelerator, GPU count, model, precision, measured mean batch and
// output length. A violation is a bug in the bound, not in the data.
const rows = parseSimpleCsv(readFileSync(new URL("../fixtures/mlenergy_v3_runs.csv", import.meta.url), "utf8"));

describe("validity on ML.ENERGY v3 runs", () => {
  it("reads all 426 runs and maps each to a scenario", () => {
    expect(rows).toHaveLength(426);
    for (const row of rows) {
      const run = readMlEnergyRow(row);
      expect(E.isRight(run)).toBe(true);
      if (E.isRight(run)) expect(E.isRight(mlEnergyScenario(run.right))).toBe(true);
    }
  });

  it("measured output tokens/s ≤ bound and J/output token ≥ the bound's marginal accelerator J for every run (0 violations)", () => {
    const ratios: number[] = [];
    for (const row of rows) {
      const run = readMlEnergyRow(row);
      if (E.isLeft(run)) throw new Error(JSON.stringify(run.left));
      const doc = mlEnergyScenario(run.right);
      if (E.isLeft(doc)) throw new Error(doc.left);
      const scenario = parseScenario(doc.right);
      if (E.isLeft(scenario)) throw new Error(JSON.stringify(scenario.left));
      const bound = evaluate(scenario.right).bound;
      ratios.push(run.right.outputThroughput / bound.outputTokensPerSecond);
      // GPU board energy per token can be no lower than the bound's marginal accelerator energy.
      expect(run.right.energyPerTokenJoules, row.model_id).toBeGreaterThanOrEqual(bound.marginalJoulesPerOutputToken!.accelerator);
    }
    const violations = ratios.filter((r) => r > 1);
    expect(violations).toEqual([]);
    // Also a sanity check that the bound is not vacuous: the best run reaches a real share of it.
    expect(Math.max(...ratios)).toBeGreaterThan(0.3);
  });

  it("published cross-check: J/output-token = avg power ÷ output throughput for every row", () => {
    for (const row of rows) {
      const run = readMlEnergyRow(row);
      if (E.isLeft(run)) throw new Error(JSON.stringify(run.left));
      const r = run.right;
      expect(Math.abs(r.avgPowerWatts / r.outputThroughput / r.energyPerTokenJoules - 1)).toBeLessThan(1e-4);
    }
  });
});
