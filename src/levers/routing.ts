import * as E from "fp-ts/lib/Either.js";
import { peakFlopPerSecondAt } from "../catalog/accelerators.js";
import type { Model } from "../domain/model.js";
import type { PrecisionSet } from "../domain/precision.js";
import { ratio } from "../units/index.js";
import { leverError, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of routing. */
export interface RoutingParameters {
  /** Share of requests sent to the second model (1, in [0, 1]). */
  readonly share: number;
  /** The second (usually smaller) model. */
  readonly model: Model;
  /** Its quality relative to the served model (1, on the scenario's scale); required. */
  readonly modelQualityDelta: number;
  /** Its precisions; default the scenario's. */
  readonly precision?: PrecisionSet;
}

/**
 * Routing: `share` of requests go to a second model on the same plant. Throughput is the
 * time-shared mixture (harmonic in request rate), costs per request mix linearly, and quality
 * mixes as (1 − s)·q + s·(q + Δq_model), so the lever's Δq is s·Δq_model. The second model's
 * quality must be given: it depends on the pair and the router (RouteLLM, lmsys.org
 * 2024-07-01, reached 95% of GPT-4 quality at −85% cost on MT Bench with a trained router).
 * @example routing({ share: 0.5, model: MODELS["llama-3.1-8b"], modelQualityDelta: -0.1 })
 */
export const routing = (parameters: RoutingParameters): Lever => {
  const id = `routing(${(parameters.share * 100).toFixed(0)}% to ${parameters.model.id})`;
  const problem = parameterProblem("routing", { share: parameters.share, modelQualityDelta: parameters.modelQualityDelta });
  return {
    id,
    kind: "routing",
    moves: ["FLOP per request", "bytes per request", "memory capacity"],
    qualityDelta: parameters.share * parameters.modelQualityDelta,
    qualitySource: "user (second model's quality); mixture by request share",
    apply: (scenario) => {
      if (problem !== undefined) return E.left(leverError(id, problem));
      const precision = parameters.precision ?? scenario.precision;
      if (peakFlopPerSecondAt(scenario.accelerator, precision.compute) === undefined) {
        return E.left(leverError(id, `${scenario.accelerator.id} has no ${precision.compute} tensor cores`));
      }
      return E.right({
        ...scenario,
        routing: {
          share: ratio(parameters.share),
          model: parameters.model,
          precision,
          quality: scenario.quality + parameters.modelQualityDelta,
        },
      });
    },
  };
};
