import {
  outputTokensPerSecond,
  type JoulesPerOutputToken,
  type OutputTokensPerSecond,
} from "../units/index.js";
import type { Plant } from "./plant.js";

/**
 * Facility-power stave (output tokens/s), or undefined without a delivered-power figure:
 * (P_delivered / PUE) / e_IT — the paper's θ·P_facility/e_tok with θ = 1.
 */
export const facilityPowerCeiling = (
  plant: Plant,
  itJoulesPerOutputToken: JoulesPerOutputToken,
): OutputTokensPerSecond | undefined =>
  plant.deliveredPower === undefined
    ? undefined
    : outputTokensPerSecond(plant.deliveredPower / plant.pue / itJoulesPerOutputToken);
