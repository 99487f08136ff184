import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { aggregateProcesses, readInferenceX, readMlEnergyCsv, readMlEnergyJson, readTelemetry } from "../../src/index.js";
import { allFinite, RUNS, FUZZ_TIMEOUT_MS } from "./fuzzHelpers.js";

describe("fuzz: readers", () => {
  const record = fc.dictionary(
    fc.constantFrom("model_id", "task", "weight_precision", "gpu_model", "num_gpus", "max_num_seqs", "avg_batch_size", "avg_output_len", "output_throughput_tokens_per_sec", "avg_power_watts", "energy_per_token_joules", "hardware", "model", "isl", "osl", "conc", "tp", "avg_power_w", "joules_per_output_token", "joules_per_total_token", "metrics", "power_w", "prompt_tokens_per_second", "generation_tokens_per_second", "process_index", "gpu_id", "tokens", "energy", "duration_s", "timestamps"),
    fc.oneof(fc.double(), fc.string({ maxLength: 8 }), fc.constant(null), fc.integer(), fc.constant({}), fc.constant([])),
  );
  const documents = fc.oneof(fc.array(record, { maxLength: 4 }), record, fc.oneof(fc.string({ maxLength: 8 }), fc.double(), fc.constant(null)));
  const readers: [string, (d: unknown) => E.Either<{ message: string }, unknown>][] = [
    ["readMlEnergyJson", readMlEnergyJson],
    ["readInferenceX", readInferenceX],
    ["readTelemetry", readTelemetry],
    ["aggregateProcesses", aggregateProcesses],
    ["readMlEnergyCsv", (d) => readMlEnergyCsv(typeof d === "string" ? d : JSON.stringify(d) ?? "")],
  ];
  for (const [name, read] of readers) {
    it(`${name}: ${RUNS} documents, a Left or records with finite numbers`, () => {
      fc.assert(
        fc.property(documents, (d) => {
          const r = read(d);
          if (E.isLeft(r)) expect(r.left.message.length).toBeGreaterThan(0);
          else expect(allFinite(r.right)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    }, FUZZ_TIMEOUT_MS);
  }
});

