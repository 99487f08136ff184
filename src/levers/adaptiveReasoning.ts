import * as E from "fp-ts/lib/Either.js";
import { rangeProblem } from "../domain/ranges.js";
import { leverError, withQuality, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of difficulty-adaptive reasoning. */
export interface AdaptiveReasoningParameters {
  /** Output tokens per request multiplier (1, in (0, 1e6]); default 0.776 (DiffAdapt's −22.4%). */
  readonly outputFactor?: number;
  /** Override of the declared Δq (1). */
  readonly qualityDelta?: number;
}

const QUALITY_SOURCE =
  "DiffAdapt (Liu et al., ICLR 2026, arXiv 2510.19669): up to −22.4% tokens at comparable or better accuracy";

/**
 * Difficulty-adaptive reasoning: fewer output tokens per request. Per-token costs barely
 * move, so judge it per request (J/request, requests/s), not per token.
 * @example adaptiveReasoning({ outputFactor: 0.776 })
 */
export const adaptiveReasoning = (parameters: AdaptiveReasoningParameters = {}): Lever => {
  const factor = parameters.outputFactor ?? 0.776;
  const id = `adaptive-reasoning(×${factor})`;
  const qualityDelta = parameters.qualityDelta ?? 0;
  const problem = parameterProblem("adaptive-reasoning", { outputFactor: factor, qualityDelta: parameters.qualityDelta });
  return {
    id,
    kind: "adaptive-reasoning",
    moves: ["output tokens per request"],
    qualityDelta,
    qualitySource: parameters.qualityDelta === undefined ? QUALITY_SOURCE : "user",
    apply: (scenario) => {
      if (problem !== undefined) return E.left(leverError(id, problem));
      const outputTokens = Math.max(1, scenario.workload.outputTokens * factor);
      // The scaled workload must still be one parseScenario accepts.
      const tooLong = rangeProblem("workload.outputTokens", outputTokens);
      if (tooLong !== undefined) return E.left(leverError(id, tooLong));
      return E.right(withQuality({ ...scenario, workload: { ...scenario.workload, outputTokens } }, qualityDelta));
    },
  };
};
