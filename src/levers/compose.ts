import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../domain/scenario.js";
import type { Lever, LeverError } from "./lever.js";

/**
 * The lever that changes nothing (Δq 0): the unit of compose.
 * @example compose(identity(), quantization({ weights: "fp8" }))
 */
export const identity = (): Lever => ({
  id: "identity",
  kind: "identity",
  moves: [],
  qualityDelta: 0,
  qualitySource: "—",
  apply: E.right,
});

/**
 * Levers applied in order, left to right; Δq adds up. The first lever that cannot act
 * stops the chain with its error.
 * @example compose(quantization({ weights: "fp8" }), kvCompression({ ratio: 4 }))
 */
export const compose = (...levers: readonly Lever[]): Lever => {
  if (levers.length === 1) return levers[0]!;
  return {
    id: levers.length === 0 ? "identity" : levers.map((l) => l.id).join(" + "),
    kind: levers.length === 0 ? "identity" : "composite",
    moves: [...new Set(levers.flatMap((l) => l.moves))],
    qualityDelta: levers.reduce((sum, l) => sum + l.qualityDelta, 0),
    qualitySource: levers.map((l) => l.qualitySource).join("; "),
    apply: (scenario: Scenario) =>
      levers.reduce<E.Either<LeverError, Scenario>>((acc, lever) => E.flatMap(acc, lever.apply), E.right(scenario)),
  };
};
