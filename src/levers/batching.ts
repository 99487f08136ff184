import * as E from "fp-ts/lib/Either.js";
import type { Ratio } from "../units/index.js";
import { leverError, type Lever } from "./lever.js";

/** Parameters of batching / scheduling. */
export interface BatchingParameters {
  /** Offered concurrency (count, > 0). */
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
  return {
    id,
    kind: "batching",
    moves: ["batch", "utilization"],
    qualityDelta: 0,
    qualitySource: "batching does not change outputs",
    apply: (scenario) => {
      const { concurrency, utilization } = parameters;
      if ((concurrency !== undefined && !(concurrency > 0)) || (utilization !== undefined && !(utilization >= 1e-6 && utilization <= 1))) {
        return E.left(leverError(id, "expected concurrency > 0 and utilization in [1e-6, 1]"));
      }
      return E.right({
        ...scenario,
        workload: { ...scenario.workload, concurrency: concurrency ?? scenario.workload.concurrency },
        utilization: utilization ?? scenario.utilization,
      });
    },
  };
};
