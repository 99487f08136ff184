import * as E from "fp-ts/lib/Either.js";
import type { Watts } from "../units/index.js";
import { leverError, type Lever } from "./lever.js";

/** Parameters of power capping. */
export interface PowerCapParameters {
  /** Accelerator power limit (W). */
  readonly maxPower: Watts;
}

/**
 * Power capping: lowers the board limit. The device-power stave moves; where it binds,
 * throughput throttles. Δq 0 (a cap changes speed, not outputs). Samsi et al., HPEC 2023
 * (arXiv 2310.03003): capping V100/A100 250 → 175 W saved ~23% energy for ~6–7% latency.
 * @example powerCap({ maxPower: watts(500) })
 */
export const powerCap = (parameters: PowerCapParameters): Lever => {
  const id = `power-cap(${parameters.maxPower} W)`;
  return {
    id,
    kind: "power-cap",
    moves: ["device power limit"],
    qualityDelta: 0,
    qualitySource: "a power cap does not change outputs",
    apply: (scenario) => {
      const { maxPower } = parameters;
      if (!(maxPower > scenario.accelerator.power.idlePower)) {
        return E.left(leverError(id, `expected a cap above the static power (${scenario.accelerator.power.idlePower.toFixed(0)} W), got ${maxPower} W`));
      }
      return E.right({ ...scenario, accelerator: { ...scenario.accelerator, maxPower } });
    },
  };
};
