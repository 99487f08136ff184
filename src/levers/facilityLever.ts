import * as E from "fp-ts/lib/Either.js";
import type { Ratio, Watts } from "../units/index.js";
import { leverError, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of a facility change. */
export interface FacilityLeverParameters {
  /** New PUE (1, in [1, 10]); liquid cooling is typically 1.1 (InferenceX NVL72 profile). */
  readonly pue?: Ratio;
  /** New cooling capacity (W, in (0, 1e15]). */
  readonly coolingCapacity?: Watts;
}

/**
 * Facility: PUE and cooling changes (e.g. a move to liquid cooling). Moves the
 * facility-power and cooling staves and facility-scope J/token. Δq 0.
 * @example facilityLever({ pue: ratio(1.1) })
 */
export const facilityLever = (parameters: FacilityLeverParameters): Lever => {
  const parts = [
    parameters.pue === undefined ? undefined : `PUE ${parameters.pue}`,
    parameters.coolingCapacity === undefined ? undefined : `cooling ${parameters.coolingCapacity} W`,
  ].filter((p) => p !== undefined);
  const id = `facility(${parts.join(", ")})`;
  const problem = parameterProblem("facility", { pue: parameters.pue, coolingCapacity: parameters.coolingCapacity });
  return {
    id,
    kind: "facility",
    moves: ["PUE", "cooling capacity"],
    qualityDelta: 0,
    qualitySource: "facility changes do not change outputs",
    apply: (scenario) => {
      const { pue, coolingCapacity } = parameters;
      if (problem !== undefined) return E.left(leverError(id, problem));
      return E.right({
        ...scenario,
        facility: {
          ...scenario.facility,
          ...(pue === undefined ? {} : { pue }),
          ...(coolingCapacity === undefined ? {} : { coolingCapacity }),
        },
      });
    },
  };
};
