import {
  outputTokensPerSecond,
  type JoulesPerOutputToken,
  type OutputTokensPerSecond,
} from "../units/index.js";
import type { Plant } from "./plant.js";

/**
 * Cooling stave (output tokens/s), or undefined without a cooling capacity: the heat the
 * plant can reject over the IT energy per token, since all IT power ends as heat.
 * @example coolingCeiling({ ...plant, coolingCapacity: watts(500) }, joulesPerOutputToken(0.5)) // 1000 tokens/s
 */
export const coolingCeiling = (
  plant: Plant,
  itJoulesPerOutputToken: JoulesPerOutputToken,
): OutputTokensPerSecond | undefined =>
  plant.coolingCapacity === undefined
    ? undefined
    : outputTokensPerSecond(plant.coolingCapacity / itJoulesPerOutputToken);
