import {
  outputTokensPerSecond,
  type JoulesPerOutputToken,
  type OutputTokensPerSecond,
} from "../units/index.js";
import type { Plant } from "./plant.js";

/**
 * Facility-power stave (output tokens/s), or undefined without a delivered-power figure:
 * (P_delivered / PUE) / e_IT — the paper's θ·P_facility/e_tok with θ = 1.
 * @example facilityPowerCeiling({ ...plant, deliveredPower: watts(1200) }, joulesPerOutputToken(0.5)) // 2000 tokens/s at PUE 1.2
 */
export const facilityPowerCeiling = (
  plant: Plant,
  itJoulesPerOutputToken: JoulesPerOutputToken,
): OutputTokensPerSecond | undefined =>
  plant.deliveredPower === undefined
    ? undefined
    : outputTokensPerSecond(plant.deliveredPower / plant.pue / itJoulesPerOutputToken);
