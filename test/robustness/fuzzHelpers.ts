import fc from "fast-check";
import { arbScenarioDocument } from "../../src/testing/index.js";

// At least 100,000 generated inputs per public entry point that takes outside data, with
// the fixed seed of test/setup.ts. The property everywhere: a Left (or exit 2) with a message,
// or a result whose numbers are all finite; never a throw, never a stack trace.
export const RUNS = 100_000;

// A fuzzer's own time limit (ms), far above the global 60 s: 100,000 inputs take 20–60 s on
// 2 cores shared with other jobs, and a loaded CI runner must not turn that into a flaky
// timeout. A fuzzer that hangs still fails, after 4 minutes. Speed belongs in `npm run bench`.
export const FUZZ_TIMEOUT_MS = 240_000;

export const allFinite = (value: unknown, depth = 0): boolean => {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object" || depth > 20) return true;
  return Object.values(value).every((v) => allFinite(v, depth + 1));
};

/** A valid document with one field replaced by something arbitrary (or removed). */
export const mutatedDocument = fc
  .tuple(
    arbScenarioDocument(),
    fc.constantFrom("accelerator", "count", "model", "precision", "workload", "facility", "utilization", "targets", "efficiency", "levers", "replicas", "quality", "speculative", "routing"),
    fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.string(),
      fc.double(),
      fc.constantFrom("", "-1 W", "1e400", "NaN", "Infinity", "0", "-0", "__proto__", "700 J", "1.2 MW", "50 ms", "fp8", "H100-SXM"),
      fc.record({ deliveredPower: fc.oneof(fc.double(), fc.string()), pue: fc.oneof(fc.double(), fc.string()) }),
      fc.record({ inputTokens: fc.double(), outputTokens: fc.double(), concurrency: fc.double() }),
    ),
    fc.boolean(),
  )
  .map(([doc, key, value, remove]) => {
    const copy: Record<string, unknown> = { ...doc };
    if (remove) delete copy[key];
    else copy[key] = value;
    return copy;
  });

