import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  compareLevers,
  compose,
  evaluate,
  identity,
  kvCompression,
  MODEL_IDS,
  MODELS,
  quantization,
  routing,
  sparseAttention,
  batching,
  powerCap,
  type Lever,
} from "../../src/index.js";
import { watts } from "../../src/units/index.js";
import { resolve, scenarioDocument } from "../helpers/scenarios.js";

const bf16Document = scenarioDocument.map((doc) => ({ ...doc, precision: "bf16" }));

/** Levers that only remove work (bytes or FLOP), leaving everything else as it is. */
const workRemoving: fc.Arbitrary<Lever> = fc.oneof(
  fc.double({ min: 1, max: 16, noNaN: true }).map((r) => kvCompression({ ratio: r })),
  fc.double({ min: 0.05, max: 1, noNaN: true }).map((k) => sparseAttention({ keptFraction: k })),
  fc.integer({ min: 64, max: 8192 }).map((k) => sparseAttention({ topK: k })),
  fc.constant(quantization({ weights: "fp8" })),
  fc.constant(quantization({ kv: "fp8" })),
);

const anyLever: fc.Arbitrary<Lever> = fc.oneof(
  workRemoving,
  fc.constant(quantization({ weights: "fp8", compute: "fp8" })),
  fc.constant(quantization({ compute: "fp4" })),
  fc.double({ min: 0, max: 1, noNaN: true }).chain((share) =>
    fc.constantFrom(...MODEL_IDS).map((id) => routing({ share, model: MODELS[id], modelQualityDelta: -0.05 })),
  ),
  fc.double({ min: 1, max: 1024, noNaN: true }).map((c) => batching({ concurrency: c })),
  fc.double({ min: 100, max: 1500, noNaN: true }).map((w) => powerCap({ maxPower: watts(w) })),
);

describe("lever properties", () => {
  it("a lever that only removes work never lowers the bound", () => {
    fc.assert(fc.property(bf16Document, workRemoving, (doc, lever) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const after = lever.apply(s!);
      if (E.isLeft(after)) throw new Error(after.left.message);
      expect(evaluate(after.right).bound.outputTokensPerSecond).toBeGreaterThanOrEqual(evaluate(s!).bound.outputTokensPerSecond * (1 - 1e-12));
    }));
  });

  it("an infeasible lever is never ranked as feasible; feasible rows meet q* and are feasible", () => {
    fc.assert(fc.property(scenarioDocument, fc.array(anyLever, { maxLength: 5 }), fc.double({ min: 0.9, max: 1, noNaN: true }), (doc, levers, floor) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const rows = compareLevers(s!, levers, { qualityFloor: floor });
      const firstInfeasible = rows.findIndex((r) => !r.feasible);
      if (firstInfeasible >= 0) expect(rows.slice(firstInfeasible).every((r) => !r.feasible && r.reason !== undefined)).toBe(true);
      for (const r of rows.filter((x) => x.feasible)) {
        expect(r.quality).toBeGreaterThanOrEqual(floor);
        expect(r.estimate?.feasible).toBe(true);
        expect(r.outputTokensPerSecond).toBeGreaterThan(0);
      }
    }), { numRuns: 100 });
  });

  it("composition with the identity lever changes nothing", () => {
    fc.assert(fc.property(scenarioDocument, anyLever, (doc, lever) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const plain = lever.apply(s!);
      for (const composed of [compose(identity(), lever), compose(lever, identity())]) {
        const c = composed.apply(s!);
        expect(E.isRight(c)).toBe(E.isRight(plain));
        if (E.isRight(c) && E.isRight(plain)) expect(evaluate(c.right)).toEqual(evaluate(plain.right));
      }
    }), { numRuns: 100 });
  });

  it("routing with share 0 equals the scenario, share 1 equals the second model's scenario", () => {
    fc.assert(fc.property(scenarioDocument, fc.constantFrom(...MODEL_IDS), (doc, second) => {
      const s = resolve(doc);
      fc.pre(s !== undefined);
      const zero = routing({ share: 0, model: MODELS[second], modelQualityDelta: -0.1 }).apply(s!);
      const one = routing({ share: 1, model: MODELS[second], modelQualityDelta: -0.1 }).apply(s!);
      if (E.isLeft(zero) || E.isLeft(one)) throw new Error("routing could not act");
      expect(evaluate(zero.right)).toEqual(evaluate(s!));
      const alone = resolve({ ...doc, model: second });
      fc.pre(alone !== undefined);
      expect(evaluate(one.right)).toEqual(evaluate({ ...alone!, quality: s!.quality - 0.1 }));
    }), { numRuns: 100 });
  });
});
