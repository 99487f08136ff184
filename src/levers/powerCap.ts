import * as E from "fp-ts/lib/Either.js";
import type { Watts } from "../units/index.js";
import { leverError, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of power capping. */
export interface PowerCapParameters {
  /** Accelerator power limit (W), within the device's settable range. */
  readonly maxPower: Watts;
}

/**
 * Power capping: sets the board power limit, which must lie within the device's settable range
 * (H100 SXM: 200–700 W); this is the one place the range is checked. Where the power at full
 * clocks exceeds the cap the chip lowers its clock: compute-bound phases slow with it,
 * memory-bound decode barely (it draws far below the limit). Δq 0 (a cap changes speed, not
 * outputs). Samsi et al., HPEC 2023 (arXiv 2310.03003): capping V100/A100 250 → 175 W saved ~23%
 * energy for ~6–7% latency; Ma et al., arXiv 2605.11999: a cap never triggers in memory-bound
 * decode on H200.
 * @example powerCap({ maxPower: watts(350) })
 */
export const powerCap = (parameters: PowerCapParameters): Lever => {
  const id = `power-cap(${parameters.maxPower} W)`;
  const problem = parameterProblem("power-cap", { maxPower: parameters.maxPower });
  return {
    id,
    kind: "power-cap",
    moves: ["device power limit", "clock under the limit"],
    qualityDelta: 0,
    qualitySource: "a power cap does not change outputs",
    apply: (scenario) => {
      const { maxPower } = parameters;
      if (problem !== undefined) return E.left(leverError(id, problem));
      const { min, max } = scenario.accelerator.power.powerLimitRange;
      if (!(maxPower >= min && maxPower <= max)) {
        return E.left(leverError(id, `expected a power limit within ${scenario.accelerator.id}'s settable range ${min}–${max} W, got ${maxPower} W`));
      }
      return E.right({ ...scenario, accelerator: { ...scenario.accelerator, maxPower } });
    },
  };
};
