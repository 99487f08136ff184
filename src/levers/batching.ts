import * as E from "fp-ts/lib/Either.js";
import type { Ratio } from "../units/index.js";
import { leverError, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of batching / scheduling. */
export interface BatchingParameters {
  /** Offered concurrency (count, in (0, 1e12]). */
  readonly concurrency?: number;
  /** Utilization U (1, in (0, 1]). */
  readonly utilization?: Ratio;
}

/**
 * Batching and scheduling: a larger running batch amortizes weight reads; a better
 * scheduler raises U. Δq 0 (outputs do not change).
 * @example batching({ concurrency: 256 })
 */
export const batching = (parameters: BatchingParameters): Lever => {
  const parts = [
    parameters.concurrency === undefined ? undefined : `concurrency ${parameters.concurrency}`,
    parameters.utilization === undefined ? undefined : `U ${parameters.utilization}`,
  ].filter((p) => p !== undefined);
  const id = `batching(${parts.join(", ")})`;
  const problem = parameterProblem("batching", { concurrency: parameters.concurrency, utilization: parameters.utilization });
  return {
    id,
    kind: "batching",
    moves: ["batch", "utilization"],
    qualityDelta: 0,
    qualitySource: "batching does not change outputs",
    apply: (scenario) => {
      const { concurrency, utilization } = parameters;
      if (problem !== undefined) return E.left(leverError(id, problem));
      return E.right({
        ...scenario,
        workload: { ...scenario.workload, concurrency: concurrency ?? scenario.workload.concurrency },
        utilization: utilization ?? scenario.utilization,
      });
    },
  };
};
