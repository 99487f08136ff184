import * as E from "fp-ts/lib/Either.js";
import type { Model } from "../domain/model.js";
import { ratio } from "../units/index.js";
import { leverError, withQuality, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of speculative decoding. */
export interface SpeculativeDecodingParameters {
  /** Per-token acceptance rate α (1, in [0, 1]). */
  readonly acceptanceRate: number;
  /** Drafted tokens per step, k (count). */
  readonly draftLength: number;
  /** The draft model. */
  readonly draftModel: Model;
  /** Override of the declared Δq (1). */
  readonly qualityDelta?: number;
}

const QUALITY_SOURCE =
  "Leviathan, Kalman, Matias, ICML 2023 (arXiv 2211.17192): speculative sampling leaves the output distribution unchanged (Δq 0)";

/**
 * Speculative decoding: a draft model proposes k tokens, the target verifies k + 1
 * positions in one pass and keeps E = (1 − α^(k+1))/(1 − α) on average. Weights are read
 * once per E tokens (less memory traffic per token) at the price of extra FLOP.
 * @example speculativeDecoding({ acceptanceRate: 0.8, draftLength: 4, draftModel: MODELS["llama-3.1-8b"] })
 */
export const speculativeDecoding = (parameters: SpeculativeDecodingParameters): Lever => {
  const id = `speculative-decoding(α ${parameters.acceptanceRate}, k ${parameters.draftLength}, ${parameters.draftModel.id})`;
  const qualityDelta = parameters.qualityDelta ?? 0;
  const problem = parameterProblem("speculative-decoding", { acceptanceRate: parameters.acceptanceRate, draftLength: parameters.draftLength, qualityDelta: parameters.qualityDelta });
  return {
    id,
    kind: "speculative-decoding",
    moves: ["weight bytes per token", "FLOP per token", "memory capacity"],
    qualityDelta,
    qualitySource: parameters.qualityDelta === undefined ? QUALITY_SOURCE : "user",
    apply: (scenario) => {
      const { acceptanceRate, draftLength, draftModel } = parameters;
      if (problem !== undefined) return E.left(leverError(id, problem));
      return E.right(
        withQuality(
          { ...scenario, speculative: { acceptanceRate: ratio(acceptanceRate), draftLength, draftModel } },
          qualityDelta,
        ),
      );
    },
  };
};
