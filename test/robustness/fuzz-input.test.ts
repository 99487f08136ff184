import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { evaluate, parseScenario } from "../../src/index.js";
import { bandwidth, carbonIntensity, computeRate, energy, parseQuantity, power, ratioKind, time } from "../../src/units/index.js";
import { allFinite, mutatedDocument, RUNS, FUZZ_TIMEOUT_MS } from "./fuzzHelpers.js";

describe("fuzz: parseQuantity", () => {
  const kinds = [power, energy, time, computeRate, bandwidth, carbonIntensity, ratioKind];
  it(`${RUNS} inputs: Left with a message or a finite number`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.anything(), fc.double(), fc.tuple(fc.double(), fc.constantFrom("W", "kW", "TB/s", "g/kWh", "FLOP/s", "h", "µs", "J/token", "x/y", "^", "(", "W W")).map(([v, u]) => `${v} ${u}`)),
        fc.constantFrom(...kinds),
        (input, kind) => {
          const r = parseQuantity(input, kind as typeof power);
          if (E.isRight(r)) expect(Number.isFinite(r.right)).toBe(true);
          else expect(r.left.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT_MS);
});

describe("fuzz: parseScenario (and evaluate on what it accepts)", () => {
  it(`${RUNS} documents: Left naming fields, or a scenario whose evaluation is all finite`, () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: mutatedDocument }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }), (doc) => {
        const r = parseScenario(doc);
        if (E.isLeft(r)) {
          expect(r.left.issues.length).toBeGreaterThan(0);
          for (const issue of r.left.issues) expect(issue.message.length).toBeGreaterThan(0);
        } else expect(allFinite(evaluate(r.right))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT_MS);
});

