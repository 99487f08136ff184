import { outputTokensPerSecond, type OutputTokensPerSecond } from "../units/index.js";
import { bandwidthRateAt, capacityBatch } from "./decodeStep.js";
import type { Plant } from "./plant.js";

/**
 * Memory-capacity stave (output tokens/s): the decode roofline at the largest batch whose KV
 * cache (at full context L_in + L_out) fits beside the weights in N·M. 0 when not even one
 * sequence fits: the scenario is infeasible.
 * @example memoryCapacityCeiling(plant) // the roofline at the largest batch that fits
 */
export const memoryCapacityCeiling = (plant: Plant): OutputTokensPerSecond => {
  const batch = capacityBatch(plant);
  if (!(batch >= 1)) return outputTokensPerSecond(0);
  return outputTokensPerSecond(plant.replicas * bandwidthRateAt(plant, batch));
};
